// Terminal round trips: a line typed on the host side of a pty travels through the line
// discipline to a program that reads it and writes it back, and the time until the echo shows
// on the host side is one sample. Measured on an idle machine and while a fork bomb fills a
// cgroup up to pids.max=1000 with processes that keep trying to fork.

import { O_WRONLY } from '../../src/abi/open-flags.ts';
import { ECHO } from '../../src/abi/termios.ts';
import { installDevices, mountDevices } from '../../src/kernel/dev/install.ts';
import { isSysError } from '../../src/abi/errno.ts';
import type { Sys } from '../../src/sys/sys.ts';
import { asMain, bootKernel } from '../../test/helpers/kernel.ts';
import { median } from '../lib/timing.ts';

async function echo(sys: Sys, path: string, text: string): Promise<void> {
  const fd = await sys.open(path, O_WRONLY);
  await sys.write(fd, text);
  await sys.close(fd);
}

/** A process that forks copies of itself until told no, then keeps trying (a fork bomb). */
async function bomb(sys: Sys): Promise<number> {
  for (;;) {
    try {
      await sys.fork(bomb);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await sys.yield();
    }
  }
}

/** Median round-trip milliseconds over `samples` lines, with or without a fork bomb running. */
export async function ttyRoundTrip(samples: number, withBomb: boolean): Promise<{ medianMs: number; processes: number }> {
  const { kernel, ctx, vfs } = await bootKernel();
  const devices = installDevices(kernel);
  await mountDevices(kernel, ctx, devices);
  const pty = devices.terminals.createPty({ cols: 80, rows: 24 });
  let received = '';
  let onEcho: (() => void) | null = null;
  pty.onOutput((b) => {
    received += new TextDecoder().decode(b);
    if (received.includes('\n') && onEcho) onEcho();
  });
  await vfs.mkdir(ctx, '/sys', 0o755);
  const task = kernel.startInit(asMain(async (sys) => {
    if (withBomb) {
      await sys.mkdir('/sys/fs');
      await sys.mkdir('/sys/fs/cgroup');
      await sys.mount('cgroup2', '/sys/fs/cgroup', 'cgroup2');
      await echo(sys, '/sys/fs/cgroup/cgroup.subtree_control', '+pids');
      await sys.mkdir('/sys/fs/cgroup/bomb');
      await echo(sys, '/sys/fs/cgroup/bomb/pids.max', '1000');
      await sys.fork(async (b) => {
        await echo(b, '/sys/fs/cgroup/bomb/cgroup.procs', '0');
        return bomb(b);
      });
    }
    // Echo each line back, raw: what a shell does with a command that prints its input.
    for (;;) {
      const line = await sys.read(0, 4096);
      if (line.length === 0) return 0;
      await sys.write(1, line);
    }
  }), ['init'], []);
  devices.terminals.attachTask(task, pty);
  // Turn terminal echo off so only the program's answer comes back.
  const termios = pty.tty.termios;
  termios.lflag &= ~ECHO;
  pty.tty.setTermios(termios);
  if (withBomb) while (kernel.tasks.size < 1000) await new Promise((r) => setTimeout(r, 5));
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    received = '';
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      onEcho = resolve;
      pty.input(`line ${i}\r`);
    });
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 1));
  }
  const processes = kernel.tasks.size;
  // Stop everything: SIGKILL to every process but init, then init itself by closing its input.
  for (const t of kernel.tasks.values()) if (t.pid !== 1) kernel.signal(t, 9, null);
  pty.close();
  return { medianMs: median(times), processes };
}
