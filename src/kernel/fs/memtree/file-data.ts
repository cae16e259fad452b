// The bytes of a regular file, behind one small interface so the in-memory tree can keep them
// in a plain growable buffer (tmpfs) or in content-addressed chunks (diskfs). Each also says how
// many 4 KiB blocks it takes, which stat's st_blocks and the filesystem's statfs count.

import { addRun, cutRuns, hasPage, missingIn } from './page-runs.ts';

/** The block statfs and st_blocks count in (st_blocks is in 512-byte units of it). */
export const BLOCK_SIZE = 4096;

export interface FileData {
  readonly size: number;
  /** 4 KiB blocks the data takes; kept up to date as it is written and truncated (O(1) to read). */
  readonly blocks: number;
  /** How many of the `length` bytes a write at `pos` may write when at most `room` new blocks are left
   *  (all of them when they fit; else up to the first block that does not). */
  fit(pos: number, length: number, room: number): number;
  read(pos: number, length: number): Promise<Uint8Array>;
  /** Writes past the end extend the file; a gap reads as zeros. Memory-only data finishes at once. */
  write(pos: number, bytes: Uint8Array): Promise<void> | void;
  truncate(size: number): Promise<void>;
}

/**
 * Small file buffers are carved out of shared 64 KiB slabs: a fresh ArrayBuffer costs far more
 * than a place in an existing one, and most files are small. A slab lives while any file in it
 * does, so at worst a long-lived small file keeps 64 KiB alive.
 */
const SLAB_SIZE = 65536;
const SMALL = 4096;
const NO_BYTES = new ArrayBuffer(0);
let slab = new ArrayBuffer(SLAB_SIZE);
let slabUsed = 0;
/** Where allocate() put the last buffer: its ArrayBuffer (the offset is what it returns). */
let placed: ArrayBuffer = NO_BYTES;

/** Room for `size` bytes, zeroed: sets `placed` and returns the offset in it. */
function allocate(size: number): number {
  if (size > SMALL) {
    placed = new ArrayBuffer(size);
    return 0;
  }
  // Keep places 8-byte aligned within the slab.
  const rounded = (size + 7) & ~7;
  if (slabUsed + rounded > SLAB_SIZE) {
    slab = new ArrayBuffer(SLAB_SIZE);
    slabUsed = 0;
  }
  placed = slab;
  const at = slabUsed;
  slabUsed += rounded;
  return at;
}

/**
 * A growable buffer that doubles its capacity, so appends cost amortised O(1). It keeps its
 * place (buffer, offset, capacity) as plain fields rather than a Uint8Array view: a view is an
 * object of about 100 bytes per file, and a view made for each read or write lives a moment.
 */
export class BufferData implements FileData {
  /** Shared while the file is empty: most new files get their bytes in one write anyway. */
  private store: ArrayBuffer = NO_BYTES;
  private offset = 0;
  private capacity = 0;
  private length = 0;
  /** Pages written (tmpfs gives a page when a write reaches it: holes take none). */
  private pages = 0;
  /** Which pages, as runs (page-runs.ts); null while they are pages [0, pages), as for most files. */
  private runs: number[] | null = null;

  get size(): number {
    return this.length;
  }

  get blocks(): number {
    return this.pages;
  }

  fit(pos: number, length: number, room: number): number {
    if (length === 0) return 0;
    const a = Math.floor(pos / BLOCK_SIZE);
    const b = Math.ceil((pos + length) / BLOCK_SIZE);
    const missing = this.runs ? missingIn(this.runs, a, b) : Math.max(0, b - Math.max(a, this.pages));
    if (missing <= room) return length;
    // Linux writes page by page and stops at the first page it cannot get.
    for (let p = a; p < b; p++) {
      if (this.runs ? hasPage(this.runs, p) : p < this.pages) continue;
      if (room === 0) return Math.max(0, p * BLOCK_SIZE - pos);
      room--;
    }
    return length;
  }

  /** Pages [a, b) now hold data. */
  private wrote(a: number, b: number): void {
    if (!this.runs && a <= this.pages) {
      if (b > this.pages) this.pages = b;
      return;
    }
    const runs = (this.runs ??= this.pages > 0 ? [0, this.pages] : []);
    this.pages += addRun(runs, a, b);
    this.settle();
  }

  /** Pages from `from` on are given back (truncate). */
  private cut(from: number): void {
    if (!this.runs) {
      this.pages = Math.min(this.pages, from);
      return;
    }
    this.pages -= cutRuns(this.runs, from);
    this.settle();
  }

  /** Back to the plain count when the pages are one run from the start again. */
  private settle(): void {
    const r = this.runs!;
    if (r.length === 0 || (r.length === 2 && r[0] === 0)) this.runs = null;
  }

  private view(): Uint8Array {
    return new Uint8Array(this.store, this.offset, this.capacity);
  }

  read(pos: number, length: number): Promise<Uint8Array> {
    return Promise.resolve(this.readSync(pos, length));
  }

  readSync(pos: number, length: number): Uint8Array {
    if (pos >= this.length) return new Uint8Array(0);
    // A copy with a buffer of its own: readers may keep it, or transfer its buffer elsewhere,
    // which must never touch a slab other files live in.
    const end = Math.min(this.length, pos + length);
    if (end <= this.capacity) return this.view().slice(pos, end);
    // Past the buffer lies a hole (a truncate that grew the file): it reads as zeros.
    const out = new Uint8Array(end - pos);
    if (pos < this.capacity) out.set(this.view().subarray(pos, Math.min(end, this.capacity)));
    return out;
  }

  write(pos: number, bytes: Uint8Array): void {
    const end = pos + bytes.length;
    this.ensure(end);
    // Bytes between the old end and pos are already zero: truncate() clears what it cuts.
    this.view().set(bytes, pos);
    if (end > this.length) this.length = end;
    if (bytes.length > 0) this.wrote(Math.floor(pos / BLOCK_SIZE), Math.ceil(end / BLOCK_SIZE));
  }

  async truncate(size: number): Promise<void> {
    // Growing leaves a hole past the buffer, as tmpfs does: a sparse file costs only what was written.
    if (size === 0) {
      // O_TRUNC then one write is how files are rewritten: the next write sizes the buffer anew.
      this.store = NO_BYTES;
      this.offset = 0;
      this.capacity = 0;
    } else if (size < this.length) {
      this.view().fill(0, size, Math.min(this.length, this.capacity));
    }
    // The page holding the new end stays (its tail is zeroed); those past it are given back.
    this.cut(Math.ceil(size / BLOCK_SIZE));
    this.length = size;
  }

  private ensure(capacity: number): void {
    if (capacity <= this.capacity) return;
    // A write into an empty file gets exactly its size; appends after that double.
    const next = this.length === 0 ? capacity : Math.max(capacity, this.capacity * 2);
    const at = allocate(next);
    const dest = new Uint8Array(placed, at, next);
    if (this.capacity > 0) dest.set(this.view().subarray(0, Math.min(this.length, this.capacity)));
    this.store = placed;
    this.offset = at;
    this.capacity = next;
  }
}
