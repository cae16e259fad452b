// awk's associative arrays, laid out as mawk 1.3.4 lays them out (array.w): a "split" array
// (cells 1..n straight from split()), or a hash table of nodes reachable through an integer list
// and/or a string list per bucket (FNV-1 hash, move-to-front on lookup, doubling at 12 nodes a
// bucket). `for (k in a)` walks the string lists bucket by bucket, so keeping the same layout is
// what makes our loop order the one mawk prints.

import { dToI } from './awk-format.ts';
import type { Value } from './awk-value.ts';
import { Strnum, UNINIT } from './awk-value.ts';

const AY_NULL = 0;
const AY_INT = 1;
const AY_STR = 2;
const AY_SPLIT = 4;
const STARTING_HMASK = 63;
const MAX_AVE_LIST_LENGTH = 12;
const NOT_AN_IVALUE = -2147483648;

const limitFor = (hmask: number): number => (hmask + 1) * MAX_AVE_LIST_LENGTH;

interface ANode {
  slink: ANode | null;
  ilink: ANode | null;
  sval: string | null;
  hval: number;
  ival: number;
  cell: Value;
}

/** FNV-1 over the bytes of a latin1 string, as mawk's hash2. */
export function fnv1(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i) & 255;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}

/** A subscript after mawk's casts: an integer, or a string. */
export type Key = number | string;

export class AwkArray {
  private type = AY_NULL;
  size = 0;
  private limit = 0;
  private hmask = 0;
  private cells: Value[] = [];
  private slinks: (ANode | null)[] = [];
  private ilinks: (ANode | null)[] = [];

  /** Look up (and with `create`, make) the element; returns its node or split index. */
  private findInt(ival: number, create: boolean): ANode | number | null {
    if (this.type === AY_SPLIT) {
      if (ival >= 1 && ival <= this.size) return ival - 1;
      if (!create) return null;
      this.convertSplitToTable();
    } else if (this.type === AY_NULL) this.makeEmptyTable(AY_INT);
    return this.findByIval(ival, create);
  }

  private findByIval(ival: number, create: boolean): ANode | null {
    let indx = (ival & this.hmask) >>> 0;
    let p: ANode | null = this.ilinks[indx] ?? null;
    let q: ANode | null = null;
    for (;;) {
      if (!p) {
        if (this.type & AY_STR) {
          p = this.findBySval(String(ival), create);
          if (!p) return null;
          indx = (ival & this.hmask) >>> 0;
        } else if (create) {
          p = { slink: null, ilink: null, sval: null, hval: 0, ival, cell: UNINIT };
          if (++this.size > this.limit) {
            this.doubleTheHashTable();
            indx = (ival & this.hmask) >>> 0;
          }
        } else return null;
        p.ival = ival;
        this.type |= AY_INT;
        break;
      } else if (p.ival === ival) {
        if (!q) return p;
        q.ilink = p.ilink;
        break;
      }
      q = p;
      p = q.ilink;
    }
    p.ilink = this.ilinks[indx]!;
    this.ilinks[indx] = p;
    return p;
  }

  private findBySval(sval: string, create: boolean): ANode | null {
    const hval = fnv1(sval);
    if (!(this.type & AY_STR)) this.addStringAssociations();
    let indx = (hval & this.hmask) >>> 0;
    let p: ANode | null = this.slinks[indx] ?? null;
    let q: ANode | null = null;
    for (;;) {
      if (!p) {
        if (!create) return null;
        p = { slink: null, ilink: null, sval, hval, ival: NOT_AN_IVALUE, cell: UNINIT };
        if (++this.size > this.limit) {
          this.doubleTheHashTable();
          indx = (hval & this.hmask) >>> 0;
        }
        break;
      } else if (p.hval === hval && p.sval === sval) {
        if (!q) return p;
        q.slink = p.slink;
        break;
      }
      q = p;
      p = q.slink;
    }
    p.slink = this.slinks[indx]!;
    this.slinks[indx] = p;
    return p;
  }

