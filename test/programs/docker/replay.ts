// Loads the recordings made by fixtures/record.py (the real docker CLI 28.2.2 talking to a fake
// engine that served a data set) and turns a data set into the shapes the simulator's
// renderers take, so each test can compare byte for byte.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContainerRecord } from '../../../src/runtime/containers/container-record.ts';
import type { ImageView } from '../../../src/programs/docker/format/images.ts';
import type { Sys } from '../../../src/sys/sys.ts';

export interface Run {
  args: string[];
  now: number;
  stdout: string;
  stderr: string;
  status: number;
}

export interface StatsSample {
  cpu: [number, number];
  sys: [number, number];
  ncpu: number;
  usage: number;
  inactive: number;
  limit: number;
  pids: number;
  rx: number;
  tx: number;
  rd: number;
  wr: number;
}

export interface DataSet {
  containers: (ContainerRecord & { _SizeRw: number })[];
  images: ImageView[];
  top: Record<string, { Titles: string[]; Processes: string[][] }>;
  changes: Record<string, [string, string][]>;
  stats: Record<string, StatsSample>;
}

const here = dirname(fileURLToPath(import.meta.url));

export function loadRecording(name: string): { dataset: DataSet; runs: Run[] } {
  return JSON.parse(readFileSync(join(here, 'fixtures', `${name}.json`), 'utf8')) as { dataset: DataSet; runs: Run[] };
}

/** Newest first, as ContainerStore.list() gives them. */
export function containersOf(ds: DataSet): DataSet['containers'] {
  return [...ds.containers].sort((a, b) => (a.Created < b.Created ? 1 : a.Created > b.Created ? -1 : 0));
}

/**
 * Docker prints the repositories of one image in Go map order (random); sort lines that share
 * an image id within their run of consecutive lines so both sides compare.
 */
export function normalizeImageLines(text: string): string {
  const lines = text.split('\n');
  const key = (l: string): string | null => /\b([0-9a-f]{12})\b/.exec(l)?.[1] ?? /\d+ \w+ ago.*$/.exec(l)?.[0] ?? null;
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const k = key(lines[i]!);
    let j = i + 1;
    while (k && j < lines.length && key(lines[j]!) === k) j++;
    out.push(...lines.slice(i, j).sort());
    i = j;
  }
  return out.join('\n');
}

/** Just enough of Sys for paths that stop before touching the engine's state. */
export function fakeSys(argv: string[]): { sys: Sys; out: () => { stdout: string; stderr: string } } {
  let stdout = '';
  let stderr = '';
  const sys = {
    argv,
    envp: ['HOME=/tmp/HOME'],
    getenv: (n: string) => (n === 'HOME' ? '/tmp/HOME' : undefined),
    writeAll: async (fd: number, s: string | Uint8Array) => {
      const t = typeof s === 'string' ? s : new TextDecoder().decode(s);
      if (fd === 1) stdout += t;
      else stderr += t;
    },
  } as unknown as Sys;
  return { sys, out: () => ({ stdout, stderr }) };
}
