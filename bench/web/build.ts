// Builds what the web bench serves: the app (vite.config.ts, as `npm run build` does) and the
// control page (bench/web/control: a bare xterm), each into its own scratch directory; and sizes
// the JavaScript of a build as gzip bytes (zlib level 9, what a static host's precompression uses).

import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export async function buildApp(projectRoot: string, outDir: string, cacheDir: string, configFile = join(projectRoot, 'vite.config.ts')): Promise<void> {
  await build({
    root: projectRoot,
    configFile,
    cacheDir,
    logLevel: 'warn',
    // Hidden source maps: served by nobody, read by jsGzipByArea to say what the bytes are made of.
    build: { outDir, emptyOutDir: true, sourcemap: 'hidden' },
  });
}

export async function buildControl(projectRoot: string, outDir: string, cacheDir: string): Promise<void> {
  await build({
    root: join(projectRoot, 'bench/web/control'),
    configFile: false,
    cacheDir,
    base: './',
    logLevel: 'warn',
    publicDir: false,
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false },
  });
}

/** Every .js file under `dir`, by path from `dir` ("assets/index-abc.js"), with its gzip size. */
export async function jsGzipSizes(dir: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.js')) out.set(relative(dir, p), gzipSync(await readFile(p), { level: 9 }).length);
    }
  };
  await walk(dir);
  return out;
}

/** Which part of the tree a source file belongs to: "src/programs/docker", "node_modules/@xterm/xterm". */
function areaOf(source: string): string {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (nm) return `node_modules/${nm[1]}`;
  const src = /(?:^|\/)(src\/[^/]+(?:\/[^/.]+)?)/.exec(source);
  return src ? src[1]! : 'other';
}

/**
 * The gzip bytes of the build's JS shared out to the parts of the tree they come from: each file's
 * gzip size split in proportion to its sources' lengths (from the hidden source maps), so it is a
 * guide to what dominates, not an exact count.
 */
export async function jsGzipByArea(dir: string, sizes: Map<string, number>, only?: Set<string>): Promise<Array<[string, number]>> {
  const areas = new Map<string, number>();
  for (const [file, gz] of sizes) {
    if (only && !only.has(file)) continue;
    let shares: Array<[string, number]> = [['other', 1]];
    try {
      const map = JSON.parse(await readFile(join(dir, `${file}.map`), 'utf8')) as { sources: string[]; sourcesContent?: Array<string | null> };
      const lengths = map.sources.map((s, i) => [areaOf(s), map.sourcesContent?.[i]?.length ?? 0] as [string, number]);
      const total = lengths.reduce((n, [, l]) => n + l, 0);
      if (total > 0) shares = lengths.map(([a, l]) => [a, l / total]);
    } catch {
      // No map for this file: it counts as "other".
    }
    for (const [a, share] of shares) areas.set(a, (areas.get(a) ?? 0) + gz * share);
  }
  return [...areas].map(([a, n]) => [a, Math.round(n)] as [string, number]).sort((x, y) => y[1] - x[1]);
}
