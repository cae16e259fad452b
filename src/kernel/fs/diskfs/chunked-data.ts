// A file's bytes as a list of content-addressed chunks, with the chunks changed since the last
// write-back held in memory (the page cache). Sharing a file's data with another file copies
// only the list of chunk references, which is how an overlay copy-up stores no new bytes.

import { SysError } from '../../../abi/errno.ts';
import { chunkHash } from '../storage/chunk-hash.ts';
import { BLOCK_SIZE, type FileData } from '../memtree/file-data.ts';
import { type BlobStore, CHUNK_SIZE, type ChunkRef } from '../storage/blob-store.ts';
import type { Transaction } from '../storage/store.ts';

export class ChunkedData implements FileData {
  /** One entry per chunk; null is a hole that reads as zeros. */
  private chunks: Array<ChunkRef | null>;
  private length: number;
  /**
   * Chunks written since the last write-back. A buffer is only as long as the writes into its chunk
   * have reached (growing by doubling, up to CHUNK_SIZE): a small file costs its size, not 64 KiB,
   * until it is written back. Bytes past a buffer's end read as zeros.
   */
  private dirty = new Map<number, Uint8Array>();
  /** References this file holds no longer and must give up at the next write-back. */
  private dropped: ChunkRef[] = [];
  /** References this file took (by sharing) and must count at the next write-back. */
  private adopted: ChunkRef[] = [];
  /** Bumped by every change to the bytes or the length, so hashes taken ahead know they went stale. */
  private generation = 0;
  /** The dirty chunks' hashes as pendingRefs() found them, valid while `generation` is unchanged. */
  private hashed: { generation: number; refs: Map<number, ChunkRef> } | null = null;

  constructor(private readonly blobs: BlobStore, chunks: Array<ChunkRef | null> = [], size = 0) {
    this.chunks = chunks;
    this.length = size;
  }

  get size(): number {
    return this.length;
  }

  /**
   * Blocks by the logical size, holes included: a sparse file here is how bulk content the
   * simulation does not hold (runtime/distro/filler.ts) is stored, and it stands for real bytes
   * that du and df must count; the size alone also gives the same figure after a reload.
   */
  get blocks(): number {
    return Math.ceil(this.length / BLOCK_SIZE);
  }

  fit(pos: number, length: number, room: number): number {
    const have = this.blocks;
    if (Math.ceil((pos + length) / BLOCK_SIZE) - have <= room) return length;
    return Math.max(0, Math.min(length, (have + room) * BLOCK_SIZE - pos));
  }

  get isDirty(): boolean {
    return this.dirty.size > 0 || this.dropped.length > 0 || this.adopted.length > 0;
  }

  /** The chunk list as stored in the inode record (valid after writeBack). */
  refs(): Array<ChunkRef | null> {
    return this.chunks.slice();
  }

  private async chunk(i: number): Promise<Uint8Array | null> {
    const d = this.dirty.get(i);
    if (d) return d;
    const ref = this.chunks[i];
    return ref ? this.blobs.getChunk(ref) : null;
  }

  async read(pos: number, length: number): Promise<Uint8Array> {
    const end = Math.min(this.length, pos + length);
    if (pos >= end) return new Uint8Array(0);
    const out = new Uint8Array(end - pos);
    for (let at = pos; at < end; ) {
      const i = Math.floor(at / CHUNK_SIZE);
      const off = at - i * CHUNK_SIZE;
      const n = Math.min(CHUNK_SIZE - off, end - at);
      const c = await this.chunk(i);
      if (c) out.set(c.subarray(off, Math.min(off + n, c.length)), at - pos);
      at += n;
    }
    return out;
  }

  /**
   * A writable buffer for chunk i holding at least its first `reach` bytes, loaded from storage
   * the first time.
   */
  private async writable(i: number, reach: number): Promise<Uint8Array> {
    let d = this.dirty.get(i);
    if (!d) {
      const ref = this.chunks[i];
      const stored = ref ? await this.blobs.getChunk(ref) : null;
      // A write since the await may have made the buffer meanwhile.
      d = this.dirty.get(i);
      if (!d) {
        d = new Uint8Array(Math.max(reach, stored?.length ?? 0));
        if (stored) d.set(stored);
        this.dirty.set(i, d);
      }
    }
    if (d.length < reach) {
      const grown = new Uint8Array(Math.min(CHUNK_SIZE, Math.max(reach, d.length * 2)));
      grown.set(d);
      this.dirty.set(i, grown);
      d = grown;
    }
    return d;
  }

  /** Chunk i's bytes as they are to be stored: as far as the file reaches, zeros past its buffer. */
  private content(i: number, buf: Uint8Array): Uint8Array {
    const used = this.used(i);
    if (buf.length >= used) return buf.subarray(0, used);
    const whole = new Uint8Array(used);
    whole.set(buf);
    return whole;
  }

