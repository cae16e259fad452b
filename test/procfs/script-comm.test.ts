// A script run as a program: the process is named after the script (comm, what ps and top show),
// while its exe and argv[0] are the interpreter's, as on Linux (kbasename of the file exec'd).

import { describe, expect, it } from 'vitest';
import { runOnMachine } from '../programs/procps-machine.ts';

describe('a script exec\'d by its path', () => {
  it('has the script\'s name as comm and the interpreter as exe', async () => {
    const r = await runOnMachine('printf "#!/bin/sh\\ncat /proc/\\$\\$/comm; readlink /proc/\\$\\$/exe; tr \\"\\\\\\\\0\\" \\" \\" < /proc/\\$\\$/cmdline; echo\\n" > /tmp/hello.sh; chmod +x /tmp/hello.sh; /tmp/hello.sh');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('hello.sh\n/bin/sh\n/bin/sh /tmp/hello.sh \n');
  });
});
