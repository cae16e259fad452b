// /proc/PID (and /proc/PID/task/TID): one directory per process, owned by its effective ids,
// with the entries below in the order Linux lists them. Once the process is reaped the
// directory is empty and every lookup in it fails with ESRCH, as measured through a descriptor
// held across the exit; a zombie keeps status, stat, statm and cmdline (empty) but loses its
// links, environment and files.

import { SysError } from '../../../abi/errno.ts';
import { utf8Decode } from '../../../base/text.ts';
import type { Kernel } from '../../kernel.ts';
import type { Task } from '../../task/task.ts';
import { type PathRef, refPath } from '../vfs/mount.ts';
import { cgroupLine } from './cgroup-line.ts';
import { FdDir, FdinfoDir, unlinked } from './fd-dir.ts';
import { mapText, setgroupsText, writeIdMap, writeSetgroups } from './id-maps.ts';
import { limitsText } from './limits.ts';
import { mountinfoText, mountsText } from './mountinfo.ts';
import { netDevText } from './net-dev.ts';
import { buildNsDir } from './ns-dir.ts';
import { oomAdjText, oomScoreAdjText, oomScoreText, writeOomScoreAdj } from './oom-score.ts';
import { type FileBehaviour, type Owner, MagicLink, ProcDir, ProcFile, type ProcLink, type ProcNode, type ProcSuper, StaticDir } from './proc-node.ts';
import { statText, statmText } from './task-stat.ts';
import { statusText } from './task-status.ts';
import { type TaskView, isZombie, live, mayInspect } from './task-view.ts';

/** What a process directory needs of the procfs it is in. */
export interface ProcEnv extends ProcSuper {
  readonly kernel: Kernel;
  readonly view: TaskView;
  /** The directory of a process's thread (task/TID), one per task. */
  threadDir(task: Task): PidDir;
  /** hidepid=noaccess: the caller may see the directory but not look inside. */
  mayEnter(caller: Task | null, task: Task): boolean;
}

const COMM_LEN = 15;

/**
 * The entries of a process directory, in Linux's order: name, type, and how to make the node.
 * The table is shared by every PidDir and a node is made only when first looked up (or listed):
 * a directory that is looked into once (a container engine reading /proc/PID/stat of each of
 * its shims) would otherwise hold some fifty nodes and their closures for the process's life.
 */
type EntrySpec = readonly [name: string, type: 'dir' | 'file' | 'symlink', make: (d: PidDir) => ProcNode, processOnly?: boolean];

function procFile(d: PidDir, mode: number, b: FileBehaviour): ProcFile {
  return new ProcFile(d.env, { mode, owner: d.owner, perProcess: true }, { noWrite: 'EINVAL', ...b });
}

/**
 * A link to a place in the process's filesystem view, written as the reader sees it and
 * followed to the place itself (`place`; null: walk the text), even in another mount namespace.
 */
function pathLink(d: PidDir, where: (caller: Task | null) => string | Promise<string>, place: () => PathRef | null): ProcLink {
  const { task } = d;
  const check = (caller: Task | null): void => {
    if (isZombie(live(task))) throw new SysError('ENOENT');
    if (!mayInspect(caller, task)) throw new SysError('EACCES');
  };
  return new MagicLink(d.env, { mode: 0o777, owner: d.owner, perProcess: true }, {
    target: (caller) => {
      check(caller);
      return where(caller);
    },
    jump: (caller) => {
      check(caller);
      return place();
    },
  });
}

