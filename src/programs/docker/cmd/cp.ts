// docker cp (container cp): copy between a container and this machine, as Docker's client does
// it: one side is `CONTAINER:PATH`, the other a local path or `-` (a tar on stdin or stdout).
// The client decides what the copy means (SRC a file or a directory, `SRC/.` for its contents,
// DEST an existing directory or a new name) from stat answers, renames the archive's top entry
// to fit, and unpacks or uploads it; the engine side (cp-engine.ts) archives or unpacks inside
// the container's own filesystem, running or stopped. "Successfully copied SIZE to DEST" goes to
// stderr only when stdout is a terminal (or -q=false), never for `-`; SIZE is the tar stream's.

import { isSysError, strerror } from '../../../abi/errno.ts';
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFMT, S_IFREG } from '../../../abi/stat.ts';
import type { TarEntry } from '../../../runtime/archive/tar.ts';
import { ContainerStore, type ContainerRecord, isDaemonError } from '../../../runtime/containers/index.ts';
import { humanSize } from '../../../runtime/go-style.ts';
import type { Sys } from '../../../sys/sys.ts';
import type { DockerCommand, DockerContext } from '../command.ts';
import { parseCommand } from './command-line.ts';
import { ContainerFs, MODE_DEVICE, MODE_DIR, MODE_SYMLINK, type PathStat } from './cp-engine.ts';
import {
  absLocal, type CopyInfo, ERR_NOT_DIRECTORY, getRebaseName, goBase, goClean, goDir, hasTrailingSeparator, prepareArchiveCopy, rebaseName, splitCpArg,
  splitPathDirEntry,
} from './cp-paths.ts';
import { evalSymlinks, LinkLoop, packEntries, readEntries, tarResource, untar, UntarError } from './cp-tar.ts';

/** An error the client prints as it is (status 1). */
class CpFailure extends Error {}

/** Go's *PathError text: "lstat /x: no such file or directory". */
const pathError = (op: string, path: string, e: unknown): CpFailure => {
  if (!isSysError(e)) throw e;
  return new CpFailure(`${op} ${path}: ${strerror(e.code).toLowerCase()}`);
};

const progress = (n: number): string => humanSize(n, 3);

const cp: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, { name: 'cp', args: { exact: 2 } });
  if (typeof f === 'number') return f;
  const { sys } = ctx;
  const [srcArg, dstArg] = f.operands as [string, string];
  try {
    if (srcArg === '') throw new CpFailure('source can not be empty');
    if (dstArg === '') throw new CpFailure('destination can not be empty');
    const src = splitCpArg(srcArg);
    const dst = splitCpArg(dstArg);
    if (src.container && dst.container) throw new CpFailure('copying between containers is not supported');
    if (!src.container && !dst.container) throw new CpFailure('must specify at least one container source');
    // Without -q the client stays quiet when its output is not a terminal.
    const quiet = f.has('quiet') ? f.bool('quiet') : !(await sys.isatty(1));
    const opts = { quiet, followLink: f.bool('follow-link'), copyUIDGID: f.bool('archive') };
    if (src.container) return await copyFromContainer(ctx, src.container, src.path, dst.path, opts);
    return await copyToContainer(ctx, dst.container, src.path, dst.path, opts);
  } catch (e) {
    if (e instanceof CpFailure || e instanceof UntarError || e instanceof LinkLoop) await sys.writeAll(2, `${e.message}\n`);
    else if (isDaemonError(e)) await sys.writeAll(2, `Error response from daemon: ${e.message}\n`);
    else throw e;
    return 1;
  }
};

interface CpOptions {
  quiet: boolean;
  followLink: boolean;
  copyUIDGID: boolean;
}

async function container(ctx: DockerContext, ref: string): Promise<ContainerRecord> {
  return new ContainerStore(ctx.sys, ctx.root).lookup(ref);
}

