// A terminal outside any kernel, for line-discipline tests: a Tty whose driver collects output,
// whose kernel services record signals, and whose timers fire only when the test says so.

import { defaultTermios, type Termios } from '../../src/abi/termios.ts';
import type { Interrupt } from '../../src/kernel/task/interrupt.ts';
import type { Task } from '../../src/kernel/task/task.ts';
import { Tty, type TtyDriver, type TtyKernel } from '../../src/kernel/tty/tty.ts';

export function latin1(b: Uint8Array): string {
  let s = '';
  for (const c of b) s += String.fromCharCode(c);
  return s;
}

export function bytes(s: string): Uint8Array {
  return Uint8Array.from(s, (ch) => ch.charCodeAt(0));
}

export class FakeTerminal {
  output = '';
  signals: number[] = [];
  timers: Array<{ ms: number; fn: () => void; live: boolean }> = [];
  /** Output bytes the driver still takes; each write uses some up. */
  driverRoom = Infinity;
  readonly tty: Tty;

  constructor(termios: Termios = defaultTermios()) {
    const self = this;
    const driver: TtyDriver = {
      write(b) {
        self.output += latin1(b);
        self.driverRoom -= b.length;
      },
      writeRoom: () => this.driverRoom,
      flush() {},
      pending: () => 0,
    };
    const kernel: TtyKernel = {
      signalGroup: (_pgrp, sig) => this.signals.push(sig),
      signalTask: () => {},
      callerOf: (_i: Interrupt) => null,
      controllingTty: (_t: Task) => null,
      isOrphanedGroup: () => false,
      attachSession: () => {},
      releaseSession: () => {},
      pidOf: () => 0,
      nrOf: () => 0,
      groupInSession: () => false,
      setTimer: (ms, fn) => {
        const t = { ms, fn, live: true };
        this.timers.push(t);
        return () => {
          t.live = false;
        };
      },
    };
    this.tty = new Tty('pts/test', kernel, driver, termios);
    // Signals go to the foreground group only when there is one.
    this.tty.pgrp = 99;
  }

  /** Type `s` and return what the terminal echoed for it. */
  type(s: string): string {
    const before = this.output.length;
    this.tty.input(bytes(s));
    return this.output.slice(before);
  }

  fireTimers(): void {
    for (const t of this.timers.splice(0)) if (t.live) t.fn();
  }
}
