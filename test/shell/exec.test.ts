// The shell running real programs on the simulated kernel: PATH search, argv and environment,
// pipelines whose stages stream concurrently (an endless writer stopped by SIGPIPE), #! and
// plain-text scripts, exec, redirections of external commands, signals ending loops.

import { describe, expect, it } from 'vitest';
import { SIG, WIFSIGNALED, WTERMSIG } from '../../src/abi/signals.ts';
import sh from '../../src/programs/sh.ts';
import type { Sys } from '../../src/sys/sys.ts';
import { bootKernel } from '../helpers/kernel.ts';
import { runSh } from './run-sh.ts';

const enc = new TextEncoder();

const programs = {
  /** Writes "y\n" forever (until SIGPIPE). */
  yes: async (sys: Sys) => {
    const line = enc.encode('y\n'.repeat(512));
    for (;;) await sys.write(1, line);
  },
  /** head -n N: the first N lines of stdin. */
  head: async (sys: Sys) => {
    const n = Number(sys.argv[2] ?? 10);
    let out = '';
    let lines = 0;
    while (lines < n) {
      const chunk = new TextDecoder().decode(await sys.read(0, 1));
      if (!chunk) break;
      out += chunk;
      if (chunk === '\n') lines++;
    }
    await sys.writeAll(1, out);
    return 0;
  },
  cat: async (sys: Sys) => {
    const data = await sys.readAll(0);
    await sys.writeAll(1, data);
    return 0;
  },
  printenv: async (sys: Sys) => {
    await sys.writeAll(1, sys.envp.map((e) => `${e}\n`).join(''));
    return 0;
  },
  args: async (sys: Sys) => {
    await sys.writeAll(1, sys.argv.map((a) => `<${a}>`).join('') + '\n');
    return 0;
  },
  pid: async (sys: Sys) => {
    await sys.writeAll(1, `${await sys.getpid()}\n`);
    return 0;
  },
  die: async (sys: Sys) => {
    await sys.kill(await sys.getpid(), Number(sys.argv[1] ?? SIG.SIGTERM));
    return 0;
  },
  fail: async () => 3,
};

