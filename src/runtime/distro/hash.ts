// Stable identifiers package databases carry (checksums, cache directory names), derived from the
// text they stand for so the same package always gets the same ones.

import { sha256, sha256Hex as hexOfBytes } from '../../base/sha256.ts';
import { utf8Encode } from '../../base/text.ts';
import { base64Encode } from '../base64.ts';

export function sha256Hex(text: string): string {
  return hexOfBytes(utf8Encode(text));
}

/** Base64 of the first `n` bytes of the text's SHA-256 (apk's Q1... checksums carry 20 bytes). */
export function base64Digest(text: string, n = 20): string {
  return base64Encode(sha256(utf8Encode(text)).subarray(0, n));
}
