// /proc/PID/fd/N, cwd, root and exe as Linux's magic links: following one reaches the object
// itself (the very pipe, an unlinked file, a directory in another mount namespace), never what
// its text would name; lstat and readlink still see the link. Measured on Linux 6.18.

import { describe, expect, it } from 'vitest';
import { O_CREAT, O_DIRECTORY, O_EXCL, O_NOFOLLOW, O_NONBLOCK, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY } from '../../src/abi/open-flags.ts';
import { S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, type Stat } from '../../src/abi/stat.ts';
import { SIG } from '../../src/abi/signals.ts';
import { CLONE_NEWNS } from '../../src/kernel/syscalls/sys-proc.ts';
import type { FileDescription } from '../../src/kernel/task/file.ts';
import type { Sys } from '../../src/sys/sys.ts';
import { bootWithProc, errnoOf, listDir, readText, until, withProc } from './helpers.ts';

const type = (st: Stat): number => st.mode & S_IFMT;
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('fd links to pipes', () => {
  it('opening the read end gives a new reader of the same pipe', async () => {
    await withProc(async (sys) => {
      const [r, w] = await sys.pipe();
      const again = await sys.open(`/proc/self/fd/${r}`, O_RDONLY);
      await sys.write(w, 'hi\n');
      expect(text(await sys.read(again, 100))).toBe('hi\n');
      expect((await sys.fstat(again)).ino).toBe((await sys.fstat(r)).ino);
      expect(await sys.readlink(`/proc/self/fd/${again}`)).toBe(await sys.readlink(`/proc/self/fd/${r}`));
      // The last writer gone, the new reader sees end of file.
      await sys.close(w);
      expect((await sys.read(again, 100)).length).toBe(0);
    });
  });

  it('opening the write end (or the read end for writing) adds a writer', async () => {
    await withProc(async (sys) => {
      const [r, w] = await sys.pipe();
      const w2 = await sys.open(`/proc/self/fd/${w}`, O_WRONLY);
      const w3 = await sys.open(`/proc/self/fd/${r}`, O_WRONLY | O_CREAT | O_TRUNC);
      await sys.write(w2, 'a');
      await sys.write(w3, 'b');
      expect(text(await sys.read(r, 10))).toBe('ab');
      // The original writer closed, the pipe still has writers: a non-blocking read waits.
      await sys.close(w);
      await sys.close(w2);
      await sys.write(w3, 'c');
      expect(text(await sys.read(r, 10))).toBe('c');
      await sys.close(w3);
      expect((await sys.read(r, 10)).length).toBe(0);
    });
  });

  it('O_RDWR opens both ends; the new open does not take the old flags; never waits', async () => {
    await withProc(async (sys) => {
      const [r, w] = await sys.pipe();
      const both = await sys.open(`/proc/self/fd/${w}`, O_RDWR);
      await sys.write(both, 'xy');
      expect(text(await sys.read(both, 10))).toBe('xy');
      const plain = await sys.open(`/proc/self/fd/${r}`, O_RDONLY | O_NONBLOCK);
      expect(await errnoOf(sys.read(plain, 10))).toBe('EAGAIN');
      // Readers all gone: a writer opened through the link still opens (no ENXIO, unlike a
      // fifo), and its write is EPIPE.
      await sys.close(r);
      await sys.close(both);
      await sys.close(plain);
      const lone = await sys.open(`/proc/self/fd/${w}`, O_WRONLY | O_NONBLOCK);
      await sys.sigaction(SIG.SIGPIPE, 'ignore');
      expect(await errnoOf(sys.write(lone, 'z'))).toBe('EPIPE');
    });
  });

  it('stat follows to the pipe, lstat sees the link; open flags keep their errors', async () => {
    await withProc(async (sys) => {
      const [r] = await sys.pipe();
      expect(type(await sys.stat(`/proc/self/fd/${r}`))).toBe(S_IFIFO);
      expect(type(await sys.lstat(`/proc/self/fd/${r}`))).toBe(S_IFLNK);
      expect(await errnoOf(sys.open(`/proc/self/fd/${r}`, O_RDONLY | O_NOFOLLOW))).toBe('ELOOP');
      expect(await errnoOf(sys.open(`/proc/self/fd/${r}`, O_WRONLY | O_CREAT | O_EXCL))).toBe('EEXIST');
      expect(await errnoOf(sys.open(`/proc/self/fd/${r}`, O_RDONLY | O_DIRECTORY))).toBe('ENOTDIR');
      expect(await errnoOf(sys.stat(`/proc/self/fd/${r}/x`))).toBe('ENOTDIR');
    });
  });

  it('a pipe belongs to its maker: another user may not open it, the maker may', async () => {
    await withProc(async (sys) => {
      const [rootR] = await sys.pipe();
      const child = await sys.fork(async (c) => {
        await c.setresuid(1000, 1000, 1000);
        // `echo hi | sudo -u user cat /dev/stdin`: the pipe is root's, mode 0600 (measured).
        if ((await errnoOf(c.open(`/proc/self/fd/${rootR}`, O_RDONLY))) !== 'EACCES') return 2;
        const [r, w] = await c.pipe();
        expect((await c.fstat(r)).uid).toBe(1000);
        const again = await c.open(`/proc/self/fd/${r}`, O_RDONLY);
        await c.write(w, 'mine');
        expect(text(await c.read(again, 10))).toBe('mine');
        return 0;
      });
      const [, status] = await sys.wait4(child);
      expect(status).toBe(0);
    });
  });
});

