// tar on the simulated kernel: what extraction restores beyond names and bytes (owners by name
// and number, device nodes, directory times set after their contents) and the gzip filter.

import { describe, expect, it } from 'vitest';
import { runSh } from '../shell/run-sh.ts';

describe('tar', () => {
  it('restores owners, modes and directory times after the contents are in', async () => {
    const r = await runSh(`mkdir -p d/sub; echo x > d/sub/f; chown 1000:1000 d/sub/f; chmod 4750 d/sub/f
touch -d @1600000000 d/sub d; tar cf a.tar d; rm -rf d; tar xf a.tar
stat -c '%n %u %g %a' d/sub/f; stat -c '%n %Y' d/sub d`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('d/sub/f 1000 1000 4750\nd/sub 1600000000\nd 1600000000\n');
  });

  it('archives and recreates device nodes and fifos', async () => {
    const r = await runSh(`mkdir d; mknod d/null c 1 3; mkfifo d/p; tar cf a.tar d; rm -rf d; tar xf a.tar; stat -c '%n %F %t,%T' d/null d/p`);
    expect(r.stdout).toBe('d/null character special file 1,3\nd/p fifo 0,0\n');
  });

  it('writes a gzip stream that reads back through gunzip and tar -z', async () => {
    const r = await runSh(`mkdir d; echo hello > d/f; tar czf a.tgz d; gunzip -c a.tgz | tar tf -; tar xzOf a.tgz d/f`);
    expect(r.stdout).toBe('d/\nd/f\nhello\n');
  });

  it('extracts as the invoking user when told not to keep owners', async () => {
    const r = await runSh(`mkdir d; echo x > d/f; chown 1000:1000 d/f; tar cf a.tar d/f; rm d/f; tar xf a.tar --no-same-owner; stat -c '%u' d/f`);
    expect(r.stdout).toBe('0\n');
  });
});
