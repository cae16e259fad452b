// The engine's side of `docker cp` (moby's daemon/archive.go): stat a path in a container, tar
// one up, unpack a tar into one. The work is done in the container's own view of its files, as
// the daemon's openContainerFS does it: in a child process that joins a running container's
// mount namespace (setns through /proc/PID/ns/mnt), or, for a stopped one, chroots into its
// overlay (image layers, -init layer, upper dir) mounted at its merged dir for the time of the
// copy. So paths resolve as the container sees them (absolute symlinks stay inside it) and every
// write goes through overlayfs: a copy-up into the upper dir, which `docker diff` then lists.
// Requests and answers cross on pipes: a tar one way, a JSON line and a tar the other.

import { isSysError, strerror } from '../../../abi/errno.ts';
import { O_CLOEXEC, O_NOFOLLOW, O_PATH } from '../../../abi/open-flags.ts';
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFSOCK } from '../../../abi/stat.ts';
import { utf8Decode, utf8Encode } from '../../../base/text.ts';
import { type ContainerRecord, DaemonError, rfc3339Nano } from '../../../runtime/containers/index.ts';
import { LayerStore, mountOverlay } from '../../../runtime/layers/layer-store.ts';
import { mkdirAll } from '../../../runtime/sys-files.ts';
import { resolveUser } from '../../../runtime/tasks/index.ts';
import type { Sys } from '../../../sys/sys.ts';
import { goBase, goClean, preserveTrailingDotOrSeparator } from './cp-paths.ts';
import { evalSymlinks, LinkLoop, packEntries, readEntries, tarResource, untar, UntarError } from './cp-tar.ts';

/** What the engine says about a path (Docker's ContainerPathStat; mode in Go's FileMode bits). */
export interface PathStat {
  name: string;
  size: number;
  mode: number;
  mtime: string;
  linkTarget: string;
}

export const MODE_DIR = 0x80000000;
export const MODE_SYMLINK = 0x08000000;
export const MODE_DEVICE = 0x04000000;
const MODE_PIPE = 0x02000000;
const MODE_SOCKET = 0x01000000;
const MODE_CHARDEV = 0x00200000;

/** A refusal worded as the daemon words it, carried back from the child. */
class Refused extends Error {}

interface Reply {
  answer: { error?: string; stat?: PathStat };
  data?: Uint8Array;
}

/** Go's os error text: "lstat /x: no such file or directory". */
function goError(e: unknown, op: string, path: string): string {
  return isSysError(e) ? `${op} ${path}: ${strerror(e.code).toLowerCase()}` : String(e);
}

function goMode(mode: number): number {
  let m = (mode & 0o777) >>> 0;
  const fmt = mode & S_IFMT;
  if (fmt === S_IFDIR) m |= MODE_DIR;
  else if (fmt === S_IFLNK) m |= MODE_SYMLINK;
  else if (fmt === S_IFBLK) m |= MODE_DEVICE;
  else if (fmt === S_IFCHR) m |= MODE_DEVICE | MODE_CHARDEV;
  else if (fmt === S_IFIFO) m |= MODE_PIPE;
  else if (fmt === S_IFSOCK) m |= MODE_SOCKET;
  return m >>> 0;
}

export class ContainerFs {
  constructor(
    private readonly sys: Sys,
    private readonly root: string,
    private readonly rec: ContainerRecord,
    /** The container as the user named it, for "... in container NAME". */
    private readonly ref: string,
  ) {}

  private notFound(path: string): Refused {
    return new Refused(`Could not find the file ${path} in container ${this.ref}`);
  }

  /** lstat in the container, Docker's answer to HEAD /containers/NAME/archive. */
  private async statIn(c: Sys, path: string, shown: string): Promise<PathStat> {
    const at = path.startsWith('/') ? path : `/${path}`;
    let st;
    try {
      st = await c.lstat(at);
    } catch (e) {
      if (isSysError(e, 'ENOENT')) throw this.notFound(shown);
      throw new Refused(goError(e, 'lstat', at));
    }
    const link = (st.mode & S_IFMT) === S_IFLNK ? await evalSymlinks(c, at, false) : '';
    return { name: goBase(path), size: st.size, mode: goMode(st.mode), mtime: rfc3339Nano(st.mtimeNs), linkTarget: link };
  }

  async stat(path: string): Promise<PathStat> {
    if (path === '') throw new DaemonError('bad parameter: path cannot be empty');
    return (await this.run(async (c) => ({ answer: { stat: await this.statIn(c, path, path) } }))).answer.stat!;
  }

