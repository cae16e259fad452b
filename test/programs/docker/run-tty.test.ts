// docker run -it: the container gets a new pseudo-terminal, our terminal goes raw, and what we
// type (^C included) reaches the container through the shim's relay. `ptyrun` is a test program
// that gives docker a terminal of its own: it opens a pty, runs docker on the slave as its
// controlling terminal, types its last argument into the master (after `ready` shows up) and
// prints everything the terminal showed, then docker's status.

import { describe, expect, it } from 'vitest';
import { O_NOCTTY, O_RDWR } from '../../../src/abi/open-flags.ts';
import { WEXITSTATUS } from '../../../src/abi/signals.ts';
import { utf8Decode } from '../../../src/base/text.ts';
import type { Sys } from '../../../src/sys/sys.ts';
import { runOnMachine } from '../procps-machine.ts';

async function ptyrun(sys: Sys): Promise<number> {
  // argv: docker's arguments, `--`, then pairs: text to wait for (or @MS), text to type.
  const all = sys.argv.slice(1);
  const args = all.slice(0, all.indexOf('--'));
  const script = all.slice(all.indexOf('--') + 1).map((t) => t.replace(/\\x([0-9a-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\\n/g, '\n'));
  const master = await sys.posixOpenpt(O_RDWR | O_NOCTTY);
  await sys.unlockpt(master);
  const slavePath = await sys.ptsname(master);
  const child = await sys.fork(async (c) => {
    await c.setsid();
    const slave = await c.open(slavePath, O_RDWR);
    await c.setControllingTty(slave);
    for (let i = 0; i < 3; i++) await c.dup2(slave, i);
    await c.close(master);
    return c.execve('/bin/docker', ['docker', ...args]);
  });
  let seen = '';
  let step = 0;
  // A reader process copies the terminal's output into a pipe we can poll between checks.
  const [r, w] = await sys.pipe();
  const reader = await sys.fork(async (c) => {
    await c.close(r);
    for (;;) {
      let chunk: Uint8Array;
      try {
        chunk = await c.read(master, 4096);
      } catch {
        return 0;
      }
      if (chunk.length === 0) return 0;
      await c.writeAll(w, chunk);
    }
  });
  await sys.close(w);
  let status = -1;
  for (let i = 0; i < 2000 && status < 0; i++) {
    const [pid, st] = await sys.wait4(child, 1);
    if (pid === child) status = st;
    await sys.sleep(5);
    if (step < script.length) {
      // "@N": wait N ms of polling instead of for text (for a command that prints nothing first).
      const wait = script[step]!;
      // Otherwise the reader's pipe holds what the terminal showed so far (a read waits for more).
      if (!wait.startsWith('@')) seen += utf8Decode(await sys.read(r, 4096));
      const ready = wait.startsWith('@') ? i * 5 >= Number(wait.slice(1)) : seen.includes(wait);
      if (ready) {
        await sys.writeAll(master, script[step + 1]!);
        step += 2;
      }
    }
  }
  await sys.kill(reader, 9);
  await sys.wait4(reader);
  await sys.close(master);
  seen += utf8Decode(await sys.readAll(r));
  await sys.writeAll(1, `${JSON.stringify(seen)}\nstatus=${WEXITSTATUS(status)}\n`);
  return 0;
}

const mk = `mkimage box || exit 99\n`;

describe('docker run -it', () => {
  it('relays typed input to the container and ^C reaches it as SIGINT', async () => {
    // ^C goes in once the shell is waiting: one typed while `[ -t 0 ]` runs interrupts its
    // isatty (the check fails, as on Linux). One that lands as `wait` starts ends the wait
    // (test/kernel/fork-signal.test.ts covers each moment).
    const { mkimage } = await import('./docker-machine.ts').then((m) => ({ mkimage: m.MKIMAGE }));
    const r = await runOnMachine(`${mk}ptyrun run -it box sh -c 'trap "echo caught INT; exit 4" INT; echo ready; read line; echo "got $line"; [ -t 0 ] && echo on-a-terminal; sleep 100 & echo waiting; wait' -- ready 'hello\\n' 'waiting' '\\x03'`, {
      programs: { mkimage, ptyrun },
    });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout.split('\n')[0]!) as string;
    expect(out).toContain('ready\r\n');
    expect(out).toContain('got hello\r\n');
    expect(out).toContain('on-a-terminal\r\n');
    expect(out).toContain('caught INT\r\n');
    expect(r.stdout).toContain('\nstatus=4\n');
  });

  it('exec -it gives the command a terminal of its own and relays to it', async () => {
    const { mkimage } = await import('./docker-machine.ts').then((m) => ({ mkimage: m.MKIMAGE }));
    const r = await runOnMachine(`${mk}docker run -d --name tt box sleep 100 >/dev/null
ptyrun exec -it tt sh -c 'echo ready; read l; echo "got $l"; [ -t 0 ] && echo on-a-terminal; exit 6' -- ready 'typed\\n'
docker rm -f tt`, { programs: { mkimage, ptyrun } });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout.split('\n')[0]!) as string;
    expect(out).toBe('ready\r\ntyped\r\ngot typed\r\non-a-terminal\r\n');
    expect(r.stdout).toContain('\nstatus=6\ntt\n');
  });

  it('attach to a -dit container: our typing reaches its terminal, its output comes back', async () => {
    const { mkimage } = await import('./docker-machine.ts').then((m) => ({ mkimage: m.MKIMAGE }));
    const r = await runOnMachine(`${mk}docker run -dit --name t2 box sh -c 'read l; echo "got $l"; exit 3' >/dev/null
ptyrun attach t2 -- @500 'typed\\n'`, { programs: { mkimage, ptyrun } });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout.split('\n')[0]!) as string;
    expect(out).toContain('got typed\r\n');
    expect(r.stdout).toContain('\nstatus=3\n');
  });
  it('run -it: ^P^Q lets go of the container silently (status 0), and attach types into it again', async () => {
    const { mkimage } = await import('./docker-machine.ts').then((m) => ({ mkimage: m.MKIMAGE }));
    const r = await runOnMachine(`${mk}ptyrun run -it --name t4 box sh -c 'echo ready; read l; echo "got $l"; exit 3' -- ready '\\x10\\x11'
docker inspect -f '{{.State.Running}}' t4
ptyrun attach t4 -- @500 'again\\n'
docker rm -f t4 >/dev/null`, { programs: { mkimage, ptyrun } });
    expect(r.stderr).toBe('');
    const [first, st1, running, second, st2] = r.stdout.split('\n');
    expect([JSON.parse(first!), st1, running]).toEqual(['ready\r\n', 'status=0', 'true']);
    expect(JSON.parse(second!)).toContain('got again\r\n');
    expect(st2).toBe('status=3');
  });

  it('attach to a -dit container: ^P^Q detaches with "read escape sequence" (status 1) and leaves it running', async () => {
    const { mkimage } = await import('./docker-machine.ts').then((m) => ({ mkimage: m.MKIMAGE }));
    const r = await runOnMachine(`${mk}docker run -dit --name t3 box sh -c 'read l; echo "got $l"; exit 3' >/dev/null
ptyrun attach t3 -- @500 '\\x10\\x11'
docker inspect -f '{{.State.Running}}' t3
docker rm -f t3 >/dev/null`, { programs: { mkimage, ptyrun } });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout.split('\n')[0]!) as string;
    expect(out).toContain('read escape sequence');
    expect(out).not.toContain('got');
    expect(r.stdout).toContain('\nstatus=1\ntrue\n');
  });
});
