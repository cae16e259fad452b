// grep on the simulated kernel: what the grep-* conformance recordings cannot show — symbolic
// links under -r and -R, big inputs read in chunks (context and line numbers across chunk
// edges), the output file refusing to be an input, --color=auto without a terminal, and the
// help GNU prints for a colour word it does not know.

import { describe, expect, it } from 'vitest';
import type { Sys } from '../../src/sys/sys.ts';
import { runSh } from '../shell/run-sh.ts';

/** `ln -s TARGET NAME`, for trees with links (the machine has no ln yet). */
const symlink = async (sys: Sys): Promise<number> => {
  await sys.symlink(sys.argv[1]!, sys.argv[2]!);
  return 0;
};

describe('grep', () => {
  it('-r skips symbolic links found inside directories; -R follows them; named links are followed', async () => {
    const r = await runSh(
      'mkdir -p d/sub t; echo hello > t/a; echo hello > d/f; mklink ../t/a d/l1; mklink ../t d/ldir; ' +
        'grep -r hello d; echo ==; grep -R hello d | sort_lines; echo ==; grep -r hello d/l1 d/ldir',
      { programs: { mklink: symlink, sort_lines: sortLines } },
    );
    expect(r.stdout).toBe('d/f:hello\n==\nd/f:hello\nd/l1:hello\nd/ldir/a:hello\n==\nd/l1:hello\nd/ldir/a:hello\n');
    expect(r.status).toBe(0);
  });

  it('finds lines, numbers and context across the edges of its read chunks', async () => {
    const lines: string[] = [];
    for (let i = 1; i <= 200000; i++) lines.push(i % 50000 === 0 ? `match ${i}` : `line ${i} of filler text`);
    const r = await runSh('grep -n -C1 match /tmp/big; grep -c filler /tmp/big; grep -vc filler /tmp/big', {
      files: { '/tmp/big': lines.join('\n') + '\n' },
    });
    const expected: string[] = [];
    for (const n of [50000, 100000, 150000, 200000]) {
      if (n !== 50000) expected.push('--');
      expected.push(`${n - 1}-line ${n - 1} of filler text`, `${n}:match ${n}`);
      if (n < 200000) expected.push(`${n + 1}-line ${n + 1} of filler text`);
    }
    expect(r.stdout).toBe(`${expected.join('\n')}\n199996\n4\n`);
  });

  it('takes context lines from the previous read chunk (lines of 16 bytes fill a 256 KiB chunk exactly)', async () => {
    const lines: string[] = [];
    for (let i = 1; i <= 40000; i++) lines.push(i === 16384 || i === 16385 ? `MATCH ${String(i).padStart(9, '0')}` : `line ${String(i).padStart(10, '0')}`);
    const r = await runSh('grep -n -B2 -A2 MATCH /tmp/big', { files: { '/tmp/big': lines.join('\n') + '\n' } });
    expect(r.stdout).toBe(
      '16382-line 0000016382\n16383-line 0000016383\n16384:MATCH 000016384\n16385:MATCH 000016385\n16386-line 0000016386\n16387-line 0000016387\n',
    );
  });

  it('refuses to read the file its output goes to', async () => {
    const r = await runSh('echo foo > a; echo foo > b; grep foo a b > b; echo $?; cat b');
    expect(r.stdout).toBe('2\na:foo\n');
    expect(r.stderr).toBe('grep: b: input file is also the output\n');
  });

  it('does not colour with --color=auto when the output is not a terminal', async () => {
    const r = await runSh('echo foo | grep --color=auto foo; echo foo | grep --color foo');
    expect(r.stdout).toBe('foo\nfoo\n');
  });

  it('prints its help and succeeds on an unknown --color word, as GNU grep does', async () => {
    const r = await runSh('grep --color=sometimes x /dev/null; echo $?');
    expect(r.stdout).toMatch(/^Usage: grep \[OPTION\]\.\.\. PATTERNS \[FILE\]\.\.\./);
    expect(r.stdout).toMatch(/\n0\n$/);
  });

  it('answers --version and -V with GNU grep 3.8', async () => {
    const r = await runSh('grep -V | head -1; egrep --version | head -1');
    expect(r.stdout).toBe('grep (GNU grep) 3.8\ngrep (GNU grep) 3.8\n');
  });

  it('stops at the first match with -q, before an operand that does not exist', async () => {
    const r = await runSh('echo hit > a; grep -q hit a nosuch; echo $?');
    expect(r.stdout).toBe('0\n');
    expect(r.stderr).toBe('');
  });

  it('matches multibyte characters in a UTF-8 locale', async () => {
    const r = await runSh('printf "café\\nCAFÉ\\n" | grep -i -o "É"', { env: ['PATH=/bin', 'LANG=C.UTF-8'] });
    expect(r.stdout).toBe('é\nÉ\n'.replace(/[^\x00-\x7f]/g, (c) => Buffer.from(c, 'utf8').toString('latin1')));
  });
});

/** `sort` for a few lines (the machine has no sort yet). */
async function sortLines(sys: Sys): Promise<number> {
  const text = new TextDecoder().decode(await sys.readAll(0));
  const lines = text.split('\n').filter((l) => l !== '').sort();
  await sys.writeAll(1, lines.map((l) => `${l}\n`).join(''));
  return 0;
}
