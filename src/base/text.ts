// UTF-8 conversion for code that may name no platform globals: every runtime we target (worker,
// page, Node) has TextEncoder/TextDecoder, so they are reached through a typed view of globalThis.

interface TextCodecs {
  TextEncoder: new () => { encode(s: string): Uint8Array };
  TextDecoder: new (label?: string) => { decode(b: Uint8Array, opts?: { stream?: boolean }): string };
}

const codecs = globalThis as unknown as TextCodecs;
const encoder = new codecs.TextEncoder();
const decoder = new codecs.TextDecoder('utf-8');

export function utf8Encode(s: string): Uint8Array {
  return encoder.encode(s);
}

export function utf8Decode(b: Uint8Array): string {
  return decoder.decode(b);
}

/** A decoder for a byte stream: a character split across two chunks comes out whole. */
export function utf8StreamDecoder(): (chunk: Uint8Array) => string {
  const d = new codecs.TextDecoder('utf-8');
  return (chunk) => d.decode(chunk, { stream: true });
}

/** Byte length of a string in UTF-8, without allocating for pure ASCII. */
export function utf8Length(s: string): number {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(s) ? s.length : encoder.encode(s).length;
}
