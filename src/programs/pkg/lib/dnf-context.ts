// One dnf run's view of the system: options from the command line and dnf.conf, the enabled
// repositories, the catalog of the distribution, the rpm database and the module streams, and
// the choice of which package a name means (module streams filter candidates as libdnf does).

import type { Sys } from '../../../sys/sys.ts';
import { catalogFor } from '../../../runtime/distro/index.ts';
import type { Catalog, Pkg } from '../../../runtime/distro/types.ts';
import { cTime, nowSeconds, timedelta } from './clock.ts';
import type { Console } from './console.ts';
import { downloadLine } from './dnf-format.ts';
import { fetchMetadata, metadataAge, readDnfConf, readModules, readRepos, readRpmDb, truthy, type ModuleState, type Repo } from './dnf-state.ts';
import type { RpmRecord } from '../../../runtime/distro/rpmdb.ts';

export interface DnfOptions {
  prog: string;
  assumeYes: boolean;
  assumeNo: boolean;
  quiet: boolean;
  nodocs: boolean;
  weak: boolean;
  keepcache: boolean;
  disabledPlugins: Set<string>;
  noPlugins: boolean;
  cacheOnly: boolean;
  refresh: boolean;
  enableRepos: string[];
  disableRepos: string[];
  root: string;
}

export class DnfContext {
  catalog!: Catalog;
  repos: Repo[] = [];
  db: RpmRecord[] = [];
  modules = new Map<string, ModuleState>();
  conf = new Map<string, string>();

  constructor(readonly sys: Sys, readonly con: Console, readonly opts: DnfOptions) {}

  get subman(): boolean {
    return !this.opts.noPlugins && !this.opts.disabledPlugins.has('subscription-manager');
  }

  async load(): Promise<void> {
    const { sys, opts } = this;
    this.conf = await readDnfConf(sys, opts.root);
    if (this.conf.has('keepcache')) opts.keepcache ||= truthy(this.conf.get('keepcache'));
    if (this.conf.get('install_weak_deps') !== undefined && !truthy(this.conf.get('install_weak_deps'))) opts.weak = false;
    if ((this.conf.get('tsflags') ?? '').includes('nodocs')) opts.nodocs = true;
    this.catalog = await catalogFor('ubi8');
    this.repos = (await readRepos(sys, opts.root)).filter((r) => {
      const match = (pats: string[]): boolean => pats.some((p) => p === '*' || globMatch(p, r.id));
      if (match(opts.enableRepos)) return true;
      if (match(opts.disableRepos)) return false;
      return r.enabled;
    });
    this.db = await readRpmDb(sys, opts.root);
    this.modules = await readModules(sys, opts.root);
  }

  /** The messages subscription-manager's plugin prints in an unregistered container. */
  async pluginBanner(): Promise<void> {
    if (!this.subman) return;
    await this.con.print('Updating Subscription Management repositories.\n');
    await this.con.err('Unable to read consumer identity\n');
    await this.con.err('This system is not registered to Red Hat Subscription Management. You can use subscription-manager to register.\n');
  }

  /** Fetch metadata when there is none (or it is older than 48 hours), else say how old it is. */
  async metadata(): Promise<void> {
    const now = await nowSeconds(this.sys);
    const age = await metadataAge(this.sys, this.opts.root, now);
    if (age !== null && age < 172800 && !this.opts.refresh) {
      await this.con.print(`Last metadata expiration check: ${timedelta(age)} ago on ${cTime(now - age)}.\n`);
      return;
    }
    if (this.opts.cacheOnly) return;
    const sizes = await fetchMetadata(this.sys, this.opts.root, this.repos);
    for (let i = 0; i < this.repos.length; i++) {
      const bytes = sizes[i]!;
      await this.con.print(`${downloadLine(this.repos[i]!.name, bytes, bytes / 2_600_000 + 0.2)}\n`);
    }
  }

  installed(name: string): RpmRecord | undefined {
    return this.db.find((r) => r.name === name);
  }

  /** The name a provide (python3, webserver, a path) stands for. */
  provider(name: string): string {
    return this.catalog.provides.get(name) ?? name;
  }

  /** Is the stream a package belongs to usable now? */
  streamAllowed(p: Pkg): boolean {
    if (!p.stream) return true;
    const [mod, stream] = p.stream.split(':') as [string, string];
    const st = this.modules.get(mod);
    if (st?.state === 'disabled') return false;
    if (st?.state === 'enabled') return st.stream === stream;
    return this.catalog.modules[mod]?.default === stream;
  }

  /** The candidate a name means now, from an enabled repository, or null. */
  choose(name: string): Pkg | null {
    const list = this.catalog.packages.get(this.provider(name)) ?? [];
    const repoIds = new Set(this.repos.map((r) => r.id));
    const ok = list.filter((p) => repoIds.has(p.repo) && this.streamAllowed(p));
    return ok[ok.length - 1] ?? null;
  }

  isInstalled(name: string): boolean {
    return this.installed(this.provider(name)) !== undefined;
  }

  /** Packages in the catalog by name (all candidates, streams ignored), for list and info. */
  available(): Pkg[] {
    const repoIds = new Set(this.repos.map((r) => r.id));
    return [...this.catalog.packages.values()].flat().filter((p) => repoIds.has(p.repo));
  }
}

/** fnmatch with * and ?, as repo ids and package names are matched. */
export function globMatch(pattern: string, text: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(text);
}
