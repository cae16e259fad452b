// Boots a kernel for tests: a tmpfs root with /bin, the real syscall table, a program loader
// over a map of test programs (each installed as an executable file in /bin), and a Node host.

import { programFile, type ProgramMain } from '../../src/abi/program.ts';
import { ManualClock } from '../../src/kernel/clock.ts';
import type { KernelEvent } from '../../src/kernel/events.ts';
import { EventBus } from '../../src/kernel/events.ts';
import { registerFilesystems } from '../../src/kernel/fs/filesystems.ts';
import { TmpFs } from '../../src/kernel/fs/tmpfs/tmpfs.ts';
import { Vfs } from '../../src/kernel/fs/vfs/vfs.ts';
import { Kernel, type KernelHost } from '../../src/kernel/kernel.ts';
import { buildSyscallTable } from '../../src/kernel/syscalls/table.ts';
import { Sys } from '../../src/sys/sys.ts';
import { nodeHost } from '../../src/cli/node-host.ts';

export type TestProgram = (sys: Sys) => Promise<number>;

export { nodeHost };

export function asMain(p: TestProgram): ProgramMain {
  return (port, args) => p(new Sys(port, args));
}

/**
 * A clock that stands at the test kernel's start time and then moves with real time, read at each
 * call: a ticker that advanced a manual clock lagged behind sleeps when the machine was busy.
 */
export class RunningClock extends ManualClock {
  private readonly startMs = performance.now();
  override nowNs(): bigint {
    return super.nowNs() + BigInt(Math.round((performance.now() - this.startMs) * 1000)) * 1000n;
  }
}

export async function bootKernel(
  programs: Record<string, TestProgram> = {}, host: KernelHost = nodeHost, clock: ManualClock = new ManualClock(),
) {
  const bus = new EventBus();
  const events: KernelEvent[] = [];
  bus.onEvent((e) => events.push(e));
  const vfs = new Vfs({ clock, emit: bus.emit });
  registerFilesystems(vfs);
  const ctx = await vfs.newRootContext(new TmpFs({ dev: vfs.allocDev(), clock, mode: 0o755 }), 'rootfs');
  await vfs.mkdir(ctx, '/bin', 0o755);
  await vfs.mkdir(ctx, '/tmp', 0o1777);
  for (const name of Object.keys(programs)) {
    await vfs.writeFile(ctx, `/bin/${name}`, programFile(name));
    await vfs.chmod(ctx, `/bin/${name}`, 0o755);
  }
  const kernel = new Kernel({
    clock, host, vfs, rootCtx: ctx, syscalls: buildSyscallTable(), bus,
    loadProgram: async (name) => (programs[name] ? asMain(programs[name]!) : null),
  });
  /** Run `init` as PID 1 and resolve with its wait status when it exits. */
  const runInit = (init: TestProgram, argv = ['init']): Promise<number> => {
    kernel.startInit(asMain(init), argv, ['PATH=/bin']);
    return kernel.halted;
  };
  return { kernel, vfs, ctx, clock, events, runInit };
}

/**
 * From inside a test program: sleep a millisecond at a time until `cond` holds (a process has
 * become a zombie, another is asleep in a call), so tests wait for states, not for guesses.
 */
export async function until(sys: Sys, cond: () => boolean, limitMs = 10_000): Promise<void> {
  for (let waited = 0; !cond(); waited++) {
    if (waited >= limitMs) throw new Error('condition never held');
    await sys.sleep(1);
  }
}

/** Run `body` as PID 1 of a fresh test kernel; what it throws is thrown here, after the kernel halts. */
export async function inKernel(body: (sys: Sys) => Promise<void>): Promise<void> {
  const { runInit } = await bootKernel();
  let failure: unknown = null;
  await runInit(async (sys) => {
    try {
      await body(sys);
    } catch (e) {
      failure = e;
    }
    return 0;
  });
  if (failure) throw failure;
}
