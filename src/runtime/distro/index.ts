// The catalogs by distribution, loaded when first asked for (each is a few dozen KiB of data a
// page need not download until a package manager runs), and which distribution a root
// filesystem is: package managers read /etc/os-release to know which one they serve.

import type { Catalog } from './types.ts';

const LOADERS: Record<string, () => Promise<Catalog>> = {
  'alpine-3.19': async () => (await import('./alpine.ts')).ALPINE_319,
  'alpine-3.20': async () => (await import('./alpine.ts')).ALPINE_320,
  'debian-12': async () => (await import('./debian.ts')).BOOKWORM,
  'ubuntu-24.04': async () => (await import('./debian.ts')).NOBLE,
  ubi8: async () => (await import('./ubi8.ts')).UBI8,
};

export const DISTRIBUTIONS = Object.keys(LOADERS);

export async function catalogFor(id: string): Promise<Catalog> {
  const load = LOADERS[id];
  if (!load) throw new Error(`no catalog for ${id}`);
  return load();
}

/** The distribution an os-release text describes, or null for one cowbox has no catalog of. */
export function distributionOf(osRelease: string): string | null {
  const field = (k: string): string => (new RegExp(`^${k}="?([^"\\n]*)"?`, 'm').exec(osRelease)?.[1] ?? '');
  const id = field('ID');
  const version = field('VERSION_ID');
  if (id === 'alpine') return version.startsWith('3.19') ? 'alpine-3.19' : 'alpine-3.20';
  if (id === 'debian') return 'debian-12';
  if (id === 'ubuntu') return 'ubuntu-24.04';
  if (id === 'rhel' || id === 'centos' || id === 'rocky' || id === 'almalinux') return 'ubi8';
  return null;
}
