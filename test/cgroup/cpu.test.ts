// The cpu controller: cpu.stat accounting up the tree, cpu.max bandwidth arithmetic on a manual
// clock (periods, throttling, the delay a task must wait), throttling by an ancestor, and the
// parsing of cpu.max, cpu.max.burst, cpu.weight, cpu.weight.nice and cpu.idle.

import { describe, expect, it } from 'vitest';
import { bootCgroupMachine, CG } from './cgroup-machine.ts';

const MS = 1_000_000n; // ns

async function withCpu() {
  const m = await bootCgroupMachine();
  await m.write(`${CG}/cgroup.subtree_control`, '+cpu');
  await m.vfs.mkdir(m.ctx, `${CG}/box`);
  const stat = async (path: string): Promise<Record<string, number>> =>
    Object.fromEntries((await m.read(`${CG}/${path}/cpu.stat`)).trim().split('\n').map((l) => [l.split(' ')[0], Number(l.split(' ')[1])]));
  return { ...m, box: m.tree.lookup('/box')!, cpuStat: stat };
}

describe('cpu.stat', () => {
  it('accounts usage, user, system and nice time in the cgroup and every ancestor', async () => {
    const m = await withCpu();
    await m.vfs.mkdir(m.ctx, `${CG}/box/inner`);
    const inner = m.tree.lookup('/box/inner')!;
    m.tree.cpu.charge(inner, 3000, true);
    m.tree.cpu.charge(inner, 1000, false);
    m.tree.cpu.charge(inner, 500, true, true);
    // inner has no cpu controller of its own (box does not pass it on): base lines only.
    expect(await m.read(`${CG}/box/inner/cpu.stat`)).toBe('usage_usec 4500\nuser_usec 3500\nsystem_usec 1000\nnice_usec 500\n');
    expect(await m.read(`${CG}/box/inner/cpu.stat.local`)).toBe('');
    expect(Object.keys(await m.cpuStat('box'))).toEqual([
      'usage_usec', 'user_usec', 'system_usec', 'nice_usec', 'nr_periods', 'nr_throttled', 'throttled_usec', 'nr_bursts', 'burst_usec',
    ]);
    expect(await m.cpuStat('box')).toMatchObject({ usage_usec: 4500, nr_periods: 0 });
    expect((await m.cpuStat('')).usage_usec).toBe(4500);
  });
});

