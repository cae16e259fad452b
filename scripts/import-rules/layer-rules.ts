// DESIGN.md's "who may import whom" as data plus one judge: given the importing file and what an
// import resolves to, say which rule it breaks (or nothing). Paths are project-relative, with '/'.

import { builtinModules } from 'node:module';
import { posix } from 'node:path';

export const LAYERS = [
  'base', 'abi', 'kernel', 'sys', 'runtime', 'programs', 'host', 'protocol', 'boot', 'worker', 'ui', 'embed', 'cli',
] as const;
export type Layer = (typeof LAYERS)[number];

const BELOW_WORKER: Layer[] = ['base', 'abi', 'kernel', 'sys', 'runtime', 'programs', 'host', 'protocol', 'boot'];

/** Other layers each layer may import (a layer may always import its own files). */
export const LAYER_IMPORTS: Record<Layer, readonly Layer[]> = {
  base: [],
  abi: ['base'],
  kernel: ['base', 'abi'],
  sys: ['base', 'abi'],
  runtime: ['base', 'abi', 'sys'],
  programs: ['base', 'abi', 'sys', 'runtime'],
  host: ['base', 'abi'],
  protocol: ['base', 'abi'],
  boot: ['base', 'abi', 'kernel', 'sys', 'runtime', 'programs', 'host'],
  worker: BELOW_WORKER,
  ui: ['base', 'abi', 'protocol'],
  embed: ['ui', 'protocol', 'base'],
  cli: BELOW_WORKER,
};

/** Single folders of another layer a layer may reach into, beyond LAYER_IMPORTS. */
const FOLDER_GRANTS: Array<{ from: string; to: string }> = [
  { from: 'host', to: 'kernel/fs/storage' },
];

/** npm packages, by the folder (under src/) allowed to use them. '@scope/*' covers a scope. */
export const PACKAGE_GRANTS: Array<{ where: string; pkg: string }> = [
  { where: 'host', pkg: 'idb' },
  { where: 'worker', pkg: 'comlink' },
  { where: 'cli', pkg: 'comlink' },
  { where: 'ui/terminal', pkg: '@xterm/*' },
  { where: 'ui/client', pkg: 'comlink' },
  // DEFLATE for gzip framing (pure JS, no WebAssembly); only the gzip helper touches it.
  { where: 'runtime/archive/gzip.ts', pkg: 'fflate' },
];

/** Packages any *.test.ts file beside the code may use, whatever its layer. */
const TEST_PACKAGES = ['vitest', 'fake-indexeddb'];

/** kernel/fs folders that are not filesystems: the VFS itself and the Store interfaces. */
const FS_INFRASTRUCTURE = new Set(['vfs', 'storage']);
/** kernel/fs helper libraries that are not filesystems, and the filesystems allowed to use each. */
export const FS_HELPERS: Record<string, readonly string[]> = {
  memtree: ['tmpfs', 'diskfs', 'devfs'],
};

export type Target =
  | { kind: 'local'; path: string }
  | { kind: 'package'; name: string }
  | { kind: 'node'; name: string }
  | { kind: 'unknown'; why: string };

const NODE_BUILTINS = new Set(builtinModules);

