// A package's contents as the entries an installer writes: directories, links, configuration
// files, executables (cowbox program files), stand-in scripts and bulk files, with the parent
// directories they need. The bulk is sized so the package's files add up to about its installed
// size: whatever the explicit files leave goes to its `g` files, else into its executables (as
// the machine code of a real binary would), else into one data file under /usr/share or the
// library directory. Pure: the same package always expands to the same bytes.

import { programFile } from '../../abi/program.ts';
import { utf8Encode } from '../../base/text.ts';
import { COWBOX_COMMANDS } from './commands.ts';
import type { Filler } from './filler.ts';
import { standInScript } from './standins.ts';
import type { Catalog, Pkg, PkgFamily } from './types.ts';

export interface FileEntry {
  path: string;
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  owner: string;
  group: string;
  /** File content: text, or bulk bytes. */
  text?: string;
  fill?: Filler;
  target?: string;
  /** A configuration file (dpkg conffile, rpm %config): kept on remove, dropped on purge. */
  conf?: boolean;
  /** A parent directory nobody asked for by itself: created if missing, never changed. */
  implicit?: boolean;
}

export function entrySize(e: FileEntry): number {
  if (e.type === 'symlink') return e.target!.length;
  if (e.type === 'dir') return 0;
  return e.fill ? e.fill.size : utf8Encode(e.text ?? '').length;
}

const LIBDIR: Record<PkgFamily, string> = { apk: '/usr/lib', deb: '/usr/lib/x86_64-linux-gnu', rpm: '/usr/lib64' };

function owner(spec: string | undefined): { owner: string; group: string } {
  if (!spec) return { owner: 'root', group: 'root' };
  const [o, g] = spec.split(':');
  return { owner: o || 'root', group: g || o || 'root' };
}

function parents(path: string): string[] {
  const out: string[] = [];
  for (let i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) out.push(path.slice(0, i));
  return out;
}