describe('cpu.max bandwidth', () => {
  it('throttles a group that overdraws its quota until the next period', async () => {
    const m = await withCpu();
    await m.write(`${CG}/box/cpu.max`, '20000 100000');
    const slice = (): number => {
      m.clock.advance(10n * MS);
      return m.tree.cpu.charge(m.box, 10_000, true);
    };
    expect(slice()).toBe(0); // the period starts here: 10 ms left
    expect(slice()).toBe(0); // quota used up exactly
    expect(slice()).toBe(80_000); // overdrawn by 10 ms: wait until the next period, 80 ms away
    expect(m.tree.cpu.throttleRemainingUs(m.box)).toBe(80_000);
    expect(await m.cpuStat('box')).toMatchObject({ usage_usec: 30_000, nr_periods: 2, nr_throttled: 1, throttled_usec: 80_000 });
    expect(await m.read(`${CG}/box/cpu.stat.local`)).toBe('throttled_usec 80000\n');
    m.clock.advance(80n * MS);
    expect(m.tree.cpu.throttleRemainingUs(m.box)).toBe(0);
    expect(slice()).toBe(0); // the next period's quota is 20 ms, 10 of it already spent on the debt
    expect(slice()).toBe(80_000);
    expect(await m.cpuStat('box')).toMatchObject({ nr_periods: 3, nr_throttled: 2, throttled_usec: 160_000 });
  });

  it('makes a long slice wait for as many periods as it needs', async () => {
    const m = await withCpu();
    await m.write(`${CG}/box/cpu.max`, '20000 100000');
    m.clock.advance(1000n * MS);
    // One second of CPU at 0.2 CPU: 49 more refills, so about five seconds in all.
    expect(m.tree.cpu.charge(m.box, 1_000_000, true)).toBe(4_900_000);
    expect(await m.cpuStat('box')).toMatchObject({ nr_periods: 50, nr_throttled: 49, throttled_usec: 4_900_000 - 48 * 20_000 });
  });

  it('an ancestor quota throttles the tasks of an unlimited child', async () => {
    const m = await withCpu();
    await m.write(`${CG}/box/cgroup.subtree_control`, '+cpu');
    await m.vfs.mkdir(m.ctx, `${CG}/box/inner`);
    const inner = m.tree.lookup('/box/inner')!;
    await m.write(`${CG}/box/cpu.max`, '10000');
    expect(await m.read(`${CG}/box/cpu.max`)).toBe('10000 100000\n');
    expect(await m.read(`${CG}/box/inner/cpu.max`)).toBe('max 100000\n');
    m.clock.advance(MS);
    expect(m.tree.cpu.charge(inner, 15_000, true)).toBe(100_000);
    expect(await m.cpuStat('box')).toMatchObject({ nr_throttled: 1, throttled_usec: 100_000 });
    expect(await m.cpuStat('box/inner')).toMatchObject({ nr_throttled: 0, throttled_usec: 0 });
    expect(await m.read(`${CG}/box/inner/cpu.stat.local`)).toBe('throttled_usec 100000\n');
    expect(m.tree.cpu.throttleRemainingUs(m.tree.root)).toBe(0);
  });

  it('parses cpu.max as cpu_period_quota_parse does', async () => {
    const m = await withCpu();
    const f = `${CG}/box/cpu.max`;
    const w = (v: string) => m.write(f, v).then(() => 'ok', (e) => e.code);
    expect(await m.read(f)).toBe('max 100000\n');
    expect(await w('50000 200000\n')).toBe('ok');
    expect(await m.read(f)).toBe('50000 200000\n');
    expect(await w('max')).toBe('ok');
    expect(await m.read(f)).toBe('max 200000\n'); // the period is kept
    expect(await w('max 0')).toBe('EINVAL');
    expect(await w('500')).toBe('EINVAL'); // under 1 ms
    expect(await w('50000 2000000')).toBe('EINVAL'); // period over 1 s
    expect(await w('-5')).toBe('EINVAL');
    expect(await w('half')).toBe('EINVAL');
    expect(await w('\n')).toBe('EINVAL');
    expect(await w('30000')).toBe('ok');
    expect(await w('')).toBe('ok'); // an empty write changes nothing
    expect(await m.read(f)).toBe('30000 200000\n');
    expect(await m.write(`${CG}/box/cpu.max.burst`, '40000').then(() => 'ok', (e) => e.code)).toBe('EINVAL');
    await m.write(`${CG}/box/cpu.max.burst`, '10000');
    expect(await m.read(`${CG}/box/cpu.max.burst`)).toBe('10000\n');
  });

  it('lets a burst use quota saved from idle periods', async () => {
    const m = await withCpu();
    await m.write(`${CG}/box/cpu.max`, '20000 100000');
    await m.write(`${CG}/box/cpu.max.burst`, '20000');
    m.clock.advance(MS);
    expect(m.tree.cpu.charge(m.box, 1000, true)).toBe(0);
    m.clock.advance(300n * MS); // three idle periods refill the pool to quota + burst
    expect(m.tree.cpu.charge(m.box, 35_000, true)).toBe(0);
    m.clock.advance(100n * MS);
    m.tree.cpu.charge(m.box, 1000, true);
    expect(await m.cpuStat('box')).toMatchObject({ nr_throttled: 0, nr_bursts: 1, burst_usec: 15_000 });
  });
});

describe('cpu.weight', () => {
  it('converts between cpu.weight and cpu.weight.nice through the scheduler weight', async () => {
    const m = await withCpu();
    const r = (f: string) => m.read(`${CG}/box/${f}`);
    const w = (f: string, v: string) => m.write(`${CG}/box/${f}`, v).then(() => 'ok', (e) => e.code);
    expect([await r('cpu.weight'), await r('cpu.weight.nice'), await r('cpu.idle')]).toEqual(['100\n', '0\n', '0\n']);
    expect(await w('cpu.weight.nice', '5')).toBe('ok');
    expect([await r('cpu.weight'), await r('cpu.weight.nice')]).toEqual(['33\n', '5\n']);
    expect(await w('cpu.weight', '1')).toBe('ok');
    expect(await r('cpu.weight.nice')).toBe('19\n');
    expect(await w('cpu.weight', '10000')).toBe('ok');
    expect(await r('cpu.weight.nice')).toBe('-20\n');
    expect(await w('cpu.weight.nice', '-20')).toBe('ok');
    expect(await r('cpu.weight')).toBe('8668\n');
    expect(await w('cpu.weight', '0')).toBe('ERANGE');
    expect(await w('cpu.weight', '10001')).toBe('ERANGE');
    expect(await w('cpu.weight', ' 50')).toBe('EINVAL');
    expect(await w('cpu.weight.nice', '20')).toBe('ERANGE');
    expect(await w('cpu.idle', '2')).toBe('EINVAL');
  });
});
