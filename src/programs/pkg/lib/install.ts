// Installing one package from a catalog, the part apk, dpkg and rpm share: create the accounts
// its scripts would (useradd in %pre, adduser in postinst), expand its contents and write them
// under the root, and report the paths it now owns, for the package database.

import type { Sys } from '../../../sys/sys.ts';
import { expand, type FileEntry } from '../../../runtime/distro/expand.ts';
import type { Catalog, Pkg } from '../../../runtime/distro/types.ts';
import { ensureAccounts, loadIds, writeEntries } from './fs.ts';

export interface Installed {
  /** Every path the package lists, directories included, parents first. */
  paths: string[];
  /** The same without the parent directories nobody asked for (rpm lists only what it owns). */
  owned: string[];
  /** Its configuration files. */
  config: string[];
  entries: FileEntry[];
}

export interface InstallOptions {
  /** Suffix of the file written beside its final name before the rename (.dpkg-new...). */
  suffix: string;
  /** Leave out documentation (dnf --nodocs, tsflags=nodocs, Debian's docker path-exclude). */
  nodocs?: boolean;
}

const isDoc = (path: string): boolean => /^\/usr\/share\/(doc|man|info)\//.test(path);

export async function installPackage(sys: Sys, root: string, catalog: Catalog, p: Pkg, opts: InstallOptions): Promise<Installed> {
  await ensureAccounts(sys, root, p.users, p.groups);
  let entries = expand(catalog, p);
  if (opts.nodocs) entries = entries.filter((e) => !isDoc(e.path));
  await writeEntries(sys, root, entries, await loadIds(sys, root), opts.suffix);
  return {
    paths: entries.map((e) => e.path),
    owned: entries.filter((e) => !e.implicit).map((e) => e.path),
    config: entries.filter((e) => e.conf).map((e) => e.path),
    entries,
  };
}