const ENTRIES: readonly EntrySpec[] = [
  ['task', 'dir', ({ env, task, owner }) =>
    new (class extends ProcDir {
      entries(): Array<[string, ProcNode]> {
        if (task.state === 'X') return [];
        return [[String(env.view.nr(task)), env.threadDir(task)]];
      }
    })(env, { mode: 0o555, owner, perProcess: true }), true],
  ['fd', 'dir', ({ env, task, owner }) => new FdDir(env, task, owner)],
  ['fdinfo', 'dir', ({ env, task, owner }) => new FdinfoDir(env, task, owner)],
  ['ns', 'dir', ({ env, task, owner }) => buildNsDir(env, task, owner)],
  ['net', 'dir', ({ env, task, owner }) => new StaticDir(env, { mode: 0o555, owner, perProcess: true }, () => [
    ['dev', new ProcFile(env, { mode: 0o444 }, { noWrite: 'EIO', read: () => netDevText(live(task).ns.net) })],
  ])],
  ['environ', 'file', (d) => procFile(d, 0o400, {
    read: (caller) => {
      if (isZombie(live(d.task))) throw new SysError('ESRCH');
      if (!mayInspect(caller, d.task)) throw new SysError('EACCES');
      return d.task.envp.map((e) => `${e}\0`).join('');
    },
  })],
  ['status', 'file', (d) => procFile(d, 0o444, { read: (caller) => statusText(d.env.view, live(d.task), caller) })],
  ['limits', 'file', (d) => procFile(d, 0o444, { read: () => limitsText(live(d.task)) })],
  ['comm', 'file', (d) => procFile(d, 0o644, {
    read: () => `${live(d.task).comm}\n`,
    // Only a process itself may rename itself; the bytes are kept as written, newline and all.
    write: (caller, data) => {
      if (caller !== live(d.task)) throw new SysError('EINVAL');
      d.task.comm = utf8Decode(data.subarray(0, COMM_LEN));
      return data.length;
    },
  })],
  ['cmdline', 'file', (d) => procFile(d, 0o444, { read: () => (isZombie(live(d.task)) ? '' : d.task.argv.map((a) => `${a}\0`).join('')) })],
  ['stat', 'file', (d) => procFile(d, 0o444, { read: () => statText(d.env.view, live(d.task)) })],
  ['statm', 'file', (d) => procFile(d, 0o444, { read: () => statmText(live(d.task)) })],
  ['cwd', 'symlink', (d) => pathLink(d, async (caller) => {
    const { cwd } = d.task.fs;
    const path = refPath(cwd, caller?.fs.root);
    return unlinked(await cwd.node.stat()) ? `${path} (deleted)` : path;
  }, () => d.task.fs.cwd)],
  ['root', 'symlink', (d) => pathLink(d, (caller) => refPath(d.task.fs.root, caller?.fs.root), () => d.task.fs.root)],
  ['exe', 'symlink', (d) => pathLink(d, async (caller) => {
    const { exe, exeRef } = d.task;
    if (!exe) throw new SysError('ENOENT');
    // The file's own path (symlinks resolved, "./x" made absolute), " (deleted)" once unlinked;
    // a process the kernel started has only the name it was given.
    if (!exeRef) return exe;
    const path = refPath(exeRef, caller?.fs.root);
    return unlinked(await exeRef.node.stat()) ? `${path} (deleted)` : path;
  }, () => {
    if (!d.task.exe) throw new SysError('ENOENT');
    // The file exec'd, even if unlinked since; a process started by the kernel has only a name.
    return d.task.exeRef;
  })],
  ['mounts', 'file', (d) => procFile(d, 0o444, { read: () => mountsText(d.env.kernel.vfs, alive(d.task).fs.mounts, d.task.fs.root) })],
  ['mountinfo', 'file', (d) => procFile(d, 0o444, { read: () => mountinfoText(d.env.kernel.vfs, alive(d.task).fs.mounts, d.task.fs.root) })],
  ['cgroup', 'file', (d) => procFile(d, 0o444, { read: (caller) => cgroupLine(live(d.task).cgroup, (caller ?? d.task).ns.cgroup.root) })],
  ['oom_score', 'file', (d) => procFile(d, 0o444, { read: () => oomScoreText(live(d.task)) })],
  ['oom_adj', 'file', (d) => procFile(d, 0o644, { read: () => oomAdjText(live(d.task)) })],
  ['oom_score_adj', 'file', (d) => procFile(d, 0o644, {
    read: () => oomScoreAdjText(live(d.task)),
    write: (caller, data) => writeOomScoreAdj(live(d.task), caller, data),
  })],
  ['uid_map', 'file', (d) => procFile(d, 0o644, {
    read: () => mapText(live(d.task).ns.user.uidMap),
    write: (caller, data, pos) => writeIdMap(live(d.task), caller, 'uid', data, pos),
  })],
  ['gid_map', 'file', (d) => procFile(d, 0o644, {
    read: () => mapText(live(d.task).ns.user.gidMap),
    write: (caller, data, pos) => writeIdMap(live(d.task), caller, 'gid', data, pos),
  })],
  ['setgroups', 'file', (d) => procFile(d, 0o644, {
    read: () => setgroupsText(live(d.task).ns.user),
    write: (_caller, data, pos) => writeSetgroups(live(d.task), data, pos),
  })],
];

const THREAD_ENTRIES = ENTRIES.filter((e) => !e[3]);
const PROCESS_DIRS = ENTRIES.filter((e) => e[1] === 'dir').length;
const THREAD_DIRS = THREAD_ENTRIES.filter((e) => e[1] === 'dir').length;

export class PidDir extends ProcDir {
  /** The nodes made so far, by name (see ENTRIES). */
  private readonly made = new Map<string, ProcNode>();
  readonly owner: () => Owner;

  constructor(readonly env: ProcEnv, readonly task: Task, private readonly thread: boolean) {
    const owner = (): Owner => ({ uid: task.cred.euid, gid: task.cred.egid });
    super(env, { mode: 0o555, owner, perProcess: true });
    this.owner = owner;
  }

  private specs(): readonly EntrySpec[] {
    return this.thread ? THREAD_ENTRIES : ENTRIES;
  }

  private node(spec: EntrySpec): ProcNode {
    let n = this.made.get(spec[0]);
    if (!n) this.made.set(spec[0], (n = spec[2](this)));
    return n;
  }

  entries(caller: Task | null): Array<[string, ProcNode]> {
    if (this.task.state === 'X' || !this.env.mayEnter(caller, this.task)) return [];
    return this.specs().map((spec) => [spec[0], this.node(spec)]);
  }

  override child(name: string, caller: Task | null): ProcNode | null {
    live(this.task);
    if (!this.env.mayEnter(caller, this.task)) throw new SysError('EACCES');
    const spec = this.specs().find((e) => e[0] === name);
    return spec ? this.node(spec) : null;
  }

  protected override nlink(): number {
    return 2 + (this.thread ? THREAD_DIRS : PROCESS_DIRS);
  }
}

/** A process whose files are still open: a zombie's mount table is gone with its fs_struct. */
function alive(task: Task): Task {
  if (isZombie(live(task))) throw new SysError('ENOENT');
  return task;
}
