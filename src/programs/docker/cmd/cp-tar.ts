// The archives `docker cp` moves, on either side: go-archive's TarWithOptions for one resource
// (a file, a link, or a tree walked in lexical order, its top entry renamed), written as Go's
// tar.Writer writes it; and go-archive's Untar, which `docker cp` runs with NoOverwriteDirNonDir:
// an entry replaces what is there unless that is a directory (then it refuses, in Untar's
// words) or both are directories (then they merge). Directory times are set last, since making
// their children changes them. Every step is an ordinary syscall, so inside a container's
// overlay each write is a copy-up the kernel does and `docker diff` sees. Also the link
// following both sides need (filepath.EvalSymlinks, FollowSymlinkInScope).

import { isSysError, strerror } from '../../../abi/errno.ts';
import { O_CREAT, O_TRUNC, O_WRONLY } from '../../../abi/open-flags.ts';
import { makedev, major, minor, S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG } from '../../../abi/stat.ts';
import { GoTarWriter } from '../../../runtime/archive/go-tar.ts';
import { iterateTar, type TarEntry, TarError } from '../../../runtime/archive/tar.ts';
import { gzipDecompress, isGzip } from '../../../runtime/archive/gzip.ts';
import { byteCompare } from '../../../runtime/go-style.ts';
import { listNames, lstatOrNull, mkdirAll, readFile, removeAll } from '../../../runtime/sys-files.ts';
import type { Sys } from '../../../sys/sys.ts';
import { goClean, goDir, rebaseName } from './cp-paths.ts';

/** An Untar refusal, printed as it is ("cannot overwrite directory ..."). */
export class UntarError extends Error {}

/** More than 255 links on the way (Go's "too many links"). */
export class LinkLoop extends Error {}

/**
 * filepath.EvalSymlinks (strict: a missing component is an error, thrown as the lstat's
 * SysError) or symlink.FollowSymlinkInScope under "/" (not strict: the missing rest is kept).
 */
export async function evalSymlinks(sys: Sys, path: string, strict: boolean): Promise<string> {
  const absolute = path.startsWith('/');
  let parts = goClean(path).split('/').filter(Boolean);
  let out = absolute ? '' : '.';
  for (let hops = 0; parts.length > 0; ) {
    const p = parts.shift()!;
    if (p === '..') {
      out = out === '' ? '' : goDir(out) === '/' ? '' : goDir(out);
      continue;
    }
    const cand = out === '' ? `/${p}` : `${out}/${p}`;
    const st = strict ? await sys.lstat(cand) : await lstatOrNull(sys, cand);
    if (!st || (st.mode & S_IFMT) !== S_IFLNK) {
      out = cand;
      continue;
    }
    if (++hops > 255) throw new LinkLoop(`too many links in ${path}`);
    const target = await sys.readlink(cand);
    if (target.startsWith('/')) out = '';
    parts = [...target.split('/').filter(Boolean), ...parts];
  }
  return out === '' ? '/' : goClean(out);
}

/**
 * TarWithOptions(sourceDir, IncludeFiles [base], IncludeSourceDir, RebaseNames {base: rebase}):
 * the entries of sourceDir/base ("." for sourceDir itself, named "./..."), the first `base` in
 * each name replaced by `rebase` when it is set.
 */
export async function tarResource(sys: Sys, sourceDir: string, base: string, rebase: string): Promise<TarEntry[]> {
  const out: TarEntry[] = [];
  const links = new Map<string, string>();
  const join = (a: string, b: string): string => (a.endsWith('/') ? a + b : `${a}/${b}`);
  const walk = async (path: string, rel: string): Promise<void> => {
    try {
      await add(path, rel);
    } catch (e) {
      // go-archive logs a file it cannot read ("Can't stat file ... to tar") and goes on
      if (!isSysError(e)) throw e;
    }
  };
  const add = async (path: string, rel: string): Promise<void> => {
    const st = await lstatOrNull(sys, path);
    if (!st) return;
    let name = rebase ? rebaseName(rel, base, rebase === '/' ? '' : rebase) : rel;
    const fmt = st.mode & S_IFMT;
    if (fmt === S_IFDIR) name += '/';
    const e: TarEntry = {
      name, type: 'file', mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, uname: '', gname: '',
      mtime: Number(st.mtimeNs / 1_000_000_000n), size: 0, linkname: '', devmajor: 0, devminor: 0,
    };
    if (fmt === S_IFDIR) e.type = 'dir';
    else if (fmt === S_IFLNK) {
      e.type = 'symlink';
      e.linkname = await sys.readlink(path);
    } else if (fmt === S_IFCHR || fmt === S_IFBLK) {
      e.type = fmt === S_IFCHR ? 'chardev' : 'blockdev';
      e.devmajor = major(st.rdev);
      e.devminor = minor(st.rdev);
    } else if (fmt === S_IFIFO) e.type = 'fifo';
    else if (fmt !== S_IFREG) return; // sockets are left out, as go-archive does
    const key = `${st.dev}:${st.ino}`;
    if (fmt !== S_IFDIR && st.nlink > 1 && links.has(key)) {
      e.type = 'hardlink';
      e.linkname = links.get(key)!;
    } else if (fmt === S_IFREG) {
      if (st.nlink > 1) links.set(key, name);
      // the header's size is the stat's, as tar.Writer's (a /proc file says 0 and comes out empty)
      const data = await readFile(sys, path);
      e.data = data.subarray(0, st.size);
      e.size = e.data.length;
    }
    out.push(e);
    if (fmt !== S_IFDIR) return;
    for (const child of (await listNames(sys, path)).sort(byteCompare)) await walk(join(path, child), rel === '.' ? `./${child}` : `${rel}/${child}`);
  };
  await walk(base === '.' ? sourceDir : join(sourceDir, base), base);
  return out;
}

