// gnulib's filevercmp: "version" order of file names for ls -v and sort -V. Names are split
// into runs of non-digits (compared with letters before other bytes and '~' before anything,
// even the end) and digit runs (compared as numbers); ".", ".." and dot files come first, and
// file suffixes like ".tar.gz" are compared only when the rest is equal.

import { utf8Encode } from '../../base/text.ts';

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAlpha = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

function order(s: Uint8Array, pos: number, len: number): number {
  if (pos === len) return -1;
  const c = s[pos]!;
  if (isDigit(c)) return 0;
  if (isAlpha(c)) return c;
  if (c === 0x7e) return -2;
  return c + 256;
}

function verrevcmp(s1: Uint8Array, l1: number, s2: Uint8Array, l2: number): number {
  let p1 = 0;
  let p2 = 0;
  while (p1 < l1 || p2 < l2) {
    let firstDiff = 0;
    while ((p1 < l1 && !isDigit(s1[p1]!)) || (p2 < l2 && !isDigit(s2[p2]!))) {
      const c1 = order(s1, p1, l1);
      const c2 = order(s2, p2, l2);
      if (c1 !== c2) return c1 - c2;
      p1++;
      p2++;
    }
    while (p1 < l1 && s1[p1] === 0x30) p1++;
    while (p2 < l2 && s2[p2] === 0x30) p2++;
    while (p1 < l1 && p2 < l2 && isDigit(s1[p1]!) && isDigit(s2[p2]!)) {
      if (!firstDiff) firstDiff = s1[p1]! - s2[p2]!;
      p1++;
      p2++;
    }
    if (p1 < l1 && isDigit(s1[p1]!)) return 1;
    if (p2 < l2 && isDigit(s2[p2]!)) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

/** Length of the name without its suffix (\.[A-Za-z~][A-Za-z0-9~]*)*$. */
function prefixLen(s: Uint8Array): number {
  const n = s.length;
  let prefix = 0;
  for (let i = 0; ; ) {
    if (i === n) return prefix;
    i++;
    prefix = i;
    while (i + 1 < n && s[i] === 0x2e && (isAlpha(s[i + 1]!) || s[i + 1] === 0x7e)) {
      for (i += 2; i < n && (isAlpha(s[i]!) || isDigit(s[i]!) || s[i] === 0x7e); i++);
    }
  }
}

export function filevercmp(a: string, b: string): number {
  const s1 = utf8Encode(a);
  const s2 = utf8Encode(b);
  if (s1.length === 0) return s2.length === 0 ? 0 : -1;
  if (s2.length === 0) return 1;
  if (s1[0] === 0x2e) {
    if (s2[0] !== 0x2e) return -1;
    const adot = s1.length === 1;
    const bdot = s2.length === 1;
    if (adot) return bdot ? 0 : -1;
    if (bdot) return 1;
    const adotdot = s1[1] === 0x2e && s1.length === 2;
    const bdotdot = s2[1] === 0x2e && s2.length === 2;
    if (adotdot) return bdotdot ? 0 : -1;
    if (bdotdot) return 1;
  } else if (s2[0] === 0x2e) return 1;
  const p1 = prefixLen(s1);
  const p2 = prefixLen(s2);
  const onePass = p1 === s1.length && p2 === s2.length;
  const result = verrevcmp(s1, p1, s2, p2);
  return result || onePass ? result : verrevcmp(s1, s1.length, s2, s2.length);
}