  private addStringAssociations(): void {
    if (this.type === AY_NULL) {
      this.makeEmptyTable(AY_STR);
      return;
    }
    if (this.type === AY_SPLIT) this.convertSplitToTable();
    for (let i = 0; i <= this.hmask; i++) {
      let p: ANode | null = this.ilinks[i] ?? null;
      while (p) {
        p.sval = String(p.ival);
        p.hval = fnv1(p.sval);
        const b = (p.hval & this.hmask) >>> 0;
        p.slink = this.slinks[b]!;
        this.slinks[b] = p;
        p = p.ilink;
      }
    }
    this.type |= AY_STR;
  }

  private makeEmptyTable(type: number): void {
    this.type = type;
    this.hmask = STARTING_HMASK;
    this.limit = limitFor(STARTING_HMASK);
    this.slinks = new Array(STARTING_HMASK + 1).fill(null);
    this.ilinks = new Array(STARTING_HMASK + 1).fill(null);
  }

  private convertSplitToTable(): void {
    const cells = this.cells;
    this.hmask = STARTING_HMASK;
    this.limit = limitFor(STARTING_HMASK);
    while (this.size > this.limit) {
      this.hmask = this.hmask * 2 + 1;
      this.limit = limitFor(this.hmask);
    }
    this.slinks = new Array(this.hmask + 1).fill(null);
    this.ilinks = new Array(this.hmask + 1).fill(null);
    for (let i = 0, j = 1; i < this.size; i++) {
      const p: ANode = { slink: null, ilink: this.ilinks[j]!, sval: null, hval: 0, ival: i + 1, cell: cells[i]! };
      this.ilinks[j] = p;
      j = (j + 1) & this.hmask;
    }
    this.type = AY_INT;
    this.cells = [];
  }

  private doubleTheHashTable(): void {
    const oldMask = this.hmask;
    const newMask = oldMask * 2 + 1;
    for (let i = 0; i <= oldMask; i++) {
      this.slinks.push(null);
      this.ilinks.push(null);
    }
    if (this.type & AY_STR) {
      for (let i = 0, j = oldMask + 1; i <= oldMask; i++, j++) {
        let keepHead: ANode | null = null;
        let keepTail: ANode | null = null;
        let moveHead: ANode | null = null;
        let moveTail: ANode | null = null;
        for (let p: ANode | null = this.slinks[i] ?? null; p; ) {
          const next: ANode | null = p.slink;
          if (((p.hval & newMask) >>> 0) !== i) {
            if (moveTail) moveTail.slink = p;
            else moveHead = p;
            moveTail = p;
          } else {
            if (keepTail) keepTail.slink = p;
            else keepHead = p;
            keepTail = p;
          }
          p = next;
        }
        if (keepTail) keepTail.slink = null;
        if (moveTail) moveTail.slink = null;
        this.slinks[i] = keepHead;
        this.slinks[j] = moveHead;
      }
    }
    if (this.type & AY_INT) {
      for (let i = 0, j = oldMask + 1; i <= oldMask; i++, j++) {
        let keepHead: ANode | null = null;
        let keepTail: ANode | null = null;
        let moveHead: ANode | null = null;
        let moveTail: ANode | null = null;
        for (let p: ANode | null = this.ilinks[i] ?? null; p; ) {
          const next: ANode | null = p.ilink;
          if (((p.ival & newMask) >>> 0) !== i) {
            if (moveTail) moveTail.ilink = p;
            else moveHead = p;
            moveTail = p;
          } else {
            if (keepTail) keepTail.ilink = p;
            else keepHead = p;
            keepTail = p;
          }
          p = next;
        }
        if (keepTail) keepTail.ilink = null;
        if (moveTail) moveTail.ilink = null;
        this.ilinks[i] = keepHead;
        this.ilinks[j] = moveHead;
      }
    }
    this.hmask = newMask;
    this.limit = limitFor(newMask);
  }

