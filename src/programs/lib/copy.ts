// The copying engine of GNU cp (copy.c), shared by cp, mv (a rename, or a copy when rename
// says EXDEV) and install: one file or a whole tree, with its attributes as the options ask
// (mode, owner, times, extended attributes, hard links between the files copied), symbolic
// links copied as links or followed, backups, -i/-n/-u/-f, and GNU's checks and messages
// (same file, directory into itself, overwriting a directory with a file and back).

import { isSysError, strerror, type ErrnoName } from '../../abi/errno.ts';
import { O_CLOEXEC, O_CREAT, O_EXCL, O_NOFOLLOW, O_RDONLY, O_TRUNC, O_WRONLY, RENAME_NOREPLACE, W_OK } from '../../abi/open-flags.ts';
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, type Stat } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import { backupName, type Backup } from './backup.ts';
import { canonicalize, dirName } from './canonicalize.ts';
import { permString } from './mode.ts';
import { quote, quoteIfNeeded } from './quote.ts';
import { report } from './report.ts';
import type { Tool } from './tool.ts';
import { listDir } from './walk.ts';
import { flushForPrompt, type YesNo } from './yesno.ts';

export type Deref = 'never' | 'command-line' | 'always';

export interface CopyOptions {
  program: 'cp' | 'mv' | 'install';
  recursive: boolean;
  dereference: Deref;
  hardLink: boolean;
  symbolicLink: boolean;
  /** -i asks, -n says no, mv -f says yes; unspecified: mv asks about unwritable files on a terminal. */
  interactive: 'unspecified' | 'ask' | 'no' | 'yes';
  /** --remove-destination. */
  removeDestination: boolean;
  /** -f: an existing destination that cannot be opened is removed and made anew. */
  force: boolean;
  update: boolean;
  verbose: boolean;
  preserveMode: boolean;
  preserveOwnership: boolean;
  preserveTimestamps: boolean;
  preserveLinks: boolean;
  preserveXattr: boolean;
  /** Whether a failure to preserve is an error (asked for explicitly) or passed over (-a). */
  requirePreserve: boolean;
  requirePreserveXattr: boolean;
  explicitNoPreserveMode: boolean;
  /** install -m: the mode every copy gets. */
  setMode: number | null;
  oneFileSystem: boolean;
  /** Read special files as data (cp without -r, or with --copy-contents). */
  copyAsRegular: boolean;
  /** False for --attributes-only. */
  dataCopyRequired: boolean;
  backup: Backup;
  stdinTty: boolean;
  /** mv inside a tree it is copying: rename already failed this way above, so do not retry. */
  renameErrno?: ErrnoName;
}

export interface CopyResult {
  ok: boolean;
  /** A directory was to be copied into itself (mv then fails without removing anything). */
  intoSelf: boolean;
  /** mv: the source was renamed (or left alone on purpose), so there is nothing to remove. */
  renamed: boolean;
}

const key = (st: Stat): string => `${st.dev}:${st.ino}`;
const isDir = (m: number): boolean => (m & S_IFMT) === S_IFDIR;
const isLnk = (m: number): boolean => (m & S_IFMT) === S_IFLNK;
const isReg = (m: number): boolean => (m & S_IFMT) === S_IFREG;

