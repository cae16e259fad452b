// tar (GNU tar 1.34): -c creates an archive of files and directories (readdir order, hard links
// recorded once, symlinks as links), -t lists it (-v: GNU's long listing), -x extracts it
// (owners, modes and times restored as root does by default). -f names the archive ("-" or
// none: standard input/output), -z gzips (and gzip input is recognized anyway), -C changes
// directory first. Old-style bundles (`tar xzf a.tgz`) work. Archive bytes are runtime/archive/tar.ts's.

import { isSysError, strerror, type SysError } from '../../abi/errno.ts';
import { O_CLOEXEC, O_CREAT, O_DIRECTORY, O_EXCL, O_RDONLY, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, major, makedev, minor, type Stat } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import { gzipCompress, gzipDecompress, GzipError, isGzip } from '../../runtime/archive/gzip.ts';
import { helpText, versionText } from '../lib/help.ts';
import { IdCache } from '../lib/idcache.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { modeString } from '../lib/mode.ts';
import { parseArgs, UsageError, type Parsed } from '../lib/options.ts';
import { groupByName, userByName } from '../lib/passwd.ts';
import { localTime, strftime, timeZone } from '../lib/strftime.ts';
import { archiveEnd, entryHeader, iterateTar, padding, TarError, type ReadEntry, type TarEntry } from '../../runtime/archive/tar.ts';
import { dialectOf, isBusybox } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'tar', package: 'GNU tar', version: '1.34',
  usage: ['[OPTION...] [FILE]...'],
  summary: 'Store files in an archive (-c), list an archive (-t) or extract it (-x). Old-style option bundles such as `tar xzf a.tgz` are accepted.',
  standardOptions: false,
  options: [
    { short: 'c', long: 'create', help: 'create a new archive' },
    { short: 't', long: 'list', help: 'list the contents of an archive' },
    { short: 'x', long: 'extract', help: 'extract files from an archive' },
    { long: 'get', key: 'extract', help: '' },
    { short: 'f', long: 'file', arg: 'required', argName: 'ARCHIVE', help: 'use archive file ARCHIVE (- for standard input or output)' },
    { short: 'v', long: 'verbose', help: 'list the files processed (twice: long listing)' },
    { short: 'z', long: 'gzip', help: 'filter the archive through gzip' },
    { long: 'gunzip', key: 'gzip', help: '' },
    { long: 'ungzip', key: 'gzip', help: '' },
    { short: 'C', long: 'directory', arg: 'required', argName: 'DIR', help: 'change to directory DIR first' },
    { short: 'p', long: 'preserve-permissions', help: 'extract permissions as stored (the default for root)' },
    { long: 'same-permissions', key: 'preserve-permissions', help: '' },
    { long: 'no-same-permissions', help: 'apply the umask to extracted permissions' },
    { long: 'same-owner', help: 'extract files with their stored owners (the default for root)' },
    { long: 'no-same-owner', help: 'extract files as yourself' },
    { long: 'numeric-owner', help: 'use numbers for user and group names' },
    { long: 'owner', arg: 'required', argName: 'NAME', help: 'store files as owned by NAME' },
    { long: 'group', arg: 'required', argName: 'NAME', help: 'store files as owned by group NAME' },
    { long: 'strip-components', arg: 'required', argName: 'NUMBER', help: 'drop NUMBER leading components from names on extraction' },
    { long: 'exclude', arg: 'required', argName: 'PATTERN', help: 'leave out files matching PATTERN' },
    { long: 'no-recursion', help: 'do not descend into directories named on the command line' },
    { long: 'recursion', help: 'descend into directories (the default)' },
    { long: 'wildcards', help: 'member names given on the command line are patterns' },
    { long: 'no-wildcards', help: 'member names are matched literally (the default)' },
    { short: 'O', long: 'to-stdout', help: 'extract file contents to standard output' },
    { short: 'k', long: 'keep-old-files', help: 'do not replace existing files when extracting (report them)' },
    { long: 'skip-old-files', help: 'do not replace existing files when extracting (silently)' },
    { long: 'overwrite', help: 'overwrite existing files when extracting' },
    { short: 'm', long: 'touch', help: 'do not restore modification times' },
    { short: 'h', long: 'dereference', help: 'archive the files symbolic links point to' },
    { short: 'P', long: 'absolute-names', help: 'keep leading slashes in names' },
    { long: 'help', help: 'show this help and exit' },
    { long: 'usage', key: 'help', help: '' },
    { long: 'version', help: 'show the version and exit' },
  ],
};

