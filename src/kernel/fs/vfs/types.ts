// The filesystem contract: what every filesystem (tmpfs, diskfs, overlay, procfs, ...) offers
// the VFS, in the shape of Linux's inode and file operations.
//
// Division of labour, as in Linux: the VFS walks paths, crosses mounts, follows symlinks,
// checks permissions (mode bits, owner, sticky bit, root bypass), applies the umask and picks
// the owner of new objects, and checks the type rules of rename. A filesystem stores objects,
// keeps link counts and times, and enforces what only it can know: emptiness on rmdir,
// EEXIST on create, its own EROFS/EXDEV cases. Every failure is a SysError with an errno.

import type { FileType, Stat } from '../../../abi/stat.ts';
import type { Interrupt } from '../../task/interrupt.ts';
import type { PathRef } from './mount.ts';

/** The credentials a filesystem operation runs with (fsuid/fsgid and supplementary groups). */
export interface Cred {
  readonly uid: number;
  readonly gid: number;
  readonly groups: readonly number[];
}

/**
 * Who is calling, for the few filesystems whose answers depend on it (procfs: /proc/self,
 * /proc/PID visibility from the caller's PID namespace). Opaque to the VFS; the kernel puts
 * its task here.
 */
export type Caller = unknown;

export const ROOT_CRED: Cred = Object.freeze({ uid: 0, gid: 0, groups: Object.freeze([]) as readonly number[] });

/** The kernel's one clock. Tests drive a manual clock. */
export interface Clock {
  nowNs(): bigint;
}

export interface SetAttrs {
  /** Permission bits only (S_IALLUGO); the type bits never change. */
  mode?: number;
  uid?: number;
  gid?: number;
  /** Regular files only: truncate or extend. */
  size?: number;
  atimeNs?: bigint;
  mtimeNs?: bigint;
  /** Set ctime too; defaults to "now" for any change, as Linux does. */
  ctimeNs?: bigint;
}

export interface DirEntry {
  name: string;
  type: FileType;
  ino: number;
}

export type { StatFs } from '../../../abi/stat.ts';
import type { StatFs } from '../../../abi/stat.ts';

export interface FileSystem {
  /** The name `mount -t` and /proc/mounts use: "tmpfs", "overlay", "ext4"... */
  readonly type: string;
  /** st_dev of every object on it. */
  readonly dev: number;
  /** Mounted read-only: every change fails with EROFS. */
  readonly readOnly: boolean;
  root(): Promise<VNode>;
  statfs(): Promise<StatFs>;
  /** Write back everything buffered (file data written through open handles). */
  sync(): Promise<void>;
  /** Options as /proc/mounts shows them after the fs type ("rw,lowerdir=...,upperdir=..."). */
  mountOptions(): string;
}

/**
 * One object on a filesystem. Directory operations fail with ENOTDIR on non-directories,
 * readlink with EINVAL on non-symlinks, open with EISDIR on directories.
 * New objects get exactly the mode and owner they are given: the VFS has applied the umask
 * and the setgid-directory rule already.
 */
export interface VNode {
  readonly fs: FileSystem;
  readonly ino: number;
  readonly type: FileType;

  /** A fresh record each call: callers may keep or change it. */
  stat(): Promise<Stat>;
  /** stat() without waiting, for filesystems that hold their inodes in memory; undefined otherwise. */
  statCached?(): Stat | undefined;
  setattr(attrs: SetAttrs): Promise<void>;

  /** The child named `name`, or null when there is none. `name` is never "." or "..". */
  lookup(name: string, caller?: Caller): Promise<VNode | null>;
  /**
   * The path walk's fast path (Linux's RCU walk): the child if the filesystem knows it without
   * waiting for anything, null if it knows there is none, undefined if it must look (then the
   * walk calls `lookup`). Filesystems whose answer depends on the caller leave it out.
   */
  lookupCached?(name: string): VNode | null | undefined;
  readdir(caller?: Caller): Promise<DirEntry[]>;
  /**
   * mknod(2) for every non-directory, non-symlink type: `mode` carries the type bits
   * (S_IFREG, S_IFIFO, S_IFCHR, S_IFBLK, S_IFSOCK) and the permission bits.
   */
  mknod(name: string, mode: number, rdev: number, owner: Cred): Promise<VNode>;
  mkdir(name: string, mode: number, owner: Cred): Promise<VNode>;
  symlink(name: string, target: string, owner: Cred): Promise<VNode>;
  /** A new name in this directory for `target` (same filesystem, never a directory). */
  link(name: string, target: VNode): Promise<void>;
  unlink(name: string): Promise<void>;
  rmdir(name: string): Promise<void>;
  /** rename(2)/renameat2(2); `flags` takes RENAME_NOREPLACE and RENAME_WHITEOUT. */
  rename(oldName: string, newDir: VNode, newName: string, flags: number): Promise<void>;
  readlink(caller?: Caller): Promise<string>;
  /**
   * Magic links only (/proc/PID/fd/N, cwd, root, exe): following one jumps to the object it
   * stands for, as Linux's nd_jump_link does, instead of walking its text. A PathRef is a place
   * (perhaps unlinked, perhaps in another mount namespace); a bare node is an object no
   * filesystem holds (a pipe: see object-node.ts), which the walk puts on the link's own mount.
   * Null: walk the text after all (an object known only by its name, a terminal).
   */
  jump?(caller?: Caller): Promise<PathRef | VNode | null>;

  getxattr(name: string): Promise<Uint8Array>;
  /** `flags`: XATTR_CREATE / XATTR_REPLACE. */
  setxattr(name: string, value: Uint8Array, flags: number): Promise<void>;
  listxattr(): Promise<string[]>;
  removexattr(name: string): Promise<void>;

  /** Regular files: a handle on the data. O_TRUNC is the VFS's business, not open's. */
  open(flags: number, caller?: Caller): Promise<FileHandle>;

  /**
   * Make this (empty, regular) file share `source`'s data without copying it, as FICLONE
   * does; false when the two filesystems cannot share storage. Overlay copy-up tries it first.
   */
  cloneDataFrom?(source: VNode): Promise<boolean>;
}

/** An open regular file's data. Positions are byte offsets; reads past the end return fewer bytes. */
export interface FileHandle {
  /** `intr`: the reader's signal line, for handles that may block (devices, fifos). */
  read(pos: number, length: number, intr?: Interrupt): Promise<Uint8Array>;
  /** Returns the bytes written; extends the file (with zeros for a gap) as needed. */
  write(pos: number, data: Uint8Array, intr?: Interrupt): Promise<number>;
  size(): Promise<number>;
  truncate(size: number): Promise<void>;
  /** fsync(2): the data is in the filesystem's storage when it resolves. */
  flush(): Promise<void>;
  /** Last use of this handle; flushes. */
  close(): Promise<void>;
}
