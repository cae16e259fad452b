// dd's conversions (conv=ascii, ebcdic, ibm, lcase, ucase, swab, block, unblock), applied to each
// block read in the order GNU dd applies them: translate, swap byte pairs, then cut or join
// records of cbs bytes. The three character-set tables are POSIX dd's, as GNU dd 9.1 has them.

import type { Conversion } from './dd-operands.ts';

function table(hex: string): Uint8Array {
  const t = new Uint8Array(256);
  for (let i = 0; i < 256; i++) t[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return t;
}

const EBCDIC_TO_ASCII = table(
  '000102039c09867f978d8e0b0c0d0e0f101112139d8508871819928f1c1d1e1f80818283840a171b88898a8b8c050607909116939495960498999a9b14159e1a' +
  '20a0a1a2a3a4a5a6a7a8d52e3c282b7c26a9aaabacadaeafb0b121242a293b7e2d2fb2b3b4b5b6b7b8b9cb2c255f3e3fbabbbcbdbebfc0c1c2603a2340273d22' +
  'c3616263646566676869c4c5c6c7c8c9ca6a6b6c6d6e6f7071725ecccdcecfd0d1e5737475767778797ad2d3d45bd6d7d8d9dadbdcdddedfe0e1e2e3e45de6e7' +
  '7b414243444546474849e8e9eaebeced7d4a4b4c4d4e4f505152eeeff0f1f2f35c9f535455565758595af4f5f6f7f8f930313233343536373839fafbfcfdfeff',
);
const ASCII_TO_EBCDIC = table(
  '00010203372d2e2f1605250b0c0d0e0f101112133c3d322618193f271c1d1e1f405a7f7b5b6c507d4d5d5c4e6b604b61f0f1f2f3f4f5f6f7f8f97a5e4c7e6e6f' +
  '7cc1c2c3c4c5c6c7c8c9d1d2d3d4d5d6d7d8d9e2e3e4e5e6e7e8e9ade0bd9a6d79818283848586878889919293949596979899a2a3a4a5a6a7a8a9c04fd05f07' +
  '202122232415061728292a2b2c090a1b30311a333435360838393a3b04143ee14142434445464748495152535455565758596263646566676869707172737475' +
  '767778808a8b8c8d8e8f906a9b9c9d9e9fa0aaabac4aaeafb0b1b2b3b4b5b6b7b8b9babbbca1bebfcacbcccdcecfdadbdcdddedfeaebecedeeeffafbfcfdfeff',
);
const ASCII_TO_IBM = table(
  '00010203372d2e2f1605250b0c0d0e0f101112133c3d322618193f271c1d1e1f405a7f7b5b6c507d4d5d5c4e6b604b61f0f1f2f3f4f5f6f7f8f97a5e4c7e6e6f' +
  '7cc1c2c3c4c5c6c7c8c9d1d2d3d4d5d6d7d8d9e2e3e4e5e6e7e8e9ade0bd5f6d79818283848586878889919293949596979899a2a3a4a5a6a7a8a9c04fd0a107' +
  '202122232415061728292a2b2c090a1b30311a333435360838393a3b04143ee14142434445464748495152535455565758596263646566676869707172737475' +
  '767778808a8b8c8d8e8f909a9b9c9d9e9fa0aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfcacbcccdcecfdadbdcdddedfeaebecedeeeffafbfcfdfeff',
);

/** What turns input blocks into output bytes, with the state that crosses block boundaries. */
export class Converter {
  private readonly trans: Uint8Array | null;
  private readonly newline: number;
  private readonly space: number;
  private readonly swab: boolean;
  private readonly mode: 'block' | 'unblock' | 'simple';
  /** The odd byte conv=swab holds until its partner comes (or the input ends). */
  private saved = -1;
  /** Column within the current record (block and unblock). */
  private col = 0;
  private pendingSpaces = 0;
  /** Input lines cut short to cbs bytes by conv=block. */
  truncated = 0;

  constructor(conv: Set<Conversion>, private readonly cbs: number) {
    const t = new Uint8Array(256);
    for (let i = 0; i < 256; i++) t[i] = i;
    let needed = false;
    const through = (map: Uint8Array): void => {
      for (let i = 0; i < 256; i++) t[i] = map[t[i]!]!;
      needed = true;
    };
    if (conv.has('ascii')) through(EBCDIC_TO_ASCII);
    if (conv.has('ucase') || conv.has('lcase')) {
      const up = conv.has('ucase');
      for (let i = 0; i < 256; i++) {
        const c = t[i]!;
        if (up && c >= 0x61 && c <= 0x7a) t[i] = c - 32;
        if (!up && c >= 0x41 && c <= 0x5a) t[i] = c + 32;
      }
      needed = true;
    }
    let newline = 0x0a;
    let space = 0x20;
    const outSet = conv.has('ebcdic') ? ASCII_TO_EBCDIC : conv.has('ibm') ? ASCII_TO_IBM : null;
    if (outSet) {
      through(outSet);
      newline = outSet[0x0a]!;
      space = outSet[0x20]!;
    }
    this.trans = needed ? t : null;
    this.newline = newline;
    this.space = space;
    this.swab = conv.has('swab');
    this.mode = conv.has('block') ? 'block' : conv.has('unblock') ? 'unblock' : 'simple';
  }

  /** The space a conv=sync pad uses: spaces when records are converted, else NULs. */
  get padByte(): number {
    return this.mode === 'simple' ? 0 : 0x20;
  }

  /** One block read, converted. */
  convert(block: Uint8Array): Uint8Array {
    let buf = block;
    if (this.trans) {
      buf = new Uint8Array(block.length);
      for (let i = 0; i < block.length; i++) buf[i] = this.trans[block[i]!]!;
    }
    if (this.swab) buf = this.swapPairs(buf);
    return this.shape(buf);
  }

  /** What is left at the end of the input: an odd swab byte, a short last record's padding or newline. */
  finish(): Uint8Array {
    const parts: number[] = [];
    if (this.saved >= 0) {
      parts.push(...this.shape(Uint8Array.of(this.saved)));
      this.saved = -1;
    }
    if (this.mode === 'block' && this.col > 0) for (let i = this.col; i < this.cbs; i++) parts.push(this.space);
    if (this.mode === 'unblock' && this.col > 0) parts.push(this.newline);
    return Uint8Array.from(parts);
  }

  private swapPairs(buf: Uint8Array): Uint8Array {
    const all = this.saved >= 0 ? new Uint8Array(buf.length + 1) : buf.slice();
    if (this.saved >= 0) {
      all[0] = this.saved;
      all.set(buf, 1);
    }
    const even = all.length - (all.length % 2);
    this.saved = even < all.length ? all[even]! : -1;
    const out = all.subarray(0, even);
    for (let i = 0; i + 1 < even; i += 2) {
      const a = out[i]!;
      out[i] = out[i + 1]!;
      out[i + 1] = a;
    }
    return out;
  }

  private shape(buf: Uint8Array): Uint8Array {
    if (this.mode === 'simple') return buf;
    const out: number[] = [];
    if (this.mode === 'block') {
      // Lines become records of cbs bytes: padded with spaces, or cut (and counted) when longer.
      for (const c of buf) {
        if (c === this.newline) {
          for (let j = this.col; j < this.cbs; j++) out.push(this.space);
          this.col = 0;
        } else {
          if (this.col === this.cbs) this.truncated++;
          else if (this.col < this.cbs) out.push(c);
          this.col++;
        }
      }
    } else {
      // Records of cbs bytes become lines, without their trailing spaces.
      for (let i = 0; i < buf.length; i++) {
        const c = buf[i]!;
        if (this.col++ >= this.cbs) {
          this.col = this.pendingSpaces = 0;
          i--;
          out.push(this.newline);
        } else if (c === this.space) this.pendingSpaces++;
        else {
          for (; this.pendingSpaces > 0; this.pendingSpaces--) out.push(this.space);
          out.push(c);
        }
      }
    }
    return Uint8Array.from(out);
  }
}
