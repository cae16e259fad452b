import { describe, expect, it } from 'vitest';
import { onDemand } from './on-demand.ts';

describe('onDemand', () => {
  it('loads once however often it is asked', async () => {
    let loads = 0;
    const get = onDemand(async () => ({ n: ++loads }));
    const [a, b] = await Promise.all([get(), get()]);
    expect(await get()).toBe(a);
    expect(b).toBe(a);
    expect(loads).toBe(1);
  });

  it('tries again after a failed load', async () => {
    let calls = 0;
    const get = onDemand(async () => {
      if (++calls === 1) throw new Error('lost');
      return 'ok';
    });
    await expect(get()).rejects.toThrow('lost');
    expect(await get()).toBe('ok');
    expect(await get()).toBe('ok');
    expect(calls).toBe(2);
  });
});
