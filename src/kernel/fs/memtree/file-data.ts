// The bytes of a regular file, behind one small interface so the in-memory tree can keep them
// in a plain growable buffer (tmpfs) or in content-addressed chunks (diskfs).

export interface FileData {
  readonly size: number;
  read(pos: number, length: number): Promise<Uint8Array>;
  /** Writes past the end extend the file; a gap reads as zeros. Memory-only data finishes at once. */
  write(pos: number, bytes: Uint8Array): Promise<void> | void;
  truncate(size: number): Promise<void>;
}

/** A growable buffer that doubles its capacity, so appends cost amortised O(1). */
const EMPTY: Uint8Array = new Uint8Array(0);

/**
 * Small file buffers are carved out of shared 64 KiB slabs: a fresh ArrayBuffer costs far more
 * than a view on an existing one, and most files are small. A slab lives while any of its
 * views does, so at worst a long-lived small file keeps 64 KiB alive.
 */
const SLAB_SIZE = 65536;
const SMALL = 4096;
let slab = new ArrayBuffer(SLAB_SIZE);
let slabUsed = 0;

function allocate(size: number): Uint8Array {
  if (size > SMALL) return new Uint8Array(size);
  // Keep views 8-byte aligned within the slab.
  const rounded = (size + 7) & ~7;
  if (slabUsed + rounded > SLAB_SIZE) {
    slab = new ArrayBuffer(SLAB_SIZE);
    slabUsed = 0;
  }
  const view = new Uint8Array(slab, slabUsed, size);
  slabUsed += rounded;
  return view;
}

export class BufferData implements FileData {
  /** Shared while the file is empty: most new files get their bytes in one write anyway. */
  private buf: Uint8Array = EMPTY;
  private length = 0;

  get size(): number {
    return this.length;
  }

  read(pos: number, length: number): Promise<Uint8Array> {
    return Promise.resolve(this.readSync(pos, length));
  }

  readSync(pos: number, length: number): Uint8Array {
    if (pos >= this.length) return new Uint8Array(0);
    // A copy with a buffer of its own: readers may keep it, or transfer its buffer elsewhere,
    // which must never touch a slab other files live in.
    const end = Math.min(this.length, pos + length);
    if (end <= this.buf.length) return this.buf.slice(pos, end);
    // Past the buffer lies a hole (a truncate that grew the file): it reads as zeros.
    const out = new Uint8Array(end - pos);
    if (pos < this.buf.length) out.set(this.buf.subarray(pos, Math.min(end, this.buf.length)));
    return out;
  }

  write(pos: number, bytes: Uint8Array): void {
    const end = pos + bytes.length;
    this.ensure(end);
    // Bytes between the old end and pos are already zero: truncate() clears what it cuts.
    this.buf.set(bytes, pos);
    if (end > this.length) this.length = end;
  }

  async truncate(size: number): Promise<void> {
    // Growing leaves a hole past the buffer, as tmpfs does: a sparse file costs only what was written.
    if (size < this.length) this.buf.fill(0, size, this.length);
    this.length = size;
  }

  private ensure(capacity: number): void {
    if (capacity <= this.buf.length) return;
    // The first write gets exactly its size; growth after that doubles.
    const next = allocate(this.buf.length === 0 ? capacity : Math.max(capacity, this.buf.length * 2));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
}
