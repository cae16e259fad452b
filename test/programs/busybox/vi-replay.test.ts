// busybox's vi applet against recordings of Debian 12's busybox 1.35 vi (record-vi.py here): the
// scenarios of ../vim/vi-scenarios.json (so the two vis meet the same keys) and the busybox-only
// ones of vi-scenarios.json, typed into cowbox's applet on a pseudo-terminal; both output streams
// go to headless xterm terminals and at each checkpoint the screens' text and cursor must agree;
// at the end the files must hold what busybox left. KNOWN lists the checkpoints that differ.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import headless from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { SIG } from '../../../src/abi/signals.ts';
import { loadEntry } from '../../../src/programs/registry.ts';
import type { Sys } from '../../../src/sys/sys.ts';
import { bootTerminal } from '../../tty/boot-terminal.ts';

const { Terminal } = headless as unknown as typeof import('@xterm/headless');
const HERE = dirname(fileURLToPath(import.meta.url));

interface Step {
  keys?: string;
  snap?: boolean;
  resize?: [number, number];
  signal?: string;
  pause?: number;
}
interface Scenario {
  name: string;
  args: string[];
  files: Record<string, string | { text?: string; mode?: string; dir?: boolean }>;
  steps: Step[];
  user?: string;
}
interface Fixture {
  exited: boolean;
  output: string;
  snaps: number[];
  files: Record<string, { text: string; mode: string }>;
}

/** Checkpoints (1-based, in snap order) where cowbox differs from busybox (vi-differences.md says why). */
const KNOWN: Record<string, Record<number, string>> = {
  'counts-goto': {
    5: '^F: busybox moves the top a screen less one row, vim\'s core two rows', 6: 'as 5', 7: '^B as 5', 8: '^D: busybox scrolls and keeps the cursor line; the core moves both',
    9: '^U as 8', 10: 'after 9', 13: 'a jump further than half a screen: busybox centres from where it was scrolled',
  },
  'change-edits': { 5: 'J: busybox leaves the cursor on the joining space, one right of the core', 6: '3J as 5 (the last join)' },
  'insert-arrows': {
    1: 'busybox shows [Modified] only once the insert ends (its status line is redrawn when its checksum changes)', 2: 'as 1', 3: 'as 1',
  },
  undo: { 9: '3J cursor as change-edits 5', 10: 'busybox undoes a join as a chain of deletes and inserts and reports the last link' },
  search: { 2: 'busybox does not redraw the status line after n until something else changes it' },
  'long-lines': { 3: 'busybox keeps the sideways offset on a shorter line with the cursor at the screen\'s left' },
  'bb-set-options': { 4: ':set ic is listed but searches stay case-sensitive here' },
  'bb-insert-keys': { 4: 'busybox 1.35 ignores a count before i; the core repeats the insert', 5: 'R (Replace mode) is not in the core' },
};

/** Scenarios whose files end differently, and why. */
const KNOWN_FILES: Record<string, string> = { 'bb-insert-keys': 'the count before i and R, as its checkpoints 4 and 5' };

const scenarios = [
  ...JSON.parse(readFileSync(join(HERE, '..', 'vim', 'vi-scenarios.json'), 'utf8')),
  ...JSON.parse(readFileSync(join(HERE, 'vi-scenarios.json'), 'utf8')),
] as Scenario[];

function screenOf(t: InstanceType<typeof Terminal>): { lines: string[]; cursor: [number, number] } {
  const b = t.buffer.active;
  const lines: string[] = [];
  for (let y = 0; y < t.rows; y++) lines.push(b.getLine(y)!.translateToString(true).trimEnd());
  return { lines, cursor: [b.cursorY, b.cursorX] };
}

const write = (t: InstanceType<typeof Terminal>, data: Uint8Array): Promise<void> => new Promise((r) => t.write(data, r));

async function settle(t: Awaited<ReturnType<typeof bootTerminal>>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 20; j++) await new Promise((r) => setImmediate(r));
    await t.idle();
  }
}