/** The entries as one tar stream, as tar.Writer writes it (Docker's archives are PAX-capable ustar). */
export function packEntries(entries: TarEntry[]): Uint8Array {
  const w = new GoTarWriter();
  const flag = { file: '0', hardlink: '1', symlink: '2', chardev: '3', blockdev: '4', dir: '5', fifo: '6' } as const;
  for (const e of entries) {
    w.add({ name: e.name, typeflag: flag[e.type], mode: e.mode, uid: e.uid, gid: e.gid, size: e.type === 'file' ? e.size : 0, mtime: e.mtime, linkname: e.linkname, uname: e.uname, gname: e.gname, devmajor: e.devmajor, devminor: e.devminor }, e.data);
  }
  return w.finish();
}

/** The entries of a tar stream (gzip is unpacked first, as DecompressStream does). */
export function readEntries(data: Uint8Array): TarEntry[] {
  const raw = isGzip(data) ? gzipDecompress(data).data : data;
  if (raw.length === 0) return [];
  try {
    return [...iterateTar(raw)];
  } catch (e) {
    if (e instanceof TarError) throw new UntarError('archive/tar: invalid tar header');
    throw e;
  }
}

export interface UntarOptions {
  /** Leave owners to whoever unpacks (the client side: files become the caller's). */
  noLchown: boolean;
  /** Everything owned by this uid/gid instead of the archive's (the engine's -a with a USER). */
  chown: { uid: number; gid: number } | null;
  noOverwriteDirNonDir: boolean;
}

/** Go's *PathError words for a failed step: "unlinkat /etc/hostname: device or resource busy". */
async function step<T>(op: string, path: string, p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (isSysError(e)) throw new UntarError(`${op} ${path}: ${strerror(e.code).toLowerCase()}`);
    throw e;
  }
}

/** go-archive's Unpack of `entries` into the directory `dest`. */
export async function untar(sys: Sys, entries: TarEntry[], dest: string, opts: UntarOptions): Promise<void> {
  const dirs: [string, number][] = [];
  for (const e of entries) {
    const name = goClean(e.name);
    const path = goClean(`${dest}/${name}`);
    const base = goClean(dest);
    if (path !== base && !path.startsWith(base === '/' ? '/' : `${base}/`)) throw new UntarError(`"${e.name}" is outside of "${dest}"`);
    const parent = goDir(name);
    if (parent !== '.' && parent !== '/' && !(await lstatOrNull(sys, `${base}/${parent}`))) await step('mkdir', goClean(`${base}/${parent}`), mkdirAll(sys, goClean(`${base}/${parent}`), 0o755));
    const old = await lstatOrNull(sys, path);
    if (old) {
      const oldDir = (old.mode & S_IFMT) === S_IFDIR;
      if (opts.noOverwriteDirNonDir && oldDir && e.type !== 'dir') throw new UntarError(`cannot overwrite directory "${path}" with non-directory "${dest}"`);
      if (opts.noOverwriteDirNonDir && !oldDir && e.type === 'dir') throw new UntarError(`cannot overwrite non-directory "${path}" with directory "${dest}"`);
      if (oldDir && name === '.') continue;
      if (!(oldDir && e.type === 'dir')) await step('unlinkat', path, removeAll(sys, path));
    }
    switch (e.type) {
      case 'dir':
        if (!old || (old.mode & S_IFMT) !== S_IFDIR) await step('mkdir', path, sys.mkdir(path, e.mode));
        break;
      case 'file': {
        const fd = await step('open', path, sys.open(path, O_WRONLY | O_CREAT | O_TRUNC, e.mode));
        try {
          if (e.data && e.data.length) await step('write', path, sys.writeAll(fd, e.data));
        } finally {
          await sys.close(fd);
        }
        break;
      }
      case 'symlink':
        await step('symlink', path, sys.symlink(e.linkname, path));
        break;
      case 'hardlink':
        await step('link', path, sys.link(goClean(`${base}/${e.linkname}`), path));
        break;
      case 'chardev':
      case 'blockdev':
        await step('mknod', path, sys.mknod(path, (e.type === 'chardev' ? S_IFCHR : S_IFBLK) | e.mode, makedev(e.devmajor, e.devminor)));
        break;
      case 'fifo':
        await step('mknod', path, sys.mknod(path, S_IFIFO | e.mode, 0));
        break;
    }
    if (!opts.noLchown) {
      const owner = opts.chown ?? { uid: e.uid, gid: e.gid };
      await step('lchown', path, sys.lchown(path, owner.uid, owner.gid));
    }
    if (e.type !== 'symlink' && e.type !== 'hardlink') await step('chmod', path, sys.chmod(path, e.mode));
    const ns = BigInt(e.mtime) * 1_000_000_000n;
    if (e.type === 'dir') dirs.push([path, e.mtime]);
    else if (e.type === 'symlink') await ignoreErrno(sys.utimensat(path, ns, ns, false));
    else if (e.type !== 'hardlink') await step('chtimes', path, sys.utimensat(path, ns, ns));
  }
  for (const [path, mtime] of dirs) {
    const ns = BigInt(mtime) * 1_000_000_000n;
    await sys.utimensat(path, ns, ns);
  }
}

async function ignoreErrno(p: Promise<void>): Promise<void> {
  try {
    await p;
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
}