/** The file entries of `p` in `catalog`, parents first. */
export function expand(catalog: Catalog, p: Pkg): FileEntry[] {
  const explicit: FileEntry[] = [];
  const bulk: Array<{ entry: FileEntry; weight: number; head: string }> = [];
  const exes: Array<{ entry: FileEntry; head: string }> = [];
  for (const spec of p.files) {
    const fields = spec.split(/\s+/);
    const [kind, path, a, b] = fields as [string, string, string | undefined, string | undefined];
    // Every kind takes at most a path and two more fields, a mode among them octal: two specs
    // run together ("x /bin/vdir vdirx /usr/bin/[ [") must fail here, not lose a file quietly.
    const mode = kind === 'x' ? b : kind === 'd' || kind === 'c' || kind === 'f' ? a : undefined;
    if (fields.length > 4 || !path?.startsWith('/') || (mode !== undefined && !/^[0-7]{3,4}$/.test(mode))) {
      throw new Error(`catalog ${catalog.id}: bad file spec for ${p.name}: ${spec}`);
    }
    switch (kind) {
      case 'd':
        explicit.push({ path, type: 'dir', mode: a ? parseInt(a, 8) : 0o755, ...owner(b) });
        break;
      case 'l':
        explicit.push({ path, type: 'symlink', mode: 0o777, target: a!, owner: 'root', group: 'root' });
        break;
      case 'c':
      case 'f': {
        const text = catalog.conf[path];
        if (text === undefined) throw new Error(`catalog ${catalog.id}: no text for ${path}`);
        explicit.push({ path, type: 'file', mode: a ? parseInt(a, 8) : 0o644, text, conf: kind === 'c', ...owner(b) });
        break;
      }
      case 's':
        explicit.push({ path, type: 'file', mode: 0o755, text: standInScript(a!, b ?? p.version, path.slice(path.lastIndexOf('/') + 1)), owner: 'root', group: 'root' });
        break;
      case 'x': {
        if (!COWBOX_COMMANDS.has(a!)) break;
        const head = `${programFile(a!)}package: ${p.name} ${p.version}\n`;
        const entry: FileEntry = { path, type: 'file', mode: b ? parseInt(b, 8) : 0o755, text: head, owner: 'root', group: 'root' };
        explicit.push(entry);
        exes.push({ entry, head });
        break;
      }
      case 'g': {
        const head = `cowbox: the bytes of ${path} from ${p.name} ${p.version} stand here; their content is not simulated.\n`;
        // Shared objects and whatever lies in a bin or libexec directory are executables.
        const entry: FileEntry = { path, type: 'file', mode: /\.so(\.|$)|\/(s?bin|libexec)\//.test(path) ? 0o755 : 0o644, owner: 'root', group: 'root' };
        explicit.push(entry);
        bulk.push({ entry, weight: a ? Math.max(0.01, Number(a)) : 1, head });
        break;
      }
      default:
        throw new Error(`catalog ${catalog.id}: bad file spec for ${p.name}: ${spec}`);
    }
  }
  if (catalog.family === 'deb') explicit.push(...debianDocs(p));
  let used = 0;
  for (const e of explicit) if (e.type === 'file' && !bulk.some((x) => x.entry === e) && !exes.some((x) => x.entry === e)) used += entrySize(e);
  used += exes.reduce((n, x) => n + utf8Encode(x.head).length, 0);
  const left = Math.max(0, p.installedSize - used);
  if (bulk.length === 0 && exes.length === 0 && left > 4096) {
    const path = p.name.startsWith('lib') ? `${LIBDIR[catalog.family]}/${p.name}.so` : `/usr/share/${p.name}/${p.name}.dat`;
    const head = `cowbox: the bytes of ${path} from ${p.name} ${p.version} stand here; their content is not simulated.\n`;
    const entry: FileEntry = { path, type: 'file', mode: 0o644, owner: 'root', group: 'root' };
    explicit.push(entry);
    bulk.push({ entry, weight: 1, head });
  }
  if (bulk.length) {
    const total = bulk.reduce((n, x) => n + x.weight, 0);
    for (const x of bulk) {
      const size = Math.max(utf8Encode(x.head).length, Math.round((left * x.weight) / total));
      x.entry.fill = { seed: x.entry.path, size, head: utf8Encode(x.head) };
    }
  } else if (exes.length) {
    const share = Math.floor(left / exes.length);
    for (const x of exes) {
      const head = utf8Encode(x.head);
      x.entry.fill = { seed: x.entry.path, size: head.length + share, head };
      delete x.entry.text;
    }
  }
  return withParents(explicit);
}

/** Parent directories before their children, each path once (the first spec of it wins). */
function withParents(entries: FileEntry[]): FileEntry[] {
  const seen = new Set<string>();
  const out: FileEntry[] = [];
  const dirs = new Map(entries.filter((e) => e.type === 'dir').map((e) => [e.path, e]));
  for (const e of entries) {
    for (const dir of parents(e.path)) {
      if (seen.has(dir)) continue;
      seen.add(dir);
      out.push(dirs.get(dir) ?? { path: dir, type: 'dir', mode: 0o755, owner: 'root', group: 'root', implicit: true });
    }
    if (seen.has(e.path)) continue;
    seen.add(e.path);
    out.push(e);
  }
  return out;
}

/** What every Debian package ships under /usr/share/doc: a copyright file and a changelog. */
function debianDocs(p: Pkg): FileEntry[] {
  const dir = `/usr/share/doc/${p.name}`;
  const copyright = [
    'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/',
    `Upstream-Name: ${p.name}`,
    '',
    'Files: *',
    `Comment: cowbox keeps this short. The real file names the authors of ${p.name} and the`,
    ' licence of every part of it; Debian installs one for every package, which is why',
    ' /usr/share/doc is large in an image.',
    '',
  ].join('\n');
  const changelogSize = Math.min(40_000, Math.max(400, Math.round(p.installedSize * 0.01)));
  const head = utf8Encode(`cowbox: the gzip-compressed Debian changelog of ${p.name} ${p.version} stands here.\n`);
  return [
    { path: `${dir}/copyright`, type: 'file', mode: 0o644, text: copyright, owner: 'root', group: 'root' },
    { path: `${dir}/changelog.Debian.gz`, type: 'file', mode: 0o644, fill: { seed: `${dir}/changelog`, size: changelogSize, head }, owner: 'root', group: 'root' },
  ];
}
