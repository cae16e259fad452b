// Content digests ("sha256:<hex>") and layer chain ids, over src/base/sha256. A chain id names
// a stack of layers: chainid(L1) = diffid(L1), chainid(L1..Ln) = sha256(chainid(L1..Ln-1) + " " +
// diffid(Ln)), so equal stacks share their directories on disk.

import { sha256Hex } from '../../base/sha256.ts';
import { utf8Encode } from '../../base/text.ts';

/** "sha256:<64 hex>" of the bytes (strings are taken as UTF-8). */
export function digestOf(bytes: Uint8Array | string): string {
  return `sha256:${sha256Hex(typeof bytes === 'string' ? utf8Encode(bytes) : bytes)}`;
}

/** The hex part of a digest ("sha256:abc" -> "abc"); a bare hex string is returned as is. */
export function hexOf(digest: string): string {
  const i = digest.indexOf(':');
  return i < 0 ? digest : digest.slice(i + 1);
}

export function isDigest(s: string): boolean {
  return /^sha256:[0-9a-f]{64}$/.test(s);
}

/** The chain id of each prefix of the stack (bottom first). */
export function chainIds(diffIds: readonly string[]): string[] {
  const out: string[] = [];
  for (const d of diffIds) {
    const prev = out[out.length - 1];
    out.push(prev === undefined ? d : digestOf(`${prev} ${d}`));
  }
  return out;
}

/** The chain id of a whole stack, null for no layers. */
export function chainIdOf(diffIds: readonly string[]): string | null {
  const all = chainIds(diffIds);
  return all[all.length - 1] ?? null;
}
