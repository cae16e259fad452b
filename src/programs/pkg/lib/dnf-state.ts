// What dnf reads and keeps on disk: the repositories of /etc/yum.repos.d, their metadata cache
// under /var/cache/dnf (repomd.xml, primary, filelists, updateinfo and module metadata, and the
// .solv files libsolv builds from them), module stream state in /etc/dnf/modules.d, and the
// rpm database. Downloads are simulated: the files are written at once with their real sizes,
// so a layer that ran `yum install` carries the cache until `yum clean all` removes it.

import { utf8Encode } from '../../../base/text.ts';
import type { Sys } from '../../../sys/sys.ts';
import { fillerChunks } from '../../../runtime/distro/filler.ts';
import { sha256Hex } from '../../../runtime/distro/hash.ts';
import { exists, listDir, mkdirp, readText, writeText } from './fs.ts';
import { parseRpmDb, renderRpmDb, RPMDB, type RpmRecord } from '../../../runtime/distro/rpmdb.ts';
import { O_CREAT, O_TRUNC, O_WRONLY } from '../../../abi/open-flags.ts';

export const CACHE = '/var/cache/dnf';
export const MODULES_D = '/etc/dnf/modules.d';

export interface Repo {
  id: string;
  name: string;
  enabled: boolean;
  baseurl: string;
}

/** Every [section] of the .repo files, in file and section order. */
export async function readRepos(sys: Sys, root: string): Promise<Repo[]> {
  const repos: Repo[] = [];
  for (const dir of ['/etc/yum.repos.d', '/etc/yum/repos.d', '/etc/distro.repos.d']) {
    for (const file of await listDir(sys, `${root}${dir}`)) {
      if (!file.endsWith('.repo')) continue;
      let cur: Repo | null = null;
      for (const raw of ((await readText(sys, `${root}${dir}/${file}`)) ?? '').split('\n')) {
        const line = raw.trim();
        const section = /^\[(.+)\]$/.exec(line);
        if (section) {
          cur = { id: section[1]!, name: section[1]!, enabled: true, baseurl: '' };
          repos.push(cur);
          continue;
        }
        const kv = /^([\w.-]+)\s*=\s*(.*)$/.exec(line);
        if (!cur || !kv) continue;
        if (kv[1] === 'name') cur.name = kv[2]!;
        if (kv[1] === 'enabled') cur.enabled = kv[2] === '1' || kv[2]!.toLowerCase() === 'true';
        if (kv[1] === 'baseurl') cur.baseurl = kv[2]!;
      }
    }
  }
  return repos;
}

/** The [main] options of dnf.conf (keepcache, tsflags, install_weak_deps...). */
export async function readDnfConf(sys: Sys, root: string): Promise<Map<string, string>> {
  const m = new Map<string, string>();
  for (const raw of ((await readText(sys, `${root}/etc/dnf/dnf.conf`)) ?? '').split('\n')) {
    const kv = /^\s*([\w.-]+)\s*=\s*(.*?)\s*$/.exec(raw);
    if (kv) m.set(kv[1]!, kv[2]!);
  }
  return m;
}

export function truthy(v: string | undefined): boolean {
  return v !== undefined && ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
}

/** The metadata files a repository's cache holds, and their sizes (bytes). */
function metadataFiles(repo: Repo, big: boolean): Array<[string, number]> {
  const scale = big ? 1 : 0.012;
  const sized = (n: number): number => Math.max(2000, Math.round(n * scale));
  const name = (kind: string, ext: string): string => `${sha256Hex(`${repo.id}/${kind}`)}-${kind}.${ext}`;
  return [
    ['repodata/repomd.xml', 4135],
    [`repodata/${name('primary', 'xml.gz')}`, sized(big && repo.id.includes('appstream') ? 1_398_226 : 612_019)],
    [`repodata/${name('filelists', 'xml.gz')}`, sized(big && repo.id.includes('appstream') ? 2_104_573 : 1_036_881)],
    [`repodata/${name('updateinfo', 'xml.gz')}`, sized(big && repo.id.includes('appstream') ? 266_019 : 121_884)],
    ...(repo.id.includes('appstream') ? [[`repodata/${name('modules', 'yaml.gz')}`, 59_215] as [string, number]] : []),
    [`repodata/${name('comps', 'xml')}`, sized(38_450)],
  ];
}

