// A layer tar too big to hold as bytes, kept as what it is made of: each entry's header blocks
// and, for a file, the bytes its body starts with; the rest of every body is zeros (sparse bulk
// files, see src/runtime/distro/filler.ts). From this the exact tar can be streamed, split the
// way tar-split keeps it, or unpacked into a layer directory as sparse files, without ever
// allocating the bulk. The bytes it stands for are an ordinary tar: packTar of the same entries
// with full bodies gives them byte for byte.

import { padding, type TarEntry } from '../archive/tar.ts';
import { base64Encode } from '../base64.ts';
import { cleanName, type SplitEntry } from './tar-split.ts';

export interface SparseTarEntry {
  /** The header block(s) as written (long-name entries first). */
  header: Uint8Array;
  /** The entry; for a file, `data` holds the start of the body and `size` its whole length. */
  entry: TarEntry;
}

export interface SparseTar {
  entries: SparseTarEntry[];
  /** The end-of-archive blocks and record padding. */
  end: Uint8Array;
  /** Length of the whole tar in bytes. */
  size: number;
}

const ZERO_PIECE = 65536;
const ZEROS = new Uint8Array(ZERO_PIECE);

/** The non-zero start of a file entry's body (empty for other entries). */
function bodyHead(e: TarEntry): Uint8Array {
  if (e.type !== 'file' || !e.data) return ZEROS.subarray(0, 0);
  return e.data.length > e.size ? e.data.subarray(0, e.size) : e.data;
}

/** Describe a tar of `entries` (each file's `data` the start of its body) given their headers. */
export function sparseTar(entries: SparseTarEntry[], end: (written: number) => Uint8Array): SparseTar {
  let written = 0;
  for (const { header, entry } of entries) {
    written += header.length;
    if (entry.type === 'file') written += entry.size + padding(entry.size);
  }
  const tail = end(written);
  return { entries, end: tail, size: written + tail.length };
}

function* zeros(n: number): Generator<Uint8Array> {
  for (let left = n; left > 0; left -= ZERO_PIECE) yield ZEROS.subarray(0, Math.min(ZERO_PIECE, left));
}

/**
 * The tar's bytes in order, in pieces. Zero pieces are views on one shared block: a consumer
 * may read them (hash, copy) but must not keep or change them.
 */
export function* sparseTarChunks(t: SparseTar): Generator<Uint8Array> {
  for (const { header, entry } of t.entries) {
    yield header;
    if (entry.type !== 'file') continue;
    const head = bodyHead(entry);
    if (head.length) yield head;
    yield* zeros(entry.size - head.length + padding(entry.size));
  }
  yield t.end;
}

/** The whole tar as one array (for callers that need the bytes; large for a large layer). */
export function sparseTarBytes(t: SparseTar): Uint8Array {
  const out = new Uint8Array(t.size);
  let at = 0;
  for (const { header, entry } of t.entries) {
    out.set(header, at);
    at += header.length;
    if (entry.type !== 'file') continue;
    out.set(bodyHead(entry), at);
    at += entry.size + padding(entry.size);
  }
  out.set(t.end, at);
  return out;
}

/** What splitTar gives for the same bytes: raw segments between file bodies, each body by name and size. */
export function splitSparseTar(t: SparseTar): SplitEntry[] {
  const out: SplitEntry[] = [];
  const raw: Uint8Array[] = [];
  let rawLength = 0;
  const flush = (): void => {
    if (rawLength === 0) return;
    const bytes = new Uint8Array(rawLength);
    let at = 0;
    for (const r of raw) {
      bytes.set(r, at);
      at += r.length;
    }
    out.push({ type: 2, payload: base64Encode(bytes), position: out.length });
    raw.length = 0;
    rawLength = 0;
  };
  const pushRaw = (b: Uint8Array): void => {
    if (b.length === 0) return;
    raw.push(b);
    rawLength += b.length;
  };
  for (const { header, entry } of t.entries) {
    pushRaw(header);
    if (entry.type !== 'file') continue;
    flush();
    out.push({ type: 1, name: cleanName(entry.name), size: entry.size, payload: null, position: out.length });
    pushRaw(ZEROS.subarray(0, padding(entry.size)));
  }
  pushRaw(t.end);
  flush();
  return out;
}

/** Entries as an unpacker wants them: a file's `data` is its non-zero start, the rest zeros. */
export function sparseTarEntries(t: SparseTar): TarEntry[] {
  return t.entries.map((e) => e.entry);
}
