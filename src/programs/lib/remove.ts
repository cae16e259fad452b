// The removal engine of GNU rm (remove.c), shared by rm and by mv when it moves across file
// systems: a walk of each name, deepest first, asking when the options say so, refusing "." and
// "..", and "/" under --preserve-root, removing a directory only once everything in it is gone.

import { isSysError, strerror, type ErrnoName } from '../../abi/errno.ts';
import { W_OK } from '../../abi/open-flags.ts';
import { S_IFDIR, S_IFLNK, S_IFMT, type Stat } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import { fileTypeName } from './mode.ts';
import { quote } from './quote.ts';
import { report } from './report.ts';
import type { Tool } from './tool.ts';
import { listDir, rootWarning, walk, type WalkEntry } from './walk.ts';
import { flushForPrompt, type YesNo } from './yesno.ts';

export type Interactive = 'never' | 'sometimes' | 'always';

export interface RemoveOptions {
  interactive: Interactive;
  ignoreMissing: boolean;
  promptOnce: boolean;
  recursive: boolean;
  emptyDirs: boolean;
  verbose: boolean;
  oneFileSystem: boolean;
  root: Stat | null;
  preserveAll: boolean;
  stdinTty: boolean;
}

/** Status of one removal, ordered as GNU's RM_status so the worst wins. */
export const RM_OK = 2;
export const RM_DECLINED = 3;
export const RM_ERROR = 4;
const OK = RM_OK;
const DECLINED = RM_DECLINED;
const ERROR = RM_ERROR;

export class Remover {
  /** Per level of the walk: whether something below this directory was kept. */
  private kept: boolean[] = [];
  /** The device of the command-line directory, for --one-file-system. */
  private rootDev = 0;

  constructor(readonly tool: Tool, readonly opts: RemoveOptions, private readonly answers: YesNo) {}

  get sys(): Sys {
    return this.tool.sys;
  }

  private markAncestors(level: number): void {
    for (let i = 0; i < level; i++) this.kept[i] = true;
  }

  private async isEmptyDir(path: string): Promise<boolean> {
    try {
      return (await listDir(this.sys, path)).length === 0;
    } catch (e) {
      if (!isSysError(e)) throw e;
      return false;
    }
  }

