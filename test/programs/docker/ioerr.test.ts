// The docker client meeting a standard output it cannot write, which no recording can show (this
// machine's docker has no daemon): Docker 28 drops a failed table write (status 0), says Go's
// words for a failed --help or --version, and dies of SIGPIPE on a closed pipe even with SIGPIPE
// ignored, as the Go runtime re-raises it. None of it may end in a JavaScript stack.

import { describe, expect, it } from 'vitest';
import { runSh } from '../../shell/run-sh.ts';

describe('docker with a failing standard output', () => {
  it('a full device: tables are dropped quietly, --help and --version say why', async () => {
    const r = await runSh(`
      docker images > /dev/full; echo "images $?"
      docker ps -a > /dev/full; echo "ps $?"
      docker --help > /dev/full; echo "help $?"
      docker --version > /dev/full; echo "version $?"
    `);
    expect(r.stdout).toBe('images 0\nps 0\nhelp 0\nversion 1\n');
    expect(r.stderr).toBe('write /dev/stdout: no space left on device\nwrite /dev/stdout: no space left on device\n');
  });

  it('a closed pipe kills it with SIGPIPE even when SIGPIPE is ignored', async () => {
    const r = await runSh(`
      trap '' PIPE
      mkfifo p
      gone() { { read x < p; "$@"; echo "[$*] $?" >&2; } | { exec <&-; echo > p; }; }
      gone docker images
      gone docker --version
    `);
    expect(r.stderr).toBe('[docker images] 141\n[docker --version] 141\n');
  });
});
