// /proc/PID/fd and /proc/PID/fdinfo. Each open descriptor is a link named by its number whose
// target says what it points at: a path (relative to the reader's root, " (deleted)" once
// unlinked), `pipe:[INO]` for a pipe, or whatever a description names itself through
// `procLink()` (a tty: /dev/pts/N). Link permission bits follow the access mode (lr-x, l-wx,
// lrwx; recorded), st_size is 64 and the directory's st_size the number of descriptors.
// The links are magic: opening or stating through one reaches the open object itself (a deleted
// file, a directory, the very pipe), not whatever its text would name.

import { SysError } from '../../../abi/errno.ts';
import { O_ACCMODE, O_CLOEXEC, O_RDONLY, O_WRONLY } from '../../../abi/open-flags.ts';
import { S_IFDIR, S_IFMT, S_IFIFO, S_IFREG, S_IFSOCK, type Stat } from '../../../abi/stat.ts';
import { type FileDescription, canReopen } from '../../task/file.ts';
import type { Task } from '../../task/task.ts';
import { ObjectNode } from '../vfs/object-node.ts';
import { OpenFile } from '../vfs/open-file.ts';
import { type PathRef, refPath } from '../vfs/mount.ts';
import type { FileHandle, VNode } from '../vfs/types.ts';
import { MagicLink, ProcDir, ProcFile, type ProcNode, type ProcSuper } from './proc-node.ts';
import { live, mayInspect } from './task-view.ts';

/** A description that knows how /proc/PID/fd should name it (ttys, sockets). */
export interface ProcFdTarget {
  procLink(): string;
}

/** The mount id pipes report in fdinfo: the kernel's internal pipefs mount. */
const PIPEFS_MOUNT_ID = 15;
const O_LARGEFILE = 0o100000;

function hasProcLink(f: FileDescription): f is FileDescription & ProcFdTarget {
  return typeof (f as Partial<ProcFdTarget>).procLink === 'function';
}

/** A file or directory whose last name is gone: Linux's d_path says " (deleted)" after it. */
export function unlinked(st: Stat): boolean {
  const type = st.mode & S_IFMT;
  return st.nlink === 0 && (type === S_IFREG || type === S_IFDIR);
}

/** What an fd link points at, as `reader` sees it. */
export async function fdTarget(file: FileDescription, reader: Task | null): Promise<string> {
  if (hasProcLink(file)) return file.procLink();
  if (file instanceof OpenFile && file.ref.node instanceof ObjectNode) return file.ref.node.linkText;
  const st = await file.stat();
  if (file instanceof OpenFile) {
    const path = refPath(await renamedInDir(file.ref), reader?.fs.root);
    return unlinked(st) ? `${path} (deleted)` : path;
  }
  switch (st.mode & S_IFMT) {
    case S_IFIFO: return `pipe:[${st.ino}]`;
    case S_IFSOCK: return `socket:[${st.ino}]`;
    default: return `anon_inode:[${st.ino}]`;
  }
}

/**
 * Where following an fd link lands: the place a file was opened at (unlinked or not, in whatever
 * mount namespace), or for a description without one (a pipe) a node standing for its object;
 * null for a terminal, which is found again by its path.
 */
async function fdObject(fs: ProcSuper, file: FileDescription, reader: Task | null): Promise<PathRef | VNode | null> {
  if (file instanceof OpenFile) return file.ref;
  if (hasProcLink(file)) return null;
  const [st, linkText] = await Promise.all([file.stat(), fdTarget(file, reader)]);
  return new ObjectNode(fs, st, {
    linkText,
    stat: () => file.stat(),
    open: canReopen(file) ? async (flags) => descriptionHandle(file.reopen(flags)) : undefined,
  });
}

/** A description made by reopening an object, as the handle the VFS keeps in an open file. */
function descriptionHandle(d: FileDescription): FileHandle {
  return {
    read: (_pos, length, intr) => d.read(length, intr),
    write: (_pos, data, intr) => d.write(data, intr),
    size: async () => 0,
    truncate: async () => {
      throw new SysError('EINVAL');
    },
    flush: async () => {},
    close: () => d.close(),
  };
}

function fileAt(task: Task, fd: number): FileDescription {
  if (!task.fds.has(fd)) throw new SysError('ENOENT');
  return task.fds.get(fd);
}

/** Permission bits of an fd link: r and x for reading, w and x for writing, owner only. */
function accessBits(flags: number): number {
  const acc = flags & O_ACCMODE;
  return acc === O_RDONLY ? 0o500 : acc === O_WRONLY ? 0o300 : 0o700;
}