/** command.ValidateOutputPath: DEST's directory must exist, DEST be a directory or a regular file. */
async function validateOutputPath(sys: Sys, path: string): Promise<void> {
  const dir = goDir(goClean(path));
  if (dir !== '.') {
    try {
      await sys.stat(dir);
    } catch (e) {
      if (isSysError(e, 'ENOENT')) throw new CpFailure(`invalid output path: directory "${dir}" does not exist`);
      if (!isSysError(e)) throw e;
    }
  }
  let st;
  try {
    st = await sys.stat(path);
  } catch (e) {
    if (isSysError(e, 'ENOENT')) return;
    throw pathError('stat', path, e);
  }
  const fmt = st.mode & S_IFMT;
  if (fmt === S_IFDIR || fmt === S_IFREG) return;
  const why = fmt === S_IFCHR || fmt === S_IFBLK ? 'got a device' : 'got an irregular file';
  throw new CpFailure(`invalid output path: "${path}" must be a directory or a regular file: ${why}`);
}

/** CopyInfoDestinationPath: DEST with its links followed; a missing DEST needs an existing parent directory. */
async function localDestination(sys: Sys, path: string): Promise<CopyInfo> {
  let p = path;
  for (let n = 0; ; n++) {
    let st;
    try {
      st = await sys.lstat(p);
    } catch (e) {
      if (!isSysError(e, 'ENOENT')) throw pathError('lstat', p, e);
      const [parent] = splitPathDirEntry(p);
      let pst;
      try {
        pst = await sys.stat(parent);
      } catch (e2) {
        throw pathError('stat', parent, e2);
      }
      if ((pst.mode & S_IFMT) !== S_IFDIR) throw new CpFailure(ERR_NOT_DIRECTORY);
      return { path: p, exists: false, isDir: false, rebaseName: '' };
    }
    if ((st.mode & S_IFMT) !== 0o120000) return { path: p, exists: true, isDir: (st.mode & S_IFMT) === S_IFDIR, rebaseName: '' };
    if (n > 10) throw new CpFailure(`too many symlinks in ${path}`);
    const target = await sys.readlink(p);
    p = target.startsWith('/') ? target : goClean(`${splitPathDirEntry(p)[0]}/${target}`);
  }
}

/** Rename the top entry of an archive (RebaseArchiveEntries). */
function rebase(entries: TarEntry[], from: string, to: string): TarEntry[] {
  return entries.map((e) => ({ ...e, name: rebaseName(e.name, from, to), linkname: e.type === 'hardlink' ? rebaseName(e.linkname, from, to) : e.linkname }));
}

async function copyFromContainer(ctx: DockerContext, ref: string, srcPath: string, dstArg: string, opts: CpOptions): Promise<number> {
  const { sys } = ctx;
  const dstPath = dstArg === '-' ? '-' : absLocal(await sys.getcwd(), dstArg);
  if (dstPath !== '-') await validateOutputPath(sys, dstPath);
  const fs = new ContainerFs(sys, ctx.root, await container(ctx, ref), ref);
  let path = srcPath;
  let rebaseTo = '';
  if (opts.followLink) {
    // -L: a link is replaced by what it points to, which keeps the link's name
    const st = await fs.stat(path).catch((e: unknown) => {
      if (isDaemonError(e)) return null;
      throw e;
    });
    if (st && st.mode & MODE_SYMLINK) {
      const target = st.linkTarget.startsWith('/') ? st.linkTarget : goClean(`${splitPathDirEntry(path)[0]}/${st.linkTarget}`);
      [path, rebaseTo] = getRebaseName(path, target);
    }
  }
  const { stat, tar } = await fs.archive(path);
  if (dstPath === '-') {
    await sys.writeAll(1, tar);
    return 0;
  }
  let read = 0;
  let failure: Error | null = null;
  try {
    let entries = readEntries(tar);
    if (rebaseTo) entries = rebase(entries, splitPathDirEntry(path)[1], rebaseTo);
    const srcInfo: CopyInfo = { path, exists: true, isDir: (stat.mode & MODE_DIR) !== 0, rebaseName: rebaseTo };
    const dstInfo = await localDestination(sys, dstPath);
    const plan = prepareArchiveCopy(srcInfo, dstInfo);
    if ('error' in plan) throw new CpFailure(plan.error);
    read = tar.length;
    if (plan.rebase) entries = rebase(entries, plan.rebase[0], plan.rebase[1]);
    await untar(sys, entries, plan.dir, { noLchown: true, chown: null, noOverwriteDirNonDir: true });
  } catch (e) {
    if (!(e instanceof CpFailure || e instanceof UntarError)) {
      if (!isSysError(e)) throw e;
      e = new CpFailure(strerror(e.code).toLowerCase());
    }
    failure = e as Error;
  }
  // the client reports what it read even when unpacking failed
  if (!opts.quiet) await sys.writeAll(2, `Successfully copied ${progress(read)} to ${dstPath}\n`);
  if (failure) throw failure;
  return 0;
}

