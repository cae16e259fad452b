// Process calls: clone with namespace flags, execve from files (program files, #! scripts),
// exit, wait4, signals, process groups and sessions, identity, uname and unshare; the few only
// administration makes (pivot_root, setns, syslog, limits, priorities) are in sys-proc-admin.ts.

import { SysError } from '../../abi/errno.ts';
import { X_OK } from '../../abi/open-flags.ts';
import type { ProgramMain } from '../../abi/program.ts';
import { programName } from '../../abi/program.ts';
import { exitedStatus } from '../../abi/signals.ts';
import { RLIMIT } from '../../abi/rlimit.ts';
import { utf8Decode } from '../../base/text.ts';
import { onDemand } from '../../base/on-demand.ts';
import { type PathRef, copyMountNamespace } from '../fs/vfs/mount.ts';
import type { FsContext } from '../fs/vfs/vfs.ts';
import type { Kernel, SyscallHandler } from '../kernel.ts';
import { IpcNamespace, NetNamespace, type NsProxy, UserNamespace, allocNsIno, idFromKernel, idToKernel } from '../ns/namespaces.ts';
import type { PidNamespace } from '../ns/pid-namespace.ts';
import type { SignalDisposition, Task } from '../task/task.ts';
import { ExitUnwind } from '../task/unwind.ts';
import { traceFork, traceWait } from '../task/trace.ts';
import type { SyscallSpec } from './table.ts';
import { privileged } from './privilege.ts';

import {
  CLONE_NEWCGROUP, CLONE_NEWIPC, CLONE_NEWNET, CLONE_NEWNS, CLONE_NEWPID, CLONE_NEWUSER, CLONE_NEWUTS,
} from '../../abi/clone-flags.ts';

export { CLONE_NEWCGROUP, CLONE_NEWIPC, CLONE_NEWNET, CLONE_NEWNS, CLONE_NEWPID, CLONE_NEWUSER, CLONE_NEWUTS };
const NS_FLAGS = CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET;

const NS_FLAG_OF: Record<string, number> = {
  mnt: CLONE_NEWNS, cgroup: CLONE_NEWCGROUP, uts: CLONE_NEWUTS, ipc: CLONE_NEWIPC, user: CLONE_NEWUSER, pid: CLONE_NEWPID, net: CLONE_NEWNET,
};

/** ns.create for every namespace `flags` made for `pid` (ns: its namespaces after the call). */
function reportNamespaces(k: Kernel, pid: number, flags: number, ns: NsProxy, pidNs: PidNamespace<Task> | undefined): void {
  for (const [type, flag] of Object.entries(NS_FLAG_OF)) {
    if (!(flags & flag)) continue;
    const ino = type === 'pid' ? pidNs!.ino : type === 'mnt' ? ns.mnt.id : (ns[type as 'uts' | 'ipc' | 'net' | 'user' | 'cgroup']).ino;
    k.emit({ type: 'ns.create', pid, nsType: type, ino });
  }
}

/** setresuid/setresgid: ids written inside the caller's user namespace; -1 keeps one. */
function setIds(t: Task, which: 'uid' | 'gid', ids: number[]): void {
  const c = t.cred;
  const [cr, ce, cs] = which === 'uid' ? [c.uid, c.euid, c.suid] : [c.gid, c.egid, c.sgid];
  const kernel = ids.map((id) => (id === -1 ? -1 : idToKernel(t.ns.user, id, which)));
  if (kernel.some((k, i) => k === -1 && ids[i] !== -1)) throw new SysError('EINVAL');
  const allowed = (k: number): boolean => k === -1 || privileged(t) || k === cr || k === ce || k === cs;
  if (!kernel.every(allowed)) throw new SysError('EPERM');
  const [r, e, s] = kernel.map((k, i) => (k === -1 ? [cr, ce, cs][i]! : k)) as [number, number, number];
  t.cred = which === 'uid' ? { ...c, uid: r, euid: e, suid: s } : { ...c, gid: r, egid: e, sgid: s };
  t.fs = { ...t.fs, cred: { uid: t.cred.euid, gid: t.cred.egid, groups: t.cred.groups } };
}

/** Linux's BINPRM_MAX_RECURSION: how many #! interpreters may chain. */
const MAX_INTERPRETERS = 4;