class FdLink extends MagicLink {
  constructor(fs: ProcSuper, private readonly task: Task, private readonly fd: number, owner: () => { uid: number; gid: number }) {
    super(fs, { mode: 0o700, owner, perProcess: true }, {
      size: 64,
      target: async (caller) => {
        if (!mayInspect(caller, task)) throw new SysError('EACCES');
        return fdTarget(fileAt(live(task), fd), caller);
      },
      jump: (caller) => {
        if (!mayInspect(caller, task)) throw new SysError('EACCES');
        return fdObject(fs, fileAt(live(task), fd), caller);
      },
    });
  }

  protected override permissions(): number {
    return this.task.fds.has(this.fd) ? accessBits(this.task.fds.get(this.fd).flags) : this.mode;
  }
}

/** A directory with one entry per open descriptor, made on demand and kept per number. */
abstract class PerFdDir extends ProcDir {
  private readonly made = new Map<number, ProcNode>();

  constructor(fs: ProcSuper, mode: number, protected readonly task: Task, protected readonly owner: () => { uid: number; gid: number }) {
    super(fs, { mode, owner, perProcess: true });
  }

  protected abstract make(fd: number): ProcNode;

  private node(fd: number): ProcNode {
    let n = this.made.get(fd);
    if (!n) this.made.set(fd, (n = this.make(fd)));
    return n;
  }

  entries(): Array<[string, ProcNode]> {
    if (this.task.state === 'X') return [];
    return this.task.fds.list().map((fd) => [String(fd), this.node(fd)]);
  }

  override child(name: string): ProcNode | null {
    live(this.task);
    if (!/^(0|[1-9]\d*)$/.test(name)) return null;
    const fd = Number(name);
    return this.task.fds.has(fd) ? this.node(fd) : null;
  }

  protected override nlink(): number {
    return 2;
  }
}

export class FdDir extends PerFdDir {
  constructor(fs: ProcSuper, task: Task, owner: () => { uid: number; gid: number }) {
    super(fs, 0o500, task, owner);
  }

  protected make(fd: number): ProcNode {
    return new FdLink(this.fs, this.task, fd, this.owner);
  }

  /** Linux reports the number of open descriptors as the directory's size. */
  protected override size(): number {
    return this.task.fds.list().length;
  }
}

export class FdinfoDir extends PerFdDir {
  constructor(fs: ProcSuper, task: Task, owner: () => { uid: number; gid: number }) {
    super(fs, 0o555, task, owner);
  }

  protected make(fd: number): ProcNode {
    const task = this.task;
    return new ProcFile(this.fs, { mode: 0o444, owner: this.owner, perProcess: true }, {
      read: async (caller) => {
        if (!mayInspect(caller, task)) throw new SysError('EACCES');
        const file = fileAt(live(task), fd);
        const st = await file.stat();
        // open(2) on x86-64 always adds O_LARGEFILE; pipes made by pipe2 do not have it.
        const flags = file.flags | (task.fds.getCloexec(fd) ? O_CLOEXEC : 0) | (file instanceof OpenFile ? O_LARGEFILE : 0);
        const pos = file instanceof OpenFile ? file.offset : 0;
        const mountId = file instanceof OpenFile && !(file.ref.node instanceof ObjectNode) ? file.ref.mount.id : PIPEFS_MOUNT_ID;
        return `pos:\t${pos}\nflags:\t0${flags.toString(8)}\nmnt_id:\t${mountId}\nino:\t${st.ino}\n`;
      },
    });
  }
}

/**
 * A file's ref under the name it has now, when it was renamed within its directory (a rotated
 * log: app.log -> app.log.1): looked for in the directory when asked, as files' renames are not
 * recorded. The ref itself when its name still holds, or the file is not found there.
 */
async function renamedInDir(ref: PathRef): Promise<PathRef> {
  const dir = ref.parent;
  if (!dir || ref.node.type === 'dir') return ref;
  const here = dir.node.lookupCached?.(ref.name) ?? (await dir.node.lookup(ref.name).catch(() => null));
  if (here === ref.node) return ref;
  for (const e of await dir.node.readdir().catch(() => [])) {
    if (e.ino === ref.node.ino && e.name !== ref.name && (await dir.node.lookup(e.name).catch(() => null)) === ref.node) {
      return { mount: ref.mount, node: ref.node, parent: dir, name: e.name };
    }
  }
  return ref;
}
