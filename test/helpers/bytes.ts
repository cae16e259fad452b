// Test data: bytes that do not repeat from chunk to chunk (a small LCG), so deduplication and
// chunk sharing cannot make a wrong read look right.

export function pattern(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}
