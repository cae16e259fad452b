// The namespaces a process lives in (Linux's nsproxy plus its pid and user namespaces), and
// their inode numbers as /proc/PID/ns/* shows them: the initial ones are Linux 6.x's fixed
// constants, new ones are numbered upward from where this machine's kernel started (measured).

import type { MountNamespace } from '../fs/vfs/mount.ts';

export type NsType = 'cgroup' | 'ipc' | 'mnt' | 'net' | 'pid' | 'time' | 'user' | 'uts';

/** Inode numbers of the initial namespaces on Linux 6.18 (reference/kernel.md §1.5). */
export const INITIAL_NS_INO: Record<NsType, number> = {
  ipc: 4026531839, uts: 4026531838, user: 4026531837, pid: 4026531836, cgroup: 4026531835,
  time: 4026531834, net: 4026531833, mnt: 4026531832,
};

let nextNsIno = 4026532177;
export function allocNsIno(): number {
  return nextNsIno++;
}

export interface Namespace {
  readonly type: NsType;
  readonly ino: number;
}

export class UtsNamespace implements Namespace {
  readonly type = 'uts';
  constructor(readonly ino: number, public hostname: string, public domainname = '(none)') {}
  clone(): UtsNamespace {
    return new UtsNamespace(allocNsIno(), this.hostname, this.domainname);
  }
}

export class IpcNamespace implements Namespace {
  readonly type = 'ipc';
  constructor(readonly ino: number) {}
}

export interface NetInterface {
  index: number;
  name: string;
  up: boolean;
}

export class NetNamespace implements Namespace {
  readonly type = 'net';
  /** A new network namespace has only a loopback interface, and it is down. */
  readonly interfaces: NetInterface[] = [{ index: 1, name: 'lo', up: false }];
  constructor(readonly ino: number) {}
}

export interface IdMapping {
  inside: number;
  outside: number;
  count: number;
}

export class UserNamespace implements Namespace {
  readonly type = 'user';
  uidMap: IdMapping[] | null = null;
  gidMap: IdMapping[] | null = null;
  setgroups: 'allow' | 'deny' = 'allow';
  constructor(readonly ino: number, readonly parent: UserNamespace | null, readonly ownerUid: number) {}

  static initial(): UserNamespace {
    const ns = new UserNamespace(INITIAL_NS_INO.user, null, 0);
    ns.uidMap = [{ inside: 0, outside: 0, count: 4294967295 }];
    ns.gidMap = [{ inside: 0, outside: 0, count: 4294967295 }];
    return ns;
  }
}

/** What an id with no mapping reads as (/proc/sys/kernel/overflowuid). */
export const OVERFLOW_ID = 65534;

/**
 * A kernel id (one of the initial namespace) as seen inside `ns`, through every map from the
 * top down; OVERFLOW_ID where a map lacks it (Linux's from_kuid_munged).
 */
export function idFromKernel(ns: UserNamespace, kid: number, which: 'uid' | 'gid'): number {
  const chain: UserNamespace[] = [];
  for (let n: UserNamespace | null = ns; n?.parent; n = n.parent) chain.unshift(n);
  let id = kid;
  for (const n of chain) {
    const map = which === 'uid' ? n.uidMap : n.gidMap;
    const hit = map?.find((m) => id >= m.outside && id < m.outside + m.count);
    if (!hit) return OVERFLOW_ID;
    id = hit.inside + (id - hit.outside);
  }
  return id;
}

/** An id as written inside `ns` turned into the kernel id it stands for; -1 when unmapped (make_kuid). */
export function idToKernel(ns: UserNamespace, id: number, which: 'uid' | 'gid'): number {
  let v = id;
  for (let n: UserNamespace | null = ns; n?.parent; n = n.parent) {
    const map = which === 'uid' ? n.uidMap : n.gidMap;
    const hit = map?.find((m) => v >= m.inside && v < m.inside + m.count);
    if (!hit) return -1;
    v = hit.outside + (v - hit.inside);
  }
  return v;
}

export class TimeNamespace implements Namespace {
  readonly type = 'time';
  constructor(readonly ino: number) {}
}

/** The set of namespaces a task belongs to; copied on clone, one field replaced per CLONE_NEW*. */
export interface NsProxy {
  readonly uts: UtsNamespace;
  readonly ipc: IpcNamespace;
  readonly mnt: MountNamespace;
  readonly net: NetNamespace;
  readonly user: UserNamespace;
  readonly time: TimeNamespace;
  /** The cgroup namespace: its ino and the cgroup it treats as root (owned by kernel/cgroup). */
  readonly cgroup: { ino: number; root: unknown };
}
