// bash on cowbox: the POSIX shell under bash's name, answering --version with the bash of the
// machine's distribution (recorded text: Debian 12's bash 5.2.15 on this machine), --help, and
// a bad long option with bash's message and status 2.

import { describe, expect, it } from 'vitest';
import { runSh } from '../shell/run-sh.ts';

const ALPINE = 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\n';
const UBI = 'NAME="Red Hat Enterprise Linux"\nVERSION="8.1 (Ootpa)"\nID="rhel"\nVERSION_ID="8.1"\n';

describe('bash', () => {
  it('--version says the version of the distribution\'s bash package, as bash prints it', async () => {
    const debian = await runSh('bash --version');
    expect(debian.stdout).toBe([
      'GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)',
      'Copyright (C) 2022 Free Software Foundation, Inc.',
      'License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>',
      '',
      'This is free software; you are free to change and redistribute it.',
      'There is NO WARRANTY, to the extent permitted by law.',
      '',
    ].join('\n'));
    const alpine = await runSh('bash --version | head -1', { files: { '/etc/os-release': ALPINE } });
    expect(alpine.stdout).toBe('GNU bash, version 5.2.26(1)-release (x86_64-alpine-linux-musl)\n');
    const ubi = await runSh('bash --version | head -2', { files: { '/etc/os-release': UBI } });
    expect(ubi.stdout).toBe('GNU bash, version 4.4.19(1)-release (x86_64-redhat-linux-gnu)\nCopyright (C) 2016 Free Software Foundation, Inc.\n');
  });

  it('runs the shell for everything else; a long option bash lacks is refused with status 2', async () => {
    const r = await runSh('bash -c \'echo "hi $0"\'; bash --nope 2>&1 | head -2; bash --nope 2>/dev/null; echo "status $?"');
    expect(r.stdout).toBe('hi bash\nbash: --nope: invalid option\nGNU bash, version 5.2.15(1)-release-(x86_64-pc-linux-gnu)\nstatus 2\n');
  });
});
