// The kernel's number parsing as cgroup files apply it: kstrto* (strict, one trailing newline,
// base 0), memparse (suffixes, wrapping), page_counter_memparse (pages, "max", empty is 0).

import { describe, expect, it } from 'vitest';
import {
  PAGE_COUNTER_MAX, kstrtoint, kstrtoll, kstrtoull, memparse, pageCounterMemparse, scanUnsigned, strstrip,
} from '../../src/kernel/cgroup/parse.ts';

const code = (fn: () => unknown): string => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('kstrto*', () => {
  it('takes base 0 numbers with one trailing newline and nothing else', () => {
    expect(kstrtoull('42')).toBe(42n);
    expect(kstrtoull('42\n')).toBe(42n);
    expect(kstrtoull('+42')).toBe(42n);
    expect(kstrtoull('0x1f')).toBe(31n);
    expect(kstrtoull('010')).toBe(8n);
    expect(code(() => kstrtoull(' 42'))).toBe('EINVAL');
    expect(code(() => kstrtoull('42 '))).toBe('EINVAL');
    expect(code(() => kstrtoull('42\n\n'))).toBe('EINVAL');
    expect(code(() => kstrtoull(''))).toBe('EINVAL');
    expect(code(() => kstrtoull('-1'))).toBe('EINVAL');
    expect(code(() => kstrtoull('18446744073709551616'))).toBe('ERANGE');
    expect(code(() => kstrtoull('089'))).toBe('EINVAL');
  });

  it('signs and ranges', () => {
    expect(kstrtoll('-5')).toBe(-5n);
    expect(code(() => kstrtoll('-+5'))).toBe('EINVAL');
    expect(code(() => kstrtoll('9223372036854775808'))).toBe('ERANGE');
    expect(kstrtoll('-9223372036854775808')).toBe(-(2n ** 63n));
    expect(kstrtoint('2147483647')).toBe(2147483647);
    expect(code(() => kstrtoint('2147483648'))).toBe('ERANGE');
    expect(kstrtoint('-0x10')).toBe(-16);
  });
});

describe('memparse and page_counter_memparse', () => {
  it('reads suffixes in either case and returns the rest', () => {
    expect(memparse('4k')).toEqual({ value: 4096n, rest: '' });
    expect(memparse('1G')).toEqual({ value: 1n << 30n, rest: '' });
    expect(memparse('2e')).toEqual({ value: 2n << 60n, rest: '' });
    expect(memparse('5MB')).toEqual({ value: 5n << 20n, rest: 'B' });
    expect(memparse('x')).toEqual({ value: 0n, rest: 'x' });
    expect(memparse('16E').value).toBe(0n); // wraps past 2^64
  });

  it('rounds down to pages, knows "max", and takes an empty string as 0', () => {
    expect(pageCounterMemparse('1000000')).toBe(244);
    expect(pageCounterMemparse('100M')).toBe(25600);
    expect(pageCounterMemparse('max')).toBe(Infinity);
    expect(pageCounterMemparse('')).toBe(0);
    expect(pageCounterMemparse('9223372036854775807')).toBe(Infinity);
    expect(pageCounterMemparse(String(PAGE_COUNTER_MAX * 4096 - 4096))).toBe(PAGE_COUNTER_MAX - 1);
    expect(code(() => pageCounterMemparse('1.5M'))).toBe('EINVAL');
    expect(code(() => pageCounterMemparse('-1'))).toBe('EINVAL');
    expect(code(() => pageCounterMemparse('-1', '-1'))).toBe('ok');
  });

  it('strstrip and sscanf("%llu")', () => {
    expect(strstrip(' \t5M \n')).toBe('5M');
    expect(scanUnsigned('  50000 rest')).toEqual({ value: 50000n, rest: ' rest' });
    expect(scanUnsigned('-5')).toBeNull();
    expect(scanUnsigned('')).toBeNull();
  });
});