/** New namespaces for the CLONE_NEW* bits in `flags`; root only, except a new user namespace. */
function newNamespaces(k: Kernel, t: Task, flags: number): { ns: NsProxy; fs: FsContext } {
  // Every namespace but a user namespace needs privilege (which a new user namespace grants).
  if (flags & NS_FLAGS & ~CLONE_NEWUSER && !privileged(t) && !(flags & CLONE_NEWUSER)) throw new SysError('EPERM');
  let ns = t.ns;
  let fs = t.fs;
  if (flags & CLONE_NEWUSER) ns = { ...ns, user: new UserNamespace(allocNsIno(), ns.user, t.cred.euid) };
  if (flags & CLONE_NEWUTS) ns = { ...ns, uts: ns.uts.clone() };
  if (flags & CLONE_NEWIPC) ns = { ...ns, ipc: new IpcNamespace(allocNsIno()) };
  if (flags & CLONE_NEWNET) ns = { ...ns, net: new NetNamespace(allocNsIno()) };
  if (flags & CLONE_NEWCGROUP) ns = { ...ns, cgroup: { ino: allocNsIno(), root: t.cgroup } };
  if (flags & CLONE_NEWNS) {
    const copy = copyMountNamespace(ns.mnt, allocNsIno());
    ns = { ...ns, mnt: copy.ns };
    fs = { ...fs, mounts: copy.ns, root: copy.translate(fs.root), cwd: copy.translate(fs.cwd) };
  }
  return { ns, fs };
}

/** Read an executable and find what runs it: a program from the registry, or a #! interpreter. */
async function loadExecutable(k: Kernel, t: Task, path: string, argv: string[], depth: number): Promise<{ main: ProgramMain; path: string; argv: string[]; ref: PathRef }> {
  const ref = await k.vfs.lookup(t.fs, path);
  if (ref.node.type === 'dir') throw new SysError('EACCES');
  if (ref.node.type !== 'file') throw new SysError('EACCES');
  if (k.vfs.mountFlags(ref.mount).includes('noexec')) throw new SysError('EACCES');
  await k.vfs.access(t.fs, path, X_OK);
  const f = await k.vfs.open(t.fs, path, 0);
  let head: Uint8Array;
  try {
    head = await f.pread(0, 256);
  } finally {
    await f.close();
  }
  const text = utf8Decode(head);
  if (text.startsWith('#!')) {
    if (depth >= MAX_INTERPRETERS) throw new SysError('ELOOP');
    const line = text.slice(2, text.includes('\n') ? text.indexOf('\n') : undefined).trim();
    if (!line) throw new SysError('ENOEXEC');
    const space = line.search(/[ \t]/);
    const interp = space < 0 ? line : line.slice(0, space);
    const arg = space < 0 ? '' : line.slice(space).trim();
    const next = [interp, ...(arg ? [arg] : []), path, ...argv.slice(1)];
    return loadExecutable(k, t, interp, next, depth + 1);
  }
  const name = programName(text);
  if (!name) throw new SysError('ENOEXEC');
  const main = await k.offCpu(t, k.loadProgram(name));
  if (!main) throw new SysError('ENOEXEC', `no program '${name}'`);
  return { main, path, argv, ref };
}

function taskNr(t: Task, of: Task | null): number {
  return of ? of.nrIn(t.pidNs) : 0;
}

/** A call whose code is in sys-proc-admin.ts, loaded on its first use. */
const loadAdmin = onDemand(() => import('./sys-proc-admin.ts'));
const admin = (name: keyof typeof import('./sys-proc-admin.ts')): SyscallHandler =>
  async (k, t, ...args) => ((await loadAdmin())[name] as SyscallHandler)(k, t, ...args);

