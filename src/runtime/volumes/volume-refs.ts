// Which containers use a volume: a volume is referenced by every container whose Mounts name it
// (running or not), as the engine counts references. rm refuses a referenced volume; prune and
// `ls -f dangling=true` keep to the unreferenced; `docker rm -v` and --rm drop the anonymous
// volumes of the container once nothing else uses them.

import type { Sys } from '../../sys/sys.ts';
import type { ContainerRecord } from '../containers/container-record.ts';
import { ContainerStore } from '../containers/container-store.ts';
import { isAnonymous, VolumeStore } from './volume-store.ts';

/** Volume name -> ids of the containers that mount it. */
export function volumeRefs(records: ContainerRecord[]): Map<string, string[]> {
  const refs = new Map<string, string[]>();
  for (const r of records) {
    for (const m of r.Mounts ?? []) {
      if (m.Type !== 'volume' || !m.Name) continue;
      const list = refs.get(m.Name) ?? [];
      if (!list.includes(r.Id)) list.push(r.Id);
      refs.set(m.Name, list);
    }
  }
  return refs;
}

/**
 * Remove the anonymous volumes of a container being removed (rm -v, --rm), unless another
 * container still uses one; named volumes always stay. Call after the container is gone.
 */
export async function removeAnonymousVolumes(sys: Sys, root: string, rec: ContainerRecord): Promise<void> {
  const names = (rec.Mounts ?? []).filter((m) => m.Type === 'volume' && m.Name).map((m) => m.Name!);
  if (names.length === 0) return;
  const volumes = new VolumeStore(sys, root);
  const refs = volumeRefs(await new ContainerStore(sys, root).list());
  for (const name of names) {
    const v = await volumes.get(name);
    if (!v || !isAnonymous(v) || (refs.get(name) ?? []).some((id) => id !== rec.Id)) continue;
    await volumes.remove(name);
  }
}