const ARG_LETTERS = new Set(['f', 'C', 'T', 'X', 'b', 'L', 'N', 'g', 'K', 'V', 'H', 'I']);

class Fatal extends Error {}

/** Old-style first argument: `xzf a.tgz` -> -x -z -f a.tgz. */
function expandOldStyle(argv: string[]): string[] | string {
  if (argv.length === 0 || argv[0]!.startsWith('-')) return argv;
  const letters = argv[0]!;
  const rest = argv.slice(1);
  const out: string[] = [];
  for (const l of letters) {
    if (ARG_LETTERS.has(l)) {
      if (rest.length === 0) return `Old option '${l}' requires an argument.`;
      out.push(`-${l}`, rest.shift()!);
    } else out.push(`-${l}`);
  }
  return [...out, ...rest];
}

function globToRe(p: string): RegExp {
  let s = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '*') s += '.*';
    else if (c === '?') s += '.';
    else if (c === '[') {
      const end = p.indexOf(']', i + 2);
      if (end > 0) {
        s += `[${p.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      } else s += '\\[';
    } else if (c === '\\' && i + 1 < p.length) s += `\\${p[++i]}`;
    else s += /[.+^${}()|\\/]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^${s}$`, 's');
}

class Tar {
  status = 0;
  private ids: IdCache;
  private zone = timeZone(undefined);
  private ugsWidth = 19;
  private removedSlash = false;
  private excludes: RegExp[] = [];
  private written = 0;
  private chunks: Uint8Array[] = [];
  private outFd = 1;
  /** The listing could not be written: GNU tar goes on and says "stdout: write error" at exit. */
  stdoutFailed: SysError | null = null;
  private gz = false;
  private archiveIno: { dev: number; ino: number } | null = null;
  private links = new Map<string, string>();
  private euid = 0;
  private umask = 0o022;

  constructor(private readonly sys: Sys, private readonly a: Parsed) {
    this.ids = new IdCache(sys);
    this.zone = timeZone(sys.getenv('TZ'));
    this.excludes = a.values('exclude').map(globToRe);
  }

  async error(msg: string): Promise<void> {
    await this.sys.writeAll(2, `tar: ${msg}\n`);
    this.status = 2;
  }

  async fatal(msg: string): Promise<never> {
    // busybox dies with its own words for an archive it cannot open, and nothing more.
    const open = /^(.*): Cannot open: (.*)$/.exec(msg);
    if (isBusybox(this.sys) && open) {
      await this.sys.writeAll(2, `tar: can't open '${open[1]}': ${open[2]}\n`);
      throw new Fatal();
    }
    await this.sys.writeAll(2, `${msg ? `tar: ${msg}\n` : ''}tar: Error is not recoverable: exiting now\n`);
    throw new Fatal();
  }

  sysErr(e: SysError, name: string, what: string): Promise<void> {
    return this.error(`${name}: ${what}: ${strerror(e.code)}`);
  }

  private get verbose(): number {
    return this.a.count('verbose');
  }

  /** Verbose output goes to stderr when the archive itself is standard output. */
  private async note(text: string): Promise<void> {
    const toStderr = this.a.has('create') && (this.a.value('file') ?? '-') === '-';
    if (toStderr) await this.sys.writeAll(2, text);
    else await this.listing(text);
  }

  /** A line of the listing on standard output (stdio's, checked only at exit). */
  private async listing(text: string): Promise<void> {
    if (this.stdoutFailed) return;
    try {
      await this.sys.writeAll(1, text);
    } catch (e) {
      if (!isSysError(e)) throw e;
      this.stdoutFailed = e;
    }
  }

  /** A record of the archive: a failed write ends tar ("-: Cannot write: ..."). */
  private async writeArchive(bytes: Uint8Array): Promise<void> {
    try {
      await this.sys.writeAll(this.outFd, bytes);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await this.busyboxWriteError(e);
      await this.fatal(`${this.a.value('file') ?? '-'}: Cannot write: ${strerror(e.code)}`);
    }
  }

