// Writing COPY/ADD results into a step's root (a mounted overlay): the destination rules of
// reference 5.2 (trailing `/`, an existing directory takes files inside, directory sources copy
// their contents, missing parents made 0755), ownership 0:0 unless --chown (names resolved in
// the destination's /etc/passwd and /etc/group), modes from the source unless --chmod, mtimes
// kept, symlinks copied as symlinks, and ADD's extraction of local tar archives (recognised by
// content: plain or gzip-compressed tar).

import { isSysError } from '../../abi/errno.ts';
import type { Stat } from '../../abi/stat.ts';
import { utf8Decode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import { gzipDecompress, isGzip } from '../archive/gzip.ts';
import { iterateTar } from '../archive/tar.ts';
import { DockerfileError } from './dockerfile/errors.ts';
import { applyChmod, type ChmodSpec } from './dockerfile/evaluate.ts';
import { isDir, isFile, isLink, lstatOrNull, readFile, removeAll, writeFile } from '../sys-files.ts';
import { mkdirAllAs, scopedPath } from './fs-scope.ts';
import { walkItem, type SourceItem, type SourceRoot } from './sources.ts';

export interface Owner {
  uid: number;
  gid: number;
}

export interface CopyJob {
  sys: Sys;
  /** Host path of the destination root (the step's merged dir). */
  root: string;
  /** Absolute destination inside the root, trailing `/` kept. */
  dest: string;
  src: SourceRoot | null;
  items: SourceItem[];
  inline: Array<{ path: string; data: string }>;
  /** More than one source, or a wildcard: the destination is a directory. */
  many: boolean;
  chown: Owner | null;
  chmod: ChmodSpec | null;
  /** ADD: extract local archives. */
  unpack: boolean;
  /** Keep the sources' owners (COPY --from); a local context's files become 0:0. */
  keepOwner: boolean;
  /** COPY --parents: items keep their relative path (their `name`) below the destination. */
  parents?: boolean;
  line: number;
}

function rows(text: string | null): string[][] {
  return (text ?? '').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(':'));
}

async function readScoped(sys: Sys, root: string, path: string): Promise<string | null> {
  try {
    return utf8Decode(await readFile(sys, await scopedPath(sys, root, path)));
  } catch (e) {
    if (isSysError(e)) return null;
    throw e;
  }
}

/** --chown=user[:group] against the destination's account files. */
export async function resolveChown(sys: Sys, root: string, spec: string, line: number): Promise<Owner> {
  const [u = '', g] = spec.split(':');
  const fail = (m: string): never => {
    throw new DockerfileError(`unable to convert uid/gid chown string to host mapping: ${m}`, line, line, 'build');
  };
  let uid: number;
  if (/^\d+$/.test(u)) uid = Number(u);
  else {
    const row = rows(await readScoped(sys, root, '/etc/passwd')).find((r) => r[0] === u);
    if (!row) return fail(`can't find uid for user ${u}: no such user: ${u}`);
    uid = Number(row[2]);
  }
  let gid = uid;
  if (g !== undefined && g !== '') {
    if (/^\d+$/.test(g)) gid = Number(g);
    else {
      const row = rows(await readScoped(sys, root, '/etc/group')).find((r) => r[0] === g);
      if (!row) return fail(`can't find gid for group ${g}: no such group: ${g}`);
      gid = Number(row[2]);
    }
  }
  return { uid, gid };
}

/** The archive inside `data` as a tar, or null when it is not one ADD extracts. */
export function archiveTar(data: Uint8Array): Uint8Array | null {
  let tar = data;
  if (isGzip(data)) {
    try {
      tar = gzipDecompress(data).data;
    } catch {
      return null;
    }
  }
  if (tar.length < 512) return null;
  const magic = utf8Decode(tar.subarray(257, 262));
  if (magic !== 'ustar') return null;
  return tar;
}

class Writer {
  constructor(private readonly job: CopyJob) {}

  private get sys(): Sys {
    return this.job.sys;
  }

