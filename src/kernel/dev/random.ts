// /dev/random and /dev/urandom (1:8 and 1:9). Since Linux 5.6 both hand out bytes from the same
// generator without blocking. The bytes come from a RandomSource: the platform's cryptographic
// generator in production, a seeded generator in tests so runs repeat exactly. Writes are
// accepted (they would mix entropy in) and change nothing.

import type { CharDevice, DeviceFile, DeviceRegistry } from './char-device.ts';
import { MAX_DEVICE_READ, MEM_MAJOR } from './mem.ts';

export interface RandomSource {
  /** Fill `out` with random bytes. */
  fill(out: Uint8Array): void;
}

interface CryptoGlobal {
  crypto: { getRandomValues(array: Uint8Array): Uint8Array };
}

/** crypto.getRandomValues, reached through a typed view of globalThis (worker, page and Node have it). */
export class CryptoRandom implements RandomSource {
  /** getRandomValues refuses more than 65536 bytes at a time. */
  private static readonly QUOTA = 65536;

  fill(out: Uint8Array): void {
    const c = (globalThis as unknown as CryptoGlobal).crypto;
    for (let at = 0; at < out.length; at += CryptoRandom.QUOTA) c.getRandomValues(out.subarray(at, at + CryptoRandom.QUOTA));
  }
}

/** A small deterministic generator (mulberry32): the same seed gives the same bytes. Not for secrets. */
export class SeededRandom implements RandomSource {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  fill(out: Uint8Array): void {
    for (let i = 0; i < out.length; i += 4) {
      let v = this.next();
      for (let j = i; j < Math.min(i + 4, out.length); j++) {
        out[j] = v & 0xff;
        v >>>= 8;
      }
    }
  }
}

function randomDevice(name: string, source: RandomSource): CharDevice {
  const file: DeviceFile = {
    async read(length) {
      const out = new Uint8Array(Math.max(0, Math.min(length, MAX_DEVICE_READ)));
      source.fill(out);
      return out;
    },
    async write(data) {
      return data.length;
    },
    async close() {},
  };
  return { name, open: async () => file };
}

export function registerRandomDevices(reg: DeviceRegistry, source: RandomSource): void {
  reg.register(MEM_MAJOR, 8, randomDevice('random', source));
  reg.register(MEM_MAJOR, 9, randomDevice('urandom', source));
}
