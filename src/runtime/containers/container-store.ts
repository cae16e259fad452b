// ContainerStore: the containers under <root>/containers, one directory each, named by the
// 64-hex id. Docker's layout:
//
//   containers/<id>/
//     config.v2.json     the record (what `docker inspect` prints)
//     hostconfig.json    its HostConfig alone
//     hostname hosts resolv.conf   bind-mounted over the container's /etc files
//     <id>-json.log      the json-file log
//
// Every write goes aside and is renamed into place, so the CLI and a shim writing at once never
// leave half a record. Names are unique; a reference is a full id, a name, or an id prefix.

import { isSysError } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ContainerRecord } from './container-record.ts';
import { DaemonError, nameConflict, noSuchContainer } from './errors.ts';
import { goJson, now } from '../go-style.ts';
import { listNamesOrEmpty, mkdirAll, randomHex, readTextOrNull, removeAll, writeFileAtomic } from '../sys-files.ts';
import { makeName } from './names.ts';

export const DEFAULT_ROOT = '/var/lib/docker';

/** containerd's task state: <TASK_STATE>/<id>/{shim.pid,init.pid} while a shim runs the container. */
export const TASK_STATE = '/run/containerd/io.containerd.runtime.v2.task/moby';

/** Is there such a process, not a zombie? (/proc/PID/stat's state, else kill(pid, 0).) */
export async function processAlive(sys: Sys, pid: number): Promise<boolean> {
  if (!(pid > 0)) return false;
  const stat = await readTextOrNull(sys, `/proc/${pid}/stat`);
  if (stat !== null) return !/^\d+ \(.*\) [ZX] /s.test(stat);
  try {
    await sys.kill(pid, 0);
    return true;
  } catch (e) {
    if (isSysError(e, 'ESRCH')) return false;
    if (isSysError(e, 'EPERM')) return true;
    throw e;
  }
}

export class ContainerStore {
  readonly dir: string;

  constructor(private readonly sys: Sys, readonly root: string = DEFAULT_ROOT) {
    this.dir = `${root}/containers`;
  }

  /** The directory of one container. */
  pathOf(id: string): string {
    return `${this.dir}/${id}`;
  }

  /** Every container, newest first (as `docker ps` lists them). */
  async list(): Promise<ContainerRecord[]> {
    const out: ContainerRecord[] = [];
    for (const id of await listNamesOrEmpty(this.sys, this.dir)) {
      const rec = await this.get(id);
      if (rec) out.push(rec);
    }
    return out.sort((a, b) => (a.Created < b.Created ? 1 : a.Created > b.Created ? -1 : 0));
  }

  /** The record of a full id, or null. */
  async get(id: string): Promise<ContainerRecord | null> {
    if (!/^[0-9a-f]{64}$/.test(id)) return null;
    const text = await readTextOrNull(this.sys, `${this.pathOf(id)}/config.v2.json`);
    if (text === null) return null;
    let rec: ContainerRecord;
    try {
      rec = JSON.parse(text) as ContainerRecord;
    } catch {
      return null;
    }
    return rec.State.Running ? this.reconcile(rec) : rec;
  }

  /**
   * A record that says running while no shim is there to record its end (the shim was killed,
   * or the machine restarted and /run is empty) is stale: it is written down as exited with 255,
   * as the daemon does for containers it finds dead when it starts.
   */
  private async reconcile(rec: ContainerRecord): Promise<ContainerRecord> {
    const pidText = await readTextOrNull(this.sys, `${TASK_STATE}/${rec.Id}/shim.pid`);
    if (pidText !== null && (await processAlive(this.sys, Number(pidText.trim())))) return rec;
    // The shim writes the exit before it removes its state: read again, the record may be final now.
    const again = await readTextOrNull(this.sys, `${this.pathOf(rec.Id)}/config.v2.json`);
    if (again === null) return rec;
    try {
      const fresh = JSON.parse(again) as ContainerRecord;
      if (!fresh.State.Running) return fresh;
    } catch {
      // a torn read cannot happen (writes are renames); keep the first reading
    }
    const finishedAt = await now(this.sys);
    rec.State = { ...rec.State, Status: 'exited', Running: false, Paused: false, Restarting: false, Pid: 0, ExitCode: 255, FinishedAt: finishedAt };
    try {
      await this.save(rec);
    } catch (e) {
      if (!isSysError(e, 'ENOENT')) throw e;
    }
    return rec;
  }