  /** Host path for a container path, parents resolved inside the root, the last name not followed. */
  async target(path: string): Promise<string> {
    return scopedPath(this.sys, this.job.root, path, false);
  }

  private owner(st: Stat | null): Owner {
    if (this.job.chown) return this.job.chown;
    return st && this.job.keepOwner ? { uid: st.uid, gid: st.gid } : { uid: 0, gid: 0 };
  }

  private mode(st: { mode: number }, dir: boolean): number {
    const m = st.mode & 0o7777;
    return this.job.chmod ? applyChmod(this.job.chmod, m, dir) : m;
  }

  async ensureDir(path: string, mode = 0o755): Promise<string> {
    const host = await scopedPath(this.sys, this.job.root, path, true);
    const st = await lstatOrNull(this.sys, host);
    if (st && !isDir(st)) throw new DockerfileError(`cannot copy to non-directory: ${path}`, this.job.line, this.job.line, 'build');
    if (!st) {
      const parent = path.replace(/\/[^/]*\/?$/, '') || '/';
      if (parent !== path) await this.ensureDir(parent);
      await mkdirAllAs(this.sys, host, mode);
    }
    return host;
  }

  private async prepareLeaf(path: string, dir: boolean): Promise<string> {
    const parent = path.replace(/\/[^/]*$/, '') || '/';
    await this.ensureDir(parent);
    const host = await this.target(path);
    const st = await lstatOrNull(this.sys, host);
    if (st && isDir(st) && !dir) throw new DockerfileError(`cannot replace to directory ${host.slice(this.job.root.length) || '/'} with file`, this.job.line, this.job.line, 'build');
    if (st && !isDir(st)) await this.sys.unlink(host);
    return host;
  }

  private async finish(host: string, st: Stat | null, mode: number, owner: Owner, link = false): Promise<void> {
    if (!link) await this.sys.chmod(host, mode);
    await this.sys.lchown(host, owner.uid, owner.gid);
    if (st) await this.sys.utimensat(host, st.atimeNs, st.mtimeNs, !link);
  }

  async writeFile(path: string, data: Uint8Array | string, st: Stat | null, mode: number): Promise<void> {
    const host = await this.prepareLeaf(path, false);
    await writeFile(this.sys, host, data, 0o600);
    await this.finish(host, st, mode, this.owner(st));
  }

  async writeLink(path: string, target: string, st: Stat | null): Promise<void> {
    const host = await this.prepareLeaf(path, false);
    await this.sys.symlink(target, host);
    await this.finish(host, st, 0o777, this.owner(st), true);
  }

  async copyEntry(path: string, host: string, st: Stat): Promise<void> {
    if (isDir(st)) {
      const h = await this.ensureDir(path, st.mode & 0o7777);
      await this.finish(h, st, this.mode(st, true), this.owner(st));
    } else if (isLink(st)) {
      await this.writeLink(path, await this.sys.readlink(host), st);
    } else if (isFile(st)) {
      await this.writeFile(path, await readFile(this.sys, host), st, this.mode(st, false));
    }
  }

  async copyDir(item: SourceItem, dest: string): Promise<void> {
    const top = await this.ensureDir(dest, item.st.mode & 0o7777);
    const dirs: Array<[string, Stat]> = [];
    await walkItem(this.job.src!, item, async (rel, host, st) => {
      await this.copyEntry(`${dest}/${rel}`, host, st);
      if (isDir(st)) dirs.push([`${dest}/${rel}`, st]);
    });
    // Directory times last: writing inside a directory moves its mtime.
    for (const [p, st] of dirs.reverse()) await this.sys.utimensat(await this.target(p), st.atimeNs, st.mtimeNs);
    await this.finish(top, item.st, this.mode(item.st, true), this.owner(item.st));
  }

