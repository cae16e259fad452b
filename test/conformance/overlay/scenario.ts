// The formats shared by record.py (real kernel) and replay.ts (simulator): a scenario file in
// scenarios/NAME.json and the recording recordings/NAME.json that record.py writes for it.
// Both sides must produce a Recording's `results`, `merged` and `upper` by the same rules.

import type { FileType } from '../../../src/abi/stat.ts';

/*
 * ---- Scenario: scenarios/NAME.json -------------------------------------------------------
 *
 * {
 *   "description": "what the scenario shows, one sentence",
 *   "layers": [ [entries of the TOP lower], ..., [entries of the BOTTOM lower] ],
 *   "upper":  [entries already in the upper dir]          (optional, default empty),
 *   "readonly": true                                      (optional: no upper/work dirs),
 *   "mount_options": "lowerdir=/lower0,upperdir=/upper"   (optional, see below),
 *   "ops": [ ["write", "etc/motd", "hi\n"], ["stat", "etc/motd"], ... ]
 * }
 *
 * Directories: layers[i] is built at /lower{i}, the upper at /upper, plus /work and the mount
 * point /merged, all mode 755 root:root. The default options list the lowers in order, so
 * layers[0] is the top-most lower:
 *   lowerdir=/lower0:/lower1:...,upperdir=/upper,workdir=/work   (or only lowerdir= if readonly)
 * `mount_options` replaces that string verbatim (record.py prefixes its temp dir to the paths).
 *
 * Layer entries are created in the order listed; missing parents become 755 root:root dirs.
 * Defaults: mode "644" for files and fifos, "755" for dirs; uid/gid 0; xattrs none.
 *   {"path": "a/b", "type": "file", "content": "x", "mode": "640", "uid": 1000, "gid": 1000,
 *    "xattrs": {"user.k": "v"}}
 *   {"path": "d", "type": "dir", "opaque": true}            trusted.overlay.opaque=y
 *   {"path": ".", "type": "dir", "mode": "700"}             attributes of the layer root
 *   {"path": "l", "type": "symlink", "target": "../x"}      owner via lchown, no mode
 *   {"path": "gone", "type": "whiteout"}                    char device 0:0, mode 000
 *   {"path": "p", "type": "fifo"}
 *   {"path": "b", "type": "hardlink", "target": "a"}        target: a path in the same layer
 *
 * Ops run in a process chrooted into the merged view with cwd "/", umask 022, as root, so
 * paths may be relative ("etc/motd", ".") and absolute symlink targets stay inside the overlay.
 * Modes are octal strings. See `Op` below for each op's arguments.
 */

export type EntryType = 'file' | 'dir' | 'symlink' | 'whiteout' | 'fifo' | 'hardlink';

export interface LayerEntry {
  path: string;
  type: EntryType;
  /** Regular files: the data (UTF-8). */
  content?: string;
  /** Symlinks: the link text. Hard links: the existing path in the same layer. */
  target?: string;
  /** Octal permission bits; ignored for symlinks and hard links. */
  mode?: string;
  uid?: number;
  gid?: number;
  xattrs?: Record<string, string>;
  /** Directories only: set trusted.overlay.opaque=y. */
  opaque?: boolean;
}

/** Open flags as names joined with "|", e.g. "O_WRONLY|O_APPEND". */
export type OpenFlagNames = string;

/** renameat2 flags as names joined with "|": RENAME_NOREPLACE, RENAME_EXCHANGE, RENAME_WHITEOUT. */
export type RenameFlagNames = string;

/**
 * One step. Write-type ops yield only ok/errno; read-type ops (read, stat, lstat, listdir,
 * readlink, getxattr, listxattr, fd_read, fd_pread, fd_stat) also yield a value.
 */
export type PlainOp =
  | [op: 'mkdir', path: string, mode?: string]                           // mode default 777 (umask 022)
  | [op: 'create', path: string, content: string, mode?: string]         // O_CREAT|O_WRONLY (no O_TRUNC), write
  | [op: 'write', path: string, content: string]                         // O_WRONLY|O_TRUNC, write
  | [op: 'append', path: string, content: string]                        // O_WRONLY|O_APPEND, write
  | [op: 'open_write_nothing', path: string]                             // O_WRONLY, close
  | [op: 'open', path: string, flags: OpenFlagNames, mode?: string]      // open + close
  | [op: 'truncate', path: string, size: number]
  | [op: 'unlink', path: string]
  | [op: 'rmdir', path: string]
  | [op: 'rename', from: string, to: string, flags?: RenameFlagNames]    // rename(2), or renameat2(2) with flags
  | [op: 'chmod', path: string, mode: string]                            // follows symlinks
  | [op: 'chown', path: string, uid: number, gid: number]                // follows symlinks
  | [op: 'lchown', path: string, uid: number, gid: number]
  | [op: 'touch', path: string]                                          // utimensat to a fixed time
  | [op: 'link', from: string, to: string]                               // linkat without AT_SYMLINK_FOLLOW
  | [op: 'symlink', target: string, path: string]
  | [op: 'setxattr', path: string, name: string, value: string]
  | [op: 'lsetxattr', path: string, name: string, value: string]
  | [op: 'removexattr', path: string, name: string]
  | [op: 'mknod_whiteout', path: string]                                 // mknod S_IFCHR|0644, dev 0:0
  | [op: 'mkfifo', path: string, mode?: string]                          // mode default 666 (umask 022)
  | [op: 'access', path: string, mode: 'F_OK' | 'R_OK' | 'W_OK' | 'X_OK']
  | [op: 'read', path: string]                                           // value: whole content
  | [op: 'stat', path: string]                                           // value: StatValue
  | [op: 'lstat', path: string]
  | [op: 'listdir', path: string]                                        // value: sorted names
  | [op: 'readlink', path: string]                                       // value: link text
  | [op: 'getxattr', path: string, name: string]                         // value: text
  | [op: 'listxattr', path: string]                                      // value: sorted names
  | [op: 'rm_rf', path: string]                                          // depth-first unlink/rmdir, stops at the first error
  | [op: 'mv_exdev', from: string, to: string];                          // rename; on EXDEV copy the tree (mode, owner, user xattrs) then rm_rf

