// `-u` / USER resolved as runc resolves it, in the container's own /etc/passwd and /etc/group:
// "name", "uid", "name:group", "uid:gid". A numeric uid need not exist (gid 0 then, home "/");
// a name must. Supplementary groups are the groups that list the user.

import type { Sys } from '../../sys/sys.ts';
import { readTextOrNull } from '../sys-files.ts';

export interface ExecUser {
  uid: number;
  gid: number;
  groups: number[];
  home: string;
}

export class UserError extends Error {}

function rows(text: string | null): string[][] {
  return (text ?? '').split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split(':'));
}

export async function resolveUser(sys: Sys, spec: string): Promise<ExecUser> {
  const passwd = rows(await readTextOrNull(sys, '/etc/passwd'));
  const group = rows(await readTextOrNull(sys, '/etc/group'));
  const [userPart = '', groupPart] = spec === '' ? ['root'] : spec.split(':');
  const numeric = /^\d+$/.test(userPart);
  const entry = passwd.find((p) => (numeric ? p[2] === userPart : p[0] === userPart));
  let uid: number;
  let gid: number;
  let home = '/';
  let name: string | undefined;
  if (entry) {
    uid = Number(entry[2]);
    gid = Number(entry[3]);
    home = entry[5] || '/';
    name = entry[0];
  } else if (numeric) {
    uid = Number(userPart);
    gid = 0;
  } else {
    throw new UserError(`unable to find user ${userPart}: no matching entries in passwd file`);
  }
  if (groupPart !== undefined && groupPart !== '') {
    if (/^\d+$/.test(groupPart)) gid = Number(groupPart);
    else {
      const g = group.find((r) => r[0] === groupPart);
      if (!g) throw new UserError(`unable to find group ${groupPart}: no matching entries in group file`);
      gid = Number(g[2]);
    }
  }
  const groups = name === undefined || groupPart !== undefined
    ? []
    : group.filter((g) => (g[3] ?? '').split(',').includes(name!)).map((g) => Number(g[2])).filter((g) => g !== gid);
  return { uid, gid, groups, home };
}
