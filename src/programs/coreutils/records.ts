// Lines as the byte-minded text tools (comm, join, tsort, shuf, split) see them in the C locale:
// each byte is one character (a latin1 string), so string comparison is memcmp's order and
// every byte, valid UTF-8 or not, comes back out unchanged.

import type { Sys } from '../../sys/sys.ts';

/** Bytes as a string with one character per byte. */
export function bytesToLatin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

/** The inverse of bytesToLatin1. */
export function latin1ToBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** Records of text ended by `delim`; a last record without its delimiter still counts. */
export function splitRecords(text: string, delim: string): string[] {
  if (text === '') return [];
  const out = text.split(delim);
  if (text.endsWith(delim)) out.pop();
  return out;
}

/** The whole of an open descriptor as a latin1 string. */
export async function readLatin1(sys: Sys, fd: number): Promise<string> {
  return bytesToLatin1(await sys.readAll(fd));
}