  private locate(key: Key, create: boolean): ANode | number | null {
    if (this.size === 0 && !create) return null;
    if (typeof key === 'number') return this.findInt(key, create);
    return this.findBySval(key, create);
  }

  get(key: Key): Value {
    const at = this.locate(key, true)!;
    return typeof at === 'number' ? this.cells[at]! : at.cell;
  }

  /** Read without creating (for `in` and for internal peeks). */
  peek(key: Key): Value | undefined {
    const at = this.locate(key, false);
    if (at === null) return undefined;
    return typeof at === 'number' ? this.cells[at]! : at.cell;
  }

  has(key: Key): boolean {
    return this.locate(key, false) !== null;
  }

  set(key: Key, v: Value): void {
    const at = this.locate(key, true)!;
    if (typeof at === 'number') this.cells[at] = v;
    else at.cell = v;
  }

  delete(key: Key): void {
    if (this.size === 0) return;
    if (typeof key === 'number') {
      if (this.type === AY_SPLIT) {
        if (key >= 1 && key <= this.size) this.convertSplitToTable();
        else return;
      }
      const ap = this.findByIval(key, false);
      if (!ap) return;
      const ib = (ap.ival & this.hmask) >>> 0;
      this.ilinks[ib] = ap.ilink;
      if (ap.sval !== null) {
        const sb = (ap.hval & this.hmask) >>> 0;
        this.unlinkS(sb, ap);
      }
      if (--this.size === 0) this.clear();
      return;
    }
    const ap = this.findBySval(key, false);
    if (!ap) return;
    // Found nodes sit at the front of their string list.
    this.slinks[(ap.hval & this.hmask) >>> 0] = ap.slink;
    if (ap.ival !== NOT_AN_IVALUE) this.unlinkI((ap.ival & this.hmask) >>> 0, ap);
    if (--this.size === 0) this.clear();
  }

  private unlinkS(b: number, ap: ANode): void {
    let p: ANode | null = this.slinks[b] ?? null;
    let q: ANode | null = null;
    while (p && p !== ap) {
      q = p;
      p = q.slink;
    }
    if (!p) return;
    if (q) q.slink = p.slink;
    else this.slinks[b] = p.slink;
  }

  private unlinkI(b: number, ap: ANode): void {
    let p: ANode | null = this.ilinks[b] ?? null;
    let q: ANode | null = null;
    while (p && p !== ap) {
      q = p;
      p = q.ilink;
    }
    if (!p) return;
    if (q) q.ilink = p.ilink;
    else this.ilinks[b] = p.ilink;
  }

  clear(): void {
    this.type = AY_NULL;
    this.size = 0;
    this.limit = 0;
    this.hmask = 0;
    this.cells = [];
    this.slinks = [];
    this.ilinks = [];
  }

  /** The keys `for (k in a)` visits, in mawk's order. */
  keys(): string[] {
    if (this.size === 0) return [];
    if (!(this.type & AY_STR)) this.addStringAssociations();
    const out: string[] = [];
    for (let i = 0; i <= this.hmask; i++) for (let p: ANode | null = this.slinks[i] ?? null; p; p = p.slink) out.push(p.sval!);
    return out;
  }

  /** split()'s array_load: the array becomes cells 1..n holding the pieces. */
  load(pieces: Value[]): void {
    if (this.type !== AY_SPLIT) this.clear();
    this.type = AY_SPLIT;
    this.cells = pieces;
    this.size = pieces.length;
  }
}

/** A subscript value after mawk's array_find casts. */
export function keyOf(v: Value, convfmt: (n: number) => string): Key {
  if (typeof v === 'number') {
    const i = dToI(v);
    return i === v ? i : convfmt(v);
  }
  if (v instanceof Strnum) return v.s;
  return v;
}
