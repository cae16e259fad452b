// diff's comparison of two files' lines, done the way GNU diffutils 3.8 does it so that the same
// changes are reported when several minimal scripts exist: the identical prefix and suffix are
// set aside (keeping `horizon` lines of each), lines that match nothing in the other file are
// discarded up front, Myers' O(ND) search with its middle snake (and GNU's cost cut-off for huge
// inputs) marks the rest, and shift_boundaries slides each run of changes to its last possible
// place. The result is a list of changes in file order.

export interface Change {
  /** First line of the change in each file (0-based). */
  line0: number;
  line1: number;
  deleted: number;
  inserted: number;
}

export interface AnalyzeInput {
  /** Each file's lines, without newlines. */
  lines: [string[], string[]];
  /** Whether each file's last line lacks its newline. */
  missingNewline: [boolean, boolean];
  /** The comparison key of a line (after -i, -b, -w). */
  key: (line: string) => string;
  /** Whether an incomplete last line may equal a complete one (-b, -w). */
  incompleteMatches: boolean;
  /** Lines of the common prefix and suffix kept in the comparison (the context, or 0). */
  horizon: number;
  /** --minimal: no cost cut-off. */
  minimal?: boolean;
}

export function analyze(input: AnalyzeInput): Change[] {
  const [a, b] = input.lines;
  const [m0, m1] = input.missingNewline;
  const n0 = a.length;
  const n1 = b.length;
  const complete = (f: 0 | 1, i: number): boolean => !(i === (f === 0 ? n0 : n1) - 1 && (f === 0 ? m0 : m1));

  // The identical prefix and suffix, compared as raw text, newline included.
  let p = 0;
  while (p < n0 && p < n1 && a[p] === b[p] && complete(0, p) === complete(1, p)) p++;
  const prefix = Math.max(0, p - input.horizon);
  let s = 0;
  if (m0 === m1) {
    const limit = Math.min(n0, n1) - prefix;
    while (s < limit && a[n0 - 1 - s] === b[n1 - 1 - s]) s++;
  }
  const suffix = Math.max(0, s - input.horizon);
  const len0 = n0 - prefix - suffix;
  const len1 = n1 - prefix - suffix;

  // Equivalence classes (from 1) of the lines in between.
  const classes = new Map<string, number>();
  const classOf = (f: 0 | 1, i: number): number => {
    const line = (f === 0 ? a : b)[i]!;
    let k = input.key(line);
    if (!complete(f, i) && !input.incompleteMatches) k = `\u0000incomplete\u0000${k}`;
    let c = classes.get(k);
    if (c === undefined) {
      c = classes.size + 1;
      classes.set(k, c);
    }
    return c;
  };
  const eq0 = new Int32Array(len0);
  const eq1 = new Int32Array(len1);
  for (let i = 0; i < len0; i++) eq0[i] = classOf(0, prefix + i);
  for (let i = 0; i < len1; i++) eq1[i] = classOf(1, prefix + i);
  const equivMax = classes.size + 1;

  // changed[f][i + 1] for line i; one guard element at each end.
  const changed0 = new Uint8Array(len0 + 2);
  const changed1 = new Uint8Array(len1 + 2);
  const [und0, real0, und1, real1] = discardConfusing(eq0, eq1, equivMax, changed0, changed1, !!input.minimal);
  compare(und0, und1, real0, real1, changed0, changed1, !!input.minimal);
  shiftBoundaries(eq0, changed0, changed1, len0);
  shiftBoundaries(eq1, changed1, changed0, len1);

  // Changes in order, as GNU's build_script makes them.
  const out: Change[] = [];
  let i0 = 0;
  let i1 = 0;
  while (i0 < len0 || i1 < len1) {
    if (changed0[i0 + 1] || changed1[i1 + 1]) {
      const l0 = i0;
      const l1 = i1;
      while (changed0[i0 + 1]) i0++;
      while (changed1[i1 + 1]) i1++;
      out.push({ line0: l0 + prefix, line1: l1 + prefix, deleted: i0 - l0, inserted: i1 - l1 });
    }
    i0++;
    i1++;
  }
  return out;
}

/**
 * GNU's discard_confusing_lines: lines with no match in the other file never enter the search
 * (they are marked changed at once); lines with very many matches are set aside when they sit
 * inside a run of such lines. Returns the remaining classes and their real indexes.
 */
