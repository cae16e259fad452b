// Which 4 KiB pages of a sparse file hold data, as sorted runs: tmpfs gives a page to a file when
// a write reaches it and takes it back at truncate, so `truncate -s 1G` or `dd seek=` costs only
// the pages written. Runs are kept as a flat array [start0, end0, start1, end1, ...] of
// disjoint, non-touching half-open ranges; a file written from its start is one run.

/** Add pages [a, b) to `runs`; returns how many of them were not there before. */
export function addRun(runs: number[], a: number, b: number): number {
  if (b <= a) return 0;
  // First run that ends at or after a (it may touch or overlap [a, b)).
  let i = 0;
  while (i < runs.length && runs[i + 1]! < a) i += 2;
  let start = a;
  let end = b;
  let covered = 0;
  let j = i;
  // Swallow every run that overlaps or touches [start, end).
  while (j < runs.length && runs[j]! <= end) {
    const s = runs[j]!;
    const e = runs[j + 1]!;
    covered += Math.max(0, Math.min(e, b) - Math.max(s, a));
    start = Math.min(start, s);
    end = Math.max(end, e);
    j += 2;
  }
  runs.splice(i, j - i, start, end);
  return b - a - covered;
}

/** Drop every page at or past `from`; returns how many were dropped. */
export function cutRuns(runs: number[], from: number): number {
  let dropped = 0;
  while (runs.length > 0) {
    const s = runs[runs.length - 2]!;
    const e = runs[runs.length - 1]!;
    if (e <= from) break;
    if (s >= from) {
      dropped += e - s;
      runs.length -= 2;
    } else {
      dropped += e - from;
      runs[runs.length - 1] = from;
      break;
    }
  }
  return dropped;
}

/** How many pages of [a, b) are not in `runs`. */
export function missingIn(runs: readonly number[], a: number, b: number): number {
  let have = 0;
  for (let i = 0; i < runs.length; i += 2) {
    const s = runs[i]!;
    const e = runs[i + 1]!;
    if (s >= b) break;
    have += Math.max(0, Math.min(e, b) - Math.max(s, a));
  }
  return Math.max(0, b - a - have);
}

/** Whether page p is in `runs`. */
export function hasPage(runs: readonly number[], p: number): boolean {
  for (let i = 0; i < runs.length; i += 2) {
    if (p < runs[i]!) return false;
    if (p < runs[i + 1]!) return true;
  }
  return false;
}
