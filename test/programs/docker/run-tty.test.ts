// docker run -it: the container gets a new pseudo-terminal, our terminal goes raw, and what we
// type (^C included) reaches the container through the shim's relay. `ptyrun` gives docker a
// terminal of its own and types into it (test/helpers/pty-program.ts).

import { describe, expect, it } from 'vitest';
import { ptyProgram } from '../../helpers/pty-program.ts';
import { runOnMachine } from '../procps-machine.ts';

const ptyrun = ptyProgram((c, args) => c.execve('/bin/docker', ['docker', ...args]));

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
