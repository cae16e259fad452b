// strace writing its trace (-o FILE) where writes fail: like strace 6.1 it names the file at
// each failed write, goes on tracing, and ends with the traced command's status.

import { describe, expect, it } from 'vitest';
import { runSh } from '../shell/run-sh.ts';

describe('strace -o on a full device', () => {
  it('names the file at each failed write and goes on tracing', async () => {
    const r = await runSh('strace -o /dev/full true; echo "status $?"');
    expect(r.stdout).toBe('status 0\n');
    expect(r.stderr).toMatch(/^(strace: \/dev\/full: No space left on device\n)+$/);
  });
});
