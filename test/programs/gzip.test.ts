// gzip on the simulated kernel: the compressed file keeps the original's mode, owner and times,
// decompression gives back the bytes exactly, and the stored name and time come back with -N.

import { describe, expect, it } from 'vitest';
import { runSh } from '../shell/run-sh.ts';

describe('gzip', () => {
  it('keeps mode, owner and times on both sides', async () => {
    const r = await runSh(`printf 'abc' > f; chmod 604 f; chown 7:8 f; touch -d @1500000000 f; gzip f; stat -c '%n %a %u %g %Y' f.gz; gunzip f.gz; stat -c '%n %a %u %g %Y' f`);
    expect(r.stdout).toBe('f.gz 604 7 8 1500000000\nf 604 7 8 1500000000\n');
  });

  it('round-trips binary data', async () => {
    const r = await runSh(`awk 'BEGIN { for (i = 0; i < 256; i++) printf "%c", i }' > bin; gzip -c bin | gunzip -c | od -An -tx1 | tail -1`);
    expect(r.stdout).toBe(' f0 f1 f2 f3 f4 f5 f6 f7 f8 f9 fa fb fc fd fe ff\n');
  });

  it('restores the stored name and time with -N', async () => {
    const r = await runSh(`echo x > orig; touch -d @1400000000 orig; gzip orig; mv orig.gz other.gz; gunzip -N other.gz; ls; stat -c '%Y' orig`);
    expect(r.stdout).toBe('orig\n1400000000\n');
  });
});
