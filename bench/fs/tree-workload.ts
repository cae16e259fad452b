// One create-read-stat workload run against several in-memory filesystems: cowbox (through the
// VFS, over an overlay with one lower layer and a tmpfs upper, or on plain tmpfs), @zenfs/core
// (InMemory, with and without its CopyOnWrite layer) and just-bash's InMemoryFs.
//
// The lower layer holds TOP_DIRS directories of BASE_FILES files; the workload makes SUB_DIRS new
// directories in each (so layered filesystems copy the parents up), writes FILES_PER_DIR files
// of 1 KiB in each, reads every file back and stats every file. Each sample starts from a
// freshly built filesystem; only the workload is timed.

import { CopyOnWrite, InMemory, fs as zen, mount as zenMount, resolveMountConfig, umount as zenUmount } from '@zenfs/core';
import { InMemoryFs } from 'just-bash';
import type { Side } from '../lib/timing.ts';
import { type BenchMachine, bootMachine, mkdirs } from './machine.ts';

const TOP_DIRS = 20;
const BASE_FILES = 10;
const SUB_DIRS = 5;
const FILES_PER_DIR = 20;
export const WORKLOAD_FILES = TOP_DIRS * SUB_DIRS * FILES_PER_DIR;
const FILE_BYTES = 1024;

/** The few calls the workload needs, in each library's own API. */
export interface TreeFs {
  mkdir(path: string): Promise<void>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  readFile(path: string): Promise<Uint8Array>;
  stat(path: string): Promise<{ size: number }>;
}

interface Target {
  fs: TreeFs;
  /** Where the tree is, inside `fs`'s namespace. */
  root: string;
  dispose(): Promise<void>;
}

function content(i: number): Uint8Array {
  const b = new Uint8Array(FILE_BYTES);
  for (let k = 0; k < FILE_BYTES; k += 64) b[k] = (i + k) & 0xff;
  return b;
}

const FILE_DATA = Array.from({ length: WORKLOAD_FILES }, (_, i) => content(i));
const BASE_DATA = content(7);

/** Fill a lower layer (or an empty filesystem) with the base tree. */
async function seed(fs: TreeFs, root: string): Promise<void> {
  for (let d = 0; d < TOP_DIRS; d++) {
    await fs.mkdir(`${root}/d${d}`);
    for (let f = 0; f < BASE_FILES; f++) await fs.writeFile(`${root}/d${d}/base-${f}`, BASE_DATA);
  }
}

export async function workload(fs: TreeFs, root: string): Promise<void> {
  const paths: string[] = [];
  for (let d = 0; d < TOP_DIRS; d++) {
    for (let s = 0; s < SUB_DIRS; s++) {
      const dir = `${root}/d${d}/new-${s}`;
      await fs.mkdir(dir);
      for (let f = 0; f < FILES_PER_DIR; f++) {
        const p = `${dir}/file-${f}`;
        await fs.writeFile(p, FILE_DATA[paths.length]!);
        paths.push(p);
      }
    }
  }
  for (const p of paths) {
    if ((await fs.readFile(p)).length !== FILE_BYTES) throw new Error(`short read of ${p}`);
  }
  for (const p of paths) {
    if ((await fs.stat(p)).size !== FILE_BYTES) throw new Error(`wrong size of ${p}`);
  }
}

// ---- cowbox -------------------------------------------------------------------------------

function cowboxFs(m: BenchMachine): TreeFs {
  return {
    mkdir: (p) => m.vfs.mkdir(m.ctx, p, 0o755),
    writeFile: (p, data) => m.vfs.writeFile(m.ctx, p, data, 0o644),
    readFile: (p) => m.vfs.readFile(m.ctx, p),
    stat: (p) => m.vfs.stat(m.ctx, p),
  };
}

/** cowbox: overlay of one lower layer (seeded) and a tmpfs upper, on /merged. */
async function cowboxOverlay(): Promise<Target> {
  const m = await bootMachine();
  const fs = cowboxFs(m);
  await mkdirs(m, '/layers/base');
  await seed(fs, '/layers/base');
  for (const d of ['/layers/upper', '/layers/work', '/merged']) await mkdirs(m, d);
  await m.vfs.mount(m.ctx, 'overlay', '/merged', 'overlay', 'lowerdir=/layers/base,upperdir=/layers/upper,workdir=/layers/work');
  return { fs, root: '/merged', dispose: async () => {} };
}

/** cowbox: the same tree on the root tmpfs, no overlay. */
async function cowboxTmpfs(): Promise<Target> {
  const m = await bootMachine();
  const fs = cowboxFs(m);
  await mkdirs(m, '/tree');
  await seed(fs, '/tree');
  return { fs, root: '/tree', dispose: async () => {} };
}

// ---- @zenfs/core ----------------------------------------------------------------------------

const zenFs: TreeFs = {
  mkdir: async (p) => {
    await zen.promises.mkdir(p);
  },
  writeFile: (p, data) => zen.promises.writeFile(p, data),
  readFile: (p) => zen.promises.readFile(p),
  stat: (p) => zen.promises.stat(p),
};

let zenMounts = 0;

/** zenfs: CopyOnWrite of a seeded InMemory (readable) and an empty InMemory (writable). */
async function zenfsCow(): Promise<Target> {
  const seedAt = `/zen-seed-${zenMounts++}`;
  const readable = await resolveMountConfig({ backend: InMemory });
  zenMount(seedAt, readable);
  await seed(zenFs, seedAt);
  zenUmount(seedAt);
  const writable = await resolveMountConfig({ backend: InMemory });
  const cow = await resolveMountConfig({ backend: CopyOnWrite, readable, writable });
  const at = `/zen-cow-${zenMounts++}`;
  zenMount(at, cow);
  return { fs: zenFs, root: at, dispose: async () => zenUmount(at) };
}

/** zenfs: one InMemory filesystem holding the seeded tree. */
async function zenfsPlain(): Promise<Target> {
  const at = `/zen-mem-${zenMounts++}`;
  zenMount(at, await resolveMountConfig({ backend: InMemory }));
  await seed(zenFs, at);
  return { fs: zenFs, root: at, dispose: async () => zenUmount(at) };
}

// ---- just-bash ------------------------------------------------------------------------------

async function justBash(): Promise<Target> {
  const jb = new InMemoryFs();
  const fs: TreeFs = {
    mkdir: (p) => jb.mkdir(p),
    writeFile: (p, data) => jb.writeFile(p, data),
    readFile: (p) => jb.readFileBuffer(p),
    stat: (p) => jb.stat(p),
  };
  await jb.mkdir('/tree');
  await seed(fs, '/tree');
  return { fs, root: '/tree', dispose: async () => {} };
}

export const TARGETS = { cowboxOverlay, cowboxTmpfs, zenfsCow, zenfsPlain, justBash } as const;

/** The workload on a fresh `target` per sample; times are per file. */
export function treeSide(target: keyof typeof TARGETS): Side<Target> {
  return {
    ops: WORKLOAD_FILES,
    setup: () => TARGETS[target](),
    run: (t) => workload(t.fs, t.root),
    teardown: (t) => t.dispose(),
  };
}
