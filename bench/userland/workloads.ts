// Userland workloads for the `userland` benchmark group: a simulated machine with every program
// the registry has, a million-line text file both there and on this machine's disk, and trees
// of files for find. Each run is timed around one `sh -c` so program start-up counts, as it
// does for the real tools.

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadEntry, programNames } from '../../src/programs/registry.ts';
import { Sys } from '../../src/sys/sys.ts';
import { type ScriptMachine, scriptMachine } from '../lib/script-machine.ts';
import { bootKernel, type TestProgram } from '../../test/helpers/kernel.ts';

const PROGRAMS: Record<string, TestProgram> = Object.fromEntries(
  programNames().map((name) => [name, async (sys: Sys) => (await loadEntry(name))!(sys)]),
);

/** `lines` lines of words and numbers from a fixed generator: the same text on every run. */
export function textFile(lines: number): string {
  let seed = 12345;
  // The low bits of this generator repeat with a short period; use the high ones.
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) >>> 12;
  const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(`${words[next() % 10]} ${next() % 100000} ${words[next() % 10]}${next() % 1000}`);
  return out.join('\n') + '\n';
}

export type Machine = ScriptMachine;

export async function machine(): Promise<Machine> {
  const { kernel, vfs, ctx } = await bootKernel(PROGRAMS);
  return scriptMachine(kernel, vfs, ctx);
}

/** Run a command line with the real tools on this machine (LANG=C, as the simulated run). */
export function real(script: string): { ms: number; out: string } {
  const t0 = performance.now();
  const r = spawnSync('sh', ['-c', script], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', LANG: 'C' }, maxBuffer: 1 << 30 });
  return { ms: performance.now() - t0, out: r.stdout };
}

export function writeHostFile(path: string, content: string): void {
  writeFileSync(path, content);
}

/** A tree of `entries` names: directories of 100 files each, nested two deep. */
export function treePaths(root: string, entries: number): { dirs: string[]; files: string[] } {
  const dirs: string[] = [root];
  const files: string[] = [];
  const perDir = 100;
  for (let d = 0; files.length + dirs.length < entries; d++) {
    const top = `${root}/d${Math.floor(d / 10)}`;
    if (d % 10 === 0) dirs.push(top);
    const dir = `${top}/e${d % 10}`;
    dirs.push(dir);
    for (let f = 0; f < perDir && files.length + dirs.length < entries; f++) files.push(`${dir}/f${f}`);
  }
  return { dirs, files };
}