  async extract(tar: Uint8Array, dest: string): Promise<void> {
    await this.ensureDir(dest);
    const dirs: Array<[string, number]> = [];
    for (const e of iterateTar(tar)) {
      const name = e.name.replace(/^\.?\/+/, '').replace(/\/+$/, '');
      if (name === '' || name === '.') continue;
      const path = `${dest}/${name}`;
      const owner = this.job.chown ?? { uid: e.uid, gid: e.gid };
      const mode = this.job.chmod ? applyChmod(this.job.chmod, e.mode, e.type === 'dir') : e.mode;
      const mtime = BigInt(e.mtime) * 1_000_000_000n;
      if (e.type === 'dir') {
        const h = await this.ensureDir(path, mode);
        await this.sys.chmod(h, mode);
        await this.sys.lchown(h, owner.uid, owner.gid);
        dirs.push([path, e.mtime]);
      } else if (e.type === 'file') {
        const host = await this.prepareLeaf(path, false);
        await writeFile(this.sys, host, e.data ?? new Uint8Array(0), 0o600);
        await this.sys.chmod(host, mode);
        await this.sys.lchown(host, owner.uid, owner.gid);
        await this.sys.utimensat(host, mtime, mtime);
      } else if (e.type === 'symlink') {
        const host = await this.prepareLeaf(path, false);
        await this.sys.symlink(e.linkname, host);
        await this.sys.lchown(host, owner.uid, owner.gid);
      } else if (e.type === 'hardlink') {
        const host = await this.prepareLeaf(path, false);
        await this.sys.link(await this.target(`${dest}/${e.linkname.replace(/^\.?\/+/, '')}`), host);
      } else if (e.type === 'fifo' || e.type === 'chardev' || e.type === 'blockdev') {
        const host = await this.prepareLeaf(path, false);
        const kind = e.type === 'fifo' ? 0o010000 : e.type === 'chardev' ? 0o020000 : 0o060000;
        await this.sys.mknod(host, kind | mode, (e.devmajor << 8) | e.devminor);
        await this.sys.lchown(host, owner.uid, owner.gid);
      }
    }
    for (const [p, t] of dirs.reverse()) {
      const ns = BigInt(t) * 1_000_000_000n;
      await this.sys.utimensat(await this.target(p), ns, ns);
    }
  }
}

/** Performs one COPY/ADD into the job's root. */
export async function performCopy(job: CopyJob): Promise<void> {
  const w = new Writer(job);
  const sys = job.sys;
  const dest = job.dest.replace(/\/+$/, '') || '/';
  const slash = job.dest.endsWith('/') || /(^|\/)\.$/.test(job.dest);
  const destHost = await scopedPath(sys, job.root, dest, true);
  const destSt = await lstatOrNull(sys, destHost);
  const destIsDir = destSt !== null && isDir(destSt);
  const files = job.items.filter((i) => !isDir(i.st)).length + job.inline.length;
  if (job.many && files > 1 && !slash && !destIsDir) {
    // BuildKit lets the last file win here (moby/buildkit#4550); the reference asks for the classic error.
    throw new DockerfileError('When using COPY with more than one source file, the destination must be a directory and end with a /', job.line, job.line, 'build');
  }
  const intoDir = slash || job.many || destIsDir;
  const inside = (name: string): string => (dest === '/' ? `/${name}` : `${dest}/${name}`);
  for (const item of job.items) {
    if (isDir(item.st)) {
      await w.copyDir(item, job.parents && item.name ? inside(item.name) : dest);
      continue;
    }
    if (job.unpack && isFile(item.st)) {
      const data = await readFile(sys, item.host);
      const tar = archiveTar(data);
      if (tar) {
        await w.extract(tar, dest);
        continue;
      }
      await w.writeFile(intoDir ? inside(item.name) : dest, data, item.st, job.chmod ? applyChmod(job.chmod, item.st.mode & 0o7777, false) : item.st.mode & 0o7777);
      continue;
    }
    await w.copyEntry(intoDir ? inside(item.name) : dest, item.host, item.st);
  }
  for (const h of job.inline) {
    const mode = job.chmod ? applyChmod(job.chmod, 0o644, false) : 0o644;
    await w.writeFile(intoDir ? inside(h.path) : dest, h.data, null, mode);
  }
}

export { removeAll };