describe('fd links to files and directories', () => {
  it('open an unlinked file through the link; stat gives nlink 0; the name stays gone', async () => {
    await withProc(async (sys) => {
      const fd = await sys.open('/tmp/f', O_CREAT | O_WRONLY, 0o644);
      await sys.write(fd, 'hello\n');
      await sys.unlink('/tmp/f');
      expect(await sys.readlink(`/proc/self/fd/${fd}`)).toBe('/tmp/f (deleted)');
      expect(await readText(sys, `/proc/self/fd/${fd}`)).toBe('hello\n');
      const st = await sys.stat(`/proc/self/fd/${fd}`);
      expect([type(st), st.nlink]).toEqual([S_IFREG, 0]);
      expect((await sys.lstat(`/proc/self/fd/${fd}`)).size).toBe(64);
      // `> /proc/self/fd/N` (O_CREAT|O_TRUNC) truncates and writes the unlinked file itself.
      const w = await sys.open(`/proc/self/fd/${fd}`, O_WRONLY | O_CREAT | O_TRUNC, 0o644);
      await sys.write(w, 'new\n');
      expect(await readText(sys, `/proc/self/fd/${fd}`)).toBe('new\n');
      expect(await errnoOf(sys.stat('/tmp/f'))).toBe('ENOENT');
    });
  });

  it('a directory: stat, list, walk below, chdir into it', async () => {
    await withProc(async (sys) => {
      await sys.mkdir('/tmp/d');
      await sys.mkdir('/tmp/d/sub');
      const fd = await sys.open('/tmp/d', O_RDONLY | O_DIRECTORY);
      // Its name taken by another directory: the link still reaches the one opened.
      await sys.rename('/tmp/d', '/tmp/e');
      await sys.mkdir('/tmp/d');
      expect(type(await sys.stat(`/proc/self/fd/${fd}`))).toBe(S_IFDIR);
      expect(await listDir(sys, `/proc/self/fd/${fd}/`)).toContain('sub');
      expect(type(await sys.stat(`/proc/self/fd/${fd}/sub`))).toBe(S_IFDIR);
      expect(await errnoOf(sys.open(`/proc/self/fd/${fd}`, O_WRONLY))).toBe('EISDIR');
      await sys.chdir(`/proc/self/fd/${fd}/sub`);
      expect(await listDir(sys, '..')).toContain('sub');
      await sys.chdir('/proc/self/cwd/..');
      expect(await listDir(sys, '.')).toContain('sub');
      expect(await listDir(sys, '/tmp/d')).toEqual([]);
    });
  });

  it('a closed descriptor is ENOENT; the link budget counts the magic link', async () => {
    await withProc(async (sys) => {
      expect(await errnoOf(sys.open('/proc/self/fd/42', O_RDONLY))).toBe('ENOENT');
      const fd = await sys.open('/tmp/target', O_CREAT | O_WRONLY, 0o644);
      // l0 -> l1 -> ... -> l38 -> /proc/self/fd/N: from l1, 38 links + self + the magic one = 40.
      for (let i = 0; i < 39; i++) await sys.symlink(i === 38 ? `/proc/self/fd/${fd}` : `/tmp/l${i + 1}`, `/tmp/l${i}`);
      expect(type(await sys.stat('/tmp/l1'))).toBe(S_IFREG);
      expect(await errnoOf(sys.stat('/tmp/l0'))).toBe('ELOOP');
    });
  });

  it('an object that cannot be opened again (a socket) gives ENXIO; stat still works', async () => {
    const { runInit, kernel } = await bootWithProc();
    const out: string[] = [];
    await runInit(async (sys) => {
      await sys.mount('proc', '/proc', 'proc');
      const sock: FileDescription = {
        flags: O_RDWR,
        read: async () => new Uint8Array(0),
        write: async (d) => d.length,
        stat: async () => ({ dev: 8, ino: 777, mode: S_IFSOCK | 0o777, nlink: 1, uid: 0, gid: 0, rdev: 0, size: 0, blksize: 4096, blocks: 0, atimeNs: 0n, mtimeNs: 0n, ctimeNs: 0n }),
        close: async () => {},
      };
      const fd = kernel.tasks.get(1)!.fds.install(sock);
      out.push(await sys.readlink(`/proc/self/fd/${fd}`));
      out.push(await errnoOf(sys.open(`/proc/self/fd/${fd}`, O_RDONLY)), await errnoOf(sys.open(`/proc/self/fd/${fd}`, O_WRONLY)));
      out.push(((await sys.stat(`/proc/self/fd/${fd}`)).mode & S_IFMT) === S_IFSOCK ? 'socket' : 'other');
      return 0;
    });
    expect(out).toEqual(['socket:[777]', 'ENXIO', 'ENXIO', 'socket']);
  });
});

