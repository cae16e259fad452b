// File modes as chmod, mkdir -m, mkfifo -m, mknod -m and install -m read them (gnulib's
// modechange: octal numbers and symbolic `[ugoa]*[-+=]([rwxXst]*|[ugo])` clauses separated by
// commas), applied to an old mode with the umask as GNU applies them, and the `rwxr-xr-x` text
// that `chmod -v` and `ls -l` print.

import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK } from '../../abi/stat.ts';

const S_ISUID = 0o4000;
const S_ISGID = 0o2000;
const S_ISVTX = 0o1000;
const S_IRWXU = 0o700;
const S_IRWXG = 0o070;
const S_IRWXO = 0o007;
const S_IRWXUGO = 0o777;
/** The bits chmod may change: permissions plus set-user-ID, set-group-ID and sticky. */
export const CHMOD_MODE_BITS = 0o7777;

type Flag = 'ordinary' | 'copy' | 'x-if-any-x';

/** One clause of a mode: `op` applied to the `affected` bits (0: not said, the umask decides). */
export interface ModeChange {
  op: '=' | '+' | '-';
  flag: Flag;
  affected: number;
  value: number;
  /** Bits the clause named; set-ID bits of a directory that it did not name are kept. */
  mentioned: number;
}

/** Parse a mode as chmod does; null when it is not a valid mode. */
export function compileMode(text: string): ModeChange[] | null {
  if (/^[0-7]/.test(text)) {
    if (!/^[0-7]+$/.test(text)) return null;
    let octal = 0;
    for (const c of text) {
      octal = octal * 8 + Number(c);
      if (octal > CHMOD_MODE_BITS) return null;
    }
    // Fewer than five digits leave a directory's set-ID bits alone unless they are set.
    const mentioned = text.length < 5 ? (octal & (S_ISUID | S_ISGID)) | S_ISVTX | S_IRWXUGO : CHMOD_MODE_BITS;
    return [{ op: '=', flag: 'ordinary', affected: CHMOD_MODE_BITS, value: octal, mentioned }];
  }
  const changes: ModeChange[] = [];
  let i = 0;
  const at = (): string => text[i] ?? '';
  for (;;) {
    let affected = 0;
    for (;; i++) {
      const c = at();
      if (c === 'u') affected |= S_ISUID | S_IRWXU;
      else if (c === 'g') affected |= S_ISGID | S_IRWXG;
      else if (c === 'o') affected |= S_ISVTX | S_IRWXO;
      else if (c === 'a') affected |= CHMOD_MODE_BITS;
      else if (c === '=' || c === '+' || c === '-') break;
      else return null;
    }
    do {
      const op = at() as ModeChange['op'];
      i++;
      let value = 0;
      let flag: Flag = 'copy';
      const c = at();
      if (c === 'u') { value = S_IRWXU; i++; }
      else if (c === 'g') { value = S_IRWXG; i++; }
      else if (c === 'o') { value = S_IRWXO; i++; }
      else {
        flag = 'ordinary';
        for (;; i++) {
          const p = at();
          if (p === 'r') value |= 0o444;
          else if (p === 'w') value |= 0o222;
          else if (p === 'x') value |= 0o111;
          else if (p === 'X') flag = 'x-if-any-x';
          else if (p === 's') value |= S_ISUID | S_ISGID;
          else if (p === 't') value |= S_ISVTX;
          else break;
        }
      }
      changes.push({ op, flag, affected, value, mentioned: affected ? affected & value : value });
    } while (at() === '=' || at() === '+' || at() === '-');
    if (at() !== ',') break;
    i++;
  }
  return i === text.length ? changes : null;
}

export interface Adjusted {
  mode: number;
  /** The bits the changes touched (what mkdir -m must set explicitly past the umask). */
  bits: number;
}

/** gnulib's mode_adjust: the new permission bits of a file whose old mode is `oldMode`. */
export function adjustMode(oldMode: number, isDir: boolean, umask: number, changes: ModeChange[]): Adjusted {
  let mode = oldMode & CHMOD_MODE_BITS;
  let bits = 0;
  for (const ch of changes) {
    const omit = (isDir ? S_ISUID | S_ISGID : 0) & ~ch.mentioned;
    let value = ch.value;
    if (ch.flag === 'copy') {
      value &= mode;
      value |= (value & 0o444 ? 0o444 : 0) | (value & 0o222 ? 0o222 : 0) | (value & 0o111 ? 0o111 : 0);
    } else if (ch.flag === 'x-if-any-x') {
      if (mode & 0o111 || isDir) value |= 0o111;
    }
    value &= (ch.affected ? ch.affected : ~umask) & ~omit;
    if (ch.op === '=') {
      const preserved = (ch.affected ? ~ch.affected : 0) | omit;
      bits |= CHMOD_MODE_BITS & ~preserved;
      mode = (mode & preserved) | value;
    } else if (ch.op === '+') {
      bits |= value;
      mode |= value;
    } else {
      bits |= value;
      mode &= ~value;
    }
  }
  return { mode: mode & CHMOD_MODE_BITS, bits: bits & CHMOD_MODE_BITS };
}

/** The nine permission letters with set-ID and sticky folded in: `rwsr-x--T`. */
export function permString(mode: number): string {
  const rwx = (shift: number, special: number, letter: string): string => {
    const r = mode & (4 << shift) ? 'r' : '-';
    const w = mode & (2 << shift) ? 'w' : '-';
    const x = mode & (1 << shift);
    const xs = mode & special ? (x ? letter : letter.toUpperCase()) : x ? 'x' : '-';
    return r + w + xs;
  };
  return rwx(6, S_ISUID, 's') + rwx(3, S_ISGID, 's') + rwx(0, S_ISVTX, 't');
}

/** The file type letter `ls -l` puts before the permissions. */
export function typeLetter(mode: number): string {
  switch (mode & S_IFMT) {
    case S_IFDIR: return 'd';
    case S_IFLNK: return 'l';
    case S_IFCHR: return 'c';
    case S_IFBLK: return 'b';
    case S_IFIFO: return 'p';
    case S_IFSOCK: return 's';
    case S_IFREG: return '-';
    default: return '?';
  }
}

/** strmode(3) without the trailing space: `drwxr-xr-x`. */
export function modeString(mode: number): string {
  return typeLetter(mode) + permString(mode);
}

/** Four octal digits, as chmod -v prints a mode. */
export function octal4(mode: number): string {
  return (mode & CHMOD_MODE_BITS).toString(8).padStart(4, '0');
}


/** gnulib's file_type(): the words rm's prompts and `stat -c %F` use for a file's type. */
export function fileTypeName(mode: number, size: number): string {
  switch (mode & S_IFMT) {
    case S_IFREG: return size === 0 ? 'regular empty file' : 'regular file';
    case S_IFDIR: return 'directory';
    case S_IFLNK: return 'symbolic link';
    case S_IFCHR: return 'character special file';
    case S_IFBLK: return 'block special file';
    case S_IFIFO: return 'fifo';
    case S_IFSOCK: return 'socket';
    default: return 'weird file';
  }
}