/** Ops on named open file descriptions, so "an fd opened before copy-up" can be written down. */
export type FdOp =
  | [op: 'open_fd', fd: string, path: string, flags: OpenFlagNames, mode?: string]
  | [op: 'fd_write', fd: string, content: string]
  | [op: 'fd_read', fd: string, length?: number]                         // from the file position; default 65536
  | [op: 'fd_pread', fd: string, offset: number, length: number]
  | [op: 'fd_stat', fd: string]
  | [op: 'fd_truncate', fd: string, size: number]
  | [op: 'fd_close', fd: string];

/**
 * Every op. `as` runs one plain op with other credentials (uid, gid, no supplementary groups);
 * on Linux it runs in a short-lived child, so it cannot touch named fds.
 */
export type Op = PlainOp | FdOp | [op: 'as', uid: number, gid: number, inner: PlainOp];

export type OpName = Op[0];

export interface Scenario {
  description: string;
  layers: LayerEntry[][];
  upper?: LayerEntry[];
  readonly?: boolean;
  mount_options?: string;
  ops: Op[];
}

/*
 * ---- Recording: recordings/NAME.json -----------------------------------------------------
 *
 * `results[i]` answers `ops[i]`: result "ok" or the errno name (95 is spelled EOPNOTSUPP);
 * `value` only for successful read-type ops. If the mount itself fails, `mount` holds its
 * errno, no op runs and `merged` is null. `merged` is the merged view after the ops (dumped
 * before unmounting, all named fds closed); `upper` the upper dir after unmounting (null when
 * read-only). Trees map a path ("." for the root) to a TreeEntry.
 */

/** What stat/lstat/fd_stat report: no times, no inode numbers, nothing size- or nlink-like for dirs. */
export interface StatValue {
  type: FileType;
  /** Permission bits in octal, e.g. "644"; whiteouts are "0". */
  mode: string;
  uid: number;
  gid: number;
  /** Non-directories only. */
  size?: number;
  /** Non-directories only. */
  nlink?: number;
  /** Character and block devices only: "major:minor". */
  rdev?: string;
}

export type OpValue = string | string[] | StatValue;

export interface OpResult {
  op: Op;
  /** "ok" or an errno name such as "ENOENT". */
  result: string;
  value?: OpValue;
}

export interface TreeEntry {
  type: FileType;
  mode: string;
  uid: number;
  gid: number;
  /** Regular files: byte length, sha256 (hex) and link count. */
  size?: number;
  sha256?: string;
  nlink?: number;
  /** Regular files of at most 64 bytes, all printable ASCII or "\n": the text, for readable diffs. */
  content?: string;
  /** Symlinks: the link text. */
  target?: string;
  /** Character and block devices: "major:minor" (a whiteout is a chardev "0:0"). */
  rdev?: string;
  /**
   * Files and dirs, omitted when there are none: user.* and trusted.* xattrs. In the upper tree
   * the overlay's own trusted.overlay.* bookkeeping is left out (opaque has its own field), but
   * escaped names trusted.overlay.overlay.* are kept: Linux >= 6.7 stores a trusted.overlay.X
   * set through the merged view under that name, as ordinary data.
   */
  xattrs?: Record<string, string>;
  /** Upper tree dirs only: the raw trusted.overlay.opaque value, omitted when absent. */
  opaque?: string;
}

export type Tree = Record<string, TreeEntry>;

export interface Recording {
  scenario: string;
  description: string;
  /** sha256 of the scenario file's bytes when it was recorded: a mismatch means "re-record". */
  scenario_sha256: string;
  kernel: string;
  /** /sys/module/overlay/parameters at recording time (redirect_dir, index, metacopy, ...). */
  overlay_module_defaults: Record<string, string>;
  mount_options: string;
  /** "ok" or the errno of mount(2). */
  mount: string;
  results: OpResult[];
  merged: Tree | null;
  upper: Tree | null;
}

/** The part of a recording the replayer reproduces and the test compares. */
export type Observed = Pick<Recording, 'mount' | 'results' | 'merged' | 'upper'>;

/** Entries of a tree dump that hold the short-content copy, shared by both dumpers. */
export const CONTENT_INLINE_MAX = 64;

export function isInlineText(data: Uint8Array): boolean {
  return data.length <= CONTENT_INLINE_MAX && data.every((b) => (b >= 32 && b < 127) || b === 10);
}

/** The fixed time the `touch` op sets (1e18 ns); times are never recorded or compared. */
export const TOUCH_NS = 1_000_000_000_000_000_000n;
