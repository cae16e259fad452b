// overlayfs: the mount options, the layers, and the cache of overlay objects.
// `lowerdir=A:B:C` (A on top), `upperdir` + `workdir` on one filesystem, read-only without an
// upper. Mount-time checks and their errnos were measured on Linux 6.18: workdir inside upperdir
// or equal to it is EINVAL, a lowerdir inside the upperdir is ELOOP, a missing layer ENOENT,
// an unknown option EINVAL, a read-only overlay of one lowerdir EINVAL. (An upperdir inside a
// lowerdir is accepted, as Linux accepts it.)

import { SysError } from '../../../abi/errno.ts';
import type { EmitFn, KernelEvent } from '../../events.ts';
import type { Clock, FileSystem, StatFs, VNode } from '../vfs/types.ts';
import type { FsMountRequest } from '../vfs/vfs.ts';
import { OvlNode } from './inode.ts';
import { type Layer, isOpaque } from './layer.ts';
import { type Real, type Stack, lookupStack } from './namei.ts';
import { sharedLayer, sharedLowers } from './shared.ts';

export const OVERLAYFS_MAGIC = 0x794c7630;

/** Options Linux accepts that change nothing we model (Docker passes some of them). */
const IGNORED_OPTIONS = new Set(['index', 'redirect_dir', 'xino', 'metacopy', 'nfs_export', 'uuid', 'volatile', 'userxattr', 'default_permissions']);

export interface OverlayConfig {
  lowers: Layer[];
  upper: Layer | null;
  /** The `work` directory inside workdir, where copies are built before they move into place. */
  work: VNode | null;
  dev: number;
  clock: Clock;
  emit: EmitFn;
  options: string;
}

export class OverlayFs implements FileSystem {
  readonly type = 'overlay';
  readonly dev: number;
  readonly readOnly: boolean;
  readonly lowers: Layer[];
  readonly upper: Layer | null;
  readonly work: VNode | null;
  readonly emit: EmitFn;
  private readonly options: string;
  private rootNode!: OvlNode;
  private tmpCounter = 0;
  /** Every layer on one filesystem: real inode numbers are unique, so they are reported as is. */
  private readonly sameFs: boolean;

  private constructor(cfg: OverlayConfig) {
    this.dev = cfg.dev;
    this.lowers = cfg.lowers;
    this.upper = cfg.upper;
    this.work = cfg.work;
    this.emit = cfg.emit;
    this.options = cfg.options;
    this.readOnly = cfg.upper === null;
    const devs = new Set([...cfg.lowers, ...(cfg.upper ? [cfg.upper] : [])].map((l) => l.root.fs.dev));
    this.sameFs = devs.size === 1;
  }

  static async create(cfg: OverlayConfig): Promise<OverlayFs> {
    const fs = new OverlayFs(cfg);
    const lowers: Real[] = [];
    for (const l of cfg.lowers) {
      lowers.push({ node: l.root, layer: l });
      if (await isOpaque(l.root)) break;
    }
    const stack: Stack = { upper: cfg.upper ? { node: cfg.upper.root, layer: cfg.upper } : null, lowers: sharedLowers(lowers) };
    fs.rootNode = new OvlNode(fs, null, '/', stack, fs.inoOf(stack));
    return fs;
  }

  async root(): Promise<VNode> {
    return this.rootNode;
  }

  async statfs(): Promise<StatFs> {
    const base = await (this.upper ?? this.lowers[0]!).root.fs.statfs();
    return { ...base, type: OVERLAYFS_MAGIC };
  }

  async sync(): Promise<void> {
    await this.upper?.root.fs.sync();
  }

  mountOptions(): string {
    // Linux 6.18 adds uuid=on after the directories (other kernels print other defaults here).
    const uuid = /(^|,)uuid=/.test(this.options) ? '' : ',uuid=on';
    return `${this.readOnly ? 'ro' : 'rw'},${this.options}${uuid}`;
  }

  writable(): void {
    if (this.readOnly) throw new SysError('EROFS');
  }

  tempName(): string {
    return `#${(this.tmpCounter++).toString(16)}`;
  }

  /** The inode number an object keeps for life: its lowest origin's, so copy-up does not change it. */
  private inoOf(stack: Stack): number {
    const real = stack.lowers[0] ?? stack.upper!;
    // Layers on different filesystems could share numbers: put the layer in the high bits, as xino does.
    return this.sameFs ? real.node.ino : real.node.ino + real.layer.index * 2 ** 32;
  }

  async lookupChild(dir: OvlNode, name: string): Promise<OvlNode | null> {
    dir.requireDir();
    const cached = dir.cachedChild(name);
    if (cached !== undefined) return cached;
    const stack = await lookupStack(dir, name);
    if (!stack) {
      dir.cacheChild(name, null);
      return null;
    }
    return this.adopt(dir, name, stack);
  }

