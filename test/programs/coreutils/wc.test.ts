// wc and expr in a UTF-8 locale (the recordings run with LANG=C, where a character is a byte):
// -m counts characters, -L counts columns (two for wide characters), expr length and substr
// count characters.

import { describe, expect, it } from 'vitest';
import { runSh } from '../../shell/run-sh.ts';

const utf8 = ['PATH=/usr/bin:/bin', 'HOME=/root', 'LANG=C.UTF-8'];

describe('character counts in a UTF-8 locale', () => {
  it('wc -m counts characters and -L columns', async () => {
    const r = await runSh(String.raw`printf 'h\303\251\n\344\275\240\345\245\275\n' | wc -lmcL; printf 'h\303\251\n' | LANG=C wc -m`, { env: utf8 });
    expect(r.stdout).toBe('      2       6      11       4\n4\n');
  });

  it('expr measures characters', async () => {
    const r = await runSh(String.raw`w=$(printf 'h\303\251llo'); expr length "$w"; expr substr "$w" 2 2; LANG=C expr length "$w"; expr "$(printf '\303\251t\303\251')" : '.*'`, { env: utf8 });
    // Output is compared as bytes (latin1): "\xc3\xa9l" is "él".
    expect(r.stdout).toBe('5\n\xc3\xa9l\n6\n3\n');
  });
});
