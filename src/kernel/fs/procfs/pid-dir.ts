// /proc/PID (and /proc/PID/task/TID): one directory per process, owned by its effective ids,
// with the entries below in the order Linux lists them. Once the process is reaped the
// directory is empty and every lookup in it fails with ESRCH, as measured through a descriptor
// held across the exit; a zombie keeps status, stat, statm and cmdline (empty) but loses its
// links, environment and files.

import { SysError } from '../../../abi/errno.ts';
import { utf8Decode } from '../../../base/text.ts';
import type { Kernel } from '../../kernel.ts';
import type { Task } from '../../task/task.ts';
import { refPath } from '../vfs/mount.ts';
import { cgroupLine } from './cgroup-line.ts';
import { FdDir, FdinfoDir } from './fd-dir.ts';
import { mapText, setgroupsText, writeIdMap, writeSetgroups } from './id-maps.ts';
import { limitsText } from './limits.ts';
import { mountinfoText, mountsText } from './mountinfo.ts';
import { netDevText } from './net-dev.ts';
import { buildNsDir } from './ns-dir.ts';
import { oomAdjText, oomScoreAdjText, oomScoreText, writeOomScoreAdj } from './oom-score.ts';
import { type FileBehaviour, type LinkBehaviour, type Owner, ProcDir, ProcFile, ProcLink, type ProcNode, type ProcSuper, StaticDir } from './proc-node.ts';
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

export class PidDir extends ProcDir {
  private readonly table = new Map<string, ProcNode>();

  constructor(private readonly env: ProcEnv, readonly task: Task, thread: boolean) {
    const owner = (): Owner => ({ uid: task.cred.euid, gid: task.cred.egid });
    super(env, { mode: 0o555, owner, perProcess: true });
    for (const [name, node] of this.build(owner, thread)) this.table.set(name, node);
  }

  private build(owner: () => Owner, thread: boolean): Array<[string, ProcNode]> {
    const { env, task } = this;
    const fs = env;
    const file = (mode: number, b: FileBehaviour): ProcFile => new ProcFile(fs, { mode, owner, perProcess: true }, { noWrite: 'EINVAL', ...b });
    const link = (b: LinkBehaviour): ProcLink => new ProcLink(fs, { mode: 0o777, owner, perProcess: true }, b);
    /** A link to a place in the process's filesystem view, written as the reader sees it. */
    const pathLink = (where: (caller: Task | null) => string): ProcLink =>
      link({
        target: (caller) => {
          if (isZombie(live(task))) throw new SysError('ENOENT');
          if (!mayInspect(caller, task)) throw new SysError('EACCES');
          return where(caller);
        },
      });
    const net = new StaticDir(fs, { mode: 0o555, owner, perProcess: true }, () => [
      ['dev', new ProcFile(fs, { mode: 0o444 }, { noWrite: 'EIO', read: () => netDevText(live(task).ns.net) })],
    ]);
    const entries: Array<[string, ProcNode]> = [];
    if (!thread) {
      entries.push([
        'task',
        new (class extends ProcDir {
          entries(): Array<[string, ProcNode]> {
            if (task.state === 'X') return [];
            return [[String(env.view.nr(task)), env.threadDir(task)]];
          }
        })(fs, { mode: 0o555, owner, perProcess: true }),
      ]);
    }
    entries.push(
      ['fd', new FdDir(fs, task, owner)],
      ['fdinfo', new FdinfoDir(fs, task, owner)],
      ['ns', buildNsDir(fs, task, owner)],
      ['net', net],
      ['environ', file(0o400, {
        read: (caller) => {
          if (isZombie(live(task))) throw new SysError('ESRCH');
          if (!mayInspect(caller, task)) throw new SysError('EACCES');
          return task.envp.map((e) => `${e}\0`).join('');
        },
      })],
      ['status', file(0o444, { read: (caller) => statusText(env.view, live(task), caller) })],
      ['limits', file(0o444, { read: () => (live(task), limitsText()) })],
      ['comm', file(0o644, {
        read: () => `${live(task).comm}\n`,
        // Only a process itself may rename itself; the bytes are kept as written, newline and all.
        write: (caller, data) => {
          if (caller !== live(task)) throw new SysError('EINVAL');
          task.comm = utf8Decode(data.subarray(0, COMM_LEN));
          return data.length;
        },
      })],
      ['cmdline', file(0o444, { read: () => (isZombie(live(task)) ? '' : task.argv.map((a) => `${a}\0`).join('')) })],
      ['stat', file(0o444, { read: () => statText(env.view, live(task)) })],
      ['statm', file(0o444, { read: () => statmText(live(task)) })],
      ['cwd', pathLink((caller) => refPath(task.fs.cwd, caller?.fs.root))],
      ['root', pathLink((caller) => refPath(task.fs.root, caller?.fs.root))],
      ['exe', pathLink(() => {
        if (!task.exe) throw new SysError('ENOENT');
        return task.exe;
      })],
      ['mounts', file(0o444, { read: () => mountsText(env.kernel.vfs, alive(task).fs.mounts, task.fs.root) })],
      ['mountinfo', file(0o444, { read: () => mountinfoText(env.kernel.vfs, alive(task).fs.mounts, task.fs.root) })],
      ['cgroup', file(0o444, { read: (caller) => cgroupLine(live(task).cgroup, (caller ?? task).ns.cgroup.root) })],
      ['oom_score', file(0o444, { read: () => oomScoreText(live(task)) })],
      ['oom_adj', file(0o644, { read: () => oomAdjText(live(task)) })],
      ['oom_score_adj', file(0o644, {
        read: () => oomScoreAdjText(live(task)),
        write: (caller, data) => writeOomScoreAdj(live(task), caller, data),
      })],
      ['uid_map', file(0o644, {
        read: () => mapText(live(task).ns.user.uidMap),
        write: (caller, data, pos) => writeIdMap(live(task), caller, 'uid', data, pos),
      })],
      ['gid_map', file(0o644, {
        read: () => mapText(live(task).ns.user.gidMap),
        write: (caller, data, pos) => writeIdMap(live(task), caller, 'gid', data, pos),
      })],
      ['setgroups', file(0o644, {
        read: () => setgroupsText(live(task).ns.user),
        write: (_caller, data, pos) => writeSetgroups(live(task), data, pos),
      })],
    );
    return entries;
  }

  entries(caller: Task | null): Array<[string, ProcNode]> {
    if (this.task.state === 'X' || !this.env.mayEnter(caller, this.task)) return [];
    return [...this.table];
  }

  override child(name: string, caller: Task | null): ProcNode | null {
    live(this.task);
    if (!this.env.mayEnter(caller, this.task)) throw new SysError('EACCES');
    return this.table.get(name) ?? null;
  }

  protected override nlink(): number {
    let n = 2;
    for (const node of this.table.values()) if (node.type === 'dir') n++;
    return n;
  }
}

/** A process whose files are still open: a zombie's mount table is gone with its fs_struct. */
function alive(task: Task): Task {
  if (isZombie(live(task))) throw new SysError('ENOENT');
  return task;
}