export function cacheDir(repo: Repo): string {
  return `${CACHE}/${repo.id}-${sha256Hex(repo.baseurl || repo.id).slice(0, 16)}`;
}

/** Seconds since the metadata was fetched, or null when there is none. */
export async function metadataAge(sys: Sys, root: string, now: number): Promise<number | null> {
  try {
    const st = await sys.stat(`${root}${CACHE}/last_makecache`);
    return Math.max(0, Math.floor(now - Number(st.mtimeNs / 1_000_000_000n)));
  } catch {
    return null;
  }
}

async function writeBulk(sys: Sys, path: string, size: number, what: string): Promise<void> {
  const fd = await sys.open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644);
  try {
    for (const chunk of fillerChunks({ seed: path, size, head: utf8Encode(`cowbox: ${what} stands here; its content is not simulated.\n`) })) await sys.writeAll(fd, chunk);
  } finally {
    await sys.close(fd);
  }
}

/** Fetch (write) every enabled repository's metadata; returns the bytes "downloaded" per repo. */
export async function fetchMetadata(sys: Sys, root: string, repos: Repo[]): Promise<number[]> {
  const sizes: number[] = [];
  for (const repo of repos) {
    const dir = `${root}${cacheDir(repo)}`;
    await mkdirp(sys, `${dir}/repodata`);
    await mkdirp(sys, `${dir}/packages`);
    const big = !repo.id.includes('codeready');
    let bytes = 0;
    for (const [file, size] of metadataFiles(repo, big)) {
      await writeBulk(sys, `${dir}/${file}`, size, `${repo.id} ${file}`);
      if (!file.includes('filelists')) bytes += size;
    }
    // libsolv's parsed forms of the metadata, written beside the repository directories.
    await writeBulk(sys, `${root}${CACHE}/${repo.id}.solv`, big ? (repo.id.includes('appstream') ? 2_912_040 : 1_377_600) : 21_000, `${repo.id}.solv`);
    await writeBulk(sys, `${root}${CACHE}/${repo.id}-filenames.solvx`, big ? (repo.id.includes('appstream') ? 2_668_416 : 1_622_764) : 16_400, `${repo.id}-filenames.solvx`);
    sizes.push(bytes);
  }
  await writeText(sys, `${root}${CACHE}/expired_repos.json`, '[]');
  await writeText(sys, `${root}${CACHE}/last_makecache`, '');
  return sizes;
}

export interface ModuleState {
  stream: string;
  state: 'enabled' | 'disabled' | '';
  profiles: string;
}

export async function readModules(sys: Sys, root: string): Promise<Map<string, ModuleState>> {
  const m = new Map<string, ModuleState>();
  for (const file of await listDir(sys, `${root}${MODULES_D}`)) {
    if (!file.endsWith('.module')) continue;
    const kv = new Map<string, string>();
    for (const line of ((await readText(sys, `${root}${MODULES_D}/${file}`)) ?? '').split('\n')) {
      const x = /^(\w+)\s*=\s*(.*)$/.exec(line.trim());
      if (x) kv.set(x[1]!, x[2]!);
    }
    const name = kv.get('name') ?? file.slice(0, -'.module'.length);
    m.set(name, { stream: kv.get('stream') ?? '', state: (kv.get('state') ?? '') as ModuleState['state'], profiles: kv.get('profiles') ?? '' });
  }
  return m;
}

export async function writeModule(sys: Sys, root: string, name: string, st: ModuleState): Promise<void> {
  await mkdirp(sys, `${root}${MODULES_D}`);
  await writeText(sys, `${root}${MODULES_D}/${name}.module`, `[${name}]\nname=${name}\nstream=${st.stream}\nprofiles=${st.profiles}\nstate=${st.state}\n`);
}

export async function readRpmDb(sys: Sys, root: string): Promise<RpmRecord[]> {
  return parseRpmDb((await readText(sys, `${root}${RPMDB}`)) ?? '');
}

export async function writeRpmDb(sys: Sys, root: string, records: RpmRecord[]): Promise<void> {
  await mkdirp(sys, `${root}/var/lib/rpm`);
  await writeText(sys, `${root}${RPMDB}`, renderRpmDb(records));
}

export async function hasCache(sys: Sys, root: string): Promise<boolean> {
  return exists(sys, `${root}${CACHE}/last_makecache`);
}
