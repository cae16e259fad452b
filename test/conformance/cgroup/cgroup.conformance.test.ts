// Replays recordings of this project's real Linux (6.18) cgroups against the simulator:
// the v2 tree's files (names, modes, formats), the structural rules scenario by scenario with
// their errnos, and limit behaviour measured through v1 controllers (memparse, pids refusal,
// the OOM kill, page cache under a limit, CPU throttling). record.py made the recordings.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSysError } from '../../../src/abi/errno.ts';
import { pageCounterMemparse, pagesToBytes, strstrip } from '../../../src/kernel/cgroup/parse.ts';
import { CORE_FILES } from '../../../src/kernel/cgroup/files/core-files.ts';
import { CGROUP2_SUPER_MAGIC } from '../../../src/kernel/fs/cgroupfs/cgroup-fs.ts';
import { bootCgroupMachine, CG } from '../../cgroup/cgroup-machine.ts';
import { Replayer, type Step } from './replay.ts';

const load = (name: string): any => JSON.parse(readFileSync(new URL(`./recordings/${name}`, import.meta.url), 'utf8'));
const formats = load('formats.json');
const rules = load('rules.json');
const v1 = load('v1-behaviour.json');
const scenarios: Array<{ name: string; steps: Step[] }> = JSON.parse(readFileSync(new URL('./scenarios.json', import.meta.url), 'utf8'));

const CORE = new Set(CORE_FILES.map((f) => f.name));
const modeOf = async (m: Awaited<ReturnType<typeof bootCgroupMachine>>, p: string): Promise<string> =>
  ((await m.vfs.stat(m.ctx, p)).mode & 0o7777).toString(8).padStart(4, '0');

/** Numbers (and decimals) blanked: the shape of a line is its keys and punctuation. */
const shape = (s: string): string => s.replace(/[0-9]+(\.[0-9]+)?/g, 'N');

describe('cgroup v2 file formats (recorded on the real v2 tree)', () => {
  it('a fresh child has the same files with the same modes', async () => {
    const m = await bootCgroupMachine();
    await m.vfs.mkdir(m.ctx, `${CG}/probe`);
    const names = (await m.vfs.readdir(m.ctx, `${CG}/probe`)).map((e) => e.name).sort();
    expect(names).toEqual(Object.keys(formats.child.files).sort());
    for (const [name, rec] of Object.entries<any>(formats.child.files)) {
      expect(await modeOf(m, `${CG}/probe/${name}`), name).toBe(rec.mode);
    }
    expect(await modeOf(m, `${CG}/probe`)).toBe(formats.child.mode);
    expect((await m.vfs.stat(m.ctx, `${CG}/probe`)).nlink).toBe(formats.child.nlink);
  });

  it("a fresh child's files print what Linux prints", async () => {
    const m = await bootCgroupMachine();
    await m.vfs.mkdir(m.ctx, `${CG}/probe`);
    for (const [name, rec] of Object.entries<any>(formats.child.files)) {
      if (rec.content === undefined || /^E[A-Z]+$/.test(rec.content)) continue;
      let got = await m.read(`${CG}/probe/${name}`);
      let want: string = rec.content;
      if (name === 'cgroup.stat') {
        // Linux lists the subsystems bound to its v2 tree; compare the lines both trees have.
        const common = (s: string): string => s.split('\n').filter((l) => /^nr_(dying_)?(descendants|subsys_perf_event) /.test(l)).join('\n');
        [got, want] = [common(got), common(want)];
      }
      expect(got, name).toBe(want);
    }
    await expect(m.read(`${CG}/probe/cgroup.kill`)).rejects.toMatchObject({ code: formats.child.files['cgroup.kill'].content ?? 'EINVAL' });
  });

  it("the root's core files, modes and line shapes match", async () => {
    const m = await bootCgroupMachine();
    const names = (await m.vfs.readdir(m.ctx, CG)).map((e) => e.name).filter((n) => CORE.has(n)).sort();
    expect(names).toEqual(Object.keys(formats.root.files).sort());
    expect(await modeOf(m, CG)).toBe(formats.root.mode);
    for (const [name, rec] of Object.entries<any>(formats.root.files)) {
      expect(await modeOf(m, `${CG}/${name}`), name).toBe(rec.mode);
      const controllerDependent = ['cgroup.controllers', 'cgroup.stat', 'cpu.stat.local'];
      if (rec.content === undefined || controllerDependent.includes(name)) continue;
      let got = await m.read(`${CG}/${name}`);
      // The recording host's cpu controller is on v1, so its v2 root shows only cpu.stat's base
      // lines (and an empty cpu.stat.local); the simulator's root has the cpu controller.
      if (name === 'cpu.stat') got = got.split('\n').slice(0, 4).join('\n') + '\n';
      expect(shape(got), name).toBe(shape(rec.content));
    }
  });

  it('statfs reports the cgroup2 magic', async () => {
    const m = await bootCgroupMachine();
    const fs = (await m.vfs.lookup(m.ctx, CG)).mount.fs;
    const st = await fs.statfs();
    expect(st.type).toBe(formats.statfs.type);
    expect(st.type).toBe(CGROUP2_SUPER_MAGIC);
    expect([st.bsize, st.blocks, st.files, st.namelen]).toEqual([formats.statfs.bsize, formats.statfs.blocks, formats.statfs.files, formats.statfs.namelen]);
  });
});

