// tmpfs's page count under random writes and truncates, against a plain set of pages: the runs
// merge and split correctly, the count stays exact, and fit() stops at the first page past the room.

import { describe, expect, it } from 'vitest';
import { BufferData } from '../../src/kernel/fs/memtree/file-data.ts';

const PAGE = 4096;

/** A small deterministic generator, so a failure replays. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

describe('BufferData page accounting', () => {
  it('counts exactly the pages written and not cut, whatever the order', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rnd = random(seed);
      const data = new BufferData();
      const model = new Set<number>();
      for (let step = 0; step < 200; step++) {
        if (rnd() < 0.8) {
          const pos = Math.floor(rnd() * 64 * PAGE);
          const len = Math.floor(rnd() * 3 * PAGE);
          // fit() with a random room: the bytes it allows take at most that many new pages.
          const room = Math.floor(rnd() * 4);
          const fits = data.fit(pos, len, room);
          const pages = (n: number) => {
            const out: number[] = [];
            if (n === 0) return out;
            for (let p = Math.floor(pos / PAGE); p < Math.ceil((pos + n) / PAGE); p++) out.push(p);
            return out;
          };
          const fresh = (n: number) => pages(n).filter((p) => !model.has(p)).length;
          expect(fresh(fits)).toBeLessThanOrEqual(Math.max(room, 0));
          if (fits < len) expect(fresh(Math.min(len, Math.floor((pos + fits) / PAGE + 1) * PAGE - pos))).toBeGreaterThan(room);
          data.write(pos, new Uint8Array(len));
          for (const p of pages(len)) model.add(p);
        } else {
          const size = Math.floor(rnd() * 64 * PAGE);
          await data.truncate(size);
          for (const p of [...model]) if (p >= Math.ceil(size / PAGE)) model.delete(p);
        }
        expect(data.blocks).toBe(model.size);
      }
    }
  });
});