describe('shell running programs', () => {
  it('finds programs on PATH and passes argv and exported variables', async () => {
    const r = await runSh('args one "two three" $x; X=1 printenv', { programs, env: ['PATH=/bin', 'HOME=/root', 'E=2'] });
    expect(r.stdout).toBe('<args><one><two three>\nE=2\nHOME=/root\nX=1\nPATH=/bin\nPWD=/tmp/sh-case\n');
    expect(r.status).toBe(0);
  });

  it('orders the environment as dash hashes it', async () => {
    const r = await runSh('export Z=1 zz=3 M=4; printenv', { programs, env: ['PATH=/bin', 'HOME=/root', 'LANG=C'] });
    expect(r.stdout).toBe('HOME=/root\nZ=1\nzz=3\nPATH=/bin\nM=4\nLANG=C\nPWD=/tmp/sh-case\n');
  });

  it('streams a pipeline: an endless writer ends when its reader is done', async () => {
    const r = await runSh('yes | head -n 3; echo "status $?"', { programs });
    expect(r).toEqual({ stdout: 'y\ny\ny\nstatus 0\n', stderr: '', status: 0 });
  });

  it('runs every stage of a pipeline in its own process', async () => {
    const r = await runSh('pid | cat; echo x | cat | cat', { programs });
    expect(r.stdout).toMatch(/^\d+\nx\n$/);
  });

  it('captures program output in $(...) and sends it through redirections', async () => {
    const r = await runSh('x=$(args a b); echo "[$x]"; args c > out; cat < out; fail; echo $?', { programs });
    expect(r.stdout).toBe('[<args><a><b>]\n<args><c>\n3\n');
  });

  it('runs a #! script and a plain text script (the latter through /bin/sh)', async () => {
    const r = await runSh('printf "#!/bin/sh\\necho hashbang \\$1\\n" > s1; printf "echo plain \\$0 \\$1\\n" > s2; ./s1 a; echo $?; ./s2 b; echo $?', { programs });
    // Without chmod (userland), the files are not executable: both are refused as dash refuses them.
    expect(r.stdout).toBe('126\n126\n');
    expect(r.stderr).toBe('sh: 1: ./s1: Permission denied\nsh: 1: ./s2: Permission denied\n');
  });

  it('execs a file whose mode allows it', async () => {
    const r = await runSh('./s1 a; ./s2 b', {
      programs,
      files: { '/tmp/sh-case/s1': '#!/bin/sh\necho hashbang $1\n', '/tmp/sh-case/s2': 'echo plain $0 $1\n' },
      modes: { '/tmp/sh-case/s1': 0o755, '/tmp/sh-case/s2': 0o755 },
    });
    expect(r.stdout).toBe('hashbang a\nplain ./s2 b\n');
  });

  it('replaces itself with exec', async () => {
    const r = await runSh('echo $$ > mypid; exec pid', { programs });
    const again = await runSh('x=$$; exec pid | { read p; [ "$p" != "$x" ] && echo child; }', { programs });
    expect(r.stdout).toMatch(/^\d+\n$/);
    expect(again.stdout).toBe('child\n');
  });

  it('says how a foreground program died, except for SIGINT and SIGPIPE', async () => {
    const r = await runSh(`die ${SIG.SIGTERM}; echo $?; die ${SIG.SIGKILL}; echo $?; die ${SIG.SIGINT}; echo $?; die ${SIG.SIGSEGV}; echo $?`, { programs });
    expect(r.stdout).toBe('143\n137\n130\n139\n');
    expect(r.stderr).toBe('Terminated\nKilled\nSegmentation fault\n');
  });

  it('stops a builtin-only endless loop with SIGINT at the next yield point', async () => {
    const { runInit } = await bootKernel({ sh });
    let status = -1;
    await runInit(async (sys) => {
      for (let i = 0; i < 3; i++) await sys.open('/tmp', 0);
      const [r, w] = await sys.pipe();
      const pid = await sys.fork(async (c) => {
        await c.dup2(w, 1);
        return c.execve('/bin/sh', ['sh', '-c', 'echo ready; while :; do :; done'], []);
      });
      await sys.close(w);
      expect(new TextDecoder().decode(await sys.read(r, 100))).toBe('ready\n');
      await sys.kill(pid, SIG.SIGINT);
      status = (await sys.wait4(pid))[1];
      return 0;
    });
    expect(WIFSIGNALED(status) && WTERMSIG(status)).toBe(SIG.SIGINT);
  });

  it('ignores SIGINT in a background job of a non-interactive shell, as dash does', async () => {
    const r = await runSh('(while :; do :; done) & p=$!; kill -INT $p; kill -TERM $p; wait $p; echo $?', { programs });
    expect(r.stdout).toBe('143\n');
  });

  it('runs a trap while a loop spins, then leaves it', async () => {
    const r = await runSh('trap "echo caught; exit 4" USR1; (kill -USR1 $$) & while :; do :; done', { programs });
    expect(r).toEqual({ stdout: 'caught\n', stderr: '', status: 4 });
  });

  it('reports a missing program with 127 and a directory with 126', async () => {
    const r = await runSh('nosuch; echo $?; /tmp; echo $?', { programs });
    expect(r.stdout).toBe('127\n126\n');
    expect(r.stderr).toBe('sh: 1: nosuch: not found\nsh: 1: /tmp: Permission denied\n');
  });

  it('gives a background job /dev/null for stdin', async () => {
    const r = await runSh('cat & wait; echo done', { programs, stdin: 'should not be read\n' });
    expect(r.stdout).toBe('done\n');
  });

  it('reads a script from stdin in blocks, as dash does', async () => {
    const r = await runSh('', { programs, args: [], stdin: 'echo one\nread x\necho "[$x]"\n' });
    expect(r.stdout).toBe('one\n[]\n');
  });

  it('runs a script file with its arguments', async () => {
    const r = await runSh('', {
      programs,
      args: ['script.sh', 'a', 'b'],
      files: { '/tmp/sh-case/script.sh': 'echo "$0 $# $2"\nnosuch\n' },
    });
    expect(r).toEqual({ stdout: 'script.sh 2 b\n', stderr: 'script.sh: 2: nosuch: not found\n', status: 127 });
  });

  it('fails on a missing script file as dash does', async () => {
    const r = await runSh('', { programs, args: ['nosuch.sh'] });
    expect(r).toEqual({ stdout: '', stderr: 'sh: 0: cannot open nosuch.sh: No such file\n', status: 2 });
  });
});
