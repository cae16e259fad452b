// cat on the simulated kernel: what a recording cannot show, that each chunk read goes out before
// the next read waits, so `cat fifo > log` shows a line while its writer is still open.

import { describe, expect, it } from 'vitest';
import { runSh } from '../../shell/run-sh.ts';

describe('cat', () => {
  it('writes what it read before it waits for more input', async () => {
    const r = await runSh(`mkfifo f
cat f > got &
exec 4>f
echo hi >&4
i=0; while [ ! -s got ] && [ $i -lt 2000 ]; do i=$((i+1)); done
echo "while open: $(cat got)"
exec 4>&-
wait
echo "after close: $(cat got)"`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('while open: hi\nafter close: hi\n');
  });
});
