// Deterministic bulk bytes for the parts of a package cowbox does not simulate (shared libraries,
// data files, the machine code of an executable), so an installed package takes about its real
// size and a Docker layer grows as it would. The bytes come from a small pool of 64 KiB blocks:
// every whole 64 KiB chunk after the first is one of them, so a disk that stores content-addressed
// chunks keeps each block once however many packages are installed, while every file still has
// its full logical size (which is what du, statfs and cgroup charges see).

const BLOCK = 65536;
const POOL_SIZE = 8;
let pool: Uint8Array[] | null = null;

function blocks(): Uint8Array[] {
  if (pool) return pool;
  pool = [];
  let x = 0x9e3779b9;
  for (let b = 0; b < POOL_SIZE; b++) {
    const block = new Uint8Array(BLOCK);
    const words = new Uint32Array(block.buffer);
    for (let i = 0; i < words.length; i++) {
      // xorshift32: fast, and the same bytes on every run.
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      words[i] = x >>> 0;
    }
    pool.push(block);
  }
  return pool;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Bulk content: `head` (text or bytes) followed by pool bytes up to `size` bytes in all. */
export interface Filler {
  seed: string;
  size: number;
  head: Uint8Array;
}

/** The content in pieces of at most 64 KiB, aligned so every piece after the first is a pool block. */
export function* fillerChunks(f: Filler): Generator<Uint8Array> {
  const p = blocks();
  const start = hash(f.seed);
  const head = f.head.subarray(0, f.size);
  let pos = 0;
  if (head.length > 0) {
    const first = new Uint8Array(Math.min(BLOCK, f.size));
    first.set(head);
    first.set(p[start % POOL_SIZE]!.subarray(head.length, first.length), head.length);
    // A header longer than a block continues in the next pieces as it is.
    if (head.length > BLOCK) {
      yield head;
      pos = head.length;
    } else {
      yield first;
      pos = first.length;
    }
  }
  for (let k = Math.floor(pos / BLOCK); pos < f.size; k++) {
    const block = p[(start + k) % POOL_SIZE]!;
    const from = pos - k * BLOCK;
    const to = Math.min(BLOCK, f.size - k * BLOCK);
    if (from >= to) continue;
    yield block.subarray(from, to);
    pos = k * BLOCK + to;
  }
}
