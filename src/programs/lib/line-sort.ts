// A fast stable sort of the lines of a byte buffer, for sort(1) and anything else that orders many
// lines. Lines stay byte ranges of one buffer (never decoded), and the order is built criterion by
// criterion: each criterion sorts the groups the previous ones left tied, then splits them where
// it sees a difference. No per-pair JavaScript comparator runs on big groups:
//   - byte-string criteria use MSD radix passes, three bytes a pass, each pass one native
//     Float64Array sort of (digit << indexBits | position) numbers;
//   - number criteria rank the distinct values with a native sort, then sort (rank, position) the
//     same way.
// Packing the group position into the low bits is what makes every pass stable.

/** How one criterion orders two lines and sorts a run of them. */
export interface Criterion {
  /** <0, 0, >0 for lines i and j (reversal already applied). */
  compare(i: number, j: number): number;
  /** Sort idx[lo..hi) stably by this criterion alone. */
  sortRange(idx: Uint32Array, lo: number, hi: number): void;
}

const SMALL = 16;

function insertionSort(idx: Uint32Array, lo: number, hi: number, cmp: (i: number, j: number) => number): void {
  for (let k = lo + 1; k < hi; k++) {
    const v = idx[k]!;
    let m = k - 1;
    while (m >= lo && cmp(idx[m]!, v) > 0) {
      idx[m + 1] = idx[m]!;
      m--;
    }
    idx[m + 1] = v;
  }
}

function bitsFor(n: number): number {
  let b = 1;
  while (2 ** b < n) b++;
  return b;
}

/** Byte strings data[start[i]..end[i]), optionally through a 256-entry translation, maybe reversed. */
export class BytesCriterion implements Criterion {
  constructor(
    private readonly data: Uint8Array,
    private readonly start: Int32Array,
    private readonly end: Int32Array,
    private readonly reverse = false,
    private readonly table: Uint8Array | null = null,
  ) {}

  compare(i: number, j: number): number {
    const d = this.compareFrom(i, j, 0);
    return this.reverse ? -d : d;
  }

  private compareFrom(i: number, j: number, depth: number): number {
    const { data, table } = this;
    let a = this.start[i]! + depth;
    let b = this.start[j]! + depth;
    const ae = this.end[i]!;
    const be = this.end[j]!;
    if (table) {
      for (; a < ae && b < be; a++, b++) {
        const d = table[data[a]!]! - table[data[b]!]!;
        if (d) return d;
      }
    } else {
      for (; a < ae && b < be; a++, b++) {
        const d = data[a]! - data[b]!;
        if (d) return d;
      }
    }
    return (ae - a) - (be - b) > 0 ? 1 : (ae - a) - (be - b) < 0 ? -1 : 0;
  }

  sortRange(idx: Uint32Array, lo: number, hi: number): void {
    const stack: number[] = [lo, hi, 0];
    while (stack.length) {
      const depth = stack.pop()!;
      const h = stack.pop()!;
      const l = stack.pop()!;
      const n = h - l;
      if (n < 2) continue;
      if (n <= SMALL) {
        const rev = this.reverse;
        insertionSort(idx, l, h, (x, y) => (rev ? -this.compareFrom(x, y, depth) : this.compareFrom(x, y, depth)));
      } else if (n >= 65536) this.countingPass(idx, l, h, depth, stack);
      else this.nativePass(idx, l, h, depth, stack);
    }
  }

  /** Byte at p as 1..256 (through the table), 0 at or past the end e. */
  private byteAt(p: number, e: number): number {
    return p < e ? (this.table ? this.table[this.data[p]!]! : this.data[p]!) + 1 : 0;
  }