export const PROC_SYSCALLS: Record<string, SyscallSpec> = {
  clone: {
    handler: async (k: Kernel, t: Task, flags: number, main: ProgramMain) => {
      if (typeof main !== 'function') throw new SysError('EFAULT');
      // RLIMIT_NPROC: a user past it may not make another process (root may).
      // (Counted only when the machine has that many processes at all: forks stay O(1) below it.)
      const nproc = t.rlimits[RLIMIT.NPROC]!.soft;
      if (nproc <= k.tasks.size && t.cred.uid !== 0 && !privileged(t)) {
        let mine = 0;
        for (const o of k.tasks.values()) if (o.alive && o.cred.uid === t.cred.uid) mine++;
        if (mine >= nproc) throw new SysError('EAGAIN');
      }
      const { ns, fs } = newNamespaces(k, t, flags);
      let pidNs: PidNamespace<Task> | undefined;
      if (flags & CLONE_NEWPID) pidNs = t.pidNsForChildren.child();
      const child = k.spawnChild(t, main, { ns, fs, pidNs, flags });
      traceFork(t, child);
      reportNamespaces(k, child.pid, flags, ns, pidNs);
      return child.nrIn(t.pidNs);
    },
    support: 'partial',
    note: 'always a new process (fork semantics) running the given function; CLONE_NEW* flags honoured',
  },
  unshare: {
    handler: async (k, t, flags: number) => {
      const { ns, fs } = newNamespaces(k, t, flags);
      t.ns = ns;
      t.fs = fs;
      // The caller stays where it is; only its future children enter a new PID namespace.
      if (flags & CLONE_NEWPID) t.pidNsForChildren = t.pidNsForChildren.child();
      reportNamespaces(k, t.pid, flags, ns, t.pidNsForChildren);
    },
  },
  execve: {
    handler: async (k, t, path: string, argv: string[], envp: string[]) => {
      if (typeof path !== 'string' || !Array.isArray(argv) || !Array.isArray(envp)) throw new SysError('EFAULT');
      const exe = await loadExecutable(k, t, path, argv, 0);
      await t.fds.exec();
      t.exeRef = exe.ref;
      return k.execProgram(t, exe.main, exe.path, exe.argv, envp, path);
    },
  },
  exit_group: {
    handler: async (_k, _t, code: number) => {
      throw new ExitUnwind(exitedStatus(code));
    },
  },
  wait4: {
    // A tracer also hears of its tracees' stops here, children or not (__WALL is implied); a
    // parent may become a tracer while it waits (its child's PTRACE_TRACEME), so every wait goes there.
    handler: async (k, t, pid: number, options = 0) => traceWait(k, t, pid, options),
    endsOnHandler: 'sleep',
  },
  kill: { handler: async (k, t, pid: number, sig: number) => k.kill(t, pid, sig) },
  rt_sigaction: {
    handler: async (_k, t, sig: number, disposition: SignalDisposition | undefined) => {
      if (sig < 1 || sig > 64) throw new SysError('EINVAL');
      const old = t.disposition(sig);
      if (disposition !== undefined) {
        if (sig === 9 || sig === 19) throw new SysError('EINVAL');
        if (disposition === 'default') t.handlers.delete(sig);
        else t.handlers.set(sig, disposition);
      }
      return old;
    },
  },
  rt_sigprocmask: {
    handler: async (k, t, how: 'block' | 'unblock' | 'set', sigs: number[]) => {
      const old = [...t.blocked];
      const set = new Set(sigs.filter((s) => s !== 9 && s !== 19));
      if (how === 'block') for (const s of set) t.blocked.add(s);
      else if (how === 'unblock') for (const s of set) t.blocked.delete(s);
      else t.blocked = set;
      await k.deliverSignals(t);
      return old;
    },
  },
  nanosleep: {
    // Linux never ends a sleep early. A host timer can (Node counts from the start of the event
    // loop's turn, not from the call), so a timer that fires short is armed again for the rest.
    handler: async (k, t, ms: number) => {
      const until = k.host.nowMs() + Math.max(0, ms);
      return t.interrupt.wait<void>((done) => {
        let cancel: () => void;
        const arm = (left: number): void => {
          cancel = k.host.setTimer(left, () => {
            const rest = until - k.host.nowMs();
            if (rest > 0) arm(rest);
            else done();
          });
        };
        arm(Math.max(0, ms));
        return () => cancel();
      });
    },
    support: 'partial',
    note: 'milliseconds of real time',
  },
  clock_gettime: {
    // CLOCK_REALTIME (0) is the kernel's one clock; CLOCK_MONOTONIC (1) and CLOCK_BOOTTIME (7)
    // count from boot. Nanoseconds, as a bigint.
    handler: async (k, _t, clockId = 0) => {
      const now = k.clock.nowNs();
      if (clockId === 0) return now;
      if (clockId === 1 || clockId === 7) return now - k.bootNs;
      throw new SysError('EINVAL');
    },
  },
  pause: {
    // Sleeps until a signal handler runs; the dispatcher restarts it for signals without one.
    handler: async (_k, t) => t.interrupt.wait<void>(() => () => {}),
    endsOnHandler: true,
  },
  times: {
    // In clock ticks of USER_HZ (100 a second), as times(2) reports them.
    handler: async (_k, t) => {
      const ticks = (ns: bigint): number => Number(ns / 10_000_000n);
      return { utime: ticks(t.utimeNs), stime: ticks(t.stimeNs), cutime: ticks(t.cutimeNs), cstime: ticks(t.cstimeNs) };
    },
  },
  sched_yield: { handler: async (k) => k.host.macrotask() },
  pivot_root: {
    handler: admin('pivotRoot'),
    support: 'partial',
    note: "put_old must be a directory below new_root (the pivot_root('.', '.') idiom is not modelled)",
  },
  setns: {
    handler: admin('setns'),
    support: 'partial',
    note: 'by a /proc/PID/ns/* descriptor; a new user namespace grants no capabilities yet',
  },
  syslog: {
    handler: admin('syslog'),
    support: 'partial',
    note: 'read-all, read-clear and clear',
  },
  prlimit64: {
    handler: admin('prlimit64'),
  },
  getpriority: {
    handler: admin('getpriority'),
  },
  setpriority: {
    handler: admin('setpriority'),
    support: 'partial',
    note: 'the nice value is kept, inherited and shown in /proc; the scheduler does not weigh it',
  },
  getpid: { handler: async (_k, t) => t.nrIn(t.pidNs) },
  getppid: { handler: async (_k, t) => taskNr(t, t.parent) },
  getpgid: {
    handler: async (k, t, pid = 0) => {
      const who = pid === 0 ? t : k.findTask(t, pid);
      if (!who) throw new SysError('ESRCH');
      return k.tasks.get(who.pgid)?.nrIn(t.pidNs) ?? 0;
    },
  },
  setpgid: {
    handler: async (k, t, pid = 0, pgid = 0) => {
      const who = pid === 0 ? t : k.findTask(t, pid);
      if (!who || (who !== t && who.parent !== t)) throw new SysError('ESRCH');
      if (who.sid === who.pid) throw new SysError('EPERM');
      const leader = pgid === 0 ? who : k.findTask(t, pgid);
      if (!leader || (leader !== who && (leader.pgid !== leader.pid || leader.sid !== who.sid))) throw new SysError('EPERM');
      who.pgid = leader.pid;
    },
  },
  getsid: {
    handler: async (k, t, pid = 0) => {
      const who = pid === 0 ? t : k.findTask(t, pid);
      if (!who) throw new SysError('ESRCH');
      return k.tasks.get(who.sid)?.nrIn(t.pidNs) ?? 0;
    },
  },
  setsid: {
    handler: async (_k, t) => {
      if (t.pgid === t.pid) throw new SysError('EPERM');
      t.sid = t.pgid = t.pid;
      return t.nrIn(t.pidNs);
    },
  },
  // Ids go in and out through the caller's user namespace; the kernel keeps kernel ids.
  getuid: { handler: async (_k, t) => idFromKernel(t.ns.user, t.cred.uid, 'uid') },
  geteuid: { handler: async (_k, t) => idFromKernel(t.ns.user, t.cred.euid, 'uid') },
  getgid: { handler: async (_k, t) => idFromKernel(t.ns.user, t.cred.gid, 'gid') },
  getegid: { handler: async (_k, t) => idFromKernel(t.ns.user, t.cred.egid, 'gid') },
  getgroups: { handler: async (_k, t) => t.cred.groups.map((g) => idFromKernel(t.ns.user, g, 'gid')) },
  setresuid: { handler: async (_k, t, r: number, e: number, s: number) => setIds(t, 'uid', [r, e, s]) },
  setresgid: { handler: async (_k, t, r: number, e: number, s: number) => setIds(t, 'gid', [r, e, s]) },
  setgroups: {
    handler: async (_k, t, groups: number[]) => {
      if (t.cred.euid !== 0) throw new SysError('EPERM');
      t.cred = { ...t.cred, groups: [...groups] };
      t.fs = { ...t.fs, cred: { uid: t.cred.euid, gid: t.cred.egid, groups: t.cred.groups } };
    },
  },
  uname: {
    handler: async (_k, t) => ({
      sysname: 'Linux', nodename: t.ns.uts.hostname, release: '6.18.44-cowbox', version: '#1 SMP PREEMPT_DYNAMIC',
      machine: 'x86_64', domainname: t.ns.uts.domainname,
    }),
  },
  sethostname: {
    handler: async (_k, t, name: string) => {
      if (!privileged(t)) throw new SysError('EPERM');
      if (typeof name !== 'string' || name.length > 64) throw new SysError('EINVAL');
      t.ns.uts.hostname = name;
    },
  },
};
