// An overlay object: the merged view of one name across the layers (Linux's ovl inode plus
// dentry). It remembers its upper object (once there is one) and its lower stack, and caches
// its children's lookups, which is what keeps a stat deep in a 128-layer stack cheap: lower
// layers never change under a mounted overlay, and every change to the upper passes through here.
// A container's walks leave a few dozen of these per mount, so they are kept small: the stack
// is fields of the node, and a one-object lower stack is shared with other mounts (shared.ts).

import { SysError } from '../../../abi/errno.ts';
import { wantsWrite, O_TRUNC } from '../../../abi/open-flags.ts';
import type { FileType, Stat } from '../../../abi/stat.ts';
import type { Cred, DirEntry, FileHandle, SetAttrs, VNode } from '../vfs/types.ts';
import { copyUp } from './copy-up.ts';
import * as dirops from './dir.ts';
import { fromLayerXattr, toLayerXattr } from './layer.ts';
import type { Real, Stack } from './namei.ts';
import { mergedReaddir } from './readdir.ts';
import type { OverlayFs } from './super.ts';

/** Cached children of a small directory as [name, node, name, node...]; a Map past this many. */
const FLAT_CHILDREN = 8;

/** `list` plus two items, in an array of exactly that size (push and spread leave spare room). */
function grown<T>(list: readonly T[], a: T, b: T): T[] {
  const out = new Array<T>(list.length + 2);
  for (let i = 0; i < list.length; i++) out[i] = list[i]!;
  out[list.length] = a;
  out[list.length + 1] = b;
  return out;
}

export class OvlNode implements VNode, Stack {
  /** The upper object, once there is one (copy-up and rename set it). */
  upper: Real | null;
  /** Shared between mounts when it is one object (shared.ts); replaced, never changed. */
  readonly lowers: readonly Real[];
  /**
   * Cached lookups of children; null records a name known not to exist. None until the first
   * lookup (files never have one); a flat array while small, as most directories a container's
   * walks pass through hold a name or two, and a Map costs several times that.
   */
  private kids: Array<string | OvlNode | null> | Map<string, OvlNode | null> | null = null;
  listing: DirEntry[] | null = null;
  copying: Promise<VNode> | null = null;

  constructor(
    readonly fs: OverlayFs,
    public parent: OvlNode | null,
    public name: string,
    stack: Stack,
    readonly ino: number,
  ) {
    this.upper = stack.upper;
    this.lowers = stack.lowers;
  }

  /** The object's type: the same in every layer it is made of, and kept by copy-up and rename. */
  get type(): FileType {
    return (this.upper ?? this.lowers[0]!).node.type;
  }

  /** What a cached lookup of `name` found: a node, null for "no such name", undefined if not looked up. */
  cachedChild(name: string): OvlNode | null | undefined {
    const kids = this.kids;
    if (kids === null) return undefined;
    if (kids instanceof Map) return kids.get(name);
    for (let i = 0; i < kids.length; i += 2) if (kids[i] === name) return kids[i + 1] as OvlNode | null;
    return undefined;
  }

  /** Remember what `name` resolves to here. */
  cacheChild(name: string, node: OvlNode | null): void {
    const kids = this.kids;
    if (kids instanceof Map) {
      kids.set(name, node);
      return;
    }
    if (kids === null) {
      this.kids = [name, node];
      return;
    }
    for (let i = 0; i < kids.length; i += 2) {
      if (kids[i] === name) {
        kids[i + 1] = node;
        return;
      }
    }
    if (kids.length < FLAT_CHILDREN * 2) this.kids = grown(kids, name, node);
    else {
      const map = new Map<string, OvlNode | null>();
      for (let i = 0; i < kids.length; i += 2) map.set(kids[i] as string, kids[i + 1] as OvlNode | null);
      map.set(name, node);
      this.kids = map;
    }
  }

  /** The object whose data and attributes show: the upper one if any, else the top lower. */
  real(): VNode {
    return (this.upper ?? this.lowers[0]!).node;
  }

  /** A directory with both an upper and a lower part, or several lower parts. */
  isMerged(): boolean {
    return this.type === 'dir' && (this.lowers.length > (this.upper ? 0 : 1));
  }

  path(): string {
    const names: string[] = [];
    for (let n: OvlNode | null = this; n?.parent; n = n.parent) names.push(n.name);
    return '/' + names.reverse().join('/');
  }

  async stat(): Promise<Stat> {
    return this.merge(await this.real().stat());
  }
  statCached(): Stat | undefined {
    const st = this.real().statCached?.();
    return st && this.merge(st);
  }
  /** The real object's attributes as the overlay reports them: its device, a stable inode number. */
  private merge(st: Stat): Stat {
    st.dev = this.fs.dev;
    st.ino = this.ino;
    if (this.isMerged()) st.nlink = 1;
    return st;
  }

