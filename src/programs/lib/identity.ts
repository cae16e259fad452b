// Who a process is, as id, groups and whoami show it: its real and effective ids and its group
// list in the order gnulib's mgetgroups gives (the primary group first, no repeats of it), and
// the account databases read once per run for the names.

import type { Sys } from '../../sys/sys.ts';
import { groupEntries, passwdEntries, type GroupEntry, type PasswdEntry } from './passwd.ts';

export interface Identity {
  ruid: number;
  euid: number;
  rgid: number;
  egid: number;
  groups: number[];
  /** Whether this is a USER operand (no separate effective ids then). */
  named: boolean;
}

/** mgetgroups: the primary group first, then the rest without repeats of it or of neighbours. */
export function groupList(first: number, rest: number[]): number[] {
  const all = [first, ...rest.filter((g) => g !== first)];
  return all.filter((g, i) => i === 0 || g !== all[i - 1]);
}

/** /etc/passwd and /etc/group, each read on first use. */
export class Accounts {
  private users: PasswdEntry[] | null = null;
  private groups: GroupEntry[] | null = null;
  constructor(private readonly sys: Sys) {}

  async user(uid: number): Promise<PasswdEntry | undefined> {
    this.users ??= await passwdEntries(this.sys);
    return this.users.find((u) => u.uid === uid);
  }

  /** getpwnam, then (as id does) a number taken as a user id. */
  async userNamed(name: string, numeric = true): Promise<PasswdEntry | undefined> {
    this.users ??= await passwdEntries(this.sys);
    return this.users.find((u) => u.name === name) ?? (numeric && /^[0-9]+$/.test(name) ? this.users.find((u) => u.uid === Number(name)) : undefined);
  }

  async group(gid: number): Promise<GroupEntry | undefined> {
    this.groups ??= await groupEntries(this.sys);
    return this.groups.find((g) => g.gid === gid);
  }

  /** getgrouplist: the user's primary group and every group that lists them. */
  async groupsOf(user: PasswdEntry): Promise<number[]> {
    this.groups ??= await groupEntries(this.sys);
    return groupList(user.gid, this.groups.filter((g) => g.members.includes(user.name)).map((g) => g.gid));
  }
}

/** This process: getuid, geteuid, getgid, getegid and getgroups. */
export async function selfIdentity(sys: Sys): Promise<Identity> {
  const [ruid, euid, rgid, egid, groups] = await Promise.all([sys.getuid(), sys.geteuid(), sys.getgid(), sys.getegid(), sys.getgroups()]);
  return { ruid, euid, rgid, egid, groups: groupList(egid, groups), named: false };
}
