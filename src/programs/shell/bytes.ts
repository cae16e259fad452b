// The shell works on bytes, as dash does in every locale: its strings hold one byte per char
// (latin1 code units), so ${#x}, `?` in patterns and IFS splitting count bytes. Text crosses to
// the kernel (paths, argv, environment) as real strings, decoded from UTF-8 at that boundary.

import { utf8Decode, utf8Encode } from '../../base/text.ts';

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/** A real string (from the kernel) as the shell's byte string. */
export function toBytes(s: string): string {
  if (ASCII.test(s)) return s;
  return bytesToLatin1(utf8Encode(s));
}

/** A shell byte string as a real string for the kernel. */
export function fromBytes(s: string): string {
  if (ASCII.test(s)) return s;
  return utf8Decode(latin1ToBytes(s));
}

export function bytesToLatin1(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 8192) out += String.fromCharCode(...b.subarray(i, i + 8192));
  return out;
}

export function latin1ToBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}
