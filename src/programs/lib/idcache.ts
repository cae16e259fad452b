// User and group names by id, as gnulib's idcache gives them to ls, stat, du and tree: each
// database (/etc/passwd, /etc/group) is read once, on first use, however many files are listed.

import type { Sys } from '../../sys/sys.ts';
import { groupEntries, passwdEntries } from './passwd.ts';

export class IdCache {
  private users: Map<number, string> | null = null;
  private groups: Map<number, string> | null = null;

  constructor(private readonly sys: Sys) {}

  /** The user's name, or null when /etc/passwd has none (getpwuid's first match wins). */
  async user(uid: number): Promise<string | null> {
    if (!this.users) {
      this.users = new Map();
      for (const e of await passwdEntries(this.sys)) if (!this.users.has(e.uid)) this.users.set(e.uid, e.name);
    }
    return this.users.get(uid) ?? null;
  }

  async group(gid: number): Promise<string | null> {
    if (!this.groups) {
      this.groups = new Map();
      for (const e of await groupEntries(this.sys)) if (!this.groups.has(e.gid)) this.groups.set(e.gid, e.name);
    }
    return this.groups.get(gid) ?? null;
  }
}
