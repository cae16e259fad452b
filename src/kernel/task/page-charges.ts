// Memory cgroups pay for file pages too, as on Linux: bytes a process writes into a tmpfs file
// are shared memory (shmem, never reclaimable without swap), bytes it writes to any other file
// sit in the page cache (file, reclaimable). The charge follows the file's size: growing a file
// charges the writer's cgroup, shrinking or deleting it gives the pages back to whoever paid.

import { SIG, signaledStatus } from '../../abi/signals.ts';
import type { Cgroup } from '../cgroup/cgroup.ts';
import type { MemoryKind } from '../cgroup/memory-css.ts';
import type { VNode } from '../fs/vfs/types.ts';
import type { Kernel } from '../kernel.ts';
import type { Task } from './task.ts';
import { ExitUnwind } from './unwind.ts';

interface PageCharge {
  owner: unknown;
  kind: MemoryKind;
  bytes: number;
}

const charges = new WeakMap<VNode, PageCharge[]>();

const kindOf = (node: VNode): MemoryKind => (node.fs.type === 'tmpfs' ? 'shmem' : 'file');

/** `node` grew from `before` to `after` bytes by `task`'s write: charge the new pages. */
export function chargeGrowth(k: Kernel, task: Task, node: VNode, before: number, after: number): void {
  const bytes = after - before;
  if (bytes <= 0 || !task.cgroup) return;
  const kind = kindOf(node);
  const res = k.cgroups.memory.charge(task.cgroup as Cgroup, bytes, kind, { pid: task.pid, force: kind === 'file' });
  if (!res.ok) {
    // Shared memory the cgroup cannot hold: the OOM killer has run; if it took us, we die now.
    if (res.selfKilled) throw new ExitUnwind(signaledStatus(SIG.SIGKILL));
    return;
  }
  const list = charges.get(node);
  const last = list?.[list.length - 1];
  // The same payer growing the file again adds to its charge: one entry per file in the common
  // case (a thousand containers' files each written once), and uncharging reads the same.
  if (last && last.owner === res.owner && last.kind === kind) last.bytes += bytes;
  else if (list) list.push({ owner: res.owner, kind, bytes });
  else charges.set(node, [{ owner: res.owner, kind, bytes }]);
}

/** `node` shrank by `bytes` (truncate) or is gone (all): give pages back, newest charges first. */
export function unchargeShrink(k: Kernel, node: VNode, bytes: number = Infinity): void {
  const list = charges.get(node);
  if (!list) return;
  let left = bytes;
  while (left > 0 && list.length > 0) {
    const c = list[list.length - 1]!;
    const take = Math.min(c.bytes, left);
    k.cgroups.memory.uncharge(c.owner as never, take, c.kind);
    c.bytes -= take;
    left -= take;
    if (c.bytes === 0) list.pop();
  }
  if (list.length === 0) charges.delete(node);
}