  async write(pos: number, bytes: Uint8Array): Promise<void> {
    const end = pos + bytes.length;
    for (let at = pos; at < end; ) {
      const i = Math.floor(at / CHUNK_SIZE);
      const off = at - i * CHUNK_SIZE;
      const n = Math.min(CHUNK_SIZE - off, end - at);
      (await this.writable(i, off + n)).set(bytes.subarray(at - pos, at - pos + n), off);
      this.generation++;
      at += n;
    }
    while (this.chunks.length < Math.ceil(end / CHUNK_SIZE)) this.chunks.push(null);
    if (end > this.length) this.length = end;
    this.generation++;
  }

  async truncate(size: number): Promise<void> {
    if (size < 0) throw new SysError('EINVAL');
    this.generation++;
    const keep = Math.ceil(size / CHUNK_SIZE);
    for (let i = keep; i < this.chunks.length; i++) {
      const ref = this.chunks[i];
      if (ref) this.dropped.push(ref);
      this.dirty.delete(i);
    }
    this.chunks.length = Math.min(this.chunks.length, keep);
    while (this.chunks.length < keep) this.chunks.push(null);
    // Bytes cut from the last kept chunk must read as zeros if the file grows again.
    const tail = size % CHUNK_SIZE;
    if (tail !== 0 && size < this.length && this.chunks[keep - 1] !== undefined) {
      (await this.writable(keep - 1, 0)).fill(0, tail);
    }
    this.length = size;
    this.generation++;
  }

  /** Share `other`'s chunks (which must be written back). */
  shareFrom(other: ChunkedData): void {
    if (other.dirty.size > 0) throw new SysError('EIO', 'sharing unwritten data');
    this.generation++;
    for (const ref of this.chunks) if (ref) this.dropped.push(ref);
    this.dirty.clear();
    this.chunks = other.chunks.slice();
    this.length = other.length;
    for (const ref of this.chunks) if (ref) this.adopted.push(ref);
  }

  /** How many bytes of chunk i the file uses: the last chunk is stored only as far as the file reaches. */
  private used(i: number): number {
    return Math.min(CHUNK_SIZE, this.length - i * CHUNK_SIZE);
  }

  /**
   * Add to `stored` the chunks the next writeBack() will store or share (hashing dirty ones now;
   * writeBack reuses the hashes if nothing is written in between) and to `touched` those whose
   * counts it will lower, so the caller can read all their counts in one go.
   */
  pendingRefs(stored: ChunkRef[], touched: ChunkRef[]): void {
    const refs = new Map<number, ChunkRef>();
    for (const [i, buf] of this.dirty) {
      if (i >= this.chunks.length) continue;
      // The caller has awaited loadChunkHash() (a write-back carrying dirty data does, before this).
      const ref = chunkHash()(this.content(i, buf));
      refs.set(i, ref);
      stored.push(ref);
      const old = this.chunks[i];
      if (old) touched.push(old);
    }
    stored.push(...this.adopted);
    touched.push(...this.dropped);
    this.hashed = { generation: this.generation, refs };
  }

  /** The references release() will give up or settle, for the same read-ahead. */
  heldRefs(stored: ChunkRef[], touched: ChunkRef[]): void {
    stored.push(...this.adopted);
    for (const ref of [...this.dropped, ...this.chunks]) if (ref) touched.push(ref);
  }

  /**
   * Store dirty chunks and settle reference counts inside the caller's transaction. Returns
   * an undo that puts the file back as it was, for when that transaction fails to commit.
   */
  async writeBack(tx: Transaction): Promise<() => void> {
    const dirty = this.dirty;
    const dropped = this.dropped;
    const adopted = this.adopted;
    const hashed = this.hashed;
    this.hashed = null;
    this.dirty = new Map();
    this.dropped = [];
    this.adopted = [];
    const replaced = new Map<number, { old: ChunkRef | null; now: ChunkRef }>();
    for (const ref of adopted) await this.blobs.ref(tx, ref);
    for (const [i, buf] of dirty) {
      if (i >= this.chunks.length) continue;
      // A write since pendingRefs() (even during this loop's awaits) voids its hashes.
      const known = hashed?.generation === this.generation ? hashed.refs.get(i) : undefined;
      const now = await this.blobs.putChunk(tx, this.content(i, buf).slice(), known);
      replaced.set(i, { old: this.chunks[i] ?? null, now });
      this.chunks[i] = now;
    }
    for (const { old } of replaced.values()) if (old) await this.blobs.unref(tx, old);
    for (const ref of dropped) await this.blobs.unref(tx, ref);
    return () => {
      for (const [i, { old, now }] of replaced) if (this.chunks[i] === now) this.chunks[i] = old;
      for (const [i, buf] of dirty) if (!this.dirty.has(i)) this.dirty.set(i, buf);
      this.dropped.push(...dropped);
      this.adopted.push(...adopted);
    };
  }

  /** Give up every reference (the file is gone), inside the caller's transaction. */
  async release(tx: Transaction): Promise<void> {
    for (const ref of this.adopted) await this.blobs.ref(tx, ref);
    for (const ref of [...this.dropped, ...this.chunks]) if (ref) await this.blobs.unref(tx, ref);
    this.adopted = [];
    this.dropped = [];
    this.chunks = [];
    this.dirty.clear();
  }
}