/** file_name_concat: DIR/NAME without doubling a slash. */
export function joinName(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

function lastComponent(name: string): string {
  const trimmed = name.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

class Failed extends Error {}

export class Copier {
  /** Source dev:ino -> destination name (remember_copied), for hard links and loops. */
  private copied = new Map<string, string>();
  /** Command-line sources seen (cp a a d/ warns), and destinations made, by dev:ino. */
  srcInfo: Map<string, string[]> | null = null;
  destInfo: Map<string, string[]> | null = null;
  private topSrc = '';
  private topDst = '';
  private umaskValue: number | null = null;

  constructor(readonly tool: Tool, readonly o: CopyOptions, readonly answers: YesNo) {}

  get sys(): Sys {
    return this.tool.sys;
  }

  /** Keep the hash tables that only matter when one command copies several files. */
  trackSeveral(): void {
    this.srcInfo = new Map();
    this.destInfo = new Map();
  }

  private async umask(): Promise<number> {
    if (this.umaskValue === null) {
      this.umaskValue = await this.sys.umask(0);
      await this.sys.umask(this.umaskValue);
    }
    return this.umaskValue;
  }

  private async fail(message: string): Promise<false> {
    await report(this.tool, message);
    return false;
  }

  private async failSys(e: unknown, what: string): Promise<false> {
    if (!isSysError(e)) throw e;
    return this.fail(`${what}: ${strerror(e.code)}`);
  }

  private async tryStat(path: string, follow: boolean): Promise<Stat | ErrnoName> {
    try {
      return follow ? await this.sys.stat(path) : await this.sys.lstat(path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return e.code;
    }
  }

  /** gnulib's same_name: one directory entry, named two ways. */
  private async sameName(a: string, b: string): Promise<boolean> {
    if (lastComponent(a) !== lastComponent(b)) return false;
    const da = await this.tryStat(dirName(a), true);
    const db = await this.tryStat(dirName(b), true);
    return typeof da !== 'string' && typeof db !== 'string' && da.dev === db.dev && da.ino === db.ino;
  }

  private async seen(table: Map<string, string[]> | null, name: string, st: Stat): Promise<boolean> {
    for (const other of table?.get(key(st)) ?? []) if (other === name || (await this.sameName(other, name))) return true;
    return false;
  }

  private record(table: Map<string, string[]> | null, name: string, st: Stat): void {
    if (!table) return;
    const list = table.get(key(st)) ?? [];
    list.push(name);
    table.set(key(st), list);
  }

  private remember(dst: string, st: Stat): string | null {
    const k = key(st);
    const earlier = this.copied.get(k);
    if (earlier !== undefined) return earlier;
    this.copied.set(k, dst);
    return null;
  }

  private async verbose(src: string, dst: string, backup: string | null, prefix = ''): Promise<void> {
    if (!this.o.verbose) return;
    await this.tool.out.write(`${prefix}${quote(src)} -> ${quote(dst)}${backup ? ` (backup: ${quote(backup)})` : ''}\n`);
  }

  /** Copy (or, for mv, move) one command-line SRC to DST. */
  async copy(src: string, dst: string, nonexistentDst = false): Promise<CopyResult> {
    this.topSrc = src;
    this.topDst = dst;
    const state = { intoSelf: false, renamed: false, firstDir: false };
    const ok = await this.internal(src, dst, nonexistentDst ? 1 : 0, null, [], this.o, true, state);
    return { ok, intoSelf: state.intoSelf, renamed: state.renamed };
  }

  private async writable(path: string, st: Stat): Promise<boolean> {
    if (isLnk(st.mode) || (await this.sys.geteuid()) === 0) return true;
    try {
      await this.sys.access(path, W_OK);
      return true;
    } catch (e) {
      if (!isSysError(e)) throw e;
      return false;
    }
  }

  private async overwritePrompt(dst: string, st: Stat): Promise<boolean> {
    const name = this.o.program;
    await flushForPrompt(this.tool);
    if (!(await this.writable(dst, st))) {
      const mode = (st.mode & 0o7777).toString(8).padStart(4, '0');
      await this.sys.writeAll(2, `${name}: replace ${quote(dst)}, overriding mode ${mode} (${permString(st.mode)})? `);
    } else {
      await this.sys.writeAll(2, `${name}: overwrite ${quote(dst)}? `);
    }
    return this.answers.ask();
  }

  /** GNU's same_file_ok: whether copying SRC onto DST loses nothing (and what to do then). */
  private async sameFileOk(src: string, srcSt: Stat, dst: string, dstSt: Stat, x: CopyOptions): Promise<{ ok: boolean; returnNow?: boolean }> {
    const same = srcSt.dev === dstSt.dev && srcSt.ino === dstSt.ino;
    if (same && x.hardLink) return { ok: true, returnNow: true };
    let srcL: Stat;
    let dstL: Stat;
    let sameLink: boolean;
    if (x.dereference === 'never') {
      sameLink = same;
      if (isLnk(srcSt.mode) && isLnk(dstSt.mode)) {
        const sn = await this.sameName(src, dst);
        if (!sn) {
          if (x.backup.type !== 'none') return { ok: true };
          // Two names of one symbolic link: cp leaves them be, mv refuses (as 9.1 does).
          if (sameLink) return x.program === 'mv' ? { ok: false } : { ok: true, returnNow: true };
        }
        return { ok: !sn };
      }
      srcL = srcSt;
      dstL = dstSt;
    } else {
      if (!same) return { ok: true };
      const a = await this.tryStat(src, false);
      const b = await this.tryStat(dst, false);
      if (typeof a === 'string' || typeof b === 'string') return { ok: true };
      srcL = a;
      dstL = b;
      sameLink = key(a) === key(b);
      if (isLnk(a.mode) && isLnk(b.mode) && x.removeDestination) return { ok: true };
    }
    if (x.backup.type !== 'none') {
      if (!sameLink) {
        if (x.program !== 'mv' && x.dereference !== 'never' && isLnk(srcL.mode) && !isLnk(dstL.mode)) return { ok: false };
        return { ok: true };
      }
      return { ok: !(await this.sameName(src, dst)) };
    }
    const move = x.program === 'mv';
    if (move || x.removeDestination) {
      if (isLnk(dstL.mode)) return { ok: true };
      if (sameLink && dstL.nlink > 1 && !(await this.sameName(src, dst))) return { ok: !move };
    }
    if (!isLnk(srcL.mode) && !isLnk(dstL.mode)) {
      if (key(srcL) !== key(dstL)) return { ok: true };
      if (x.hardLink) return { ok: true, returnNow: true };
    }
    if (move && isLnk(srcSt.mode) && dstL.nlink > 1) {
      const abs = await canonicalize(this.sys, src, 'existing');
      if (typeof abs === 'string') return { ok: !(await this.sameName(abs, dst)) };
    }
    if (x.removeDestination && isLnk(dstL.mode)) return { ok: dstL.dev === srcL.dev };
    if (x.dereference === 'never') {
      const ts = isLnk(srcL.mode) ? await this.tryStat(src, true) : srcL;
      const td = isLnk(dstL.mode) ? await this.tryStat(dst, true) : dstL;
      if (typeof ts === 'string' || typeof td === 'string') return { ok: true };
      if (key(ts) !== key(td)) return { ok: true };
      if (x.hardLink) return { ok: true, returnNow: true };
    }
    return { ok: false };
  }

  private async createHardLink(src: string, dst: string, replace: boolean, verbose: boolean, deref: boolean): Promise<boolean> {
    let from = src;
    if (deref) {
      const c = await canonicalize(this.sys, src, 'existing');
      if (typeof c === 'string') from = c;
    }
    const attempt = async (): Promise<ErrnoName | null> => {
      try {
        await this.sys.link(from, dst);
        return null;
      } catch (e) {
        if (!isSysError(e)) throw e;
        return e.code;
      }
    };
    let err = await attempt();
    if (err === 'EEXIST' && replace) {
      try {
        await this.sys.unlink(dst);
      } catch (e) {
        return this.failSys(e, `cannot remove ${quote(dst)}`);
      }
      if (verbose) await this.tool.out.write(`removed ${quote(dst)}\n`);
      err = await attempt();
    }
    if (err) return this.fail(`cannot create hard link ${quote(dst)} to ${quote(src)}: ${strerror(err)}`);
    return true;
  }

  /** GNU's set_owner: 1 done, 0 not done but fine, -1 failed. */
  private async setOwner(x: CopyOptions, dst: string, srcSt: Stat, newDst: boolean, dstSt: Stat | null): Promise<number> {
    const { sys } = this;
    if (!newDst && dstSt && (x.preserveMode || x.program === 'mv' || x.setMode !== null)) {
      const oldMode = dstSt.mode;
      const newMode = x.preserveMode || x.program === 'mv' ? srcSt.mode : x.setMode!;
      const temp = oldMode & newMode & 0o700;
      if (oldMode & 0o7777 & (~newMode | 0o7000)) {
        try {
          await sys.chmod(dst, temp);
        } catch (e) {
          if (!isSysError(e)) throw e;
          if (!(await this.ownerFailureOk(e.code))) await report(this.tool, `clearing permissions for ${quote(dst)}: ${strerror(e.code)}`);
          return x.requirePreserve ? -1 : 0;
        }
      }
    }
    let code: ErrnoName;
    try {
      await sys.chown(dst, srcSt.uid, srcSt.gid);
      return 1;
    } catch (e) {
      if (!isSysError(e)) throw e;
      code = e.code;
      if (code === 'EPERM' || code === 'EINVAL') {
        try {
          await sys.chown(dst, -1, srcSt.gid);
        } catch (e2) {
          if (!isSysError(e2)) throw e2;
        }
      }
    }
    if (!(await this.ownerFailureOk(code))) {
      await report(this.tool, `failed to preserve ownership for ${quote(dst)}: ${strerror(code)}`);
      if (x.requirePreserve) return -1;
    }
    return 0;
  }

  /** chown_failure_ok: a user who is not root may fail to give files away. */
  private async ownerFailureOk(code: ErrnoName): Promise<boolean> {
    return (code === 'EPERM' || code === 'EINVAL') && (await this.sys.geteuid()) !== 0;
  }

  private async copyXattrs(x: CopyOptions, src: string, dst: string, follow: boolean): Promise<boolean> {
    const { sys } = this;
    let names: string[];
    try {
      names = await sys.listxattr(src, follow);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.code === 'EOPNOTSUPP' || e.code === 'ENOTSUP' || e.code === 'ENOSYS') return true;
      if (x.requirePreserveXattr) return this.fail(`failed to get extended attributes of ${quote(src)}: ${strerror(e.code)}`);
      return true;
    }
    let ok = true;
    for (const name of names) {
      // SELinux labels belong to --preserve=context, which cowbox has no use for.
      if (name === 'security.selinux') continue;
      try {
        await sys.setxattr(dst, name, await sys.getxattr(src, name, follow), 0, follow);
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (x.requirePreserveXattr) {
          await report(this.tool, `setting attribute ${quote(name)} for ${quote(dst)}: ${strerror(e.code)}`);
          ok = false;
        }
      }
    }
    return ok;
  }

  private async readLinkOrNull(path: string): Promise<string | null> {
    try {
      return await this.sys.readlink(path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return null;
    }
  }

  private async copyReg(x: CopyOptions, src: string, dst: string, dstMode: number, omitted: number, state: { newDst: boolean }, srcSt: Stat, deref: boolean): Promise<boolean> {
    const { sys } = this;
    let srcFd: number;
    try {
      srcFd = await sys.open(src, O_RDONLY | O_CLOEXEC | (deref ? 0 : O_NOFOLLOW));
    } catch (e) {
      return this.failSys(e, `cannot open ${quote(src)} for reading`);
    }
    let dstFd = -1;
    try {
      let dstErr: ErrnoName | null = null;
      if (!state.newDst) {
        try {
          dstFd = await sys.open(dst, O_WRONLY | O_CLOEXEC | (x.dataCopyRequired ? O_TRUNC : 0));
        } catch (e) {
          if (!isSysError(e)) throw e;
          dstErr = e.code;
          if (x.force) {
            try {
              await sys.unlink(dst);
            } catch (e2) {
              if (!isSysError(e2)) throw e2;
              if (e2.code !== 'ENOENT') return this.fail(`cannot remove ${quote(dst)}: ${strerror(e2.code)}`);
            }
            if (x.verbose) await this.tool.out.write(`removed ${quote(dst)}\n`);
            state.newDst = true;
          }
        }
      }
      if (state.newDst) {
        try {
          dstFd = await sys.open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, dstMode & ~omitted);
        } catch (e) {
          if (!isSysError(e)) throw e;
          dstErr = e.code;
          if (e.code === 'EEXIST' && x.program !== 'mv' && (await this.readLinkOrNull(dst)) !== null) {
            return this.fail(`not writing through dangling symlink ${quote(dst)}`);
          }
        }
      }
      // open("dir/", O_CREAT) says EISDIR for a name that is missing; the name is no directory.
      if (dstFd < 0 && dstErr === 'EISDIR' && dst.endsWith('/')) dstErr = 'ENOTDIR';
      if (dstFd < 0) return this.fail(`cannot create regular file ${quote(dst)}: ${strerror(dstErr!)}`);
      if (x.dataCopyRequired) {
        for (;;) {
          let chunk: Uint8Array;
          try {
            chunk = await sys.read(srcFd, 65536);
          } catch (e) {
            return this.failSys(e, `error reading ${quote(src)}`);
          }
          if (chunk.length === 0) break;
          try {
            await sys.writeAll(dstFd, chunk);
          } catch (e) {
            return this.failSys(e, `error writing ${quote(dst)}`);
          }
        }
      }
      return await this.applyAttributes(x, src, dst, srcSt, state.newDst, omitted, false, await sys.fstat(dstFd));
    } finally {
      await sys.close(srcFd);
      if (dstFd >= 0) await sys.close(dstFd);
    }
  }

  /**
   * Times, owner, extended attributes and mode of a copy, in GNU's order (chown clears set-ID
   * bits, so the mode comes last). `restore` is set when a new directory was opened up to u+rwx.
   */
  private async applyAttributes(x: CopyOptions, src: string, dst: string, srcSt: Stat, newDst: boolean, omitted: number, restore: boolean, dstSt: Stat | null, restoreMode = 0): Promise<boolean> {
    const { sys } = this;
    let srcMode = srcSt.mode;
    if (x.preserveTimestamps) {
      try {
        await sys.utimensat(dst, srcSt.atimeNs, srcSt.mtimeNs);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await report(this.tool, `preserving times for ${quote(dst)}: ${strerror(e.code)}`);
        if (x.requirePreserve) return false;
      }
    }
    if (x.preserveOwnership && (newDst || !dstSt || dstSt.uid !== srcSt.uid || dstSt.gid !== srcSt.gid)) {
      const r = await this.setOwner(x, dst, srcSt, newDst, dstSt);
      if (r === -1) return false;
      if (r === 0) srcMode &= ~0o7000;
    }
    if (x.preserveXattr && !(await this.copyXattrs(x, src, dst, true)) && x.requirePreserveXattr) return false;
    const chmod = async (mode: number, what: string): Promise<boolean> => {
      try {
        await sys.chmod(dst, mode & 0o7777);
        return true;
      } catch (e) {
        if (!isSysError(e)) throw e;
        await report(this.tool, `${what} ${quote(dst)}: ${strerror(e.code)}`);
        return !x.requirePreserve;
      }
    };
    if (x.preserveMode || x.program === 'mv') return chmod(srcMode, 'preserving permissions for');
    if (x.setMode !== null) return chmod(x.setMode, 'setting permissions for');
    if (x.explicitNoPreserveMode && (newDst || isDir(srcMode))) return chmod((isDir(srcMode) ? 0o777 : 0o666) & ~(await this.umask()), 'setting permissions for');
    let mode = restoreMode;
    omitted &= ~(await this.umask());
    if (omitted && !restore) {
      const now = newDst || !dstSt ? await this.tryStat(dst, false) : dstSt;
      if (typeof now === 'string') return this.fail(`cannot stat ${quote(dst)}: ${strerror(now)}`);
      mode = now.mode;
      if (omitted & ~mode) restore = true;
    }
    if (restore) return chmod(mode | omitted, 'preserving permissions for');
    return true;
  }

  /** copy_internal: one file of the walk. */
  private async internal(src: string, dst: string, nonexistent: number, parent: Stat | null, ancestors: string[], x: CopyOptions, cmdline: boolean, state: { intoSelf: boolean; renamed: boolean; firstDir: boolean }): Promise<boolean> {
    const { sys } = this;
    const move = x.program === 'mv';
    let newDst = nonexistent > 0;
    let renameErr: ErrnoName | null | undefined;
    if (move) {
      if (x.renameErrno) renameErr = x.renameErrno;
      else {
        try {
          await sys.rename(src, dst, RENAME_NOREPLACE);
          renameErr = null;
        } catch (e) {
          if (!isSysError(e)) throw e;
          renameErr = e.code;
        }
      }
      newDst = renameErr === null;
      state.renamed = renameErr === null;
      nonexistent = newDst ? 1 : 0;
    }
    const deref = x.dereference === 'always' || (x.dereference === 'command-line' && cmdline);
    let srcSt: Stat;
    {
      const name = renameErr === null ? dst : src;
      const st = await this.tryStat(name, deref);
      if (typeof st === 'string') return this.fail(`${this.tool.busybox ? `can't ${this.tool.name === 'mv' ? 'rename' : 'stat'} '${name}'` : `cannot stat ${quote(name)}`}: ${strerror(st)}`);
      srcSt = st;
    }
    const srcMode = srcSt.mode;
    if (isDir(srcMode) && !x.recursive) {
      return this.fail(x.program === 'install' || this.tool.busybox ? `omitting directory ${quote(src)}` : `-r not specified; omitting directory ${quote(src)}`);
    }
    if (cmdline && this.srcInfo) {
      if (!isDir(srcMode) && x.backup.type === 'none' && (await this.seen(this.srcInfo, src, srcSt))) {
        await report(this.tool, `warning: source file ${quote(src)} specified more than once`);
        return true;
      }
      this.record(this.srcInfo, src, srcSt);
    }
    let dstSt: Stat | null = null;
    let haveDstLstat = false;
    let backup: string | null = null;
    const skipByAnswer = renameErr === 'EEXIST' && x.interactive === 'no';
    if (nonexistent <= 0) {
      let exists = false;
      if (!skipByAnswer) {
        const useLstat = (!isReg(srcMode) && (!x.copyAsRegular || isDir(srcMode) || isLnk(srcMode))) || move || x.symbolicLink || x.hardLink || x.backup.type !== 'none' || x.removeDestination;
        const st = await this.tryStat(dst, !useLstat);
        if (typeof st !== 'string') {
          dstSt = st;
          haveDstLstat = useLstat;
          exists = true;
        } else if (st === 'ELOOP' && x.force) {
          // A symlink loop in the way: left for copy_reg to remove.
        } else if (st !== 'ENOENT') {
          return this.fail(`cannot stat ${quote(dst)}: ${strerror(st)}`);
        } else newDst = true;
      }
      if (exists || skipByAnswer) {
        if (skipByAnswer) {
          state.renamed = true;
          return true;
        }
        const d = dstSt!;
        // -n answers before anything is compared, even for a file copied onto itself.
        // busybox mv renames a file onto itself without a word, as rename(2) allows.
        if (move && this.tool.busybox && d.dev === srcSt.dev && d.ino === srcSt.ino) {
          state.renamed = true;
          return true;
        }
        const same = x.interactive === 'no' ? { ok: true } : await this.sameFileOk(src, srcSt, dst, d, x);
        if (!same.ok) return this.fail(`${quote(src)} and ${quote(dst)} are the same file`);
        if (x.update && !isDir(srcMode) && d.mtimeNs >= srcSt.mtimeNs) {
          if (move) state.renamed = true;
          const earlier = this.remember(dst, srcSt);
          if (earlier !== null && !(await this.createHardLink(earlier, dst, true, x.verbose, deref))) return false;
          return true;
        }
        if (move) {
          const abandon = x.interactive === 'no' || ((x.interactive === 'ask' || (x.interactive === 'unspecified' && x.stdinTty && !(await this.writable(dst, d)))) && !(await this.overwritePrompt(dst, d)));
          if (abandon) {
            state.renamed = true;
            return true;
          }
        } else if (!isDir(srcMode) && (x.interactive === 'no' || (x.interactive === 'ask' && !(await this.overwritePrompt(dst, d))))) {
          return true;
        }
        if (same.returnNow) return true;
        if (!isDir(d.mode)) {
          if (isDir(srcMode) && !(move && x.backup.type !== 'none')) {
            return this.fail(`cannot overwrite non-directory ${quote(dst)} with directory ${quote(src)}`);
          }
          if (cmdline && x.backup.type !== 'numbered' && (await this.seen(this.destInfo, dst, d))) {
            return this.fail(`will not overwrite just-created ${quote(dst)} with ${quote(src)}`);
          }
        }
        if (!isDir(srcMode) && isDir(d.mode) && !(move && x.backup.type !== 'none')) {
          return this.fail(`cannot overwrite directory ${quote(dst)} with non-directory`);
        }
        const base = lastComponent(src);
        if (x.backup.type !== 'none' && base !== '.' && base !== '..' && (move || !isDir(d.mode))) {
          const name = await backupName(sys, dst, x.backup);
          if (x.backup.type !== 'numbered' && name !== null) {
            const b = await this.tryStat(name, false);
            if (typeof b !== 'string' && key(b) === key(srcSt) && (await this.sameName(name, src)) ) {
              return this.fail(`backing up ${quote(dst)} might destroy source;  ${quote(src)} not ${move ? 'moved' : 'copied'}`);
            }
          }
          try {
            await sys.rename(dst, name!);
            backup = name;
          } catch (e) {
            if (!isSysError(e)) throw e;
            if (e.code !== 'ENOENT') return this.fail(`cannot backup ${quote(dst)}: ${strerror(e.code)}`);
          }
          newDst = true;
        } else if (!isDir(d.mode) && !move && (x.removeDestination || (x.preserveLinks && d.nlink > 1) || (x.dereference === 'never' && !isReg(srcMode)))) {
          try {
            await sys.unlink(dst);
          } catch (e) {
            if (!isSysError(e)) throw e;
            if (e.code !== 'ENOENT') return this.fail(`cannot remove ${quote(dst)}: ${strerror(e.code)}`);
          }
          newDst = true;
          if (x.verbose) await this.tool.out.write(`removed ${quote(dst)}\n`);
        }
      }
    }
    try {
      return await this.create(src, dst, srcSt, dstSt, haveDstLstat, newDst, renameErr, backup, parent, ancestors, x, cmdline, state, deref);
    } catch (e) {
      if (!(e instanceof Failed)) throw e;
      if (backup) {
        try {
          await sys.rename(backup, dst);
          if (x.verbose) await this.tool.out.write(`${quote(backup)} -> ${quote(dst)} (unbackup)\n`);
        } catch (e2) {
          if (!isSysError(e2)) throw e2;
          await report(this.tool, `cannot un-backup ${quote(dst)}: ${strerror(e2.code)}`);
        }
      }
      return false;
    }
  }

  /** The second half of copy_internal: make the copy (throws Failed to undo a backup). */
  private async create(src: string, dst: string, srcSt: Stat, dstSt: Stat | null, haveDstLstat: boolean, newDst: boolean, renameErr: ErrnoName | null | undefined, backup: string | null, parent: Stat | null, ancestors: string[], x: CopyOptions, cmdline: boolean, state: { intoSelf: boolean; renamed: boolean; firstDir: boolean }, deref: boolean): Promise<boolean> {
    const { sys } = this;
    const move = x.program === 'mv';
    const srcMode = srcSt.mode;
    const failed = async (message: string): Promise<never> => {
      await report(this.tool, message);
      throw new Failed();
    };
    if (cmdline && this.destInfo && !move && x.backup.type === 'none') {
      const l = haveDstLstat && dstSt ? dstSt : await this.tryStat(dst, false);
      if (typeof l !== 'string' && l && isLnk(l.mode) && (await this.seen(this.destInfo, dst, l))) {
        return this.fail(`will not copy ${quote(src)} through just-created symlink ${quote(dst)}`);
      }
    }
    if (!isDir(srcMode) && !move) await this.verbose(src, dst, backup);
    let earlier: string | null = null;
    if (move && srcSt.nlink === 1) earlier = this.copied.get(key(srcSt)) ?? null;
    else if (x.preserveLinks && !x.hardLink && (srcSt.nlink > 1 || (cmdline && x.dereference === 'command-line') || x.dereference === 'always')) earlier = this.remember(dst, srcSt);
    else if (x.recursive && isDir(srcMode)) earlier = cmdline ? this.remember(dst, srcSt) : this.copied.get(key(srcSt)) ?? null;
    if (earlier !== null) {
      if (isDir(srcMode)) {
        if (await this.sameName(src, earlier)) {
          state.intoSelf = true;
          await failed(`cannot copy a directory, ${quote(this.topSrc)}, into itself, ${quote(this.topDst)}`);
        } else if (x.dereference !== 'always') {
          await failed(`will not create hard link ${quote(dst)} to directory ${quote(earlier)}`);
        }
      } else {
        if (!(await this.createHardLink(earlier, dst, true, x.verbose, deref))) throw new Failed();
        return true;
      }
    }
    if (move) {
      if (renameErr === 'EEXIST') {
        try {
          await sys.rename(src, dst);
          renameErr = null;
        } catch (e) {
          if (!isSysError(e)) throw e;
          renameErr = e.code;
        }
      }
      if (renameErr === null) {
        await this.verbose(src, dst, backup, 'renamed ');
        state.renamed = true;
        if (cmdline) this.record(this.destInfo, dst, srcSt);
        return true;
      }
      if (renameErr === 'EINVAL') {
        await report(this.tool, `cannot move ${quote(this.topSrc)} to a subdirectory of itself, ${quote(this.topDst)}`);
        state.intoSelf = true;
        return true;
      }
      if (renameErr !== 'EXDEV') {
        await report(this.tool, `cannot move ${quote(src)} to ${quote(dst)}: ${strerror(renameErr!)}`);
        this.copied.delete(key(srcSt));
        return false;
      }
      // Across file systems (or out of an overlay's lower layer): copy, and mv removes after.
      try {
        if (isDir(srcMode)) await sys.rmdir(dst);
        else await sys.unlink(dst);
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (e.code !== 'ENOENT') {
          await report(this.tool, `inter-device move failed: ${quote(src)} to ${quote(dst)}; unable to remove target: ${strerror(e.code)}`);
          this.copied.delete(key(srcSt));
          return false;
        }
      }
      newDst = true;
      if (!isDir(srcMode)) await this.verbose(src, dst, backup, 'copied ');
    }
    const dstModeBits = (x.setMode ?? srcMode) & 0o7777;
    let omitted = dstModeBits & (x.preserveOwnership ? 0o077 : isDir(srcMode) ? 0o022 : 0);
    let delayedOk = true;
    let isLink = false;
    let restore = false;
    let restoreMode = 0;
    let createdSt: Stat | null = null;
    const t = srcMode & S_IFMT;
    if (t === S_IFDIR) {
      const here = key(srcSt);
      if (ancestors.includes(here)) return failed(`cannot copy cyclic symbolic link ${quote(src)}`);
      if (newDst || !dstSt || !isDir(dstSt.mode)) {
        try {
          await sys.mkdir(dst, dstModeBits & ~omitted);
        } catch (e) {
          if (!isSysError(e)) throw e;
          return failed(`cannot create directory ${quote(dst)}: ${strerror(e.code)}`);
        }
        const made = await this.tryStat(dst, false);
        if (typeof made === 'string') return failed(`cannot stat ${quote(dst)}: ${strerror(made)}`);
        createdSt = made;
        if ((made.mode & 0o700) !== 0o700) {
          // The copy needs to write into it; the real mode comes back at the end.
          restoreMode = made.mode;
          restore = true;
          try {
            await sys.chmod(dst, (made.mode | 0o700) & 0o7777);
          } catch (e) {
            if (!isSysError(e)) throw e;
            return failed(`setting permissions for ${quote(dst)}: ${strerror(e.code)}`);
          }
        }
        if (!state.firstDir) {
          this.remember(dst, made);
          state.firstDir = true;
        }
        if (x.verbose) {
          if (move) await this.tool.out.write(`created directory ${quote(dst)}\n`);
          else await this.verbose(src, dst, null);
        }
      } else {
        omitted = 0;
      }
      if (!(x.oneFileSystem && parent && parent.dev !== srcSt.dev)) {
        delayedOk = await this.copyDir(src, dst, newDst, srcSt, [...ancestors, here], x, state);
      }
    } else if (x.symbolicLink) {
      isLink = true;
      if (!src.startsWith('/')) {
        const parentDir = dirName(dst);
        const dot = await this.tryStat('.', true);
        const pd = await this.tryStat(parentDir, true);
        const inCwd = parentDir === '.' || typeof dot === 'string' || typeof pd === 'string' || key(dot) === key(pd);
        if (!inCwd) return failed(`${quoteIfNeeded(dst)}: can make relative symbolic links only in current directory`);
      }
      let err: ErrnoName | null = null;
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          await sys.symlink(src, dst);
          err = null;
          break;
        } catch (e) {
          if (!isSysError(e)) throw e;
          err = e.code;
          // -f replaces what is in the way, quietly (force_symlinkat).
          if (err !== 'EEXIST' || !x.force || attempt > 0) break;
          try {
            await sys.unlink(dst);
          } catch (e2) {
            if (!isSysError(e2)) throw e2;
          }
        }
      }
      if (err) return failed(`cannot create symbolic link ${quote(dst)} to ${quote(src)}: ${strerror(err)}`);
    } else if (x.hardLink) {
      if (!(await this.createHardLink(src, dst, x.force || x.removeDestination, false, deref))) throw new Failed();
    } else if (t === S_IFREG || (x.copyAsRegular && t !== S_IFLNK)) {
      const s = { newDst };
      if (!(await this.copyReg(x, src, dst, dstModeBits & 0o777, omitted, s, srcSt, deref))) throw new Failed();
      return this.recordDest(cmdline, dst, delayedOk);
    } else if (t === S_IFIFO) {
      try {
        await sys.mknod(dst, (srcMode & ~omitted) | S_IFIFO, 0);
      } catch (e) {
        if (!isSysError(e)) throw e;
        return failed(`cannot create fifo ${quote(dst)}: ${strerror(e.code)}`);
      }
    } else if (t === S_IFBLK || t === S_IFCHR || t === S_IFSOCK) {
      try {
        await sys.mknod(dst, srcMode & ~omitted, srcSt.rdev);
      } catch (e) {
        if (!isSysError(e)) throw e;
        return failed(`cannot create special file ${quote(dst)}: ${strerror(e.code)}`);
      }
    } else if (t === S_IFLNK) {
      isLink = true;
      let target: string;
      try {
        target = await sys.readlink(src);
      } catch (e) {
        if (!isSysError(e)) throw e;
        return failed(`cannot read symbolic link ${quote(src)}: ${strerror(e.code)}`);
      }
      try {
        await sys.symlink(target, dst);
      } catch (e) {
        if (!isSysError(e)) throw e;
        const sameLink = x.update && !newDst && dstSt && isLnk(dstSt.mode) && (await this.readLinkOrNull(dst)) === target;
        if (!sameLink) return failed(`cannot create symbolic link ${quote(dst)}: ${strerror(e.code)}`);
      }
      if (x.preserveOwnership) {
        try {
          await sys.lchown(dst, srcSt.uid, srcSt.gid);
        } catch (e) {
          if (!isSysError(e)) throw e;
          if (!(await this.ownerFailureOk(e.code))) return failed(`failed to preserve ownership for ${dst}: ${strerror(e.code)}`);
        }
      }
    } else {
      return failed(`${quote(src)} has unknown file type`);
    }
    await this.recordDest(cmdline, dst, true);
    if (x.hardLink && !isDir(srcMode)) return delayedOk;
    if (isLink) {
      if (x.preserveTimestamps) {
        try {
          await sys.utimensat(dst, srcSt.atimeNs, srcSt.mtimeNs, false);
        } catch (e) {
          if (!isSysError(e)) throw e;
          await report(this.tool, `preserving times for ${quote(dst)}: ${strerror(e.code)}`);
          if (x.requirePreserve) return false;
        }
      }
      return delayedOk;
    }
    const existing = createdSt ?? (newDst ? null : dstSt);
    const ok = await this.applyAttributes(x, src, dst, srcSt, newDst, omitted, restore, existing, restoreMode);
    return ok && delayedOk;
  }

  private async recordDest(cmdline: boolean, dst: string, result: boolean): Promise<boolean> {
    if (cmdline && this.destInfo) {
      const st = await this.tryStat(dst, false);
      if (typeof st !== 'string') this.record(this.destInfo, dst, st);
    }
    return result;
  }

  /** copy_dir: the entries in inode order (savedir's "fast read" sort), each copied in turn. */
  private async copyDir(src: string, dst: string, newDst: boolean, srcSt: Stat, ancestors: string[], x: CopyOptions, state: { intoSelf: boolean; renamed: boolean; firstDir: boolean }): Promise<boolean> {
    let entries;
    try {
      entries = await listDir(this.sys, src);
    } catch (e) {
      return this.failSys(e, `cannot access ${quote(src)}`);
    }
    entries.sort((a, b) => a.ino - b.ino);
    // -H follows command-line links only; below them nothing is followed.
    const child: CopyOptions = { ...x };
    if (x.dereference === 'command-line') child.dereference = 'never';
    // mv got here because rename failed across file systems; the entries are copied too.
    if (x.program === 'mv') child.renameErrno = 'EXDEV';
    let ok = true;
    for (const e of entries) {
      const sub = { intoSelf: false, renamed: false, firstDir: state.firstDir };
      ok = (await this.internal(joinName(src, e.name), joinName(dst, e.name), newDst ? 1 : 0, srcSt, ancestors, child, false, sub)) && ok;
      state.firstDir = sub.firstDir;
      if (sub.intoSelf) state.intoSelf = true;
    }
    return ok;
  }
}
