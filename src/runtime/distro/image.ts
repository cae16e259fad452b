// A distribution's base image as file entries: the files of every base package and the package
// database that says they are installed (rpm's, dpkg's status and lists, apk's installed db and
// world), so an image builder lays down exactly what the package managers later read. With
// `files: false` only the database and the few files a package manager needs are laid down (for
// tests that want a small image that still knows its packages).

import { renderApkInstalled } from './apkdb.ts';
import { renderDpkgList, renderDpkgStatus } from './dpkgdb.ts';
import { recordOf, renderRpmDb, RPMDB } from './rpmdb.ts';
import { expand, type FileEntry } from './expand.ts';
import type { Catalog, Pkg } from './types.ts';

export interface ImageOptions {
  /** Lay down the packages' files (default), or only the database and the essentials. */
  files?: boolean;
  /** Install time stamped into the database (seconds since the epoch). */
  time?: number;
}

/** Files every image needs even without package contents: identity, accounts, repositories. */
const ESSENTIAL = /^\/(etc\/(os-release|redhat-release|system-release|passwd|group|hosts|shells|alpine-release|debian_version|apk\/|apt\/|yum\.repos\.d\/|dnf\/)|usr\/lib\/os-release|var\/lib\/(dpkg|apt|rpm)|run$|var\/run$|bin$|sbin$|lib$|lib64$)/;

const file = (path: string, text: string, mode = 0o644): FileEntry => ({ path, type: 'file', mode, owner: 'root', group: 'root', text });
const dir = (path: string, mode = 0o755): FileEntry => ({ path, type: 'dir', mode, owner: 'root', group: 'root' });

export function imageEntries(catalog: Catalog, opts: ImageOptions = {}): FileEntry[] {
  const time = opts.time ?? 1_573_000_000;
  const out: FileEntry[] = [];
  const seen = new Set<string>();
  const lists = new Map<string, FileEntry[]>();
  const base: Pkg[] = [];
  // Ubuntu's images are minimized: dpkg leaves out documentation but the copyright files.
  const minimized = catalog.conf['/etc/dpkg/dpkg.cfg.d/excludes'] !== undefined;
  for (const name of catalog.base) {
    const p = catalog.packages.get(name)?.[0];
    if (!p) throw new Error(`catalog ${catalog.id}: base package ${name} missing`);
    base.push(p);
    let entries = expand(catalog, p).filter((e) => !minimized || e.type !== 'file' || !/^\/usr\/share\/(doc|man)\//.test(e.path) || e.path.endsWith('/copyright'));
    if (minimized) entries = entries.map(withoutExcluded);
    lists.set(name, entries);
    for (const e of entries) {
      if (opts.files === false && e.type !== 'dir' && !ESSENTIAL.test(e.path)) continue;
      if (seen.has(e.path)) continue;
      seen.add(e.path);
      out.push(e);
    }
  }
  const users = base.flatMap((p) => p.users);
  const groups = base.flatMap((p) => p.groups);
  if (users.length || groups.length) {
    const patch = (path: string, extra: string[]): void => {
      const e = out.find((x) => x.path === path);
      if (e?.text !== undefined) e.text += extra.join('\n') + (extra.length ? '\n' : '');
    };
    patch('/etc/passwd', users);
    patch('/etc/group', groups);
  }
  if (catalog.family === 'rpm') {
    const records = base.map((p) => {
      const es = lists.get(p.name)!;
      return recordOf(p, es.filter((e) => !e.implicit).map((e) => e.path), es.filter((e) => e.implicit).map((e) => e.path),
        es.filter((e) => e.conf).map((e) => e.path), 'System', 'user', time);
    });
    out.push(dir('/var/lib/rpm'), file(RPMDB, renderRpmDb(records)));
  } else if (catalog.family === 'deb') {
    out.push(dir('/var/lib/dpkg'), dir('/var/lib/dpkg/info'), dir('/var/lib/dpkg/updates'), dir('/var/lib/dpkg/triggers'),
      dir('/var/lib/apt'), dir('/var/lib/apt/lists'), dir('/var/lib/apt/lists/partial', 0o700), dir('/var/cache/apt'),
      dir('/var/cache/apt/archives'), dir('/var/cache/apt/archives/partial', 0o700),
      file('/var/lib/dpkg/status', renderDpkgStatus(base.map((p) => ({ pkg: p, conffiles: lists.get(p.name)!.filter((e) => e.conf).map((e) => e.path), state: 'installed' })))),
      file('/var/lib/dpkg/available', ''), file('/var/lib/apt/lists/lock', '', 0o640), file('/var/lib/dpkg/lock', '', 0o640),
      file('/var/lib/dpkg/lock-frontend', '', 0o640));
    for (const p of base) out.push(file(`/var/lib/dpkg/info/${p.name}${p.multiArch === 'same' ? ':amd64' : ''}.list`, renderDpkgList(lists.get(p.name)!.map((e) => e.path))));
  } else {
    out.push(dir('/lib/apk'), dir('/lib/apk/db'), dir('/etc/apk'), dir('/var/cache/apk'),
      file('/lib/apk/db/installed', renderApkInstalled(base.map((p) => ({ pkg: p, entries: lists.get(p.name)!, time })))),
      file('/lib/apk/db/lock', '', 0o600), file('/lib/apk/db/triggers', ''), file('/lib/apk/db/scripts.tar', ''),
      file('/etc/apk/world', `${[...catalog.base].filter((n) => WORLD.has(n)).sort().join('\n')}\n`));
  }
  return out;
}

/**
 * The share of a package's installed size a minimized image keeps. The catalogs' sizes are the
 * packages' Installed-Size, documentation, manual pages and translations included; dpkg's
 * path-exclude rules drop those, which is why ubuntu:24.04 weighs 78 MB while its packages'
 * sizes add up to 126 MB. The bulk files stand for all of a package's bytes, so they shrink.
 */
const MINIMIZED_SHARE = 0.62;

function withoutExcluded(e: FileEntry): FileEntry {
  if (!e.fill) return e;
  return { ...e, fill: { ...e.fill, size: Math.max(e.fill.head.length, Math.round(e.fill.size * MINIMIZED_SHARE)) } };
}

/** What alpine's /etc/apk/world names in a fresh image (the rest came in as dependencies). */
const WORLD = new Set(['alpine-baselayout', 'alpine-keys', 'apk-tools', 'busybox', 'ca-certificates-bundle', 'libc-utils', 'musl-utils', 'ssl_client']);
