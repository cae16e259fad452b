// Boots a test kernel with devices: devtmpfs on /dev, devpts on /dev/pts, a host pseudo-terminal
// whose output the test can watch, and PID 1 started on that terminal (stdin, stdout, stderr;
// the controlling terminal too unless `ctty: false`, when a child takes it as a login would).

import { programFile } from '../../src/abi/program.ts';
import { installDevices, mountDevices } from '../../src/kernel/dev/install.ts';
import { SeededRandom } from '../../src/kernel/dev/random.ts';
import { asMain, bootKernel, type TestProgram } from '../helpers/kernel.ts';
import { latin1 } from './fake-tty.ts';

export async function bootTerminal(programs: Record<string, TestProgram> = {}) {
  const booted = await bootKernel(programs);
  const { kernel, ctx, vfs } = booted;
  const devices = installDevices(kernel, { random: new SeededRandom(42) });
  await mountDevices(kernel, ctx, devices);
  const pty = devices.terminals.createPty({ cols: 80, rows: 24 });
  let screen = '';
  const watchers = new Set<() => void>();
  pty.onOutput((b) => {
    screen += latin1(b);
    for (const w of [...watchers]) w();
  });

  /** Resolve once the terminal has shown `text` (anywhere in its output so far). */
  const waitFor = (text: string): Promise<void> =>
    new Promise((resolve) => {
      const check = (): void => {
        if (screen.includes(text)) {
          watchers.delete(check);
          resolve();
        }
      };
      watchers.add(check);
      check();
    });

  /** Run `init` as PID 1 on the terminal; resolves with its wait status. */
  const run = (init: TestProgram, opts: { ctty?: boolean } = {}): Promise<number> => {
    const task = kernel.startInit(asMain(init), ['init'], ['PATH=/bin']);
    devices.terminals.attachTask(task, pty, { controlling: opts.ctty ?? true });
    return kernel.halted;
  };

  /** Resolve once task `pid` is asleep in a blocking call (the kernel shows state S). */
  const asleep = async (pid: number): Promise<void> => {
    while (kernel.tasks.get(pid)?.state !== 'S') await new Promise((r) => setImmediate(r));
  };

  /** Resolve once no task is runnable: every one waits in a blocking call, is stopped, or is gone. */
  const idle = async (): Promise<void> => {
    while ([...kernel.tasks.values()].some((x) => x.state === 'R')) await new Promise((r) => setImmediate(r));
  };

  const install = async (name: string): Promise<void> => {
    await vfs.writeFile(ctx, `/bin/${name}`, programFile(name));
    await vfs.chmod(ctx, `/bin/${name}`, 0o755);
  };

  return { ...booted, devices, pty, screen: () => screen, waitFor, run, asleep, idle, install };
}