  /** A big group: counting sort on the next two bytes (257 x 257 buckets), stable. */
  private countingPass(idx: Uint32Array, l: number, h: number, depth: number, stack: number[]): void {
    const B = 257 * 257;
    const n = h - l;
    const bucket = new Uint32Array(n);
    const count = new Uint32Array(B + 1);
    for (let k = 0; k < n; k++) {
      const i = idx[l + k]!;
      const p = this.start[i]! + depth;
      const e = this.end[i]!;
      let d = this.byteAt(p, e) * 257 + this.byteAt(p + 1, e);
      if (this.reverse) d = B - 1 - d;
      bucket[k] = d;
      count[d + 1]!++;
    }
    for (let d = 0; d < B; d++) count[d + 1]! += count[d]!;
    const old = idx.slice(l, h);
    const starts = count.slice();
    for (let k = 0; k < n; k++) idx[l + count[bucket[k]!]!++] = old[k]!;
    for (let d = 0; d < B; d++) {
      const size = starts[d + 1]! - starts[d]!;
      const real = this.reverse ? B - 1 - d : d;
      if (size > 1 && real % 257 !== 0) stack.push(l + starts[d]!, l + starts[d + 1]!, depth + 2);
    }
  }

  /** A middling group: one native sort of (next three bytes, position) packed into doubles. */
  private nativePass(idx: Uint32Array, l: number, h: number, depth: number, stack: number[]): void {
    const MAXD = 2 ** 27 - 1;
    const n = h - l;
    const bits = bitsFor(n);
    const scale = 2 ** bits;
    const keys = new Float64Array(n);
    const { data, table } = this;
    for (let k = 0; k < n; k++) {
      const i = idx[l + k]!;
      const p = this.start[i]! + depth;
      const e = this.end[i]!;
      let d: number;
      if (table) d = (p < e ? table[data[p]!]! + 1 : 0) * 262144 + (p + 1 < e ? table[data[p + 1]!]! + 1 : 0) * 512 + (p + 2 < e ? table[data[p + 2]!]! + 1 : 0);
      else d = (p < e ? data[p]! + 1 : 0) * 262144 + (p + 1 < e ? data[p + 1]! + 1 : 0) * 512 + (p + 2 < e ? data[p + 2]! + 1 : 0);
      keys[k] = (this.reverse ? MAXD - d : d) * scale + k;
    }
    keys.sort();
    const old = idx.slice(l, h);
    let runStart = 0;
    let runDigit = -1;
    for (let k = 0; k <= n; k++) {
      const digit = k < n ? Math.floor(keys[k]! / scale) : -2;
      if (k < n) idx[l + k] = old[keys[k]! - digit * scale]!;
      if (digit !== runDigit) {
        // A run sharing three bytes goes on to the next three, unless its strings ended here.
        const real = this.reverse ? MAXD - runDigit : runDigit;
        if (runDigit >= 0 && k - runStart > 1 && real % 512 !== 0) stack.push(l + runStart, l + k, depth + 3);
        runStart = k;
        runDigit = digit;
      }
    }
  }
}

/** Numbers (no NaN), smaller first, or larger first when reversed. */
export class NumberCriterion implements Criterion {
  constructor(private readonly values: Float64Array, private readonly reverse = false) {}

  compare(i: number, j: number): number {
    const a = this.values[i]!;
    const b = this.values[j]!;
    const d = a < b ? -1 : a > b ? 1 : 0;
    return this.reverse ? -d : d;
  }

