// gnulib's filevercmp: the "natural" order of names with version numbers that sort -V and ls -v
// use. Digit runs compare as numbers, '~' sorts before everything (even the end), letters before
// other characters; ".", ".." and then other dot-names come first; a suffix chain such as
// ".tar.gz" is set aside on the first comparison. Strings hold one char per byte.

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

function order(c: number): number {
  if (isDigit(c)) return 0;
  if (isAlpha(c)) return c;
  if (c === 126) return -1;
  return c + 256;
}

function verrevcmp(a: string, alen: number, b: string, blen: number): number {
  let i = 0;
  let j = 0;
  while (i < alen || j < blen) {
    let firstDiff = 0;
    while ((i < alen && !isDigit(a.charCodeAt(i))) || (j < blen && !isDigit(b.charCodeAt(j)))) {
      const ac = i === alen ? 0 : order(a.charCodeAt(i));
      const bc = j === blen ? 0 : order(b.charCodeAt(j));
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (i < alen && a.charCodeAt(i) === 48) i++;
    while (j < blen && b.charCodeAt(j) === 48) j++;
    while (i < alen && j < blen && isDigit(a.charCodeAt(i)) && isDigit(b.charCodeAt(j))) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (i < alen && isDigit(a.charCodeAt(i))) return 1;
    if (j < blen && isDigit(b.charCodeAt(j))) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

/** Length of a name without its suffix chain such as ".tar.gz" (which never starts at byte 0). */
function prefixLen(s: string): number {
  const m = /(?:\.[A-Za-z~][A-Za-z0-9~]*)+$/.exec(s.slice(1));
  return m ? m.index + 1 : s.length;
}

export function filevercmp(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return -1;
  if (b === '') return 1;
  if (a[0] === '.') {
    if (b[0] !== '.') return -1;
    if (a === '.') return -1;
    if (b === '.') return 1;
    if (a === '..') return -1;
    if (b === '..') return 1;
  } else if (b[0] === '.') return 1;
  const ap = prefixLen(a);
  const bp = prefixLen(b);
  const result = verrevcmp(a, ap, b, bp);
  return result || (ap === a.length && bp === b.length) ? result : verrevcmp(a, a.length, b, b.length);
}
