// procfs: a filesystem whose objects are the kernel's processes and a few machine-wide files.
// It shows the PID namespace of whoever mounted it (fixed at mount time, as Linux fixes the
// fs_context's pid_ns), and answers /proc/self per caller. Files are generated when first read.
// Options: the mount flags (nosuid, nodev, noexec, atime modes), hidepid=, gid= and subset=pid;
// anything else is EINVAL, as Linux's proc_parse_param refuses it.

import { SysError } from '../../../abi/errno.ts';
import type { Kernel } from '../../kernel.ts';
import type { PidNamespace } from '../../ns/pid-namespace.ts';
import type { Task } from '../../task/task.ts';
import type { Caller, FileSystem, StatFs, VNode } from '../vfs/types.ts';
import type { FsFactory, FsMountRequest } from '../vfs/vfs.ts';
import type { PidDir } from './pid-dir.ts';
import { contents } from './load-contents.ts';
import { callerTask } from './proc-node.ts';
import { RootDir, type RootEnv } from './root-dir.ts';
import { TaskView, mayInspect } from './task-view.ts';

export const PROC_SUPER_MAGIC = 0x9fa0;

/** Options the mount itself takes; they are echoed so that mountinfo can show them per mount. */
const MOUNT_FLAGS = new Set(['nosuid', 'nodev', 'noexec', 'suid', 'dev', 'exec', 'noatime', 'relatime', 'strictatime', 'atime',
  'nodiratime', 'diratime', 'sync', 'async', 'dirsync', 'lazytime', 'nosymfollow', 'defaults']);

type HidePid = 'off' | 'noaccess' | 'invisible' | 'ptraceable';
const HIDEPID: Record<string, HidePid> = {
  0: 'off', off: 'off', 1: 'noaccess', noaccess: 'noaccess', 2: 'invisible', invisible: 'invisible', 4: 'ptraceable', ptraceable: 'ptraceable',
};

/** Filesystem types assumed registered when the VFS cannot be asked. */
const DEFAULT_TYPES = new Set(['tmpfs', 'proc', 'overlay']);

export interface ProcFsOptions {
  kernel: Kernel;
  /** The namespace whose processes are shown: the mounting task's own. */
  pidNs: PidNamespace<Task>;
  dev: number;
  readOnly?: boolean;
  /** The -o string (minus ro/rw). */
  options?: string;
}

export class ProcFs implements FileSystem, RootEnv {
  readonly type = 'proc';
  readonly dev: number;
  readonly readOnly: boolean;
  readonly kernel: Kernel;
  readonly view: TaskView;
  readonly pidsOnly: boolean;
  private readonly flags: string[] = [];
  private readonly hidepid: HidePid = 'off';
  private readonly gid: number | null = null;
  private inoCounter = 1;
  private readonly rootDir: RootDir;
  private readonly processDirs = new WeakMap<Task, PidDir>();
  private readonly threadDirs = new WeakMap<Task, PidDir>();

  constructor(opts: ProcFsOptions) {
    this.kernel = opts.kernel;
    this.dev = opts.dev;
    this.readOnly = opts.readOnly ?? false;
    this.view = new TaskView(opts.kernel, opts.pidNs);
    let pidsOnly = false;
    for (const word of (opts.options ?? '').split(',').filter((w) => w.length > 0)) {
      const [key, value] = word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, ''];
      if (MOUNT_FLAGS.has(word)) this.flags.push(word);
      else if (key === 'hidepid' && value in HIDEPID) this.hidepid = HIDEPID[value]!;
      else if (key === 'gid' && /^\d+$/.test(value)) this.gid = Number(value);
      else if (key === 'subset' && value === 'pid') pidsOnly = true;
      else throw new SysError('EINVAL', `proc: unknown option '${word}'`);
    }
    this.pidsOnly = pidsOnly;
    // The root directory is inode 1, as on Linux.
    this.rootDir = new RootDir(this);
  }

  get pidNs(): PidNamespace<Task> {
    return this.view.pidNs;
  }

  nextIno(): number {
    return this.inoCounter++;
  }

  nowNs(): bigint {
    return this.kernel.clock.nowNs();
  }

  async root(): Promise<VNode> {
    return this.rootDir;
  }

  async statfs(): Promise<StatFs> {
    return { type: PROC_SUPER_MAGIC, bsize: 4096, blocks: 0, bfree: 0, bavail: 0, files: 0, ffree: 0, namelen: 255 };
  }

  async sync(): Promise<void> {}

  mountOptions(): string {
    const own: string[] = [];
    if (this.gid !== null) own.push(`gid=${this.gid}`);
    if (this.hidepid !== 'off') own.push(`hidepid=${this.hidepid}`);
    if (this.pidsOnly) own.push('subset=pid');
    return [this.readOnly ? 'ro' : 'rw', ...this.flags, ...own].join(',');
  }

  pidDir(task: Task): PidDir {
    let d = this.processDirs.get(task);
    if (!d) this.processDirs.set(task, (d = new (contents().PidDir)(this, task, false)));
    return d;
  }

  threadDir(task: Task): PidDir {
    let d = this.threadDirs.get(task);
    if (!d) this.threadDirs.set(task, (d = new (contents().PidDir)(this, task, true)));
    return d;
  }

  /** Whether hidepid lets `caller` at another user's process: root, the gid= group, or ptrace rights. */
  private exempt(caller: Task | null, task: Task): boolean {
    if (!caller || caller.cred.euid === 0) return true;
    if (this.gid !== null && (caller.cred.egid === this.gid || caller.cred.groups.includes(this.gid))) return true;
    return mayInspect(caller, task);
  }

  visible(caller: Task | null, task: Task): boolean {
    return this.hidepid === 'off' || this.hidepid === 'noaccess' || this.exempt(caller, task);
  }

  mayEnter(caller: Task | null, task: Task): boolean {
    return this.hidepid === 'off' || this.exempt(caller, task);
  }

  hasFsType(name: string): boolean {
    const vfs = this.kernel.vfs as unknown as { hasFsType?: (name: string) => boolean };
    return typeof vfs.hasFsType === 'function' ? vfs.hasFsType(name) : DEFAULT_TYPES.has(name);
  }
}

/**
 * The 'proc' filesystem type for `Vfs.registerFsType`. The namespace shown is the mounting
 * task's, taken from the request's `caller` (the VFS passes the mounting context's caller);
 * without one (a mount made by the kernel itself) it is the initial PID namespace.
 */
export function createProcFsFactory(kernel: Kernel): FsFactory {
  return async (req: FsMountRequest) => {
    const mounter = callerTask((req as FsMountRequest & { caller?: Caller }).caller);
    return new ProcFs({ kernel, pidNs: mounter?.pidNs ?? kernel.rootPidNs, dev: req.dev, readOnly: req.readOnly, options: req.options });
  };
}
