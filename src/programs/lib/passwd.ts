// The account databases as getpwnam/getpwuid/getgrnam/getgrgid read them: /etc/passwd and
// /etc/group, read by the program itself (files only, as nsswitch's "files" source), looked up
// by name or by id. A database that cannot be read has no entries.

import { isSysError } from '../../abi/errno.ts';
import { O_CLOEXEC, O_RDONLY } from '../../abi/open-flags.ts';
import { utf8Decode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  gecos: string;
  home: string;
  shell: string;
}

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

async function readFields(sys: Sys, path: string): Promise<string[][]> {
  let text: string;
  try {
    const fd = await sys.open(path, O_RDONLY | O_CLOEXEC);
    try {
      text = utf8Decode(await sys.readAll(fd));
    } finally {
      await sys.close(fd);
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
    return [];
  }
  return text.split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split(':'));
}

const id = (s: string | undefined): number => (s !== undefined && /^\d+$/.test(s) ? Number(s) : NaN);

export async function passwdEntries(sys: Sys): Promise<PasswdEntry[]> {
  return (await readFields(sys, '/etc/passwd'))
    .filter((f) => f.length >= 4 && !Number.isNaN(id(f[2])) && !Number.isNaN(id(f[3])))
    .map((f) => ({ name: f[0]!, uid: id(f[2]), gid: id(f[3]), gecos: f[4] ?? '', home: f[5] ?? '', shell: f[6] ?? '' }));
}

export async function groupEntries(sys: Sys): Promise<GroupEntry[]> {
  return (await readFields(sys, '/etc/group'))
    .filter((f) => f.length >= 3 && !Number.isNaN(id(f[2])))
    .map((f) => ({ name: f[0]!, gid: id(f[2]), members: f[3] ? f[3].split(',').filter((m) => m !== '') : [] }));
}

export async function userByName(sys: Sys, name: string): Promise<PasswdEntry | null> {
  return (await passwdEntries(sys)).find((e) => e.name === name) ?? null;
}

export async function userById(sys: Sys, uid: number): Promise<PasswdEntry | null> {
  return (await passwdEntries(sys)).find((e) => e.uid === uid) ?? null;
}

export async function groupByName(sys: Sys, name: string): Promise<GroupEntry | null> {
  return (await groupEntries(sys)).find((e) => e.name === name) ?? null;
}

export async function groupById(sys: Sys, gid: number): Promise<GroupEntry | null> {
  return (await groupEntries(sys)).find((e) => e.gid === gid) ?? null;
}

/** A user's name, or its number when the database has none (as ls and chown -v print it). */
export async function userName(sys: Sys, uid: number): Promise<string> {
  return (await userById(sys, uid))?.name ?? String(uid);
}

export async function groupName(sys: Sys, gid: number): Promise<string> {
  return (await groupById(sys, gid))?.name ?? String(gid);
}
