// Replays a recorded session of a full-screen program (vim.tiny, busybox's vi, nano; recorded by
// the record-*.py scripts beside their tests) against cowbox's program: the scenario's files are
// laid out, its keys, resizes and signals go to cowbox's program on a pseudo-terminal, and both
// output streams are fed to headless xterm terminals of the same size; at each checkpoint the
// screens' text and cursor must agree (unless listed as known), at the end the files left must
// hold what the real program left, and the terminal must be back on its main screen.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import headless from '@xterm/headless';
import { expect } from 'vitest';
import { SIG } from '../../src/abi/signals.ts';
import { loadEntry } from '../../src/programs/registry.ts';
import type { Sys } from '../../src/sys/sys.ts';
import { bootTerminal } from '../tty/boot-terminal.ts';

const { Terminal } = headless as unknown as typeof import('@xterm/headless');
type HeadlessTerminal = InstanceType<typeof Terminal>;

export interface Step {
  keys?: string;
  snap?: boolean;
  resize?: [number, number];
  signal?: string;
  pause?: number;
}

export interface Scenario {
  name: string;
  args: string[];
  files: Record<string, string | { text?: string; mode?: string; dir?: boolean }>;
  steps: Step[];
  user?: string;
  /** The terminal's size, [cols, rows] (80x24 when not given). */
  size?: [number, number];
}

interface Fixture {
  output: string;
  snaps: number[];
  files: Record<string, { text: string; mode: string }>;
  /** False when the real program was still running at the end (it ignored the last signal). */
  exited?: boolean;
}

export interface ReplaySpec {
  /** The directory of the recordings (NAME.json). */
  fixtures: string;
  /** The registry's program and where it is installed; argv[0] as the user typed it. */
  program: string;
  exe: string;
  argv0: string;
  /** Checkpoints (1-based, by scenario) where cowbox differs on purpose, with the reason. */
  known?: Record<string, Record<number, string>>;
  /** Scenarios whose files end differently, with the reason. */
  knownFiles?: Record<string, string>;
  /** Also check that the directory holds exactly the files the real program left. */
  exactFiles?: boolean;
}

export function readScenarios(...paths: string[]): Scenario[] {
  return paths.flatMap((p) => JSON.parse(readFileSync(p, 'utf8')) as Scenario[]);
}

function screenOf(t: HeadlessTerminal): { lines: string[]; cursor: [number, number] } {
  const b = t.buffer.active;
  const lines: string[] = [];
  for (let y = 0; y < t.rows; y++) lines.push(b.getLine(y)!.translateToString(true).trimEnd());
  return { lines, cursor: [b.cursorY, b.cursorX] };
}

const write = (t: HeadlessTerminal, data: Uint8Array): Promise<void> => new Promise((r) => t.write(data, r));

async function settle(t: Awaited<ReturnType<typeof bootTerminal>>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 20; j++) await new Promise((r) => setImmediate(r));
    await t.idle();
  }
}

export async function replay(spec: ReplaySpec, sc: Scenario): Promise<void> {
  const fx = JSON.parse(readFileSync(join(spec.fixtures, `${sc.name}.json`), 'utf8')) as Fixture;
  const recorded = Buffer.from(fx.output, 'base64');
  const entry = (await loadEntry(spec.program))!;
  const t = await bootTerminal({ [spec.program]: (sys: Sys) => entry(sys) });
  const [cols, rows] = sc.size ?? [80, 24];
  t.pty.resize(cols, rows);
  const dir = '/work';
  await t.vfs.mkdir(t.ctx, dir, 0o755);
  for (const [name, file] of Object.entries(sc.files)) {
    const path = `${dir}/${name}`;
    if (typeof file !== 'string' && file.dir) {
      await t.vfs.mkdir(t.ctx, path, 0o755);
      continue;
    }
    await t.vfs.writeFile(t.ctx, path, typeof file === 'string' ? file : file.text!);
    await t.vfs.chmod(t.ctx, path, typeof file !== 'string' && file.mode ? parseInt(file.mode, 8) : 0o644);
  }
  let child = 0;
  const done = t.run(async (sys) => {
    child = await sys.fork(async (c) => {
      await c.chdir(dir);
      if (sc.user) {
        await c.setresgid(65534, 65534, 65534);
        await c.setresuid(65534, 65534, 65534);
      }
      return c.execve(spec.exe, [spec.argv0, ...sc.args], ['TERM=xterm-256color', 'HOME=/nonexistent', 'PATH=/bin']);
    });
    await sys.wait4(child);
    return 0;
  });
  const real = new Terminal({ cols, rows, allowProposedApi: true });
  const ours = new Terminal({ cols, rows, allowProposedApi: true });
  let realPos = 0;
  let oursPos = 0;
  let snap = 0;
  await settle(t);
  for (const step of sc.steps) {
    if (step.resize) {
      real.resize(step.resize[0], step.resize[1]);
      ours.resize(step.resize[0], step.resize[1]);
      t.pty.resize(step.resize[0], step.resize[1]);
    }
    if (step.signal) t.kernel.kill(t.kernel.tasks.get(1)!, child, SIG[step.signal as keyof typeof SIG]);
    if (step.keys) t.pty.input(step.keys);
    await settle(t);
    if (!step.snap) continue;
    const at = fx.snaps[snap++]!;
    await write(real, recorded.subarray(realPos, at));
    realPos = at;
    const screen = Buffer.from(t.screen(), 'latin1');
    await write(ours, screen.subarray(oursPos));
    oursPos = screen.length;
    if (spec.known?.[sc.name]?.[snap]) continue;
    expect(screenOf(ours), `${sc.name} checkpoint ${snap} after ${JSON.stringify(step.keys ?? step)}`).toEqual(screenOf(real));
  }
  // A session the real program did not end (it ignores SIGTERM, say) is left running.
  const exited = fx.exited !== false;
  if (exited) await done;
  if (spec.exactFiles) {
    const dirs = Object.entries(sc.files).filter(([, v]) => typeof v !== 'string' && v.dir).map(([k]) => k);
    const left = (await t.vfs.readdir(t.ctx, dir)).map((e) => e.name).filter((n) => n !== '.' && n !== '..').sort();
    expect(left, `${sc.name}: files left in the directory`).toEqual([...Object.keys(fx.files), ...dirs].sort());
  }
  if (!spec.knownFiles?.[sc.name]) {
    for (const [name, f] of Object.entries(fx.files)) {
      const data = await t.vfs.readFile(t.ctx, `${dir}/${name}`);
      expect(Buffer.from(data).toString('utf8'), `${sc.name}: ${name}`).toBe(f.text);
      const st = await t.vfs.stat(t.ctx, `${dir}/${name}`);
      expect('0o' + (st.mode & 0o7777).toString(8), `${sc.name}: mode of ${name}`).toBe(f.mode);
    }
  }
  if (!exited) return;
  // Back on the main screen, as the real program leaves the terminal.
  await write(ours, Buffer.from(t.screen(), 'latin1').subarray(oursPos));
  expect(ours.buffer.active.type).toBe('normal');
}
