// diff on the simulated kernel: what the diff-* conformance recordings cannot show — files of
// 10,000 lines with scattered changes (the hunks and their line numbers), headers under a TZ
// with an offset, directories compared whatever order the filesystem lists them in, and the
// usage errors.

import { describe, expect, it } from 'vitest';
import { runSh } from '../shell/run-sh.ts';

function numbered(n: number, change: (i: number) => string | null): string {
  const out: string[] = [];
  for (let i = 1; i <= n; i++) {
    const line = change(i);
    if (line !== null) out.push(line);
  }
  return out.join('\n') + '\n';
}

describe('diff', () => {
  it('compares files of 10,000 lines and reports each change in place', async () => {
    const a = numbered(10000, (i) => `line ${i}`);
    const b = numbered(10000, (i) => (i % 2500 === 0 ? `changed ${i}` : i === 7000 ? null : `line ${i}`));
    const r = await runSh('diff /tmp/a /tmp/b; echo $?', { files: { '/tmp/a': a, '/tmp/b': b } });
    expect(r.stdout).toBe(
      '2500c2500\n< line 2500\n---\n> changed 2500\n' +
        '5000c5000\n< line 5000\n---\n> changed 5000\n' +
        '7000d6999\n< line 7000\n' +
        '7500c7499\n< line 7500\n---\n> changed 7500\n' +
        '10000c9999\n< line 10000\n---\n> changed 10000\n1\n',
    );
  });

  it('finds a short script when everything differs (GNU gives up being minimal on huge costs)', async () => {
    const a = numbered(3000, (i) => `a ${i}`);
    const b = numbered(3000, (i) => `b ${i}`);
    const r = await runSh('diff /tmp/a /tmp/b | head -1; diff -q /tmp/a /tmp/b', { files: { '/tmp/a': a, '/tmp/b': b } });
    expect(r.stdout).toBe('1,3000c1,3000\nFiles /tmp/a and /tmp/b differ\n');
  });

  it('prints header times in the zone TZ names', async () => {
    const r = await runSh('echo a > 1; echo b > 2; touch -d @1700000000 1 2; TZ=UTC-2 diff -u 1 2 | head -2; TZ=EST5 diff -c 1 2 | head -1', {});
    expect(r.stdout).toBe('--- 1\t2023-11-15 00:13:20.000000000 +0200\n+++ 2\t2023-11-15 00:13:20.000000000 +0200\n*** 1\tTue Nov 14 17:13:20 2023\n');
  });

  it('lists directory entries in name order, not in the order they were made', async () => {
    const r = await runSh('mkdir a b; for f in z m c; do echo $f > a/$f; done; for f in c q; do echo $f$f > b/$f; done; diff -r a b');
    expect(r.stdout).toBe('diff -r a/c b/c\n1c1\n< c\n---\n> cc\nOnly in a: m\nOnly in b: q\nOnly in a: z\n');
    expect(r.status).toBe(1);
  });

  it("answers usage errors with GNU's two lines and status 2", async () => {
    const r = await runSh('diff a; echo $?; diff -Q a b; echo $?');
    expect(r.stdout).toBe('2\n2\n');
    expect(r.stderr).toBe("diff: missing operand after 'a'\ndiff: Try 'diff --help' for more information.\n" +
      "diff: invalid option -- 'Q'\ndiff: Try 'diff --help' for more information.\n");
  });
});
