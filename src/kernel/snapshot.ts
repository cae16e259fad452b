// A read-only picture of the kernel's tables for the page's panels: processes (host PID, NSpid,
// namespaces, cgroup), cgroups with their usage and limits, and overlay mounts with their layers.
// Taken synchronously from memory (cheap enough to poll a few times a second); only the layer
// listing, which walks directories, is async and bounded. Nothing here changes kernel state.

import type { CgroupSnapshot, KernelSnapshot, LayerEntry, LayerSnapshot, MountCover, OverlayLayers, OverlaySnapshot, ProcessSnapshot } from '../abi/snapshot.ts';
import type { Kernel } from './kernel.ts';
import type { Cgroup } from './cgroup/cgroup.ts';
import type { Task } from './task/task.ts';
import type { MountNamespace, Mount, PathRef } from './fs/vfs/mount.ts';
import { refPath, rootPathOf } from './fs/vfs/mount.ts';
import type { VNode } from './fs/vfs/types.ts';
import type { OverlayFs } from './fs/overlay/super.ts';
import { isOpaque, isWhiteout } from './fs/overlay/layer.ts';
import { NS_LINKS, namespaceOf } from './fs/procfs/ns-dir.ts';
import { mountPointSeenFrom } from './fs/procfs/mountinfo.ts';

const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);

function processOf(kernel: Kernel, t: Task): ProcessSnapshot {
  const ns: Record<string, number> = {};
  for (const name of NS_LINKS) ns[name] = namespaceOf(t, name).ino;
  const cg = t.cgroup as Cgroup | null;
  return {
    pid: t.pid,
    nspid: [...t.nrs],
    ppid: t.parent?.pid ?? 0,
    comm: t.comm,
    argv: [...t.argv],
    uid: t.cred.uid,
    gid: t.cred.gid,
    state: t.state,
    cgroup: cg ? kernel.cgroups.pathOf(cg) : '/',
    ns,
  };
}

function cgroupOf(kernel: Kernel, cg: Cgroup): CgroupSnapshot {
  const mem = cg.css.memory;
  const pids = cg.css.pids;
  return {
    path: kernel.cgroups.pathOf(cg),
    procs: [...cg.procs],
    memory: mem
      ? {
          current: mem.usage, max: finite(mem.maxBytes()), file: mem.stat0('file'), anon: mem.stat0('anon'),
          oom: mem.events.oom, oomKill: mem.events.oom_kill,
        }
      : null,
    pids: pids ? { current: pids.counter, max: finite(pids.limit), eventsMax: pids.eventsMax } : null,
    cpu: { usageUs: cg.cpuTimes.usageUs, userUs: cg.cpuTimes.userUs, systemUs: cg.cpuTimes.systemUs },
  };
}

/** Every mount namespace some live task (or the kernel's init context) uses, with its users. */
function mountNamespaces(kernel: Kernel): Map<MountNamespace, number[]> {
  const out = new Map<MountNamespace, number[]>();
  out.set(kernel.initialNs.mnt, []);
  for (const t of kernel.tasks.values()) {
    if (!t.alive) continue;
    const list = out.get(t.fs.mounts) ?? [];
    list.push(t.pid);
    out.set(t.fs.mounts, list);
  }
  return out;
}

function* overlayMounts(kernel: Kernel): Generator<{ m: Mount; ns: MountNamespace; pids: number[] }> {
  for (const [ns, pids] of mountNamespaces(kernel)) {
    // By type name, not class: overlayfs is loaded on its first mount (fs/filesystems.ts).
    for (const m of ns.list()) if (m.fs.type === 'overlay') yield { m, ns, pids };
  }
}

export function takeSnapshot(kernel: Kernel): KernelSnapshot {
  const processes = [...kernel.tasks.values()].filter((t) => t.state !== 'X').map((t) => processOf(kernel, t));
  const cgroups: CgroupSnapshot[] = [];
  const walk = (cg: Cgroup): void => {
    cgroups.push(cgroupOf(kernel, cg));
    for (const c of cg.children.values()) walk(c);
  };
  walk(kernel.cgroups.root);
  const overlays: OverlaySnapshot[] = [];
  for (const { m, ns, pids } of overlayMounts(kernel)) {
    const fs = m.fs as OverlayFs;
    const work = /(?:^|,)workdir=([^,]*)/.exec(fs.mountOptions())?.[1] ?? null;
    overlays.push({
      mountId: m.id, dev: fs.dev, target: m.mountpoint ? refPath(m.mountpoint) : '/', mntNs: ns.id, pids,
      lowers: fs.lowers.map((l) => l.label), upper: fs.upper?.label ?? null, work: fs.upper ? work : null,
    });
  }
  return { processes, cgroups, overlays };
}

// ---- the layers of one overlay --------------------------------------------------------------

/** Walk one layer's tree, at most `limit` entries. */
async function listLayer(root: VNode, limit: number): Promise<{ entries: LayerEntry[]; bytes: number; files: number; truncated: boolean }> {
  const entries: LayerEntry[] = [];
  let bytes = 0;
  let files = 0;
  const queue: Array<[VNode, string]> = [[root, '']];
  while (queue.length > 0) {
    const [dir, prefix] = queue.shift()!;
    const children = (await dir.readdir()).filter((e) => e.name !== '.' && e.name !== '..').sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of children) {
      if (entries.length >= limit) return { entries, bytes, files, truncated: true };
      const node = await dir.lookup(e.name);
      if (!node) continue;
      const st = await node.stat();
      const path = `${prefix}/${e.name}`;
      const whiteout = await isWhiteout(node);
      const opaque = node.type === 'dir' && (await isOpaque(node));
      entries.push({ path, type: node.type, size: node.type === 'file' ? st.size : 0, whiteout, opaque });
      if (node.type === 'file') {
        bytes += st.size;
        files++;
      }
      if (node.type === 'dir') queue.push([node, path]);
    }
  }
  return { entries, bytes, files, truncated: false };
}

/** The layers of overlay mount `mountId`, upper first, each listed up to `limit` entries. */
export async function inspectOverlay(kernel: Kernel, mountId: number, limit = 2000): Promise<OverlayLayers | null> {
  for (const { m, ns } of overlayMounts(kernel)) {
    if (m.id !== mountId) continue;
    const fs = m.fs as OverlayFs;
    const layers: LayerSnapshot[] = [];
    const all = [...(fs.upper ? [{ l: fs.upper, role: 'upper' as const }] : []), ...fs.lowers.map((l) => ({ l, role: 'lower' as const }))];
    for (const { l, role } of all) {
      const listed = await listLayer(l.root, limit);
      layers.push({ label: l.label, role, index: l.index, ...listed });
    }
    return { mountId, layers, covers: coversOf(m, ns) };
  }
  return null;
}

/** The mounts over overlay mount `m`'s tree in its namespace, in mount order (parents first). */
function coversOf(m: Mount, ns: MountNamespace): MountCover[] {
  const top: PathRef = { mount: m, node: m.root, parent: null, name: '' };
  const covers: MountCover[] = [];
  for (const c of ns.list()) {
    const path = c === m ? null : mountPointSeenFrom(c, top);
    if (path !== null && path !== '/') covers.push({ path, fsType: c.options.fsType, root: rootPathOf(c) });
  }
  return covers;
}
