// Putting a layer tar back together from its tar-split entries (./tar-split.ts) piece by piece
// instead of as one array, so `docker save` of a 200 MB layer never holds the layer. The length
// comes from the entries alone (raw segments' decoded lengths plus file sizes), which lets an
// archive's header for the layer be written before any of its bytes are read.

import { base64Decode } from '../base64.ts';
import type { SplitEntry } from './tar-split.ts';

/** Decoded length of a padded base64 string, without decoding it. */
function base64Length(s: string): number {
  let pad = 0;
  while (pad < s.length && s[s.length - 1 - pad] === '=') pad++;
  return Math.floor(((s.length - pad) * 3) / 4);
}

/** Length of the tar the entries stand for. */
export function splitTarSize(entries: SplitEntry[]): number {
  let n = 0;
  for (const e of entries) n += e.type === 2 ? base64Length(e.payload ?? '') : (e.size ?? 0);
  return n;
}

/** The tar's bytes in order; `body(name, size)` yields exactly `size` bytes of a file entry. */
export async function* assembleTarChunks(entries: SplitEntry[], body: (name: string, size: number) => AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for (const e of entries) {
    if (e.type === 2) {
      const raw = base64Decode(e.payload ?? '');
      if (raw.length) yield raw;
    } else if ((e.size ?? 0) > 0) {
      yield* body(e.name ?? '', e.size ?? 0);
    }
  }
}
