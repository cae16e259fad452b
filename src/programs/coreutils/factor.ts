// factor (GNU coreutils): print each number followed by its prime factors, smallest first.
// Numbers come from the operands or, without any, from the words of standard input; they may
// be of any size (GNU's build with GMP has no limit): small factors by trial division, the
// rest by Pollard's rho, with Miller-Rabin saying when what is left is prime.

import { utf8StreamDecoder } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote } from '../lib/quote.ts';
import { runTool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'factor', package: 'GNU coreutils', version: '9.1',
  usage: ['[NUMBER]...', 'OPTION'],
  summary: 'Print the prime factors of each NUMBER, or of each number read from standard input\nwhen there is no NUMBER.',
  options: [],
};

const SMALL_PRIMES: number[] = [];
for (let n = 2; n < 1000; n++) if (SMALL_PRIMES.every((p) => n % p !== 0)) SMALL_PRIMES.push(n);

function powmod(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  base %= mod;
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % mod;
    base = (base * base) % mod;
    exp >>= 1n;
  }
  return result;
}

/** Miller-Rabin; the first 20 prime bases settle every number below 2^64 and are a very safe bet above. */
function isPrime(n: bigint): boolean {
  if (n < 2n) return false;
  for (const p of SMALL_PRIMES.slice(0, 20)) {
    const b = BigInt(p);
    if (n === b) return true;
    if (n % b === 0n) return false;
  }
  let d = n - 1n;
  let s = 0;
  while (!(d & 1n)) {
    d >>= 1n;
    s++;
  }
  for (const p of SMALL_PRIMES.slice(0, 20)) {
    let x = powmod(BigInt(p), d, n);
    if (x === 1n || x === n - 1n) continue;
    let composite = true;
    for (let r = 1; r < s; r++) {
      x = (x * x) % n;
      if (x === n - 1n) {
        composite = false;
        break;
      }
    }
    if (composite) return false;
  }
  return true;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Brent's variant of Pollard's rho: some factor of the composite n (other than 1 and n). A big
 * factor can take minutes (GNU's too), so it stops at a system call now and then: the machine
 * keeps running and ^C reaches us.
 */
async function rho(n: bigint, pause: () => Promise<void>): Promise<bigint> {
  for (let c = 1n; ; c++) {
    const f = (x: bigint): bigint => (x * x + c) % n;
    let y = 2n;
    let r = 1;
    let q = 1n;
    let g = 1n;
    let x = y;
    let ys = y;
    const m = 128;
    do {
      x = y;
      for (let i = 0; i < r; i++) y = f(y);
      for (let k = 0; k < r && g === 1n; k += m) {
        if (k % 8192 === 0) await pause();
        ys = y;
        for (let i = 0; i < Math.min(m, r - k); i++) {
          y = f(y);
          q = (q * (x > y ? x - y : y - x)) % n;
        }
        g = gcd(q, n);
      }
      r *= 2;
    } while (g === 1n);
    if (g === n) {
      do {
        ys = f(ys);
        g = gcd(x > ys ? x - ys : ys - x, n);
      } while (g === 1n);
    }
    if (g !== n) return g;
  }
}

export async function factorize(n: bigint, pause: () => Promise<void>): Promise<bigint[]> {
  const out: bigint[] = [];
  for (const p of SMALL_PRIMES) {
    const b = BigInt(p);
    if (b * b > n) break;
    while (n % b === 0n) {
      out.push(b);
      n /= b;
    }
  }
  const stack = n > 1n ? [n] : [];
  while (stack.length) {
    const m = stack.pop()!;
    if (isPrime(m)) out.push(m);
    else {
      const d = await rho(m, pause);
      stack.push(d, m / d);
    }
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export default function factor(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const one = async (word: string): Promise<void> => {
      const m = /^[ \t\n\v\f\r]*\+?([0-9]+)$/.exec(word);
      if (!m) {
        await tool.out.flush();
        await tool.error(`${quote(word)} is not a valid positive integer`);
        return;
      }
      const n = BigInt(m[1]!);
      const factors = n > 1n ? await factorize(n, () => sys.yield()) : [];
      await tool.out.write(`${n}:${factors.map((f) => ` ${f}`).join('')}\n`);
    };
    if (tool.args.operands.length) {
      for (const w of tool.args.operands) await one(w);
      return;
    }
    let pending = '';
    const decode = utf8StreamDecoder();
    for (let chunk = await sys.read(0, 65536); chunk.length; chunk = await sys.read(0, 65536)) {
      pending += decode(chunk);
      const words = pending.split(/[ \t\n]+/);
      pending = words.pop()!;
      for (const w of words) if (w !== '') await one(w);
      // A number typed at a terminal is answered when its line ends.
      await tool.out.flush();
    }
    if (pending !== '') await one(pending);
  });
}