async function replay(sc: Scenario): Promise<void> {
  const fx = JSON.parse(readFileSync(join(HERE, 'vi-fixtures', `${sc.name}.json`), 'utf8')) as Fixture;
  const vimOut = Buffer.from(fx.output, 'base64');
  const bb = (await loadEntry('busybox'))!;
  const t = await bootTerminal({ busybox: (sys: Sys) => bb(sys) });
  const dir = '/work';
  await t.vfs.mkdir(t.ctx, dir, 0o755);
  for (const [name, spec] of Object.entries(sc.files)) {
    const path = `${dir}/${name}`;
    if (typeof spec !== 'string' && spec.dir) {
      await t.vfs.mkdir(t.ctx, path, 0o755);
      continue;
    }
    await t.vfs.writeFile(t.ctx, path, typeof spec === 'string' ? spec : spec.text!);
    await t.vfs.chmod(t.ctx, path, typeof spec !== 'string' && spec.mode ? parseInt(spec.mode, 8) : 0o644);
  }
  let child = 0;
  const done = t.run(async (sys) => {
    child = await sys.fork(async (c) => {
      await c.chdir(dir);
      if (sc.user) {
        await c.setresgid(65534, 65534, 65534);
        await c.setresuid(65534, 65534, 65534);
      }
      return c.execve('/bin/busybox', ['vi', ...sc.args], ['TERM=xterm-256color', 'HOME=/nonexistent', 'PATH=/bin']);
    });
    await sys.wait4(child);
    return 0;
  });
  const real = new Terminal({ cols: 80, rows: 24, allowProposedApi: true });
  const ours = new Terminal({ cols: 80, rows: 24, allowProposedApi: true });
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
    await write(real, vimOut.subarray(realPos, at));
    realPos = at;
    const screen = Buffer.from(t.screen(), 'latin1');
    await write(ours, screen.subarray(oursPos));
    oursPos = screen.length;
    if (KNOWN[sc.name]?.[snap]) continue;
    const label = `${sc.name} checkpoint ${snap} after ${JSON.stringify(step.keys ?? step)}`;
    if (process.env.BBVI_SURVEY) {
      const a = screenOf(ours); const b = screenOf(real);
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        const rows = a.lines.map((l, i) => (l !== b.lines[i] ? `  row ${i}: ours ${JSON.stringify(l)} busybox ${JSON.stringify(b.lines[i])}` : '')).filter(Boolean);
        console.log(`MISMATCH ${label} cursor ours ${a.cursor} busybox ${b.cursor}\n${rows.slice(0, 3).join('\n')}`);
      }
    } else expect(screenOf(ours), label).toEqual(screenOf(real));
  }
  // A session busybox did not end (SIGTERM is ignored, +30 is a second file) is left running.
  if (fx.exited) await done;
  for (const [name, f] of Object.entries(KNOWN_FILES[sc.name] ? {} : fx.files)) {
    const data = await t.vfs.readFile(t.ctx, `${dir}/${name}`);
    expect(Buffer.from(data).toString('utf8'), `${sc.name}: ${name}`).toBe(f.text);
    const st = await t.vfs.stat(t.ctx, `${dir}/${name}`);
    expect('0o' + (st.mode & 0o7777).toString(8), `${sc.name}: mode of ${name}`).toBe(f.mode);
  }
  if (!fx.exited) return;
  // Back on the main screen, as busybox leaves it.
  await write(ours, Buffer.from(t.screen(), 'latin1').subarray(oursPos));
  expect(ours.buffer.active.type).toBe('normal');
}

describe('busybox vi replays recorded busybox 1.35 vi sessions', () => {
  for (const sc of scenarios) it(sc.name, () => replay(sc), 20000);
});

describe('busybox vi --help', () => {
  it('has the recorded synopsis and flags under cowbox\'s 1.36.1 version line', async () => {
    const { usageBlock, VERSION_LINE } = await import('../../../src/programs/busybox/busybox.ts');
    const rec = JSON.parse(readFileSync(join(HERE, 'vi-fixtures', 'help.json'), 'utf8')) as { stderr: string };
    const ours = usageBlock('vi').split('\n');
    const real = rec.stderr.split('\n');
    expect(ours[0]).toBe(VERSION_LINE);
    expect(ours.slice(1, 5)).toEqual(real.slice(1, 5));
    expect(ours.filter((l) => l.startsWith('\t')).map((l) => l.split('\t')[1])).toEqual(real.filter((l) => l.startsWith('\t')).map((l) => l.split('\t')[1]));
  });
});