/** ValidateOutputPathFileMode for the container side. */
function checkDestMode(ref: string, dstPath: string, st: PathStat): void {
  if (st.mode & MODE_DEVICE) throw new CpFailure(`destination "${ref}:${dstPath}" must be a directory or a regular file: got a device`);
}

/** CopyInfoSourcePath: the local SRC (its parent's links followed; with -L its own too). */
async function localSource(sys: Sys, path: string, followLink: boolean): Promise<CopyInfo> {
  let resolved: string;
  let rebaseTo = '';
  try {
    if (followLink) {
      [resolved, rebaseTo] = getRebaseName(path, await evalSymlinks(sys, path, true));
    } else {
      const slash = path.lastIndexOf('/');
      const dir = await evalSymlinks(sys, path.slice(0, slash + 1) || '.', true);
      resolved = `${dir === '/' ? '' : dir}/${path.slice(slash + 1)}`;
      if (hasTrailingSeparator(path) && goBase(path) !== goBase(resolved)) rebaseTo = goBase(path);
    }
  } catch (e) {
    if (isSysError(e)) throw new CpFailure(`lstat ${path}: ${strerror(e.code).toLowerCase()}`);
    throw e;
  }
  let st;
  try {
    st = await sys.lstat(resolved);
  } catch (e) {
    throw pathError('lstat', resolved, e);
  }
  return { path: resolved, exists: true, isDir: (st.mode & S_IFMT) === S_IFDIR, rebaseName: rebaseTo };
}

async function copyToContainer(ctx: DockerContext, ref: string, srcArg: string, dstPath: string, opts: CpOptions): Promise<number> {
  const { sys } = ctx;
  const srcPath = srcArg === '-' ? '-' : absLocal(await sys.getcwd(), srcArg);
  // The client stats DEST first and takes any failure (no such container too) as "not there".
  const rec = await new ContainerStore(sys, ctx.root).resolve(ref).catch(() => null);
  const fs = rec ? new ContainerFs(sys, ctx.root, rec, ref) : null;
  const dstInfo: CopyInfo = { path: dstPath, exists: false, isDir: false, rebaseName: '' };
  const statOrNull = (p: string): Promise<PathStat | null> =>
    fs ? fs.stat(p).catch((e: unknown) => {
      if (isDaemonError(e)) return null;
      throw e;
    }) : Promise.resolve(null);
  let st = await statOrNull(dstPath);
  if (st && st.mode & MODE_SYMLINK) {
    dstInfo.path = st.linkTarget;
    st = await statOrNull(st.linkTarget);
    if (st) checkDestMode(ref, dstPath, st);
  }
  if (st) {
    checkDestMode(ref, dstPath, st);
    dstInfo.exists = true;
    dstInfo.isDir = (st.mode & MODE_DIR) !== 0;
  }
  let content: Uint8Array;
  let where: string;
  let copied = 0;
  if (srcPath === '-') {
    if (!dstInfo.isDir) throw new CpFailure(`destination "${ref}:${dstPath}" must be a directory`);
    content = await sys.readAll(0);
    where = dstInfo.path;
  } else {
    const srcInfo = await localSource(sys, srcPath, opts.followLink);
    const [dir, base] = splitPathDirEntry(srcInfo.path);
    let entries = await tarResource(sys, dir, base, srcInfo.rebaseName);
    const plan = prepareArchiveCopy(srcInfo, dstInfo);
    if ('error' in plan) throw new CpFailure(plan.error);
    if (plan.rebase) entries = rebase(entries, plan.rebase[0], plan.rebase[1]);
    content = packEntries(entries);
    where = plan.dir;
    copied = content.length;
  }
  let failure: unknown = null;
  try {
    // the upload is where an unknown container is finally refused
    const target = fs ?? new ContainerFs(sys, ctx.root, await container(ctx, ref), ref);
    await target.extract(where, content, opts.copyUIDGID);
  } catch (e) {
    failure = e;
  }
  if (!opts.quiet) await sys.writeAll(2, `Successfully copied ${progress(copied)} to ${ref}:${dstInfo.path}\n`);
  if (failure) throw failure;
  return 0;
}

export default cp;
