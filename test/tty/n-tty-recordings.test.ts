// Replays keystrokes recorded on a real Linux pseudo-terminal (fixtures/n-tty.json, made by
// fixtures/record-n-tty.py) through our terminal, with the same termios the recording had,
// and expects the same echo after every key, the same bytes from every read and the same
// output for every write.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSysError } from '../../src/abi/errno.ts';
import type { Termios } from '../../src/abi/termios.ts';
import { NEVER } from '../../src/kernel/task/interrupt.ts';
import { FakeTerminal, bytes, latin1 } from './fake-tty.ts';

interface Step {
  key?: string;
  echo?: string;
  write?: string;
  n?: number;
  out?: string;
  read?: number;
  got?: string;
  error?: string;
}

interface Case {
  name: string;
  stty: string[];
  termios: Omit<Termios, 'line'>;
  steps: Step[];
}

const recording = JSON.parse(readFileSync(new URL('./fixtures/n-tty.json', import.meta.url), 'utf8')) as { kernel: string; cases: Case[] };

async function outcome<T>(p: Promise<T>): Promise<T | string> {
  try {
    return await p;
  } catch (e) {
    if (isSysError(e)) return e.code;
    throw e;
  }
}

describe(`n_tty as recorded on Linux ${recording.kernel}`, () => {
  for (const c of recording.cases) {
    it(`${c.name}${c.stty.length ? ` (stty ${c.stty.join(' ')})` : ''}`, async () => {
      const term = new FakeTerminal({ ...c.termios, line: 0 });
      for (const step of c.steps) {
        if (step.key !== undefined) {
          expect(term.type(step.key), `echo of ${JSON.stringify(step.key)}`).toBe(step.echo);
        } else if (step.write !== undefined) {
          const before = term.output.length;
          const r = await outcome(term.tty.write(bytes(step.write), NEVER, true));
          expect(r).toBe(step.error ?? step.n);
          expect(term.output.slice(before)).toBe(step.out);
        } else if (step.read !== undefined) {
          const r = await outcome(term.tty.read(step.read, NEVER, true));
          expect(typeof r === 'string' ? r : latin1(r), `read(${step.read})`).toBe(step.error ?? step.got);
        }
      }
    });
  }
});
