// /proc/PID/uid_map, gid_map and setgroups of the process's user namespace. A map is three
// columns, each right-aligned in ten (recorded: "         0          0 4294967295"); an unset map
// reads empty. Writing follows user_namespaces(7): one write, once; a writer outside the
// namespace with root may map anything, anyone else only their own id, count 1 (and for gid_map
// only after "deny" went to setgroups); setgroups cannot change once gid_map is written.

import { SysError } from '../../../abi/errno.ts';
import { utf8Decode } from '../../../base/text.ts';
import type { IdMapping, UserNamespace } from '../../ns/namespaces.ts';
import type { Task } from '../../task/task.ts';
import { rightAlign } from './format.ts';

/** Linux's limit on lines in one map. */
const MAX_EXTENTS = 340;
const ID_LIMIT = 2 ** 32;

export function mapText(map: readonly IdMapping[] | null): string {
  return (map ?? []).map((m) => `${rightAlign(m.inside, 10)} ${rightAlign(m.outside, 10)} ${rightAlign(m.count, 10)}\n`).join('');
}

function parseMap(text: string): IdMapping[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0 || lines.length > MAX_EXTENTS) throw new SysError('EINVAL');
  const map = lines.map((line) => {
    const cols = line.trim().split(/[ \t]+/);
    if (cols.length !== 3 || !cols.every((c) => /^\d+$/.test(c))) throw new SysError('EINVAL');
    const [inside, outside, count] = cols.map(Number) as [number, number, number];
    if (count === 0 || inside + count > ID_LIMIT || outside + count > ID_LIMIT) throw new SysError('EINVAL');
    return { inside, outside, count };
  });
  // Ranges may not overlap on either side.
  for (let i = 0; i < map.length; i++) {
    for (let j = i + 1; j < map.length; j++) {
      const a = map[i]!;
      const b = map[j]!;
      const overlap = (x: number, y: number): boolean => x < y + b.count && y < x + a.count;
      if (overlap(a.inside, b.inside) || overlap(a.outside, b.outside)) throw new SysError('EINVAL');
    }
  }
  return map;
}

function isAncestor(ns: UserNamespace, of: UserNamespace): boolean {
  for (let n = of.parent; n; n = n.parent) if (n === ns) return true;
  return false;
}

export function writeIdMap(target: Task, writer: Task | null, which: 'uid' | 'gid', data: Uint8Array, pos: number): number {
  if (pos !== 0) throw new SysError('EINVAL');
  const ns = target.ns.user;
  if ((which === 'uid' ? ns.uidMap : ns.gidMap) !== null) throw new SysError('EPERM');
  const map = parseMap(utf8Decode(data));
  if (writer) {
    const wns = writer.ns.user;
    // The writer lives in this namespace or the one above it.
    if (wns !== ns && wns !== ns.parent) throw new SysError('EPERM');
    const privileged = writer.cred.euid === 0 && isAncestor(wns, ns);
    if (!privileged) {
      const own = which === 'uid' ? writer.cred.euid : writer.cred.egid;
      const single = map.length === 1 && map[0]!.count === 1 && map[0]!.outside === own;
      if (!single || writer.cred.euid !== ns.ownerUid) throw new SysError('EPERM');
      if (which === 'gid' && ns.setgroups !== 'deny') throw new SysError('EPERM');
    }
  }
  if (which === 'uid') ns.uidMap = map;
  else ns.gidMap = map;
  return data.length;
}

export function setgroupsText(ns: UserNamespace): string {
  return `${ns.setgroups}\n`;
}

export function writeSetgroups(target: Task, data: Uint8Array, pos: number): number {
  if (pos !== 0) throw new SysError('EINVAL');
  const word = utf8Decode(data).replace(/\n$/, '');
  if (word !== 'allow' && word !== 'deny') throw new SysError('EINVAL');
  const ns = target.ns.user;
  // Fixed once gid_map is written (the initial namespace's always is), and "deny" is for good.
  if (ns.gidMap !== null) throw new SysError('EPERM');
  if (word === 'allow' && ns.setgroups === 'deny') throw new SysError('EPERM');
  ns.setgroups = word;
  return data.length;
}