  sortRange(idx: Uint32Array, lo: number, hi: number): void {
    const n = hi - lo;
    if (n < 2) return;
    if (n <= SMALL) {
      insertionSort(idx, lo, hi, (x, y) => this.compare(x, y));
      return;
    }
    // LSD radix sort, 16 bits a pass, on the doubles' bits made to order as unsigned integers
    // (negative: all bits flipped; otherwise the sign bit set). Four stable passes.
    const bits = new Uint32Array(2 * n);
    const f = new Float64Array(bits.buffer);
    for (let k = 0; k < n; k++) {
      const x = this.values[idx[lo + k]!]!;
      f[k] = x === 0 ? 0 : x;
    }
    for (let k = 0; k < n; k++) {
      const hiWord = bits[2 * k + 1]!;
      if (hiWord & 0x80000000) {
        bits[2 * k] = ~bits[2 * k]!;
        bits[2 * k + 1] = ~hiWord;
      } else bits[2 * k + 1] = hiWord | 0x80000000;
      if (this.reverse) {
        bits[2 * k] = ~bits[2 * k]!;
        bits[2 * k + 1] = ~bits[2 * k + 1]!;
      }
    }
    let order = new Uint32Array(n);
    for (let k = 0; k < n; k++) order[k] = k;
    let next = new Uint32Array(n);
    const count = new Uint32Array(65537);
    for (let pass = 0; pass < 4; pass++) {
      const word = pass >> 1;
      const shift = (pass & 1) * 16;
      count.fill(0);
      for (let k = 0; k < n; k++) count[((bits[2 * k + word]! >>> shift) & 0xffff) + 1]!++;
      if (count[1 + ((bits[word]! >>> shift) & 0xffff)] === n) continue; // every value shares these bits
      for (let d = 0; d < 65536; d++) count[d + 1]! += count[d]!;
      for (let k = 0; k < n; k++) {
        const o = order[k]!;
        next[count[(bits[2 * o + word]! >>> shift) & 0xffff]!++] = o;
      }
      [order, next] = [next, order];
    }
    const old = idx.slice(lo, hi);
    for (let k = 0; k < n; k++) idx[lo + k] = old[order[k]!]!;
  }
}

/** Anything else: a comparator over line numbers (version order, exact big numbers). */
export class CompareCriterion implements Criterion {
  constructor(private readonly cmp: (i: number, j: number) => number, private readonly reverse = false) {}

  compare(i: number, j: number): number {
    const d = this.cmp(i, j);
    return this.reverse ? -d : d;
  }

  sortRange(idx: Uint32Array, lo: number, hi: number): void {
    const part = Array.from(idx.subarray(lo, hi));
    part.sort((x, y) => this.compare(x, y));
    idx.set(part, lo);
  }
}

/** The first criterion that tells lines i and j apart decides. */
export function compareLines(criteria: readonly Criterion[], i: number, j: number): number {
  for (const c of criteria) {
    const d = c.compare(i, j);
    if (d) return d;
  }
  return 0;
}

/** Line numbers 0..n-1 in order: by the first criterion, ties by the next, and so on; stable. */
export function sortLines(n: number, criteria: readonly Criterion[]): Uint32Array {
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  let groups: number[] = n > 1 ? [0, n] : [];
  for (const [ci, c] of criteria.entries()) {
    const last = ci === criteria.length - 1;
    const next: number[] = [];
    for (let g = 0; g < groups.length; g += 2) {
      const lo = groups[g]!;
      const hi = groups[g + 1]!;
      c.sortRange(idx, lo, hi);
      if (last) continue;
      let start = lo;
      for (let k = lo + 1; k <= hi; k++) {
        if (k === hi || c.compare(idx[k - 1]!, idx[k]!) !== 0) {
          if (k - start > 1) next.push(start, k);
          start = k;
        }
      }
    }
    groups = next;
    if (groups.length === 0) break;
  }
  return idx;
}

/** Where each line of `data` starts and ends (without its terminator); a last unterminated line counts. */
export function splitLineRanges(data: Uint8Array, eol: number): { start: Int32Array; end: Int32Array } {
  let count = 0;
  for (let p = data.indexOf(eol); p >= 0; p = data.indexOf(eol, p + 1)) count++;
  if (data.length > 0 && data[data.length - 1] !== eol) count++;
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    let p = data.indexOf(eol, at);
    if (p < 0) p = data.length;
    start[i] = at;
    end[i] = p;
    at = p + 1;
  }
  return { start, end };
}