  /** Find by full id, then by name, then by unambiguous id prefix (the daemon's order). */
  async resolve(ref: string): Promise<ContainerRecord | null> {
    if (ref === '') return null;
    const exact = await this.get(ref);
    if (exact) return exact;
    const all = await this.list();
    const name = ref.startsWith('/') ? ref : `/${ref}`;
    const byName = all.find((c) => c.Name === name);
    if (byName) return byName;
    if (!/^[0-9a-f]+$/.test(ref)) return null;
    const matches = all.filter((c) => c.Id.startsWith(ref));
    if (matches.length > 1) throw new DaemonError(`multiple IDs found with provided prefix: ${ref}`, 'invalid');
    return matches[0] ?? null;
  }

  /** Like resolve, but a miss is Docker's "No such container". */
  async lookup(ref: string): Promise<ContainerRecord> {
    const rec = await this.resolve(ref);
    if (!rec) throw noSuchContainer(ref);
    return rec;
  }

  /** A new random id that no container has. */
  async newId(): Promise<string> {
    for (;;) {
      const id = await randomHex(this.sys, 32);
      if (/^[0-9]+$/.test(id.slice(0, 12))) continue; // Docker avoids all-digit short ids
      if (!(await this.get(id))) return id;
    }
  }

  /** A generated `adjective_surname` that no container uses. */
  async newName(): Promise<string> {
    const taken = new Set((await this.list()).map((c) => c.Name));
    for (let retry = 0; ; retry++) {
      const r = await randomHex(this.sys, 4);
      const name = makeName(parseInt(r.slice(0, 4), 16) / 65536, parseInt(r.slice(4, 8), 16) / 65536, retry > 5 ? retry : 0);
      if (!taken.has(`/${name}`)) return name;
    }
  }

  /** Throw Docker's conflict error when `name` (without or with "/") is taken by another container. */
  async checkName(name: string, except?: string): Promise<void> {
    const full = name.startsWith('/') ? name : `/${name}`;
    const other = (await this.list()).find((c) => c.Name === full && c.Id !== except);
    if (other) throw nameConflict(full, other.Id);
  }

  /** Make the container's directory and write its record and files. */
  async create(rec: ContainerRecord, files: { hostname: string; hosts: string; resolvConf: string }): Promise<void> {
    const dir = this.pathOf(rec.Id);
    await mkdirAll(this.sys, this.dir, 0o710, 0o755);
    await this.sys.mkdir(dir, 0o710);
    await mkdirAll(this.sys, `${dir}/checkpoints`, 0o700, 0o755);
    await writeFileAtomic(this.sys, `${dir}/hostname`, files.hostname);
    await writeFileAtomic(this.sys, `${dir}/hosts`, files.hosts);
    await writeFileAtomic(this.sys, `${dir}/resolv.conf`, files.resolvConf);
    await this.save(rec);
  }

  /** Write the record (config.v2.json and hostconfig.json), atomically. */
  async save(rec: ContainerRecord): Promise<void> {
    const dir = this.pathOf(rec.Id);
    await writeFileAtomic(this.sys, `${dir}/hostconfig.json`, goJson(rec.HostConfig), 0o644);
    await writeFileAtomic(this.sys, `${dir}/config.v2.json`, goJson(rec), 0o600);
  }

  /** Read, change, write back; the change sees the latest record on disk. Null when it is gone. */
  async update(id: string, change: (rec: ContainerRecord) => void): Promise<ContainerRecord | null> {
    const rec = await this.get(id);
    if (!rec) return null;
    change(rec);
    try {
      await this.save(rec);
    } catch (e) {
      // Removed under us (a --rm container's shim racing `docker rm`): nothing left to record.
      if (isSysError(e, 'ENOENT')) return null;
      throw e;
    }
    return rec;
  }

  /** Delete the container's directory and everything in it. */
  async remove(id: string): Promise<void> {
    await removeAll(this.sys, this.pathOf(id));
  }
}
