// What the page's panels ask the kernel worker for, loaded when they first ask (they mount after
// the first prompt): a snapshot of processes, cgroups and overlays with user and docker layer
// names, and one overlay's layers with their files.

import type { Machine } from '../boot/machine.ts';
import { inspectOverlay, takeSnapshot } from '../kernel/snapshot.ts';
import type { KernelSnapshot, OverlayLayers } from '../protocol/kernel-api.ts';
import { DockerLayerNamer } from './docker-layers.ts';

/** One namer per machine: it caches what it read of the engine's files. */
const namers = new WeakMap<Machine, DockerLayerNamer>();
function layerNamer(m: Machine): DockerLayerNamer {
  let namer = namers.get(m);
  if (!namer) namers.set(m, (namer = new DockerLayerNamer(m.vfs, m.ctx)));
  return namer;
}

/** uid -> name from the host's /etc/passwd (empty when it cannot be read). */
async function userNames(m: Machine): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  try {
    const text = new TextDecoder().decode(await m.vfs.readFile(m.ctx, '/etc/passwd'));
    for (const line of text.split('\n')) {
      const [name, , uid] = line.split(':');
      if (name && uid !== undefined && !names.has(Number(uid))) names.set(Number(uid), name);
    }
  } catch {
    // No passwd file: the panel shows numbers.
  }
  return names;
}

export async function snapshotOf(m: Machine): Promise<KernelSnapshot> {
  const snap = takeSnapshot(m.kernel);
  const names = await userNames(m);
  const overlays = snap.overlays.length > 0 ? await layerNamer(m).describeOverlays(snap.overlays) : snap.overlays;
  return { ...snap, overlays, processes: snap.processes.map((p) => ({ ...p, user: names.get(p.uid) ?? String(p.uid) })) };
}

export async function overlayLayersOf(m: Machine, mountId: number): Promise<OverlayLayers | null> {
  const got = await inspectOverlay(m.kernel, mountId);
  return got ? { ...got, layers: await layerNamer(m).describeLayers(got.layers) } : got;
}