export function resolveSpecifier(fromFile: string, specifier: string): Target {
  const bare = specifier.replace(/[?#].*$/s, '');
  if (bare.startsWith('.')) return { kind: 'local', path: posix.normalize(posix.join(posix.dirname(fromFile), bare)) };
  if (bare.startsWith('/')) return { kind: 'local', path: posix.normalize(bare.slice(1)) }; // Vite: root-relative
  if (bare.startsWith('node:')) return { kind: 'node', name: bare };
  const parts = bare.split('/');
  const name = bare.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  if (NODE_BUILTINS.has(name)) return { kind: 'node', name };
  if (name === '') return { kind: 'unknown', why: 'an empty specifier' };
  return { kind: 'package', name };
}

/** Path under src/ split into segments, or undefined for a path outside src/. */
function srcSegments(path: string): string[] | undefined {
  const parts = path.split('/');
  return parts[0] === 'src' && parts.length > 1 ? parts.slice(1) : undefined;
}

export function layerOf(path: string): Layer | undefined {
  const segs = srcSegments(path);
  if (segs === undefined || segs.length < 2) return undefined;
  return (LAYERS as readonly string[]).includes(segs[0]!) ? (segs[0] as Layer) : undefined;
}

function under(path: string, folder: string): boolean {
  return path === `src/${folder}` || path.startsWith(`src/${folder}/`);
}

/** The kernel/fs subfolder a path lies in ('vfs', 'tmpfs', ...), or undefined. */
function fsFolder(path: string): string | undefined {
  const segs = srcSegments(path);
  if (segs === undefined || segs[0] !== 'kernel' || segs[1] !== 'fs' || segs.length < 4) return undefined;
  return segs[2];
}

function isConcreteFs(folder: string): boolean {
  return !FS_INFRASTRUCTURE.has(folder) && !(folder in FS_HELPERS);
}

export function isTestFile(path: string): boolean {
  return /\.test\.tsx?$/.test(path);
}

function packageAllowed(file: string, pkg: string): boolean {
  if (isTestFile(file) && TEST_PACKAGES.includes(pkg)) return true;
  return PACKAGE_GRANTS.some((g) => {
    if (!under(file, g.where)) return false;
    return g.pkg.endsWith('/*') ? pkg.startsWith(g.pkg.slice(0, -1)) : pkg === g.pkg;
  });
}

function packageRule(pkg: string): string {
  const holders = PACKAGE_GRANTS.filter((g) => pkg === g.pkg || (g.pkg.endsWith('/*') && pkg.startsWith(g.pkg.slice(0, -1))));
  if (holders.length === 0) return `package '${pkg}' is not on any layer's list (see DESIGN.md)`;
  return `package '${pkg}' may be imported only in ${holders.map((h) => `src/${h.where}`).join(', ')}`;
}

/** The rule `file` breaks by importing `target`, or undefined when the import is allowed. */
export function brokenRule(file: string, target: Target): string | undefined {
  const layer = layerOf(file);
  if (layer === undefined) {
    return srcSegments(file)?.length === 1
      ? 'files belong in a layer folder, not directly in src/'
      : `'${srcSegments(file)?.[0]}' is not a layer of DESIGN.md (${LAYERS.join(', ')})`;
  }
  const test = isTestFile(file);

  if (target.kind === 'unknown') return `cannot check ${target.why}`;
  if (target.kind === 'node') {
    return layer === 'cli' || test ? undefined : `Node built-ins (${target.name}) may be imported only in src/cli`;
  }
  if (target.kind === 'package') return packageAllowed(file, target.name) ? undefined : packageRule(target.name);

  const to = target.path;
  const toLayer = layerOf(to);
  if (srcSegments(to) === undefined) {
    if (test && (to === 'test' || to.startsWith('test/'))) return undefined;
    return `code under src/ imports only files under src/ (this resolves to ${to})`;
  }
  if (toLayer === undefined) return `target ${to} is not inside a layer folder`;

  if (toLayer !== layer) {
    const granted = FOLDER_GRANTS.some((g) => g.from === layer && under(to, g.to));
    if (!LAYER_IMPORTS[layer].includes(toLayer) && !granted) {
      const may = [...LAYER_IMPORTS[layer], ...FOLDER_GRANTS.filter((g) => g.from === layer).map((g) => g.to)];
      return `${layer} may import only ${may.length ? may.join(', ') : 'nothing outside itself'}; not ${toLayer}`;
    }
  }

  // The syscall table is handed to the kernel at boot; tests may wire it in themselves.
  if (layer === 'kernel' && !test && !under(file, 'kernel/syscalls') && under(to, 'kernel/syscalls')) {
    return 'nothing in kernel imports kernel/syscalls (the table is handed in at boot)';
  }

  const fromFs = fsFolder(file);
  const toFs = fsFolder(to);
  if (toFs !== undefined && toFs !== fromFs) {
    if (fromFs !== undefined && isConcreteFs(toFs)) {
      return fromFs === 'vfs'
        ? `vfs never imports a concrete filesystem (${toFs})`
        : `filesystems and their helpers do not import a filesystem (${fromFs} -> ${toFs}); compose through the FileSystem interface`;
    }
    const users = FS_HELPERS[toFs];
    if (users !== undefined && (fromFs === undefined || !users.includes(fromFs)) && !test) {
      return `kernel/fs/${toFs} is a helper for ${users.join(', ')} only`;
    }
  }
  return undefined;
}