  /** busybox's tar dies at any failed write of data: "tar: write error: ...", status 1. */
  private async busyboxWriteError(e: SysError): Promise<void> {
    if (!isBusybox(this.sys)) return;
    await this.sys.writeAll(2, `tar: write error: ${strerror(e.code)}\n`).catch(() => undefined);
    throw new Fatal();
  }

  private excluded(name: string): boolean {
    if (this.excludes.length === 0) return false;
    const trimmed = name.replace(/\/+$/, '');
    const tails = [trimmed];
    for (let i = trimmed.indexOf('/'); i >= 0; i = trimmed.indexOf('/', i + 1)) tails.push(trimmed.slice(i + 1));
    return this.excludes.some((re) => tails.some((t) => re.test(t)));
  }

  private async stripLeading(name: string): Promise<string> {
    if (this.a.has('absolute-names') || !name.startsWith('/')) return name;
    if (!this.removedSlash) {
      this.removedSlash = true;
      await this.sys.writeAll(2, "tar: Removing leading `/' from member names\n");
    }
    return name.replace(/^\/+/, '');
  }

  // ---- listing ------------------------------------------------------------------------------------

  async longLine(e: TarEntry, name: string): Promise<string> {
    const typeBits: Record<string, number> = { file: S_IFREG, hardlink: S_IFREG, symlink: S_IFLNK, chardev: S_IFCHR, blockdev: S_IFBLK, dir: S_IFDIR, fifo: S_IFIFO };
    let mode = modeString(typeBits[e.type]! | e.mode);
    if (e.type === 'hardlink') mode = `h${mode.slice(1)}`;
    const numeric = this.a.has('numeric-owner');
    const user = !numeric && e.uname ? e.uname : String(e.uid);
    const group = !numeric && e.gname ? e.gname : String(e.gid);
    const size = e.type === 'chardev' || e.type === 'blockdev' ? `${e.devmajor},${e.devminor}` : String(e.type === 'file' ? e.size : 0);
    const ug = `${user}/${group}`;
    let pad = this.ugsWidth - ug.length - size.length;
    if (pad <= 0) {
      this.ugsWidth = ug.length + size.length + 1;
      pad = 1;
    }
    const when = strftime(isBusybox(this.sys) ? '%Y-%m-%d %H:%M:%S' : '%Y-%m-%d %H:%M', localTime(e.mtime, this.zone));
    let line = `${mode} ${ug}${' '.repeat(pad)}${size} ${when} ${name}`;
    if (e.type === 'symlink') line += ` -> ${e.linkname}`;
    if (e.type === 'hardlink') line += ` link to ${e.linkname}`;
    return `${line}\n`;
  }

  // ---- create -------------------------------------------------------------------------------------

  private async emit(bytes: Uint8Array): Promise<void> {
    this.written += bytes.length;
    if (this.gz) {
      this.chunks.push(bytes);
      return;
    }
    this.chunks.push(bytes);
    if (this.chunks.reduce((n, c) => n + c.length, 0) >= 65536) await this.flushOut();
  }

  private async flushOut(): Promise<void> {
    if (this.chunks.length === 0) return;
    const all = concat(this.chunks);
    this.chunks = [];
    await this.writeArchive(all);
  }

  async create(files: string[]): Promise<void> {
    const file = this.a.value('file') ?? '-';
    this.gz = this.a.has('gzip');
    this.euid = await this.sys.geteuid();
    if (file !== '-') {
      try {
        this.outFd = await this.sys.open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await this.fatal(`${file}: Cannot open: ${strerror(e.code)}`);
      }
      const st = await this.sys.fstat(this.outFd);
      this.archiveIno = { dev: st.dev, ino: st.ino };
    }
    const dir = this.a.value('directory');
    if (dir !== undefined) await this.chdir(dir);
    for (const f of files) await this.addPath(f, true);
    await this.emit(archiveEnd(this.written));
    if (this.gz) {
      const all = concat(this.chunks);
      this.chunks = [];
      await this.writeArchive(gzipCompress(all));
    } else await this.flushOut();
    if (file !== '-') await this.sys.close(this.outFd);
  }

  private async chdir(dir: string): Promise<void> {
    try {
      await this.sys.chdir(dir);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await this.fatal(`${dir}: Cannot open: ${strerror(e.code)}`);
    }
  }