describe('cgroup v2 rules (scenarios recorded on the real v2 tree)', () => {
  for (const sc of scenarios) {
    it(sc.name, async () => {
      const want: unknown[] = rules.results[sc.name];
      expect(want, 'recorded').toBeDefined();
      const m = await bootCgroupMachine();
      await m.write(`${CG}/cgroup.subtree_control`, '+memory');
      const r = new Replayer(m);
      for (const [i, op] of sc.steps.entries()) {
        const got = Replayer.normalize(op, await r.step(op), rules.dom);
        expect(got, `step ${i}: ${JSON.stringify(op)}`).toEqual(Replayer.normalize(op, want[i], rules.dom));
      }
    });
  }
});

describe('limit behaviour (recorded through v1 controllers)', () => {
  it('parses limits as page_counter_memparse does', () => {
    const V1_MAX = Number(pagesToBytes(Math.floor(2 ** 63 / 4096) - 1));
    for (const [input, result, readback] of v1.memparse as Array<[string, string, number]>) {
      let got: string;
      let value = V1_MAX;
      try {
        const pages = pageCounterMemparse(strstrip(input), '-1');
        value = pages === Infinity ? V1_MAX : Number(pagesToBytes(pages));
        got = 'ok';
      } catch (e) {
        if (!isSysError(e)) throw e;
        got = e.code;
      }
      expect([got, value], JSON.stringify(input)).toEqual([result, readback]);
    }
  });

  it('refuses forks over pids.max with EAGAIN and counts them (v1 counts where the fork was tried)', async () => {
    const m = await bootCgroupMachine();
    const { tree, procs } = m;
    tree.flags.add('pids_localevents'); // v1's semantics, which is what was measured
    await m.write(`${CG}/cgroup.subtree_control`, '+pids');
    await m.vfs.mkdir(m.ctx, `${CG}/probe`);
    await m.write(`${CG}/probe/pids.max`, String(v1.pids.max));
    const probe = tree.lookup('/probe')!;
    const forker = procs.spawn(probe);
    const children: number[] = [];
    const fork = (cg = probe): string => {
      try {
        children.push(procs.spawn(cg));
        return 'ok';
      } catch (e) {
        if (isSysError(e)) return e.code;
        throw e;
      }
    };
    expect(v1.pids.forks.map(() => fork())).toEqual(v1.pids.forks);
    const files = async (): Promise<Record<string, string>> => ({
      'pids.current': (await m.read(`${CG}/probe/pids.current`)).trim(),
      'pids.events': (await m.read(`${CG}/probe/pids.events`)).trim(),
      'pids.peak': (await m.read(`${CG}/probe/pids.peak`)).trim(),
    });
    expect(await files()).toEqual(v1.pids.during);
    for (const pid of [...children.splice(0), forker]) {
      procs.exit(pid);
      procs.reap(pid);
    }
    expect(await files()).toEqual(v1.pids.after);

    const n = v1.pids.nested;
    await m.write(`${CG}/probe/cgroup.subtree_control`, '+pids');
    await m.vfs.mkdir(m.ctx, `${CG}/probe/sub`);
    await m.write(`${CG}/probe/sub/pids.max`, String(n.subMax));
    const sub = tree.lookup('/probe/sub')!;
    procs.spawn(sub);
    expect(n.forks.map(() => fork(sub))).toEqual(n.forks);
    expect({
      parent: (await m.read(`${CG}/probe/pids.events`)).trim(),
      sub: (await m.read(`${CG}/probe/sub/pids.events`)).trim(),
      subCurrent: (await m.read(`${CG}/probe/sub/pids.current`)).trim(),
      parentCurrent: (await m.read(`${CG}/probe/pids.current`)).trim(),
    }).toEqual(n.events);
  });

  it('OOM-kills an allocator at memory.max: status 137, one oom_kill, peak at the limit', async () => {
    const m = await bootCgroupMachine();
    const rec = v1.memory;
    await m.write(`${CG}/cgroup.subtree_control`, '+memory');
    await m.vfs.mkdir(m.ctx, `${CG}/probe`);
    await m.write(`${CG}/probe/memory.max`, String(rec.limit));
    const pid = m.procs.spawn(m.tree.lookup('/probe')!);
    let res;
    do res = m.procs.allocate(pid, 1 << 20);
    while (res.ok);
    expect(res).toMatchObject({ ok: false, selfKilled: true });
    const status = m.procs.status.get(pid);
    expect(status === 'signal 9' ? 128 + 9 : -1).toBe(rec.anonOom.shellStatus);
    const events = await m.read(`${CG}/probe/memory.events`);
    expect(events).toMatch(new RegExp(`^oom_kill ${rec.anonOom.oom_kill}$`, 'm'));
    expect(Number(await m.read(`${CG}/probe/memory.peak`))).toBe(rec.anonOom.max_usage_in_bytes);
  });

  it('keeps page cache under the limit by reclaim, without an OOM kill', async () => {
    const m = await bootCgroupMachine();
    const rec = v1.memory;
    await m.write(`${CG}/cgroup.subtree_control`, '+memory');
    await m.vfs.mkdir(m.ctx, `${CG}/probe`);
    await m.write(`${CG}/probe/memory.max`, String(rec.limit));
    const probe = m.tree.lookup('/probe')!;
    const writer = m.procs.spawn(probe);
    let owner;
    for (let i = 0; i < 64; i++) {
      const res = m.tree.memory.charge(probe, 1 << 20, 'file', { pid: writer });
      expect(res.ok).toBe(rec.pageCache.ddStatus === 0);
      if (res.ok) owner = res.owner;
    }
    const usage = Number(await m.read(`${CG}/probe/memory.current`));
    expect(usage).toBeLessThanOrEqual(rec.limit);
    expect(usage).toBeGreaterThanOrEqual(rec.pageCache.usage * 0.9);
    const events = await m.read(`${CG}/probe/memory.events`);
    expect(events).toMatch(/^oom_kill 0$/m);
    expect(Number(/^max (\d+)$/m.exec(events)![1])).toBeGreaterThan(0);
    expect(await m.read(`${CG}/probe/memory.stat`)).toMatch(/^file 3\d{7}$/m);
    m.tree.memory.uncharge(owner!, 64 << 20, 'file'); // the file is deleted
    expect(Number(await m.read(`${CG}/probe/memory.current`))).toBeLessThanOrEqual(rec.pageCache.usageAfterDelete);
  });

  it('throttles a busy task under cpu.max as CFS bandwidth control does', async () => {
    const m = await bootCgroupMachine();
    const rec = v1.cpu;
    await m.write(`${CG}/cgroup.subtree_control`, '+cpu');
    await m.vfs.mkdir(m.ctx, `${CG}/probe`);
    await m.write(`${CG}/probe/cpu.max`, `${rec.quotaUs} ${rec.periodUs}`);
    const probe = m.tree.lookup('/probe')!;
    // A busy loop for the recorded wall time, in 1 ms slices, kept off the CPU while throttled.
    const start = m.clock.nowNs();
    const wallUs = rec.wallSeconds * 1e6;
    while (Number(m.clock.nowNs() - start) / 1000 < wallUs) {
      m.clock.advance(1_000_000);
      m.clock.advance(m.tree.cpu.charge(probe, 1000, true) * 1000);
    }
    const stat = Object.fromEntries((await m.read(`${CG}/probe/cpu.stat`)).trim().split('\n').map((l) => l.split(' ')));
    expect(Math.abs(Number(stat.nr_periods) - rec.nr_periods)).toBeLessThanOrEqual(2);
    expect(Math.abs(Number(stat.nr_throttled) - rec.nr_throttled)).toBeLessThanOrEqual(2);
    expect(Number(stat.throttled_usec)).toBeGreaterThan(rec.throttled_usec * 0.85);
    expect(Number(stat.throttled_usec)).toBeLessThan(rec.throttled_usec * 1.15);
    expect(Number(stat.usage_usec)).toBeGreaterThan(rec.cpuSeconds * 1e6 * 0.8);
    expect(Number(stat.usage_usec)).toBeLessThan(rec.cpuSeconds * 1e6 * 1.2);
  });
});
