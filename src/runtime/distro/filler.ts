// Bulk bytes for the parts of a package cowbox does not simulate (shared libraries, data files,
// the machine code of an executable), so an installed package and a base image take their real
// size: a short head saying what the bytes stand for, then zeros up to the file's size.
//
// Zeros, because Linux already has a way to store them without storing them: a sparse file
// (write the head, then truncate up to the size). A layer unpacked that way costs the disk, the
// heap and IndexedDB only its heads, while ls -l, du, statfs and cgroup charges see the whole
// logical size; and a tar or a digest of such a file can be worked out from the head and the size
// alone (src/runtime/layers/sparse-tar.ts), so the bundled images' digests are computed once.

/** Bulk content: `head` (text or bytes) followed by zeros up to `size` bytes in all. */
export interface Filler {
  /** What the bytes stand for (the file's path): kept for callers, it does not change the bytes. */
  seed: string;
  size: number;
  head: Uint8Array;
}

export const FILLER_CHUNK = 65536;

/** One block of zeros every filler shares: views on it are handed out, never written to. */
const ZEROS = new Uint8Array(FILLER_CHUNK);

/** The bytes before the zeros (the head, cut to the size). */
export function fillerHead(f: Filler): Uint8Array {
  return f.head.length > f.size ? f.head.subarray(0, f.size) : f.head;
}

/**
 * The content in pieces: the head, then zeros in pieces that end on 64 KiB boundaries (so a
 * writer that stores chunks of that size stores each zero chunk the same way). The zero pieces
 * are views on one shared block: read them, never write into them.
 */
export function* fillerChunks(f: Filler): Generator<Uint8Array> {
  const head = fillerHead(f);
  if (head.length > 0) yield head;
  for (let pos = head.length; pos < f.size; ) {
    const end = Math.min(f.size, (Math.floor(pos / FILLER_CHUNK) + 1) * FILLER_CHUNK);
    yield ZEROS.subarray(0, end - pos);
    pos = end;
  }
}