  private async addPath(path: string, top: boolean): Promise<void> {
    let st: Stat;
    try {
      st = this.a.has('dereference') ? await this.sys.stat(path) : await this.sys.lstat(path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await this.sysErr(e, path, 'Cannot stat');
      return;
    }
    let name = path === '/' ? '/' : path;
    name = await this.stripLeading(name);
    if (this.excluded(name)) return;
    if (this.archiveIno && st.dev === this.archiveIno.dev && st.ino === this.archiveIno.ino) {
      await this.sys.writeAll(2, `tar: ${name}: file is the archive; not dumped\n`);
      return;
    }
    const type = st.mode & S_IFMT;
    if (type === S_IFSOCK) {
      await this.sys.writeAll(2, `tar: ${name}: socket ignored\n`);
      return;
    }
    const numeric = this.a.has('numeric-owner');
    const owner = this.a.value('owner');
    const group = this.a.value('group');
    const entry: TarEntry = {
      name: name === '' ? '.' : name,
      type: 'file', mode: st.mode & 0o7777, uid: st.uid, gid: st.gid,
      uname: numeric ? '' : (await this.ids.user(st.uid)) ?? '',
      gname: numeric ? '' : (await this.ids.group(st.gid)) ?? '',
      mtime: Number(st.mtimeNs / 1000000000n), size: 0, linkname: '', devmajor: 0, devminor: 0,
    };
    if (owner !== undefined) await this.applyOwner(entry, owner, 'user');
    if (group !== undefined) await this.applyOwner(entry, group, 'group');
    let data: Uint8Array | null = null;
    const key = `${st.dev}:${st.ino}`;
    if (type === S_IFDIR) entry.type = 'dir';
    else if (type === S_IFLNK) {
      entry.type = 'symlink';
      entry.linkname = await this.sys.readlink(path);
    } else if (type === S_IFCHR || type === S_IFBLK) {
      entry.type = type === S_IFCHR ? 'chardev' : 'blockdev';
      entry.devmajor = major(st.rdev);
      entry.devminor = minor(st.rdev);
    } else if (type === S_IFIFO) entry.type = 'fifo';
    else if (st.nlink > 1 && this.links.has(key)) {
      entry.type = 'hardlink';
      entry.linkname = this.links.get(key)!;
    } else {
      try {
        const fd = await this.sys.open(path, O_RDONLY | O_CLOEXEC);
        try {
          data = await this.sys.readAll(fd);
        } finally {
          await this.sys.close(fd);
        }
      } catch (e) {
        if (!isSysError(e)) throw e;
        await this.sysErr(e, path, 'Cannot open');
        return;
      }
      entry.size = data.length;
      if (st.nlink > 1) this.links.set(key, entry.name);
    }
    if (this.verbose >= 2) await this.note(await this.longLine(entry, entry.type === 'dir' && !entry.name.endsWith('/') ? `${entry.name}/` : entry.name));
    else if (this.verbose) await this.note(`${entry.type === 'dir' && !entry.name.endsWith('/') ? `${entry.name}/` : entry.name}\n`);
    await this.emit(entryHeader(entry));
    if (data) {
      await this.emit(data);
      await this.emit(new Uint8Array(padding(data.length)));
    }
    void top;
    if (entry.type === 'dir' && this.a.last('recursion', 'no-recursion') !== 'no-recursion') {
      let list;
      try {
        const fd = await this.sys.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        try {
          list = await this.sys.getdents(fd);
        } finally {
          await this.sys.close(fd);
        }
      } catch (e) {
        if (!isSysError(e)) throw e;
        await this.sysErr(e, path, 'Cannot open');
        return;
      }
      const base = path.endsWith('/') ? path : `${path}/`;
      for (const d of list) {
        if (d.name === '.' || d.name === '..') continue;
        await this.addPath(base + d.name, false);
      }
    }
  }

  private async applyOwner(e: TarEntry, spec: string, which: 'user' | 'group'): Promise<void> {
    const [nameOrId, idPart] = spec.split(':');
    let id: number | null = idPart !== undefined ? Number(idPart) : null;
    let name = nameOrId!.replace(/^\+/, '');
    if (id === null) {
      if (/^\+?\d+$/.test(nameOrId!)) {
        id = Number(name);
        name = which === 'user' ? (await this.ids.user(id)) ?? '' : (await this.ids.group(id)) ?? '';
      } else {
        const found = which === 'user' ? (await userByName(this.sys, name))?.uid : (await groupByName(this.sys, name))?.gid;
        if (found === undefined) await this.fatal(`${which === 'user' ? 'Invalid owner' : 'Invalid group'}: ${name}`);
        id = found!;
      }
    }
    if (which === 'user') {
      e.uid = id;
      e.uname = name;
    } else {
      e.gid = id;
      e.gname = name;
    }
  }

  // ---- reading ------------------------------------------------------------------------------------

  private async readArchive(): Promise<Uint8Array> {
    const file = this.a.value('file') ?? '-';
    let data: Uint8Array;
    let fd = 0;
    if (file !== '-') {
      try {
        fd = await this.sys.open(file, O_RDONLY | O_CLOEXEC);
      } catch (e) {
        if (!isSysError(e)) throw e;
        return this.fatal(`${file}: Cannot open: ${strerror(e.code)}`);
      }
    }
    try {
      data = await this.sys.readAll(fd);
    } catch (e) {
      // A directory, a closed standard input: nothing of the archive could be read.
      if (!isSysError(e)) throw e;
      if (isBusybox(this.sys)) {
        await this.sys.writeAll(2, 'tar: short read\n');
        throw new Fatal();
      }
      await this.sys.writeAll(2, `tar: ${file}: Cannot read: ${strerror(e.code)}\ntar: At beginning of tape, quitting now\n`);
      return this.fatal('');
    } finally {
      if (fd !== 0) await this.sys.close(fd);
    }
    if (this.a.has('gzip') || isGzip(data)) {
      if (!isGzip(data)) {
        await this.sys.writeAll(2, '\ngzip: stdin: not in gzip format\ntar: Child returned status 1\n');
        return this.fatal('');
      }
      try {
        data = gzipDecompress(data).data;
      } catch (e) {
        if (!(e instanceof GzipError)) throw e;
        await this.sys.writeAll(2, `\ngzip: stdin: ${e.message}\ntar: Child returned status 1\n`);
        return this.fatal('');
      }
    }
    return data;
  }

  /** Which operands select this member (exact name, or a directory above it). */
  private selector(members: string[]): { match(name: string): boolean; unmatched(): string[] } {
    const wild = this.a.has('wildcards') && !this.a.has('no-wildcards');
    const pats = members.map((m) => ({ m, norm: m.replace(/\/+$/, ''), re: wild ? globToRe(m.replace(/\/+$/, '')) : null, hit: false }));
    return {
      match: (name: string) => {
        if (pats.length === 0) return true;
        const n = name.replace(/\/+$/, '');
        let any = false;
        for (const p of pats) {
          const ok = p.re ? p.re.test(n) || n.split('/').some((_x, i, parts) => p.re!.test(parts.slice(0, i + 1).join('/'))) : n === p.norm || n.startsWith(`${p.norm}/`);
          if (ok) {
            p.hit = true;
            any = true;
          }
        }
        return any;
      },
      unmatched: () => pats.filter((p) => !p.hit).map((p) => p.m),
    };
  }

  private async entries(data: Uint8Array, visit: (e: ReadEntry) => Promise<void>): Promise<void> {
    try {
      for (const e of iterateTar(data)) await visit(e);
    } catch (err) {
      if (!(err instanceof TarError)) throw err;
      if (err.message === 'Unexpected EOF in archive') return this.fatal('Unexpected EOF in archive');
      await this.error(err.message);
    }
  }

  async list(members: string[]): Promise<void> {
    const data = await this.readArchive();
    const sel = this.selector(members);
    await this.entries(data, async (e) => {
      if (!sel.match(e.name)) return;
      if (this.excluded(e.name)) return;
      const shown = e.name;
      if (this.verbose) await this.listing(await this.longLine(e, shown));
      else await this.listing(`${shown}\n`);
    });
    for (const m of sel.unmatched()) await this.error(`${m}: Not found in archive`);
  }

  async extract(members: string[]): Promise<void> {
    const data = await this.readArchive();
    const dir = this.a.value('directory');
    if (dir !== undefined) await this.chdir(dir);
    this.euid = await this.sys.geteuid();
    this.umask = await this.sys.umask(0o022);
    await this.sys.umask(this.umask);
    const strip = Number(this.a.value('strip-components') ?? '0');
    const sel = this.selector(members);
    const dirs: { name: string; e: ReadEntry }[] = [];
    await this.entries(data, async (e) => {
      if (!sel.match(e.name)) return;
      if (this.excluded(e.name)) return;
      let name = await this.stripLeading(e.name);
      if (strip > 0) {
        const parts = name.split('/').filter((p, i, all) => p !== '' || i === all.length - 1);
        if (parts.length <= strip || (parts.length === strip + 1 && parts[strip] === '')) return;
        name = parts.slice(strip).join('/');
      }
      if (this.verbose >= 2) await this.listing(await this.longLine(e, e.name));
      else if (this.verbose) await this.listing(`${e.name}\n`);
      if (this.a.has('to-stdout')) {
        if (e.type === 'file') {
          // Each member's data is written and checked on its own; a failure skips to the next.
          try {
            await this.sys.writeAll(1, e.data!);
          } catch (err) {
            if (!isSysError(err)) throw err;
            await this.busyboxWriteError(err);
            await this.sysErr(err, e.name, 'Cannot write');
          }
        }
        return;
      }
      const clean = name.replace(/\/+$/, '');
      if (clean === '' || clean === '.') return;
      await this.makeParents(clean);
      try {
        await this.extractOne(e, clean, strip);
      } catch (err) {
        if (!isSysError(err)) throw err;
        await this.sysErr(err, clean, e.type === 'dir' ? 'Cannot mkdir' : e.type === 'symlink' ? 'Cannot create symlink to ' + JSON.stringify(e.linkname).slice(1, -1) : e.type === 'hardlink' ? `Cannot hard link to '${e.linkname}'` : 'Cannot open');
        return;
      }
      if (e.type === 'dir') dirs.push({ name: clean, e });
    });
    // Directories get their modes and times last, deepest first, once their contents are in.
    for (const d of dirs.reverse()) await this.setAttrs(d.name, d.e, false);
    for (const m of sel.unmatched()) await this.error(`${m}: Not found in archive`);
  }

  private async makeParents(name: string): Promise<void> {
    const parts = name.split('/');
    let p = name.startsWith('/') ? '' : '';
    for (let i = 0; i < parts.length - 1; i++) {
      p = p === '' ? parts[i]! : `${p}/${parts[i]}`;
      if (p === '' || p === '.') continue;
      try {
        await this.sys.mkdir(p, 0o777);
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (e.code !== 'EEXIST') return;
      }
    }
  }

  private async removeExisting(name: string, isDir: boolean): Promise<boolean> {
    let st: Stat;
    try {
      st = await this.sys.lstat(name);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return true;
    }
    if (this.a.has('skip-old-files')) return false;
    if (this.a.has('keep-old-files')) {
      await this.error(`${name}: Cannot open: File exists`);
      return false;
    }
    if ((st.mode & S_IFMT) === S_IFDIR) return isDir ? true : (await this.sys.rmdir(name).then(() => true, () => true));
    await this.sys.unlink(name);
    return true;
  }

  private async extractOne(e: ReadEntry, name: string, strip: number): Promise<void> {
    switch (e.type) {
      case 'dir': {
        if (!(await this.removeExisting(name, true))) return;
        try {
          await this.sys.mkdir(name, 0o700);
        } catch (err) {
          if (!isSysError(err) || err.code !== 'EEXIST') throw err;
        }
        return;
      }
      case 'file': {
        if (!(await this.removeExisting(name, false))) return;
        const fd = await this.sys.open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600);
        try {
          await this.sys.writeAll(fd, e.data!);
        } finally {
          await this.sys.close(fd);
        }
        await this.setAttrs(name, e, false);
        return;
      }
      case 'symlink': {
        if (!(await this.removeExisting(name, false))) return;
        await this.sys.symlink(e.linkname, name);
        await this.setAttrs(name, e, true);
        return;
      }
      case 'hardlink': {
        if (!(await this.removeExisting(name, false))) return;
        let target = e.linkname;
        if (strip > 0) target = target.split('/').slice(strip).join('/');
        await this.sys.link(target, name);
        return;
      }
      case 'chardev':
      case 'blockdev':
      case 'fifo': {
        if (!(await this.removeExisting(name, false))) return;
        const bits = e.type === 'chardev' ? S_IFCHR : e.type === 'blockdev' ? S_IFBLK : S_IFIFO;
        await this.sys.mknod(name, bits | (e.mode & 0o7777), makedev(e.devmajor, e.devminor));
        await this.setAttrs(name, e, false);
        return;
      }
    }
  }

