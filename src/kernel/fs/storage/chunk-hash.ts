// The hash that names file chunks (SHA-256), whose code loads on first need: a first boot's
// root is written after the prompt, so that code is not on the way to it. Whoever hashes awaits
// loadChunkHash() once; chunkHash() then answers synchronously.

type Hash = (bytes: Uint8Array) => string;

let hash: Hash | null = null;
let loading: Promise<Hash> | null = null;

export function loadChunkHash(): Promise<Hash> {
  return (loading ??= import('../../../base/sha256.ts').then((m) => (hash = m.sha256Hex)));
}

/** The hash, once loadChunkHash() has settled. */
export function chunkHash(): Hash {
  if (!hash) throw new Error('the chunk hash is used before loadChunkHash() settled');
  return hash;
}
