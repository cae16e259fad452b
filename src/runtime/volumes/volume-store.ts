// VolumeStore: the local volume driver's volumes under <root>/volumes, laid out as Docker's:
//
//   volumes/
//     metadata.db        each volume's driver, labels and options (Docker keeps a boltdb
//                        here; this one is JSON, written aside and renamed into place)
//     <name>/
//       _data/           what a container sees at the mount point
//       opts.json        the -o options, only when there are some (as the local driver has it)
//
// A volume is only a directory: it outlives the containers that used it and the machine's
// reboots. The daemon's refusals use moby's words (volume/service OpErr: "OP NAME: why").

import type { Sys } from '../../sys/sys.ts';
import { DaemonError } from '../containers/errors.ts';
import { dirSize } from '../layers/layer-store.ts';
import { listEntriesOrEmpty, lstatOrNull, mkdirAll, randomHex, readTextOrNull, removeAll, writeFileAtomic } from '../sys-files.ts';

/** The label Docker 23+ puts on the volumes it makes for `-v /path` and VOLUME. */
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

/** moby's RestrictedNameChars, for volume names as for containers. */
const VALID_VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** What `docker volume inspect` prints for one volume (moby's volume.Volume field order). */
export interface VolumeDoc {
  CreatedAt: string;
  Driver: string;
  Labels: Record<string, string> | null;
  Mountpoint: string;
  Name: string;
  Options: Record<string, string> | null;
  Scope: string;
}

interface Meta {
  Driver: string;
  Labels: Record<string, string> | null;
  Options: Record<string, string> | null;
}

export interface CreateVolume {
  name?: string;
  driver?: string;
  labels?: Record<string, string> | null;
  options?: Record<string, string> | null;
}

/** Go's time.RFC3339 in UTC (whole seconds), as the local driver prints CreatedAt. */
function rfc3339(ns: bigint): string {
  return `${new Date(Number(ns / 1_000_000n)).toISOString().slice(0, 19)}Z`;
}

export class VolumeStore {
  readonly dir: string;

  constructor(private readonly sys: Sys, readonly root: string = '/var/lib/docker') {
    this.dir = `${root}/volumes`;
  }

  /** Where a volume's files are: the bind mount's source. */
  dataOf(name: string): string {
    return `${this.dir}/${name}/_data`;
  }

  private async readMeta(): Promise<Record<string, Meta>> {
    const text = await readTextOrNull(this.sys, `${this.dir}/metadata.db`);
    if (text === null) return {};
    try {
      return JSON.parse(text) as Record<string, Meta>;
    } catch {
      return {};
    }
  }

  private async writeMeta(meta: Record<string, Meta>): Promise<void> {
    await writeFileAtomic(this.sys, `${this.dir}/metadata.db`, JSON.stringify(meta), 0o600);
  }

  /** The volume's document, or null when there is no such volume. */
  async get(name: string): Promise<VolumeDoc | null> {
    if (name === '' || name.includes('/')) return null;
    const st = await lstatOrNull(this.sys, `${this.dir}/${name}`);
    if (!st || (await lstatOrNull(this.sys, this.dataOf(name))) === null) return null;
    const m = (await this.readMeta())[name];
    return {
      CreatedAt: rfc3339(st.mtimeNs),
      Driver: m?.Driver ?? 'local',
      Labels: m?.Labels ?? null,
      Mountpoint: this.dataOf(name),
      Name: name,
      Options: m?.Options ?? null,
      Scope: 'local',
    };
  }

  /** The volume, or the daemon's "no such volume" (op names the API call: get, remove). */
  async lookup(name: string, op = 'get'): Promise<VolumeDoc> {
    const v = await this.get(name);
    if (!v) throw new DaemonError(`${op} ${name}: no such volume`, 'not-found');
    return v;
  }

  /** Every volume, by name (the order `docker volume ls` prints). */
  async list(): Promise<VolumeDoc[]> {
    const out: VolumeDoc[] = [];
    for (const e of await listEntriesOrEmpty(this.sys, this.dir)) {
      const v = e.name === 'metadata.db' ? null : await this.get(e.name);
      if (v) out.push(v);
    }
    return out.sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
  }

  /**
   * Create a volume, or return the one of that name (the engine's create is idempotent for the
   * same driver). No name: a random 64-hex one, as for an anonymous volume.
   */
  async create(o: CreateVolume = {}): Promise<VolumeDoc> {
    const driver = o.driver || 'local';
    const name = o.name || (await randomHex(this.sys));
    if (name.length === 1) throw new DaemonError(`create ${name}: volume name is too short, names should be at least two alphanumeric characters`, 'invalid');
    if (!VALID_VOLUME_NAME.test(name)) {
      throw new DaemonError(
        `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`,
        'invalid',
      );
    }
    if (driver !== 'local') throw new DaemonError(`create ${name}: error looking up volume plugin ${driver}: plugin "${driver}" not found`, 'not-found');
    const existing = await this.get(name);
    if (existing) return existing;
    const opts = o.options && Object.keys(o.options).length ? o.options : null;
    if (opts) {
      for (const k of Object.keys(opts)) {
        if (!['type', 'device', 'o', 'size'].includes(k)) throw new DaemonError(`create ${name}: invalid option: "${k}"`, 'invalid');
      }
    }
    await mkdirAll(this.sys, this.dir, 0o701);
    await mkdirAll(this.sys, `${this.dir}/${name}`, 0o755);
    await this.sys.mkdir(this.dataOf(name), 0o755).catch(() => undefined);
    if (opts) await writeFileAtomic(this.sys, `${this.dir}/${name}/opts.json`, JSON.stringify({ MountType: opts.type ?? '', MountOpts: opts.o ?? '', MountDevice: opts.device ?? '' }), 0o600);
    const meta = await this.readMeta();
    meta[name] = { Driver: driver, Labels: o.labels ?? null, Options: o.options ?? null };
    await this.writeMeta(meta);
    return (await this.get(name))!;
  }

  /** Remove a volume and its files; the caller has checked that no container uses it. */
  async remove(name: string): Promise<void> {
    await this.lookup(name, 'remove');
    await removeAll(this.sys, `${this.dir}/${name}`);
    const meta = await this.readMeta();
    if (name in meta) {
      delete meta[name];
      await this.writeMeta(meta);
    }
  }

  /** Bytes of the volume's files (what system df and prune count). */
  async size(name: string): Promise<number> {
    try {
      return await dirSize(this.sys, this.dataOf(name));
    } catch {
      return 0;
    }
  }

  /** Is the volume's _data empty (the condition for filling it from the image)? */
  async isEmpty(name: string): Promise<boolean> {
    return (await listEntriesOrEmpty(this.sys, this.dataOf(name))).length === 0;
  }
}

/** An anonymous volume: made for `-v /path`, a VOLUME, or `--mount` without a source. */
export function isAnonymous(v: VolumeDoc): boolean {
  return v.Labels !== null && ANONYMOUS_LABEL in v.Labels;
}
