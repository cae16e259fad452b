// Bulk file content: a head, then zeros up to the size, handed out in pieces that end on 64 KiB
// boundaries (the zero pieces views on one shared block), so a writer can store it as a sparse
// file and a reader sees exactly size bytes.

import { describe, expect, it } from 'vitest';
import { FILLER_CHUNK, fillerChunks, fillerHead } from '../../../src/runtime/distro/filler.ts';

const head = new TextEncoder().encode('cowbox: the bytes of /usr/lib/x.so stand here.\n');

describe('filler', () => {
  it('is the head then zeros, exactly size bytes, in pieces ending on 64 KiB boundaries', () => {
    const size = 3 * FILLER_CHUNK + 1234;
    const pieces = [...fillerChunks({ seed: '/usr/lib/x.so', size, head })];
    expect(pieces[0]).toEqual(head);
    let at = 0;
    for (const p of pieces) {
      at += p.length;
      if (at < size) expect(at === head.length || at % FILLER_CHUNK === 0).toBe(true);
    }
    expect(at).toBe(size);
    expect(pieces.slice(1).every((p) => p.every((b) => b === 0))).toBe(true);
    // The zero pieces share one block: nothing of the size is allocated per file.
    expect(new Set(pieces.slice(1).map((p) => p.buffer)).size).toBe(1);
  });

  it('cuts the head to a size shorter than it, and gives nothing for size 0', () => {
    expect(fillerHead({ seed: 'x', size: 6, head })).toEqual(head.subarray(0, 6));
    expect([...fillerChunks({ seed: 'x', size: 6, head })]).toEqual([head.subarray(0, 6)]);
    expect([...fillerChunks({ seed: 'x', size: 0, head })]).toEqual([]);
  });
});
