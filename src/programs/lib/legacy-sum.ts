// The three old checksums of sum and cksum (GNU coreutils' sum.c and cksum.c): POSIX cksum's
// CRC-32, the BSD 16-bit rotating sum (sum -r), and the System V byte sum (sum -s); each with
// the line layout the tools print for it. Fed in pieces, since a file is read in chunks.

import { isSysError, type ErrnoName } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';

export type LegacyKind = 'crc' | 'bsd' | 'sysv';

// The CRC table for POSIX's polynomial 0x04C11DB7, most significant bit first, unreflected.
const CRC_TABLE = new Uint32Array(256);
for (let i = 0; i < 256; i++) {
  let c = i << 24;
  for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
  CRC_TABLE[i] = c >>> 0;
}

export class LegacySum {
  private crc = 0;
  private bsd = 0;
  private sysv = 0;
  private length = 0;

  constructor(readonly kind: LegacyKind) {}

  update(data: Uint8Array): this {
    this.length += data.length;
    if (this.kind === 'crc') {
      let c = this.crc;
      for (let i = 0; i < data.length; i++) c = (c << 8) ^ CRC_TABLE[((c >>> 24) ^ data[i]!) & 0xff]!;
      this.crc = c;
    } else if (this.kind === 'bsd') {
      let s = this.bsd;
      // Rotate the 16-bit sum right by one, then add the byte.
      for (let i = 0; i < data.length; i++) s = (((s >>> 1) | ((s & 1) << 15)) + data[i]!) & 0xffff;
      this.bsd = s;
    } else {
      let s = this.sysv;
      for (let i = 0; i < data.length; i++) s = (s + data[i]!) >>> 0;
      this.sysv = s;
    }
    return this;
  }

  /** The printed line without its end: "CRC SIZE", "SUM BLOCKS" (1K blocks) or "SUM BLOCKS" (512). */
  line(name: string | null): string {
    const tail = name === null ? '' : ` ${name}`;
    if (this.kind === 'crc') return `${this.crcValue()} ${this.length}${tail}`;
    if (this.kind === 'bsd') {
      const blocks = Math.ceil(this.length / 1024);
      return `${String(this.bsd).padStart(5, '0')} ${String(blocks).padStart(5)}${tail}`;
    }
    const r = (this.sysv & 0xffff) + (this.sysv >>> 16);
    return `${(r & 0xffff) + (r >>> 16)} ${Math.ceil(this.length / 512)}${tail}`;
  }

  /** POSIX's CRC: the data, then its length in as few bytes as it takes (low byte first), inverted. */
  private crcValue(): number {
    let c = this.crc;
    for (let n = this.length; n > 0; n = Math.floor(n / 256)) c = (c << 8) ^ CRC_TABLE[((c >>> 24) ^ n) & 0xff]!;
    return ~c >>> 0;
  }
}

/**
 * Read file `name` ('-': standard input) into a sum of `kind`; a SysError's code when it cannot
 * be read. cksum's CRC in coreutils 9.1 reads with stdio and does not look at read errors, so a
 * directory sums as empty there: `emptyOnEISDIR` keeps that.
 */
export async function legacySumFile(sys: Sys, kind: LegacyKind, name: string, emptyOnEISDIR = false): Promise<LegacySum | ErrnoName> {
  const sum = new LegacySum(kind);
  let fd = 0;
  try {
    if (name !== '-') fd = await sys.open(name, 0);
    for (let chunk = await sys.read(fd, 65536); chunk.length > 0; chunk = await sys.read(fd, 65536)) sum.update(chunk);
    return sum;
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (emptyOnEISDIR && e.code === 'EISDIR') return sum;
    return e.code;
  } finally {
    if (fd !== 0) await sys.close(fd);
  }
}