  /** A new overlay object for `name` in `dir`, remembered in the lookup cache. */
  adopt(dir: OvlNode, name: string, stack: Stack, ino?: number): OvlNode {
    const node = new OvlNode(this, dir, name, stack, ino ?? this.inoOf(stack));
    dir.cacheChild(name, node);
    dir.changed();
    return node;
  }

  /** `name` is gone from `dir`. */
  forget(dir: OvlNode, name: string): void {
    dir.cacheChild(name, null);
    dir.changed();
  }

  emitOpaque(dir: OvlNode, name: string): void {
    const p = dir.path();
    this.emit({ type: 'fs.opaque', overlay: this.dev, path: p === '/' ? `/${name}` : `${p}/${name}`, to: this.upper!.label } satisfies KernelEvent);
  }
}

/** lowerdir entries are separated by ':'; a literal ':' is written '\:'. */
function splitLowers(value: string): string[] {
  return value.split(/(?<!\\):/).map((s) => s.replace(/\\:/g, ':')).filter((s) => s.length > 0);
}

function isInside(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith('/') ? outer : outer + '/');
}

/** The `overlay` filesystem type's mount: parse and check options, resolve the layers. */
export async function mountOverlay(req: FsMountRequest): Promise<FileSystem> {
  let lowerdir: string | null = null;
  let upperdir: string | null = null;
  let workdir: string | null = null;
  for (const opt of req.options.split(',').filter((o) => o.length > 0)) {
    const eq = opt.indexOf('=');
    const key = eq < 0 ? opt : opt.slice(0, eq);
    const value = eq < 0 ? '' : opt.slice(eq + 1);
    if (key === 'lowerdir') lowerdir = value;
    else if (key === 'upperdir') upperdir = value;
    else if (key === 'workdir') workdir = value;
    else if (!IGNORED_OPTIONS.has(key)) throw new SysError('EINVAL', `overlay: Unknown parameter '${key}'`);
  }
  if (!lowerdir) throw new SysError('EINVAL', "overlayfs: missing 'lowerdir'");
  if (upperdir !== null && workdir === null) throw new SysError('EINVAL', "overlayfs: missing 'workdir'");
  const lowerPaths = splitLowers(lowerdir);
  if (lowerPaths.length === 0) throw new SysError('EINVAL', "overlayfs: missing 'lowerdir'");
  if (upperdir === null && lowerPaths.length < 2) {
    throw new SysError('EINVAL', 'overlayfs: at least 2 lowerdir are needed while upperdir nonexistent');
  }
  // Sized up front (a pushed array keeps room for sixteen more); the layers themselves are
  // shared with every other mount of the same directories at the same places (shared.ts).
  const lowers = new Array<Layer>(lowerPaths.length);
  const resolved = new Array<string>(lowerPaths.length);
  for (let i = 0; i < lowerPaths.length; i++) {
    const r = await req.resolveDir(lowerPaths[i]!);
    lowers[i] = sharedLayer(r.node, lowerPaths[i]!, i + 1);
    resolved[i] = r.path;
  }
  let upper: Layer | null = null;
  let work: VNode | null = null;
  if (upperdir !== null && workdir !== null && !req.readOnly) {
    const u = await req.resolveDir(upperdir);
    const w = await req.resolveDir(workdir);
    if (u.node.fs !== w.node.fs || u.mount !== w.mount) throw new SysError('EINVAL', 'overlayfs: workdir and upperdir must reside under the same mount');
    if (isInside(w.path, u.path) || isInside(u.path, w.path)) throw new SysError('EINVAL', 'overlayfs: workdir and upperdir must be separate subtrees');
    if (resolved.some((l) => isInside(l, u.path))) throw new SysError('ELOOP', 'overlayfs: overlapping lowerdir path');
    upper = { root: u.node, label: upperdir, index: 0 };
    work = await prepareWorkDir(w.node);
  }
  const options = [`lowerdir=${lowerdir}`, ...(upper ? [`upperdir=${upperdir}`, `workdir=${workdir}`] : [])].join(',');
  return OverlayFs.create({ lowers, upper, work, dev: req.dev, clock: req.clock, emit: req.emit, options });
}

/** Linux keeps its scratch space in `workdir/work` (mode 000) and empties it at mount. */
async function prepareWorkDir(workdir: VNode): Promise<VNode> {
  const root = { uid: 0, gid: 0, groups: [] };
  let work = await workdir.lookup('work');
  if (work && work.type !== 'dir') {
    await workdir.unlink('work');
    work = null;
  }
  work ??= await workdir.mkdir('work', 0, root);
  for (const e of await work.readdir()) await removeTree(work, e.name);
  return work;
}

async function removeTree(dir: VNode, name: string): Promise<void> {
  const node = await dir.lookup(name);
  if (!node) return;
  if (node.type !== 'dir') return dir.unlink(name);
  for (const e of await node.readdir()) await removeTree(node, e.name);
  await dir.rmdir(name);
}
