// cgroup2, the filesystem that shows a cgroup hierarchy: directories are cgroups, files are
// their interface files (src/kernel/cgroup/files). It keeps no data of its own: every read
// renders the tree and every write goes to it. One CgroupFs per shown root cgroup, so mounting
// cgroup2 twice gives the same st_dev and inodes, as the one kernfs superblock does on Linux.

import { SysError } from '../../../abi/errno.ts';
import type { Cgroup } from '../../cgroup/cgroup.ts';
import { type CgroupTree, ROOT_FLAGS, type RootFlag } from '../../cgroup/cgroup-tree.ts';
import { type CgroupFileType, type FileIo, fileMode } from '../../cgroup/files/file-type.ts';
import type { FsFactory, FsMountRequest } from '../vfs/vfs.ts';
import type { Caller, Clock, Cred, FileSystem, StatFs, VNode } from '../vfs/types.ts';
import { CgroupDirNode } from './cgroup-dir.ts';
import type { CgroupFileNode } from './cgroup-file.ts';
import { filesLoaded, loadFiles, loadedFiles } from './load-files.ts';
import { attrsOf } from './node-attrs.ts';

export const CGROUP2_SUPER_MAGIC = 0x63677270;

/**
 * What cgroupfs needs from the kernel about the calling process (`caller` is the VFS's opaque
 * FsContext.caller, the kernel's task). All optional.
 */
export interface CgroupFsHooks {
  /** The mounting process's cgroup namespace root: the mount shows that subtree. Default: the root. */
  mountRoot?(req: FsMountRequest): Cgroup;
  /** A kernel-wide pid as the caller sees it (0 outside its pid namespace). Default: itself. */
  displayPid?(pid: number, caller: Caller | undefined): number;
  /**
   * A pid written to cgroup.procs (cgroup.threads when `threads`) by the caller: resolve it in
   * the caller's pid namespace (0 is the caller; ESRCH when unknown), check the caller may move
   * it, then tree.migrate(). Default: the pid is kernel-wide and 0 is unknown.
   */
  movePid?(pid: number, cg: Cgroup, threads: boolean, caller: Caller | undefined): void;
  /** Wait for the host (the interface files' code, loaded on first use) on the caller's behalf. */
  hostWait?<T>(caller: Caller | undefined, work: Promise<T>): Promise<T>;
}

export class CgroupFs implements FileSystem {
  readonly type = 'cgroup2';
  readonly readOnly = false;
  private readonly dirs = new WeakMap<Cgroup, CgroupDirNode>();
  private readonly files = new WeakMap<Cgroup, Map<CgroupFileType, { node: CgroupFileNode; css: object | null }>>();

  constructor(
    readonly tree: CgroupTree,
    /** The cgroup shown at the mount's root. */
    readonly rootCgroup: Cgroup,
    readonly dev: number,
    readonly clock: Clock,
    private readonly hooks: CgroupFsHooks = {},
  ) {}

  async root(): Promise<VNode> {
    return this.dirNode(this.rootCgroup);
  }

  async statfs(): Promise<StatFs> {
    return { type: CGROUP2_SUPER_MAGIC, bsize: 4096, blocks: 0, bfree: 0, bavail: 0, files: 0, ffree: 0, namelen: 255 };
  }

  async sync(): Promise<void> {}

  mountOptions(): string {
    return ['rw', ...ROOT_FLAGS.filter((f) => this.tree.flags.has(f))].join(',');
  }

  /** The one directory object of a cgroup; `mode` and `owner` count only when it is new. */
  dirNode(cg: Cgroup, mode?: number, owner?: Cred): CgroupDirNode {
    let node = this.dirs.get(cg);
    if (!node) {
      const attrs = attrsOf(this.tree).dir(cg, this.clock.nowNs(), mode, owner);
      this.dirs.set(cg, (node = new CgroupDirNode(this, cg, attrs)));
    }
    return node;
  }

  /** The interface files' code, loaded at the first look inside; the wait is nobody's CPU time. */
  async loadFiles(caller?: Caller): Promise<void> {
    if (filesLoaded()) return;
    await (this.hooks.hostWait ? this.hooks.hostWait(caller, loadFiles()) : loadFiles());
  }

  /** The one object of an interface file, renewed when its controller state is. */
  fileNode(cg: Cgroup, file: CgroupFileType): CgroupFileNode {
    let map = this.files.get(cg);
    if (!map) this.files.set(cg, (map = new Map()));
    const css = file.controller ? (cg.css[file.controller] ?? null) : null;
    let e = map.get(file);
    if (!e || e.css !== css) {
      const attrs = attrsOf(this.tree).file(cg, file.name, fileMode(file), css, this.clock.nowNs());
      // Only ever asked for a file its directory has found or listed, so loadedFiles() answers.
      e = { node: new (loadedFiles().CgroupFileNode)(this, cg, file, attrs), css };
      map.set(file, e);
    }
    return e.node;
  }

  /** The per-open view a file handle gets of its caller. */
  fileIo(caller: Caller | undefined): FileIo {
    const tree = this.tree;
    const hooks = this.hooks;
    return {
      displayPid: (pid) => hooks.displayPid?.(pid, caller) ?? pid,
      movePid: (pid, cg, threads) => {
        if (hooks.movePid) return hooks.movePid(pid, cg, threads, caller);
        if (pid === 0 || tree.cgroupOf(pid) === null) throw new SysError('ESRCH');
        tree.migrate(pid, cg, threads);
      },
    };
  }
}

/** cgroup2 mount options: the hierarchy-wide flags; anything else is EINVAL. */
function parseOptions(options: string): Set<RootFlag> {
  const flags = new Set<RootFlag>();
  for (const opt of options.split(',').filter((o) => o.length > 0)) {
    if (!(ROOT_FLAGS as readonly string[]).includes(opt)) throw new SysError('EINVAL', `cgroup2: unknown option ${opt}`);
    flags.add(opt as RootFlag);
  }
  return flags;
}

/**
 * The `cgroup2` filesystem type over `tree`. A mount from the initial cgroup namespace sets the
 * hierarchy's flags to exactly the options given, as Linux does.
 */
export function createCgroupFsFactory(tree: CgroupTree, hooks: CgroupFsHooks = {}): FsFactory {
  const byRoot = new Map<Cgroup, CgroupFs>();
  return async (req) => {
    const flags = parseOptions(req.options);
    const root = hooks.mountRoot?.(req) ?? tree.root;
    if (root === tree.root) {
      tree.flags.clear();
      for (const f of flags) tree.flags.add(f);
    }
    let fs = byRoot.get(root);
    if (!fs) byRoot.set(root, (fs = new CgroupFs(tree, root, req.dev, req.clock, hooks)));
    return fs;
  };
}