  /** The tar of one path, its top entry named after the path's last element (GET .../archive). */
  async archive(path: string): Promise<{ stat: PathStat; tar: Uint8Array }> {
    if (path === '') throw new DaemonError('bad parameter: path cannot be empty');
    const reply = await this.run(async (c) => {
      const abs = preserveTrailingDotOrSeparator(goClean(`/${path}`), path);
      const stat = await this.statIn(c, abs, path);
      let dir = abs;
      let base = '.';
      if (!(stat.mode & MODE_DIR)) {
        const slash = abs.lastIndexOf('/');
        dir = abs.slice(0, slash + 1);
        base = abs.slice(slash + 1);
      }
      return { answer: { stat }, data: packEntries(await tarResource(c, dir, base, goBase(abs))) };
    });
    return { stat: reply.answer.stat!, tar: reply.data ?? new Uint8Array(0) };
  }

  /** Unpack a tar into a directory of the container (PUT .../archive); -a owns it to the container's USER. */
  async extract(path: string, tar: Uint8Array, copyUIDGID: boolean): Promise<void> {
    if (path === '') throw new DaemonError('bad parameter: path cannot be empty');
    const readonly = this.rec.HostConfig.ReadonlyRootfs;
    const user = copyUIDGID ? this.rec.Config.User : '';
    await this.run(async (c, input) => {
      let abs: string;
      try {
        abs = await evalSymlinks(c, `/${path}`, true);
      } catch (e) {
        if (isSysError(e, 'ENOENT')) throw this.notFound(path);
        throw e;
      }
      abs = preserveTrailingDotOrSeparator(abs, path);
      let st;
      try {
        st = await c.lstat(abs);
      } catch (e) {
        if (isSysError(e, 'ENOENT')) throw this.notFound(path);
        throw new Refused(goError(e, 'lstat', abs));
      }
      if ((st.mode & S_IFMT) !== S_IFDIR) throw new Refused('extraction point is not a directory');
      if (readonly) throw new Refused('container rootfs is marked read-only');
      let chown = null;
      if (user) {
        // the USER looked up in the container's own /etc/passwd and /etc/group
        const u = await resolveUser(c, user).catch((e: unknown) => {
          throw new Refused(e instanceof Error ? e.message : String(e));
        });
        chown = { uid: u.uid, gid: u.gid };
      }
      await untar(c, readEntries(input), abs, { noLchown: false, chown, noOverwriteDirNonDir: true });
      return { answer: {} };
    }, tar);
  }

  /**
   * Run `job` in a child whose root is the container's: joined to the running container's mount
   * namespace, or chrooted into the stopped container's overlay, mounted here for the job.
   */
  private async run(job: (c: Sys, input: Uint8Array) => Promise<Reply>, input: Uint8Array = new Uint8Array(0)): Promise<Reply> {
    const { sys } = this;
    const pid1 = this.rec.State.Running ? this.rec.State.Pid : 0;
    let merged: string | null = null;
    if (!pid1) {
      const rw = await new LayerStore(sys, this.root).getRW(this.rec.Id);
      if (!rw) throw new DaemonError(`No such container: ${this.ref}`, 'not-found');
      await mkdirAll(sys, rw.mergedDir, 0o700);
      await mountOverlay(sys, rw);
      merged = rw.mergedDir;
    }
    try {
      const [inR, inW] = await sys.pipe(true);
      const [outR, outW] = await sys.pipe(true);
      const child = await sys.fork(async (c) => {
        await c.close(inW);
        await c.close(outR);
        // the request first, whatever happens next, so the parent's write never waits on us
        const request = await c.readAll(inR);
        await c.close(inR);
        let reply: Reply;
        try {
          if (pid1) {
            const ns = await c.open(`/proc/${pid1}/ns/mnt`, O_PATH | O_NOFOLLOW | O_CLOEXEC);
            await c.setns(ns);
            await c.close(ns);
          } else {
            await c.chroot(merged!);
          }
          await c.chdir('/');
          reply = await job(c, request);
        } catch (e) {
          if (!(e instanceof Refused || e instanceof UntarError || e instanceof LinkLoop || isSysError(e))) throw e;
          reply = { answer: { error: isSysError(e) ? strerror(e.code).toLowerCase() : e.message } };
        }
        await c.writeAll(outW, utf8Encode(`${JSON.stringify(reply.answer)}\n`));
        if (reply.data) await c.writeAll(outW, reply.data);
        await c.close(outW);
        return 0;
      });
      await sys.close(inR);
      await sys.close(outW);
      if (input.length) await sys.writeAll(inW, input);
      await sys.close(inW);
      const out = await sys.readAll(outR);
      await sys.close(outR);
      await sys.wait4(child);
      const nl = out.indexOf(10);
      if (nl < 0) throw new DaemonError(`cannot copy in container ${this.ref}: the helper ended early`);
      const answer = JSON.parse(utf8Decode(out.subarray(0, nl))) as Reply['answer'];
      if (answer.error !== undefined) throw new DaemonError(answer.error);
      return { answer, data: out.subarray(nl + 1) };
    } finally {
      if (merged) await sys.umount(merged).catch(() => {});
    }
  }
}