function discardConfusing(eq0: Int32Array, eq1: Int32Array, equivMax: number, changed0: Uint8Array, changed1: Uint8Array, minimal: boolean): [Int32Array, Int32Array, Int32Array, Int32Array] {
  const eqs = [eq0, eq1];
  const counts = [new Int32Array(equivMax), new Int32Array(equivMax)];
  for (let f = 0; f < 2; f++) for (const c of eqs[f]!) counts[f]![c]!++;
  const discards = [new Uint8Array(eq0.length), new Uint8Array(eq1.length)];
  for (let f = 0; f < 2; f++) {
    const end = eqs[f]!.length;
    const other = counts[1 - f]!;
    let many = 5;
    let tem = Math.floor(end / 64);
    while ((tem = tem >> 2) > 0) many *= 2;
    for (let i = 0; i < end; i++) {
      const c = eqs[f]![i]!;
      if (c === 0) continue;
      const nmatch = other[c]!;
      if (nmatch === 0) discards[f]![i] = 1;
      else if (nmatch > many) discards[f]![i] = 2;
    }
  }
  for (let f = 0; f < 2; f++) {
    const d = discards[f]!;
    const end = d.length;
    for (let i = 0; i < end; i++) {
      if (d[i] === 2) d[i] = 0;
      else if (d[i] !== 0) {
        let j: number;
        let provisional = 0;
        for (j = i; j < end; j++) {
          if (d[j] === 0) break;
          if (d[j] === 2) provisional++;
        }
        while (j > i && d[j - 1] === 2) {
          d[--j] = 0;
          provisional--;
        }
        const length = j - i;
        if (provisional * 4 > length) {
          while (j > i) if (d[--j] === 2) d[j] = 0;
        } else {
          let minimum = 1;
          let t = length >> 2;
          while (0 < (t >>= 2)) minimum <<= 1;
          minimum++;
          let consec = 0;
          for (j = 0; j < length; j++) {
            if (d[i + j] !== 2) consec = 0;
            else if (minimum === ++consec) j -= consec;
            else if (minimum < consec) d[i + j] = 0;
          }
          consec = 0;
          for (j = 0; j < length; j++) {
            if (j >= 8 && d[i + j] === 1) break;
            if (d[i + j] === 2) {
              consec = 0;
              d[i + j] = 0;
            } else if (d[i + j] === 0) consec = 0;
            else consec++;
            if (consec === 3) break;
          }
          i += length - 1;
          consec = 0;
          for (j = 0; j < length; j++) {
            if (j >= 8 && d[i - j] === 1) break;
            if (d[i - j] === 2) {
              consec = 0;
              d[i - j] = 0;
            } else if (d[i - j] === 0) consec = 0;
            else consec++;
            if (consec === 3) break;
          }
        }
      }
    }
  }
  const result: Int32Array[] = [];
  const changed = [changed0, changed1];
  for (let f = 0; f < 2; f++) {
    const e = eqs[f]!;
    const d = discards[f]!;
    const und = new Int32Array(e.length);
    const real = new Int32Array(e.length);
    let j = 0;
    for (let i = 0; i < e.length; i++) {
      if (minimal || d[i] === 0) {
        und[j] = e[i]!;
        real[j++] = i;
      } else changed[f]![i + 1] = 1;
    }
    result.push(und.subarray(0, j), real.subarray(0, j));
  }
  return [result[0]!, result[1]!, result[2]!, result[3]!];
}