  async setattr(attrs: SetAttrs): Promise<void> {
    this.fs.writable();
    const reason = attrs.size !== undefined ? 'truncate' : attrs.mode !== undefined ? 'chmod'
      : attrs.uid !== undefined || attrs.gid !== undefined ? 'chown' : 'set times';
    await (await copyUp(this, reason)).setattr(attrs);
  }

  // ---- directories ----------------------------------------------------------------------

  lookup(name: string): Promise<VNode | null> {
    return this.fs.lookupChild(this, name);
  }
  lookupCached(name: string): VNode | null | undefined {
    return this.type === 'dir' ? this.cachedChild(name) : undefined;
  }
  async readdir(): Promise<DirEntry[]> {
    this.requireDir();
    this.listing ??= await mergedReaddir(this);
    return this.listing.map((e) => ({ ...e }));
  }
  mknod(name: string, mode: number, rdev: number, owner: Cred): Promise<VNode> {
    return dirops.createChild(this, name, { kind: 'mknod', mode, rdev }, owner);
  }
  mkdir(name: string, mode: number, owner: Cred): Promise<VNode> {
    return dirops.createChild(this, name, { kind: 'mkdir', mode }, owner);
  }
  symlink(name: string, target: string, owner: Cred): Promise<VNode> {
    return dirops.createChild(this, name, { kind: 'symlink', target }, owner);
  }
  link(name: string, target: VNode): Promise<void> {
    return dirops.link(this, name, target);
  }
  unlink(name: string): Promise<void> {
    return dirops.remove(this, name, false);
  }
  rmdir(name: string): Promise<void> {
    return dirops.remove(this, name, true);
  }
  rename(oldName: string, newDir: VNode, newName: string, flags: number): Promise<void> {
    return dirops.rename(this, oldName, newDir, newName, flags);
  }
  readlink(): Promise<string> {
    return this.real().readlink();
  }

  requireDir(): void {
    if (this.type !== 'dir') throw new SysError('ENOTDIR');
  }

  /** Forget cached listings after a change to this directory's entries. */
  changed(): void {
    this.listing = null;
  }

  // ---- extended attributes ----------------------------------------------------------------

  async getxattr(name: string): Promise<Uint8Array> {
    return this.real().getxattr(toLayerXattr(name));
  }
  async setxattr(name: string, value: Uint8Array, flags: number): Promise<void> {
    this.fs.writable();
    await (await copyUp(this, 'setxattr')).setxattr(toLayerXattr(name), value, flags);
  }
  async listxattr(): Promise<string[]> {
    const names: string[] = [];
    for (const n of await this.real().listxattr()) {
      const shown = fromLayerXattr(n);
      if (shown) names.push(shown);
    }
    return names;
  }
  async removexattr(name: string): Promise<void> {
    this.fs.writable();
    // Linux reports a missing attribute without copying up.
    await this.real().getxattr(toLayerXattr(name));
    await (await copyUp(this, 'removexattr')).removexattr(toLayerXattr(name));
  }

  // ---- data -------------------------------------------------------------------------------

  async open(flags: number): Promise<FileHandle> {
    if (this.type === 'dir') throw new SysError('EISDIR');
    if (wantsWrite(flags) || flags & O_TRUNC) {
      this.fs.writable();
      const upper = await copyUp(this, 'open for write');
      return new OvlFileHandle(this, await upper.open(flags), true);
    }
    return new OvlFileHandle(this, await this.real().open(flags), this.upper !== null);
  }
}

/**
 * A handle on an overlay file. One opened read-only before a copy-up switches to the upper
 * copy at its next read, so it sees what later writers wrote (Linux ≥ 4.19 behaves so).
 */
class OvlFileHandle implements FileHandle {
  constructor(private readonly node: OvlNode, private handle: FileHandle, private onUpper: boolean) {}

  private async current(): Promise<FileHandle> {
    const upper = this.node.upper;
    if (!this.onUpper && upper) {
      const next = await upper.node.open(0);
      await this.handle.close();
      this.handle = next;
      this.onUpper = true;
    }
    return this.handle;
  }
  async read(pos: number, length: number): Promise<Uint8Array> {
    return (await this.current()).read(pos, length);
  }
  async write(pos: number, data: Uint8Array): Promise<number> {
    return (await this.current()).write(pos, data);
  }
  async size(): Promise<number> {
    return (await this.current()).size();
  }
  async truncate(size: number): Promise<void> {
    await (await this.current()).truncate(size);
  }
  async flush(): Promise<void> {
    await this.handle.flush();
  }
  async close(): Promise<void> {
    await this.handle.close();
  }
}
