// Test helpers for the package managers: `lay-image DIST [--full]` is a program the tests add to
// the simulated machine; it lays down a distribution's base image (by default only its package
// database, identity and repository files, which is what the package managers read) through
// the same writer the package managers use. `tree-bytes DIR` prints the bytes under DIR, as
// `du -sb` would, so tests can watch a cache or a layer grow and shrink.

import { catalogFor } from '../../../src/runtime/distro/index.ts';
import { imageEntries } from '../../../src/runtime/distro/image.ts';
import { loadIds, mkdirp, treeSize, writeEntries } from '../../../src/programs/pkg/lib/fs.ts';
import type { Sys } from '../../../src/sys/sys.ts';
import { runSh, type RunOptions, type ShResult } from '../../shell/run-sh.ts';

async function layImage(sys: Sys): Promise<number> {
  const [, dist, flag] = sys.argv;
  const catalog = await catalogFor(dist!);
  const entries = imageEntries(catalog, { files: flag === '--full' });
  for (const e of entries) await mkdirp(sys, e.path.slice(0, e.path.lastIndexOf('/')) || '/');
  await writeEntries(sys, '', entries, await loadIds(sys), '.cowbox-new');
  return 0;
}

async function treeBytes(sys: Sys): Promise<number> {
  const { bytes } = await treeSize(sys, sys.argv[1]!);
  await sys.writeAll(1, `${bytes}\n`);
  return 0;
}

export const TEST_PROGRAMS = { 'lay-image': layImage, 'tree-bytes': treeBytes };

/** runSh with the helpers installed. */
export function runPkg(script: string, opts: RunOptions = {}): Promise<ShResult> {
  return runSh(script, { ...opts, programs: { ...TEST_PROGRAMS, ...(opts.programs ?? {}) } });
}
