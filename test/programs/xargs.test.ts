// xargs on the simulated kernel: command lines split at the size limit, the child's status
// mapped to xargs's, and input read as a stream.

import { describe, expect, it } from 'vitest';
import { runSh } from '../shell/run-sh.ts';

describe('xargs', () => {
  it('splits a long input into several command lines under -s', async () => {
    const r = await runSh(`awk 'BEGIN { for (i = 0; i < 100; i++) print "item" i }' | xargs -s 200 sh -c 'echo $#' sh`);
    const counts = r.stdout.trim().split('\n').map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(100);
    expect(counts.length).toBeGreaterThan(1);
  });

  it('passes arguments exactly, quotes and all', async () => {
    const r = await runSh(`printf '%s\\n' "a b" "'q'" 'back\\\\slash' | xargs -d '\\n' -n1 sh -c 'printf "[%s]\\n" "$1"' sh`);
    expect(r.stdout).toBe("[a b]\n['q']\n[back\\\\slash]\n");
  });

  it('reports a command killed by a signal with status 125', async () => {
    const r = await runSh(`echo x | xargs sh -c 'kill -TERM $$'; echo status $?`);
    expect(r.stderr).toBe('xargs: sh: terminated by signal 15\n');
    expect(r.stdout).toBe('status 125\n');
  });
});
