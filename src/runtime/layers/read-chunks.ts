// A file's bytes in pieces, for archives too big to hold whole (a bundled image's sparse bulk
// files run to hundreds of megabytes). The tar header was written from an earlier lstat, so the
// pieces always add up to exactly `size`: a file that shrank since is padded with zeros and one
// that grew is cut, as Go's archive writer would fail rather than emit a broken tar.

import { O_RDONLY } from '../../abi/open-flags.ts';
import type { Sys } from '../../sys/sys.ts';

/** Read size of one piece: big enough for few syscalls, small enough to stay cheap in a tab. */
export const PIECE = 1 << 16;

export async function* readFileChunks(sys: Sys, path: string, size: number): AsyncGenerator<Uint8Array> {
  if (size <= 0) return;
  const fd = await sys.open(path, O_RDONLY);
  let left = size;
  try {
    while (left > 0) {
      const b = await sys.read(fd, Math.min(PIECE, left));
      if (b.length === 0) break;
      const piece = b.length > left ? b.subarray(0, left) : b;
      left -= piece.length;
      yield piece;
    }
  } finally {
    await sys.close(fd);
  }
  for (; left > 0; left -= PIECE) yield new Uint8Array(Math.min(PIECE, left));
}
