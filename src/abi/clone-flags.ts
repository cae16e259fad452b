// clone(2), unshare(2) and setns(2) flags with Linux's numbers (include/uapi/linux/sched.h), so
// a program asks for namespaces the way C code does and a trace prints them by name. The low
// byte of clone's flags is the signal the child's exit sends its parent (SIGCHLD for fork).

export const CSIGNAL = 0x000000ff;
export const CLONE_VM = 0x00000100;
export const CLONE_FS = 0x00000200;
export const CLONE_FILES = 0x00000400;
export const CLONE_SIGHAND = 0x00000800;
export const CLONE_PIDFD = 0x00001000;
export const CLONE_PTRACE = 0x00002000;
export const CLONE_VFORK = 0x00004000;
export const CLONE_PARENT = 0x00008000;
export const CLONE_THREAD = 0x00010000;
export const CLONE_NEWNS = 0x00020000;
export const CLONE_SYSVSEM = 0x00040000;
export const CLONE_SETTLS = 0x00080000;
export const CLONE_PARENT_SETTID = 0x00100000;
export const CLONE_CHILD_CLEARTID = 0x00200000;
export const CLONE_DETACHED = 0x00400000;
export const CLONE_UNTRACED = 0x00800000;
export const CLONE_CHILD_SETTID = 0x01000000;
export const CLONE_NEWCGROUP = 0x02000000;
export const CLONE_NEWUTS = 0x04000000;
export const CLONE_NEWIPC = 0x08000000;
export const CLONE_NEWUSER = 0x10000000;
export const CLONE_NEWPID = 0x20000000;
export const CLONE_NEWNET = 0x40000000;
export const CLONE_IO = 0x80000000;
/** Inside clone's exit-signal byte, so only unshare(2) and setns(2) take it. */
export const CLONE_NEWTIME = 0x00000080;

/** Every CLONE_NEW* bit but time's (which overlaps the exit-signal byte of clone). */
export const CLONE_NEW_MASK = CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET;

/** The namespace types as /proc/PID/ns names them, with the flag that makes or enters each. */
export const NS_TYPE_FLAGS = {
  mnt: CLONE_NEWNS, cgroup: CLONE_NEWCGROUP, uts: CLONE_NEWUTS, ipc: CLONE_NEWIPC, user: CLONE_NEWUSER,
  pid: CLONE_NEWPID, net: CLONE_NEWNET, time: CLONE_NEWTIME,
} as const;

export type NsTypeName = keyof typeof NS_TYPE_FLAGS;

/** Flag names in the order of their bits, as strace prints a flags word. */
export const CLONE_FLAG_NAMES: ReadonlyArray<readonly [number, string]> = [
  [CLONE_VM, 'CLONE_VM'], [CLONE_FS, 'CLONE_FS'], [CLONE_FILES, 'CLONE_FILES'], [CLONE_SIGHAND, 'CLONE_SIGHAND'],
  [CLONE_PIDFD, 'CLONE_PIDFD'], [CLONE_PTRACE, 'CLONE_PTRACE'], [CLONE_VFORK, 'CLONE_VFORK'],
  [CLONE_PARENT, 'CLONE_PARENT'], [CLONE_THREAD, 'CLONE_THREAD'], [CLONE_NEWNS, 'CLONE_NEWNS'],
  [CLONE_SYSVSEM, 'CLONE_SYSVSEM'], [CLONE_SETTLS, 'CLONE_SETTLS'], [CLONE_PARENT_SETTID, 'CLONE_PARENT_SETTID'],
  [CLONE_CHILD_CLEARTID, 'CLONE_CHILD_CLEARTID'], [CLONE_DETACHED, 'CLONE_DETACHED'], [CLONE_UNTRACED, 'CLONE_UNTRACED'],
  [CLONE_CHILD_SETTID, 'CLONE_CHILD_SETTID'], [CLONE_NEWCGROUP, 'CLONE_NEWCGROUP'], [CLONE_NEWUTS, 'CLONE_NEWUTS'],
  [CLONE_NEWIPC, 'CLONE_NEWIPC'], [CLONE_NEWUSER, 'CLONE_NEWUSER'], [CLONE_NEWPID, 'CLONE_NEWPID'],
  [CLONE_NEWNET, 'CLONE_NEWNET'], [CLONE_IO, 'CLONE_IO'],
];