/** gnulib's compareseq over the undiscarded lines, with diag's middle-snake search. */
function compare(xv: Int32Array, yv: Int32Array, xreal: Int32Array, yreal: Int32Array, changed0: Uint8Array, changed1: Uint8Array, minimal: boolean): void {
  const n = xv.length;
  const m = yv.length;
  let diags = n + m + 3;
  const size = 2 * diags;
  const fd = new Int32Array(size);
  const bd = new Int32Array(size);
  const off = m + 1; // index of diagonal 0
  let tooExpensive = 1;
  for (; diags !== 0; diags >>= 2) tooExpensive <<= 1;
  tooExpensive = Math.max(256, tooExpensive);
  const OFFSET_MAX = 0x7fffffff;

  const diag = (xoff: number, xlim: number, yoff: number, ylim: number, findMinimal: boolean): [number, number, boolean, boolean] => {
    const dmin = xoff - ylim;
    const dmax = xlim - yoff;
    const fmid = xoff - yoff;
    const bmid = xlim - ylim;
    let fmin = fmid;
    let fmax = fmid;
    let bmin = bmid;
    let bmax = bmid;
    const odd = ((fmid - bmid) & 1) !== 0;
    fd[off + fmid] = xoff;
    bd[off + bmid] = xlim;
    for (let c = 1; ; ++c) {
      if (fmin > dmin) fd[off + --fmin - 1] = -1;
      else ++fmin;
      if (fmax < dmax) fd[off + ++fmax + 1] = -1;
      else --fmax;
      for (let d = fmax; d >= fmin; d -= 2) {
        const tlo = fd[off + d - 1]!;
        const thi = fd[off + d + 1]!;
        const x0 = tlo < thi ? thi : tlo + 1;
        let x = x0;
        let y = x0 - d;
        while (x < xlim && y < ylim && xv[x] === yv[y]) {
          x++;
          y++;
        }
        fd[off + d] = x;
        if (odd && bmin <= d && d <= bmax && bd[off + d]! <= x) return [x, y, true, true];
      }
      if (bmin > dmin) bd[off + --bmin - 1] = OFFSET_MAX;
      else ++bmin;
      if (bmax < dmax) bd[off + ++bmax + 1] = OFFSET_MAX;
      else --bmax;
      for (let d = bmax; d >= bmin; d -= 2) {
        const tlo = bd[off + d - 1]!;
        const thi = bd[off + d + 1]!;
        const x0 = tlo < thi ? tlo : thi - 1;
        let x = x0;
        let y = x0 - d;
        while (xoff < x && yoff < y && xv[x - 1] === yv[y - 1]) {
          x--;
          y--;
        }
        bd[off + d] = x;
        if (!odd && fmin <= d && d <= fmax && x <= fd[off + d]!) return [x, y, true, true];
      }
      if (findMinimal) continue;
      if (c >= tooExpensive) {
        // Gone well beyond the call of duty: report halfway between the best results so far.
        let fxybest = -1;
        let fxbest = 0;
        for (let d = fmax; d >= fmin; d -= 2) {
          let x = Math.min(fd[off + d]!, xlim);
          let y = x - d;
          if (ylim < y) {
            x = ylim + d;
            y = ylim;
          }
          if (fxybest < x + y) {
            fxybest = x + y;
            fxbest = x;
          }
        }
        let bxybest = OFFSET_MAX;
        let bxbest = 0;
        for (let d = bmax; d >= bmin; d -= 2) {
          let x = Math.max(xoff, bd[off + d]!);
          let y = x - d;
          if (y < yoff) {
            x = yoff + d;
            y = yoff;
          }
          if (x + y < bxybest) {
            bxybest = x + y;
            bxbest = x;
          }
        }
        if (xlim + ylim - bxybest < fxybest - (xoff + yoff)) return [fxbest, fxybest - fxbest, true, false];
        return [bxbest, bxybest - bxbest, false, true];
      }
    }
  };

  // Iterative compareseq: a stack of subproblems, the lower half handled first as GNU's
  // recursion would (order only matters for speed, the marks are the same).
  const stack: [number, number, number, number, boolean][] = [[0, n, 0, m, minimal]];
  while (stack.length) {
    let [xoff, xlim, yoff, ylim, findMinimal] = stack.pop()!;
    for (;;) {
      while (xoff < xlim && yoff < ylim && xv[xoff] === yv[yoff]) {
        xoff++;
        yoff++;
      }
      while (xoff < xlim && yoff < ylim && xv[xlim - 1] === yv[ylim - 1]) {
        xlim--;
        ylim--;
      }
      if (xoff === xlim) {
        while (yoff < ylim) changed1[yreal[yoff++]! + 1] = 1;
        break;
      }
      if (yoff === ylim) {
        while (xoff < xlim) changed0[xreal[xoff++]! + 1] = 1;
        break;
      }
      const [xmid, ymid, loMin, hiMin] = diag(xoff, xlim, yoff, ylim, findMinimal);
      stack.push([xmid, xlim, ymid, ylim, hiMin]);
      xlim = xmid;
      ylim = ymid;
      findMinimal = loMin;
    }
  }
}

/** GNU's shift_boundaries for one file: slide runs of changes down to join others, or as far as they go. */
function shiftBoundaries(equivs: Int32Array, changedArr: Uint8Array, otherArr: Uint8Array, iEnd: number): void {
  const changed = (i: number): number => changedArr[i + 1]!;
  const setChanged = (i: number, v: number): void => {
    changedArr[i + 1] = v;
  };
  const other = (j: number): number => otherArr[j + 1]!;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < iEnd && !changed(i)) {
      while (other(j++)) continue;
      i++;
    }
    if (i === iEnd) break;
    let start = i;
    while (changed(++i)) continue;
    while (other(j)) j++;
    let runlength: number;
    let corresponding: number;
    do {
      runlength = i - start;
      while (start && equivs[start - 1] === equivs[i - 1]) {
        setChanged(--start, 1);
        setChanged(--i, 0);
        while (changed(start - 1)) start--;
        while (other(--j)) continue;
      }
      corresponding = other(j - 1) ? i : iEnd;
      while (i !== iEnd && equivs[start] === equivs[i]) {
        setChanged(start++, 0);
        setChanged(i++, 1);
        while (changed(i)) i++;
        while (other(++j)) corresponding = i;
      }
    } while (runlength !== i - start);
    while (corresponding < i) {
      setChanged(--start, 1);
      setChanged(--i, 0);
      while (other(--j)) continue;
    }
  }
}