  private async lstat(path: string): Promise<Stat | ErrnoName> {
    try {
      return await this.sys.lstat(path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return e.code;
    }
  }

  /** gnulib's write_protected_non_symlink: 1 if the file is, 0 if not, an errno if it cannot tell. */
  private async writeProtected(path: string): Promise<0 | 1 | ErrnoName> {
    if ((await this.sys.geteuid()) === 0) return 0;
    const st = await this.lstat(path);
    if (typeof st === 'string') return st;
    try {
      await this.sys.access(path, W_OK);
      return 0;
    } catch (e) {
      if (!isSysError(e)) throw e;
      return e.code === 'EACCES' ? 1 : e.code;
    }
  }

  /** GNU's prompt(): whether to go on with this entry, asking the user when the options say so. */
  private async prompt(e: WalkEntry, isDir: boolean, descend: boolean, empty: boolean): Promise<number> {
    const o = this.opts;
    if (this.kept[e.level]) return DECLINED;
    if (o.interactive === 'never') return OK;
    let type: 'dir' | 'link' | 'unknown' = isDir ? 'dir' : e.kind === 'symlink' ? 'link' : 'unknown';
    let wp: 0 | 1 | ErrnoName = 0;
    if (!o.ignoreMissing && (o.interactive === 'always' || o.stdinTty) && type !== 'link') wp = await this.writeProtected(e.path);
    if (wp === 0 && o.interactive !== 'always') return OK;
    if (typeof wp === 'number' && type === 'unknown') {
      const st = await this.lstat(e.path);
      if (typeof st === 'string') wp = st;
      else if ((st.mode & S_IFMT) === S_IFLNK) type = 'link';
      else if ((st.mode & S_IFMT) === S_IFDIR) type = 'dir';
    }
    if (typeof wp === 'number') {
      if (type === 'link' && o.interactive !== 'always') return OK;
      if (type === 'dir' && !(o.recursive || (o.emptyDirs && empty))) wp = 'EISDIR';
    }
    const name = quote(e.path);
    if (typeof wp === 'string') {
      await report(this.tool, `${this.tool.busybox ? `can't remove '${e.path}'` : `cannot remove ${name}`}: ${strerror(wp)}`);
      return ERROR;
    }
    await flushForPrompt(this.tool);
    if (type === 'dir' && descend && !empty) {
      await this.sys.writeAll(2, wp ? `rm: descend into write-protected directory ${name}? ` : `rm: descend into directory ${name}? `);
    } else {
      const st = await this.lstat(e.path);
      if (typeof st === 'string') {
        await report(this.tool, `cannot remove ${name}: ${strerror(st)}`);
        return ERROR;
      }
      const what = fileTypeName(st.mode, st.size);
      await this.sys.writeAll(2, wp ? `rm: remove write-protected ${what} ${name}? ` : `rm: remove ${what} ${name}? `);
    }
    return (await this.answers.ask()) ? OK : DECLINED;
  }

  private async excise(e: WalkEntry, isDir: boolean): Promise<number> {
    try {
      if (isDir) await this.sys.rmdir(e.path);
      else await this.sys.unlink(e.path);
      if (this.opts.verbose) await this.tool.out.write(isDir ? `removed directory ${quote(e.path)}\n` : `removed ${quote(e.path)}\n`);
      return OK;
    } catch (err) {
      if (!isSysError(err)) throw err;
      let code = err.code;
      if (code === 'EROFS' && (await this.lstat(e.path)) === 'ENOENT') code = 'ENOENT';
      if (this.opts.ignoreMissing && (code === 'ENOENT' || code === 'ENOTDIR')) return OK;
      const earlier = e.kind === 'unreadable' ? e.error?.code : undefined;
      if (earlier && ['ENOTEMPTY', 'EISDIR', 'ENOTDIR', 'EEXIST'].includes(code) && (earlier === 'EPERM' || earlier === 'EACCES')) code = earlier;
      await report(this.tool, `${this.tool.busybox ? `can't remove '${e.path}'` : `cannot remove ${quote(e.path)}`}: ${strerror(code)}`);
      this.markAncestors(e.level);
      return ERROR;
    }
  }

  /** One entry of the walk, as GNU's rm_fts; returns a status and whether to skip the tree. */
  async visit(e: WalkEntry): Promise<{ status: number; skip?: boolean }> {
    const o = this.opts;
    if (e.kind === 'dir') {
      this.kept[e.level] = false;
      if (e.level === 0) this.rootDev = e.stat!.dev;
      if (o.oneFileSystem && o.recursive && e.level > 0 && e.stat!.dev !== this.rootDev) {
        // fts with FTS_XDEV: a directory on another device is neither entered nor removed.
        await report(this.tool, `skipping ${quote(e.path)}, since it's on a different device`);
        this.markAncestors(e.level);
        return { status: ERROR, skip: true };
      }
      const empty = !o.recursive && o.emptyDirs ? await this.isEmptyDir(e.path) : false;
      if (!o.recursive && !(o.emptyDirs && empty)) {
        if (this.tool.busybox) await report(this.tool, `'${e.path}' is a directory`);
        else await report(this.tool, `cannot remove ${quote(e.path)}: ${strerror(o.emptyDirs ? 'ENOTEMPTY' : 'EISDIR')}`);
        this.markAncestors(e.level);
        return { status: ERROR, skip: true };
      }
      if (e.level === 0) {
        const last = e.path.replace(/\/+$/, '').split('/').pop();
        if (last === '.' || last === '..') {
          await report(this.tool, `refusing to remove ${quote('.')} or ${quote('..')} directory: skipping ${quote(e.path)}`);
          return { status: ERROR, skip: true };
        }
        if (o.root && e.stat!.dev === o.root.dev && e.stat!.ino === o.root.ino) {
          for (const line of rootWarning(e.path)) await report(this.tool, line);
          return { status: ERROR, skip: true };
        }
        if (o.preserveAll && (await this.isMountPoint(e.path, e.stat!))) {
          await report(this.tool, `skipping ${quote(e.path)}, since it's on a different device`);
          await report(this.tool, 'and --preserve-root=all is in effect');
          return { status: ERROR, skip: true };
        }
      }
      const isEmpty = await this.isEmptyDir(e.path);
      let s = await this.prompt(e, true, true, isEmpty);
      if (s === OK && isEmpty) {
        // An empty directory goes now, without a second question after its (absent) entries.
        s = await this.excise(e, true);
        if (s === OK) return { status: s, skip: true };
      }
      if (s !== OK) {
        this.markAncestors(e.level);
        return { status: s, skip: true };
      }
      return { status: s };
    }
    if (e.kind === 'cycle') {
      await report(this.tool, `WARNING: Circular directory structure.\nThis almost certainly means that you have a corrupted file system.\nNOTIFY YOUR SYSTEM MANAGER.\nThe following directory is part of the cycle:\n  ${quote(e.path)}\n`);
      return { status: ERROR };
    }
    const isDir = e.kind === 'post' || e.kind === 'unreadable';
    const s = await this.prompt(e, isDir, false, false);
    if (s !== OK) return { status: s };
    return { status: await this.excise(e, isDir) };
  }

  /** Remove one command-line name (and, with recursive, what is below it); the worst status. */
  async remove(name: string): Promise<number> {
    this.kept = [];
    let worst = OK;
    await walk(this.sys, name, { follow: 'P', postorder: true }, async (e) => {
      const r = await this.visit(e);
      worst = Math.max(worst, r.status);
      return r.skip ? 'skip' : undefined;
    });
    return worst;
  }

  private async isMountPoint(path: string, st: Stat): Promise<boolean> {
    try {
      const parent = await this.sys.stat(`${path.replace(/\/+$/, '')}/..`);
      return parent.dev !== st.dev;
    } catch (e) {
      if (!isSysError(e)) throw e;
      return false;
    }
  }
}
