// Process calls for administering the machine that no first prompt makes: pivot_root, setns,
// syslog, prlimit64 and get/setpriority. sys-proc.ts lists them; their code loads on the first call.

import { SysError } from '../../abi/errno.ts';
import { NS_TYPE_FLAGS } from '../../abi/clone-flags.ts';
import { RLIMIT, type Rlimit } from '../../abi/rlimit.ts';
import type { MountNamespace } from '../fs/vfs/mount.ts';
import { OpenFile } from '../fs/vfs/open-file.ts';
import { namespaceOfLink } from '../fs/procfs/ns-dir.ts';
import type { Kernel } from '../kernel.ts';
import { idToKernel } from '../ns/namespaces.ts';
import type { PidNamespace } from '../ns/pid-namespace.ts';
import type { Task } from '../task/task.ts';
import { NR_OPEN, withLimit } from '../task/rlimits.ts';
import { mountCtx, privileged } from './privilege.ts';

/** setpriority/getpriority's targets: PRIO_PROCESS 0, PRIO_PGRP 1, PRIO_USER 2; `who` 0 is the caller's own. */
function priorityTargets(k: Kernel, t: Task, which: number, who: number): Task[] {
  if (which === 0) {
    const one = who === 0 ? t : k.findTask(t, who);
    return one?.alive ? [one] : [];
  }
  const live = [...k.tasks.values()].filter((o) => o.alive && o.nrIn(t.pidNs) !== 0);
  if (which === 1) {
    const pgid = who === 0 ? t.pgid : (k.findTask(t, who)?.pid ?? -1);
    return live.filter((o) => o.pgid === pgid);
  }
  if (which === 2) {
    const uid = who === 0 ? t.cred.uid : idToKernel(t.ns.user, who, 'uid');
    return live.filter((o) => o.cred.uid === uid);
  }
  throw new SysError('EINVAL');
}

/** pivot_root(2): the caller's mount namespace gets a new root; processes at the old one move. */
export const pivotRoot = async (k: Kernel, t: Task, newRoot: string, putOld: string) => {
  const ns = t.fs.mounts;
  const oldRoot = ns.rootMount;
  const moved = await k.vfs.pivotRoot(mountCtx(k, t), newRoot, putOld);
  // Every process of the namespace rooted (or standing) at the old root moves to the new one.
  for (const other of k.tasks.values()) {
    if (other.fs.mounts !== ns) continue;
    const root = other.fs.root.mount === oldRoot && other.fs.root.node === oldRoot.root ? moved.root : other.fs.root;
    const cwd = other.fs.cwd.mount === oldRoot && other.fs.cwd.node === oldRoot.root ? moved.root : other.fs.cwd;
    other.fs = { ...other.fs, root, cwd };
  }
  t.fs = { ...t.fs, root: moved.root, cwd: moved.cwd };
};

/** setns(2) by a /proc/PID/ns/* descriptor. */
export const setns = async (_k: Kernel, t: Task, fd: number, nstype = 0) => {
  const f = t.fds.get(fd);
  const linked = f instanceof OpenFile ? namespaceOfLink(f.ref.node) : null;
  if (!linked) throw new SysError('EINVAL', 'not a namespace file');
  if (nstype !== 0 && nstype !== NS_TYPE_FLAGS[linked.type]) throw new SysError('EINVAL');
  if (t.cred.euid !== 0) throw new SysError('EPERM');
  switch (linked.type) {
    case 'pid':
      // As with unshare, only children enter it.
      t.pidNsForChildren = linked.ns as PidNamespace<Task>;
      break;
    case 'mnt': {
      const mounts = linked.ns as MountNamespace;
      const root = { mount: mounts.rootMount, node: mounts.rootMount.root, parent: null, name: '/' };
      t.fs = { ...t.fs, mounts, root, cwd: root };
      t.ns = { ...t.ns, mnt: mounts };
      break;
    }
    case 'time':
      break;
    default:
      t.ns = { ...t.ns, [linked.type]: linked.ns };
  }
};

// SYSLOG_ACTION_READ_ALL (3): the kernel log as dmesg prints it; CLEAR (5) empties it.
// Reading needs CAP_SYSLOG in the initial user namespace only when dmesg_restrict is set,
// which it is not here.
/**
 * syslog(2): SYSLOG_ACTION_READ_ALL (3) gives the kernel log as dmesg prints it, CLEAR (5) empties
 * it. Reading needs CAP_SYSLOG only when dmesg_restrict is set, which it is not here.
 */
export const syslog = async (k: Kernel, t: Task, action = 3) => {
  if (action === 3) return k.dmesg.join('\n') + (k.dmesg.length ? '\n' : '');
  if (action === 5 || action === 4) {
    if (t.cred.euid !== 0) throw new SysError('EPERM');
    const text = k.dmesg.join('\n') + (k.dmesg.length ? '\n' : '');
    k.dmesg.length = 0;
    return action === 4 ? text : '';
  }
  throw new SysError('EINVAL');
};

// The limits of process `pid` (0: the caller) for one resource: the old ones, after setting
// `limit` if given. Another process's need the same user or privilege, as on Linux.
/**
 * prlimit64(2): the limits of process `pid` (0: the caller) for one resource, the old ones, after
 * setting `limit` if given. Another process's need the same user or privilege, as on Linux.
 */
export const prlimit64 = async (k: Kernel, t: Task, pid: number, resource: number, limit?: Rlimit) => {
  const target = pid === 0 ? t : k.findTask(t, pid);
  if (!target || !target.alive) throw new SysError('ESRCH');
  if (target !== t && target.cred.uid !== t.cred.uid && !privileged(t)) throw new SysError('EPERM');
  const old = target.rlimits[resource];
  if (!old) throw new SysError('EINVAL');
  if (limit) {
    target.rlimits = withLimit(target.rlimits, resource, limit, privileged(t));
    if (resource === RLIMIT.NOFILE) target.fds.limit = Math.min(limit.soft, NR_OPEN);
  }
  return { soft: old.soft, hard: old.hard };
};

// As the raw call answers: 20 - nice (1..40) of the highest-priority target; libc turns it back.
/** getpriority(2), as the raw call answers: 20 - nice (1..40) of the highest-priority target; libc turns it back. */
export const getpriority = async (k: Kernel, t: Task, which: number, who: number) => {
  const targets = priorityTargets(k, t, which, who);
  if (!targets.length) throw new SysError('ESRCH');
  return 20 - Math.min(...targets.map((o) => o.nice));
};

// Only root may lower a nice value (CAP_SYS_NICE in the initial namespace); anyone may raise
// their own processes', as set_one_prio checks.
/**
 * setpriority(2): only root may lower a nice value (CAP_SYS_NICE in the initial namespace); anyone
 * may raise their own processes', as set_one_prio checks.
 */
export const setpriority = async (k: Kernel, t: Task, which: number, who: number, nice: number) => {
  const value = Math.max(-20, Math.min(19, Math.trunc(nice)));
  const targets = priorityTargets(k, t, which, who);
  if (!targets.length) throw new SysError('ESRCH');
  let failure: SysError | null = null;
  for (const o of targets) {
    if (t.cred.euid !== 0 && o.cred.uid !== t.cred.euid && o.cred.euid !== t.cred.euid) failure = new SysError('EPERM');
    else if (value < o.nice && t.cred.euid !== 0) failure = new SysError('EACCES');
    else o.nice = value;
  }
  if (failure) throw failure;
};
