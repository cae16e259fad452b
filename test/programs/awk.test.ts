// awk (mawk 1.3.4) on the simulated kernel: what a recording cannot show — output that must
// stop when the reader goes away, loops that must yield to signals, commands and pipes whose
// output must interleave with awk's own, and the byte-level treatment of text.

import { describe, expect, it } from 'vitest';
import { runSh } from '../shell/run-sh.ts';

describe('awk', () => {
  it('stops an endless print loop when the pipe reader exits', async () => {
    const r = await runSh(`awk 'BEGIN { while (1) print "y" }' | head -3; echo done`);
    expect(r.stdout).toBe('y\ny\ny\ndone\n');
  });

  it('lets a signal end a loop that never makes a system call', async () => {
    const r = await runSh(`awk 'BEGIN { while (1) x++ }' & kill $!; wait $!; echo status $?`);
    expect(r.stdout).toBe('status 143\n');
  });

  it('flushes its output before system() and before starting a pipe', async () => {
    const r = await runSh(`awk 'BEGIN { print "first"; system("echo second"); print "third" | "cat"; close("cat"); print "fourth" }'`);
    expect(r.stdout).toBe('first\nsecond\nthird\nfourth\n');
  });

  it('reads a command line by line and gets its exit status from close()', async () => {
    const r = await runSh(`awk 'BEGIN { cmd = "echo a; echo b; exit 7"; while ((cmd | getline l) > 0) n = n l; print n, close(cmd) }'`);
    expect(r.stdout).toBe('ab 7\n');
  });

  it('treats text as bytes, as mawk does in every locale', async () => {
    const r = await runSh(`printf 'h\\303\\251!\\n' | awk '{ print length($0), substr($0, 2, 2) == "\\303\\251", toupper($0) }'`);
    expect(r.stdout).toBe('4 1 H\u00c3\u00a9!\n');
  });

  it('reads records from standard input as they arrive', async () => {
    const r = await runSh(`awk '{ print NR ": " $0; fflush() }'`, { stdin: 'one\ntwo\n' });
    expect(r.stdout).toBe('1: one\n2: two\n');
  });

  it('writes and appends files, and reads them back with getline', async () => {
    const r = await runSh(`awk 'BEGIN { print "a" > "f"; close("f"); print "b" >> "f"; close("f"); while ((getline x < "f") > 0) print "got", x }'; cat f`);
    expect(r.stdout).toBe('got a\ngot b\na\nb\n');
  });

  it('answers to the name it was run as', async () => {
    const r = await runSh(`mawk 'BEGIN { x = }'; awk 'BEGIN { print ARGV[0] }'`);
    expect(r.stderr).toBe('mawk: line 1: syntax error at or near }\n');
    expect(r.stdout).toBe('awk\n');
  });
});