describe('cwd, root and exe', () => {
  it("another mount namespace's cwd and root are reachable, with that namespace's mounts", async () => {
    await withProc(async (sys) => {
      await sys.mkdir('/mnt');
      await sys.mkdir('/mnt/x');
      let ready = false;
      const child = await sys.clone(CLONE_NEWNS, async (c) => {
        await c.mount('tmpfs', '/mnt/x', 'tmpfs');
        const fd = await c.open('/mnt/x/hello', O_CREAT | O_WRONLY, 0o644);
        await c.write(fd, 'inside\n');
        await c.close(fd);
        await c.mkdir('/mnt/x/sub');
        await c.chdir('/mnt/x/sub');
        ready = true;
        await c.sleep(1_000_000);
        return 0;
      });
      await until(sys, async () => ready, 'the child to set up');
      expect(await listDir(sys, '/mnt/x')).toEqual([]);
      expect(await readText(sys, `/proc/${child}/cwd/../hello`)).toBe('inside\n');
      expect(await readText(sys, `/proc/${child}/root/mnt/x/hello`)).toBe('inside\n');
      expect(await sys.readlink(`/proc/${child}/cwd`)).toBe('/mnt/x/sub');
      await sys.chdir(`/proc/${child}/cwd`);
      expect(await sys.getcwd()).toBe('/mnt/x/sub');
      expect(await listDir(sys, '..')).toContain('hello');
      await sys.chdir('/');
      await sys.kill(child, SIG.SIGKILL);
      await sys.wait4(child);
    });
  });

  it("another user's links are EACCES to follow as to read", async () => {
    await withProc(async (sys) => {
      const [r] = await sys.pipe();
      const child = await sys.fork(async (c) => {
        await c.setresuid(1000, 1000, 1000);
        const got = [
          await errnoOf(c.stat('/proc/1/cwd')),
          await errnoOf(c.open('/proc/1/root/tmp', O_RDONLY)),
          await errnoOf(c.open('/proc/1/exe', O_RDONLY)),
          await errnoOf(c.chdir('/proc/1/cwd')),
          await errnoOf(c.open(`/proc/1/fd/${r}`, O_RDONLY)),
          await errnoOf(c.lstat('/proc/1/cwd')),
        ];
        return got.join(' ') === 'EACCES EACCES EACCES EACCES EACCES ok' ? 0 : (console.error(got), 1);
      });
      const [, status] = await sys.wait4(child);
      expect(status).toBe(0);
    });
  });

  it('exe opens the file exec\'d, even once it is unlinked', async () => {
    const programs = {
      sleeper: async (s: Sys) => {
        await s.sleep(1_000_000);
        return 0;
      },
    };
    await withProc(async (sys) => {
      const before = await readText(sys, '/bin/sleeper');
      const child = await sys.fork((c) => c.execve('/bin/sleeper', ['sleeper']));
      await until(sys, async () => (await sys.readlink(`/proc/${child}/exe`).catch(() => '')) === '/bin/sleeper', 'the exec');
      await sys.unlink('/bin/sleeper');
      expect(await sys.readlink(`/proc/${child}/exe`)).toBe('/bin/sleeper (deleted)');
      expect(await readText(sys, `/proc/${child}/exe`)).toBe(before);
      expect((await sys.stat(`/proc/${child}/exe`)).nlink).toBe(0);
      await sys.kill(child, SIG.SIGKILL);
      await sys.wait4(child);
    }, programs);
  });
});
