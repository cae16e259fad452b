// One line of text for each kernel event, as the Events panel lists it, and the category its
// filter chips group it under. Clone flags are spelled as clone(2) names them.

import type { WireEvent } from '../../../protocol/kernel-api.ts';

export type EventCategory = 'fs' | 'mount' | 'proc' | 'ns' | 'cgroup';
export const CATEGORIES: EventCategory[] = ['fs', 'mount', 'proc', 'ns', 'cgroup'];

const CLONE_FLAGS: Array<[number, string]> = [
  [0x00020000, 'CLONE_NEWNS'], [0x02000000, 'CLONE_NEWCGROUP'], [0x04000000, 'CLONE_NEWUTS'],
  [0x08000000, 'CLONE_NEWIPC'], [0x10000000, 'CLONE_NEWUSER'], [0x20000000, 'CLONE_NEWPID'],
  [0x40000000, 'CLONE_NEWNET'], [0x00000080, 'CLONE_NEWTIME'],
];

export function cloneFlagNames(flags: number): string[] {
  return CLONE_FLAGS.filter(([bit]) => (flags & bit) !== 0).map(([, name]) => name);
}

/** wait(2) status as a shell would say it: "exit 0", "killed by signal 9". */
export function waitStatus(status: number): string {
  const sig = status & 0x7f;
  if (sig === 0) return `exit ${(status >> 8) & 0xff}`;
  if (sig === 0x7f) return `stopped by signal ${(status >> 8) & 0xff}`;
  return `killed by signal ${sig}${status & 0x80 ? ' (core dumped)' : ''}`;
}

export function categoryOf(e: WireEvent): EventCategory {
  const head = e.type.split('.')[0]!;
  return (CATEGORIES as string[]).includes(head) ? (head as EventCategory) : 'proc';
}

const s = (v: unknown): string => String(v ?? '');

export function describeEvent(e: WireEvent): string {
  switch (e.type) {
    case 'fs.copy-up':
      return `copy-up ${s(e['path'])} (${s(e['fileType'])}, ${s(e['bytes'])} B) ${s(e['from'])} → ${s(e['to'])}: ${s(e['reason'])}`;
    case 'fs.whiteout':
      return `whiteout ${s(e['path'])} in ${s(e['to'])}, hides ${s(e['hides'])}`;
    case 'fs.opaque':
      return `opaque dir ${s(e['path'])} in ${s(e['to'])}`;
    case 'mount.add':
      return `mount ${s(e['fsType'])} ${s(e['source'])} on ${s(e['target'])} (${s(e['options'])})`;
    case 'mount.remove':
      return `umount ${s(e['target'])} (${s(e['fsType'])})`;
    case 'proc.spawn': {
      const flags = cloneFlagNames(Number(e['flags'] ?? 0));
      return `clone pid ${s(e['pid'])} from ${s(e['ppid'])} (${s(e['comm'])})${flags.length ? ' ' + flags.join('|') : ''}`;
    }
    case 'proc.exec':
      return `exec pid ${s(e['pid'])}: ${(e['argv'] as string[] | undefined)?.join(' ') ?? s(e['path'])}`;
    case 'proc.exit':
      return `exit pid ${s(e['pid'])} (${s(e['comm'])}): ${waitStatus(Number(e['status'] ?? 0))}`;
    case 'ns.create':
      return `new ${s(e['nsType'])} namespace ${s(e['nsType'])}:[${s(e['ino'])}] by pid ${s(e['pid'])}`;
    case 'cgroup.oom':
      return `OOM kill in ${s(e['cgroup'])}: ${(e['killed'] as number[] | undefined)?.length ? `killed pid ${(e['killed'] as number[]).join(', ')}` : 'nothing left to kill'}`;
    case 'cgroup.fork-refused':
      return `fork refused in ${s(e['cgroup'])}: pids.max ${s(e['max'])} of ${s(e['limitedBy'])} reached`;
    default:
      return e.type;
  }
}
