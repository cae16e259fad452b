// The per-folder tsconfig `lib` rule: every layer names only the globals it may use, and tsc
// rejects kernel code that names `window` or `indexedDB`. Probe files go to a temp directory
// (never into src/) with a tsconfig that extends the layer's own, and are removed afterwards.

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = join(root, 'node_modules/.bin/tsc');

const expectedLib: Record<string, string[]> = {
  base: ['ES2022'],
  abi: ['ES2022'],
  kernel: ['ES2022'],
  sys: ['ES2022'],
  runtime: ['ES2022'],
  programs: ['ES2022'],
  protocol: ['ES2022'],
  boot: ['ES2022'],
  host: ['ES2022', 'WebWorker'],
  worker: ['ES2022', 'WebWorker'],
  ui: ['ES2022', 'DOM', 'DOM.Iterable'],
  embed: ['ES2022', 'DOM', 'DOM.Iterable'],
  cli: ['ES2022'],
};

let scratch = '';

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'cowbox-lib-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Type-checks `source` under a tsconfig extending src/<layer>/tsconfig.json. */
async function typecheck(layer: string, name: string, source: string): Promise<{ code: number; out: string }> {
  const dir = join(scratch, `${layer}-${name}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'probe.ts'), source);
  await writeFile(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: join(root, 'src', layer, 'tsconfig.json'), include: ['probe.ts'], exclude: [] }),
  );
  return new Promise((resolve) => {
    execFile(tsc, ['--noEmit', '-p', join(dir, 'tsconfig.json')], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout + stderr });
    });
  });
}

describe('per-folder tsconfig lib', () => {
  it('gives each layer exactly the globals DESIGN.md allows it', async () => {
    const layers = (await readdir(join(root, 'src'), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(layers.sort()).toEqual(Object.keys(expectedLib).sort());
    for (const layer of layers) {
      const config = JSON.parse(await readFile(join(root, 'src', layer, 'tsconfig.json'), 'utf8')) as {
        compilerOptions: { lib: string[]; types: string[] };
      };
      expect(config.compilerOptions.lib, layer).toEqual(expectedLib[layer]);
      // Node's types only for the Node front end; everything else runs in a browser too.
      expect(config.compilerOptions.types.includes('node'), layer).toBe(layer === 'cli');
    }
  });

  it('compiles plain ECMAScript under the kernel config (the probe itself is sound)', async () => {
    const { code, out } = await typecheck('kernel', 'clean', 'export const n: number = [1, 2].map((x) => x * 2).length;\n');
    expect(out).toBe('');
    expect(code).toBe(0);
  }, 30_000);

  it('rejects kernel code that names window', async () => {
    const { code, out } = await typecheck('kernel', 'window', 'export const width = window.innerWidth;\n');
    expect(code).not.toBe(0);
    expect(out).toMatch(/probe\.ts.*Cannot find name 'window'/);
  }, 30_000);

  it('rejects kernel code that names indexedDB, which the host layer may use', async () => {
    const source = "export const request = indexedDB.open('cowbox');\n";
    const kernel = await typecheck('kernel', 'idb', source);
    expect(kernel.code).not.toBe(0);
    expect(kernel.out).toMatch(/probe\.ts.*Cannot find name 'indexedDB'/);
    const host = await typecheck('host', 'idb', source);
    expect(host.out).toBe('');
    expect(host.code).toBe(0);
  }, 30_000);

  it('rejects Node globals outside the cli', async () => {
    const source = "export const cwd: string = process.cwd();\n";
    const kernel = await typecheck('kernel', 'node', source);
    expect(kernel.code).not.toBe(0);
    expect(kernel.out).toMatch(/Cannot find name 'process'/);
  }, 30_000);
});
