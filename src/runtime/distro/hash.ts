// Stable identifiers package databases carry (checksums, cache directory names), derived from the
// text they stand for so the same package always gets the same ones.

import { sha256, sha256Hex as hexOfBytes } from '../../base/sha256.ts';
import { utf8Encode } from '../../base/text.ts';

export function sha256Hex(text: string): string {
  return hexOfBytes(utf8Encode(text));
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of the first `n` bytes of the text's SHA-256 (apk's Q1... checksums carry 20 bytes). */
export function base64Digest(text: string, n = 20): string {
  const b = sha256(utf8Encode(text)).subarray(0, n);
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const x = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += B64[(x >> 18) & 63]! + B64[(x >> 12) & 63]! + (i + 1 < b.length ? B64[(x >> 6) & 63]! : '=') + (i + 2 < b.length ? B64[x & 63]! : '=');
  }
  return out;
}
