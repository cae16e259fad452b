// jq: what the recordings cannot show: a large input, the help text and the usage error (our
// own layout there, not jq's), and a filter that reads from a pipe.

import { describe, expect, it } from 'vitest';
import { runSh } from '../shell/run-sh.ts';

describe('jq', () => {
  it('handles a large input in one pass', async () => {
    const big = `[${Array.from({ length: 20000 }, (_, i) => `{"id":${i},"name":"n${i}","tags":["a","b"]}`).join(',')}]`;
    const r = await runSh("jq -c 'map(select(.id % 5000 == 0) | .name)' /tmp/big.json; jq length /tmp/big.json", { files: { '/tmp/big.json': big } });
    expect(r.stdout).toBe('["n0","n5000","n10000","n15000"]\n20000\n');
    expect(r.status).toBe(0);
  }, 60000);

  it('reads from a pipe and prints its help', async () => {
    const r = await runSh("printf '{\"a\":[1,2]}' | jq '.a | add'; jq --help | head -1; jq -h >/dev/null; echo $?");
    expect(r.stdout).toBe('3\nUsage: jq [OPTION]... FILTER [FILE]...\n0\n');
  });

  it('answers a missing filter with its usage and status 2', async () => {
    const r = await runSh('jq; echo status $?');
    expect(r.stdout).toBe('status 2\n');
    expect(r.stderr).toContain('Use jq --help for help with command-line options');
  });
});