  private async setAttrs(name: string, e: TarEntry, isLink: boolean): Promise<void> {
    const root = this.euid === 0;
    const sameOwner = root ? !this.a.has('no-same-owner') : this.a.has('same-owner');
    const keepPerms = root ? !this.a.has('no-same-permissions') : this.a.has('preserve-permissions');
    try {
      if (sameOwner) {
        let uid = e.uid;
        let gid = e.gid;
        if (!this.a.has('numeric-owner')) {
          if (e.uname) uid = (await userByName(this.sys, e.uname))?.uid ?? uid;
          if (e.gname) gid = (await groupByName(this.sys, e.gname))?.gid ?? gid;
        }
        if (isLink) await this.sys.lchown(name, uid, gid);
        else await this.sys.chown(name, uid, gid);
      }
      if (!isLink) await this.sys.chmod(name, keepPerms ? e.mode & 0o7777 : e.mode & 0o7777 & ~this.umask);
      if (!this.a.has('touch')) await this.sys.utimensat(name, undefined, BigInt(e.mtime) * 1000000000n, !isLink);
    } catch (err) {
      if (!isSysError(err)) throw err;
      await this.sysErr(err, name, 'Cannot change ownership');
    }
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const TRY = "Try 'tar --help' or 'tar --usage' for more information.\n";

export default async function tar(sys: Sys): Promise<number> {
  const expanded = expandOldStyle(sys.argv.slice(1));
  if (typeof expanded === 'string') {
    await sys.writeAll(2, `tar: ${expanded}\n${TRY}`);
    return 2;
  }
  let a: Parsed;
  try {
    a = parseArgs(meta, expanded);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    await sys.writeAll(2, `${e.text}\n${TRY}`);
    return 64;
  }
  // GNU tar's --help and --version do not check their output.
  if (a.has('help') || a.has('version')) {
    await sys.writeAll(1, a.has('help') ? helpText(meta) : versionText(meta)).catch((e: unknown) => {
      if (!isSysError(e)) throw e;
    });
    return 0;
  }
  const modes = ['create', 'list', 'extract'].filter((m) => a.has(m));
  if (modes.length === 0) {
    const dialect = dialectOf(sys);
    if (dialect) {
      await sys.writeAll(2, dialect.usage('tar') ?? '');
      return 1;
    }
    await sys.writeAll(2, `tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\n${TRY}`);
    return 2;
  }
  if (new Set(a.options.filter((o) => ['create', 'list', 'extract'].includes(o.key)).map((o) => o.key)).size > 1) {
    await sys.writeAll(2, `tar: You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option\n${TRY}`);
    return 2;
  }
  const strip = a.value('strip-components');
  if (strip !== undefined && !/^\d+$/.test(strip)) {
    await sys.writeAll(2, `tar: ${strip}: Invalid number of elements\n${TRY}`);
    return 2;
  }
  const t = new Tar(sys, a);
  try {
    if (modes[0] === 'create') {
      if (a.operands.length === 0) {
        await sys.writeAll(2, `tar: Cowardly refusing to create an empty archive\n${TRY}`);
        return 2;
      }
      await t.create(a.operands);
    } else if (modes[0] === 'list') await t.list(a.operands);
    else await t.extract(a.operands);
  } catch (e) {
    if (e instanceof Fatal) return isBusybox(sys) ? 1 : 2;
    throw e;
  }
  if (t.status) await sys.writeAll(2, 'tar: Exiting with failure status due to previous errors\n');
  // busybox's listing goes unchecked; GNU's is checked when tar ends.
  if (t.stdoutFailed && !isBusybox(sys)) {
    await sys.writeAll(2, 'tar: stdout: write error\n');
    return 2;
  }
  return t.status;
}
