// The device files once devtmpfs is on /dev and devpts on /dev/pts: their nodes as `ls -l /dev`
// shows them on Linux, what reading and writing each one does, named pipes, and the devpts
// directory (names, owners, modes and the refusals measured on Linux 6.18).

import { describe, expect, it } from 'vitest';
import { O_NOCTTY, O_NONBLOCK, O_RDONLY, O_RDWR, O_WRONLY } from '../../src/abi/open-flags.ts';
import { S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, makedev } from '../../src/abi/stat.ts';
import { CryptoRandom, SeededRandom } from '../../src/kernel/dev/random.ts';
import type { DeviceOpener } from '../../src/kernel/dev/special-opener.ts';
import type { Sys } from '../../src/sys/sys.ts';
import { bootTerminal } from '../tty/boot-terminal.ts';
import { errnoOf as codeOf } from '../helpers/errno.ts';


/** Run `body` as PID 1 of a fresh machine with devices; resolves with what it returns. */
async function inMachine<T>(body: (sys: Sys) => Promise<T>): Promise<T> {
  const t = await bootTerminal();
  let out!: T;
  await t.run(async (sys) => {
    out = await body(sys);
    return 0;
  });
  return out;
}

describe('/dev', () => {
  it('has the nodes, links and directories of a Linux /dev, with their modes and numbers', async () => {
    const seen = await inMachine(async (sys) => {
      const rows: string[] = [];
      for (const name of ['null', 'zero', 'full', 'random', 'urandom', 'tty', 'ptmx']) {
        const st = await sys.lstat(`/dev/${name}`);
        rows.push(`${name} ${(st.mode & S_IFCHR) === S_IFCHR ? 'c' : '?'}${(st.mode & 0o777).toString(8)} ${st.uid}:${st.gid} ${st.rdev >> 8},${st.rdev & 0xff}`);
      }
      for (const name of ['fd', 'stdin', 'stdout', 'stderr']) {
        const st = await sys.lstat(`/dev/${name}`);
        rows.push(`${name} ${(st.mode & S_IFLNK) === S_IFLNK ? 'l' : '?'} -> ${await sys.readlink(`/dev/${name}`)}`);
      }
      for (const name of ['pts', 'shm']) rows.push(`${name} ${((await sys.lstat(`/dev/${name}`)).mode & 0o7777).toString(8)}`);
      return rows;
    });
    expect(seen).toEqual([
      'null c666 0:0 1,3', 'zero c666 0:0 1,5', 'full c666 0:0 1,7', 'random c666 0:0 1,8',
      'urandom c666 0:0 1,9', 'tty c666 0:0 5,0', 'ptmx c666 0:0 5,2',
      'fd l -> /proc/self/fd', 'stdin l -> /proc/self/fd/0', 'stdout l -> /proc/self/fd/1', 'stderr l -> /proc/self/fd/2',
      'pts 755', 'shm 1777',
    ]);
  });

  it('/dev/null reads end of file and swallows writes; /dev/zero reads zeros', async () => {
    const seen = await inMachine(async (sys) => {
      const n = await sys.open('/dev/null', O_RDWR);
      const z = await sys.open('/dev/zero', O_RDWR);
      return [
        (await sys.read(n, 100)).length, await sys.write(n, 'discarded'),
        [...await sys.read(z, 5)], await sys.write(z, 'also discarded'), (await sys.read(z, 70000)).length,
      ];
    });
    expect(seen).toEqual([0, 9, [0, 0, 0, 0, 0], 14, 70000]);
  });

  it('/dev/full reads zeros and every non-empty write fails with ENOSPC', async () => {
    const seen = await inMachine(async (sys) => {
      const f = await sys.open('/dev/full', O_RDWR);
      return [[...await sys.read(f, 3)], await codeOf(sys.write(f, 'x')), await sys.write(f, '')];
    });
    expect(seen).toEqual([[0, 0, 0], 'ENOSPC', 0]);
  });

  it('/dev/urandom and /dev/random read the seeded generator, so a replay repeats', async () => {
    const read = () => inMachine(async (sys) => {
      const u = await sys.open('/dev/urandom', O_RDONLY);
      const r = await sys.open('/dev/random', O_RDWR);
      return [[...await sys.read(u, 8)], [...await sys.read(r, 8)], await sys.write(r, 'entropy')];
    });
    const a = await read();
    const b = await read();
    expect(a).toEqual(b);
    expect(a[0]).not.toEqual(a[1]);
    const seeded = new Uint8Array(8);
    new SeededRandom(42).fill(seeded);
    expect(a[0]).toEqual([...seeded]);
  });

  it('the platform generator fills more than one crypto quota', () => {
    const out = new Uint8Array(70000);
    new CryptoRandom().fill(out);
    expect(out.subarray(65536).some((b) => b !== 0)).toBe(true);
  });

  it('refuses block devices and unknown character devices with ENXIO', async () => {
    const seen = await inMachine(async (sys) => {
      await sys.mknod('/tmp/blk', 0o060600, makedev(8, 0));
      await sys.mknod('/tmp/chr', S_IFCHR | 0o600, makedev(99, 1));
      return [await codeOf(sys.open('/tmp/blk', O_RDONLY)), await codeOf(sys.open('/tmp/chr', O_RDONLY))];
    });
    expect(seen).toEqual(['ENXIO', 'ENXIO']);
  });

  it('/dev/tty is ENXIO for a process without a controlling terminal', async () => {
    const t = await bootTerminal();
    let code = '';
    await t.run(async (sys) => {
      code = await codeOf(sys.open('/dev/tty', O_RDWR));
      return 0;
    }, { ctty: false });
    expect(code).toBe('ENXIO');
  });

  it('/dev/tty opens the controlling terminal of the task that opens it', async () => {
    const t = await bootTerminal();
    const open = t.kernel.vfs.openSpecial as DeviceOpener;
    const ref = await t.vfs.lookup(t.ctx, '/dev/tty');
    const st = await ref.node.stat();
    let line = '';
    const done = t.run(async (sys) => {
      const [r] = await sys.pipe();
      await sys.write(1, 'go\n');
      await sys.read(r, 1);
      return 0;
    });
    await t.waitFor('go');
    const init = t.kernel.tasks.get(1)!;
    const handle = await open(ref, st, O_RDWR, init);
    await handle.write(0, new TextEncoder().encode('via /dev/tty\n'));
    t.pty.input('typed\r');
    line = new TextDecoder().decode(await handle.read(0, 100));
    await handle.close();
    t.kernel.signal(init, 9, null);
    await done;
    expect(line).toBe('typed\n');
    expect(t.screen()).toContain('via /dev/tty\r\n');
    await expect(open(ref, st, O_RDWR, null)).rejects.toMatchObject({ code: 'ENXIO' });
  });

  it('opening /dev/pts/N without O_NOCTTY makes it the controlling terminal of a session leader', async () => {
    const t = await bootTerminal();
    const open = t.kernel.vfs.openSpecial as DeviceOpener;
    const ref = await t.vfs.lookup(t.ctx, '/dev/pts/0');
    const st = await ref.node.stat();
    const done = t.run(async (sys) => {
      const [r] = await sys.pipe();
      await sys.write(1, 'go\n');
      await sys.read(r, 1);
      return 0;
    }, { ctty: false });
    await t.waitFor('go');
    const init = t.kernel.tasks.get(1)!;
    const noctty = await open(ref, st, O_RDWR | O_NOCTTY, init);
    expect(t.devices.terminals.controllingTty(init)).toBeNull();
    const h = await open(ref, st, O_RDWR, init);
    expect(t.devices.terminals.controllingTty(init)).toBe(t.pty.tty);
    await noctty.close();
    await h.close();
    t.kernel.signal(init, 9, null);
    await done;
  });

  it('/dev/tty opens the caller\'s controlling terminal through open(2), and ENXIO without one', async () => {
    const t = await bootTerminal();
    const codes: string[] = [];
    await t.run(async (sys) => {
      const fd = await sys.open('/dev/tty', O_WRONLY);
      await sys.write(fd, 'via /dev/tty\n');
      const child = await sys.fork(async (c) => {
        await c.setsid();
        codes.push(await codeOf(c.open('/dev/tty', O_RDWR)));
        return 0;
      });
      await sys.wait4(child);
      return 0;
    });
    expect(t.screen()).toContain('via /dev/tty\r\n');
    expect(codes).toEqual(['ENXIO']);
  });
});

describe('named pipes', () => {
  it('an open for reading waits for a writer, and the bytes flow', async () => {
    const seen = await inMachine(async (sys) => {
      await sys.mknod('/tmp/fifo', S_IFIFO | 0o644);
      const order: string[] = [];
      const child = await sys.fork(async (c) => {
        const fd = await c.open('/tmp/fifo', O_RDONLY);
        order.push('reader opened');
        const got = new TextDecoder().decode(await c.readAll(fd));
        order.push(`read ${got}`);
        return 0;
      });
      await sys.sleep(1);
      order.push('writer opening');
      const w = await sys.open('/tmp/fifo', O_WRONLY);
      await sys.write(w, 'through the fifo');
      await sys.close(w);
      await sys.wait4(child);
      return order;
    });
    expect(seen).toEqual(['writer opening', 'reader opened', 'read through the fifo']);
  });

  it('O_NONBLOCK: a writer without a reader gets ENXIO, a reader goes on and reads end of file', async () => {
    const seen = await inMachine(async (sys) => {
      await sys.mknod('/tmp/fifo', S_IFIFO | 0o644);
      const w = await codeOf(sys.open('/tmp/fifo', O_WRONLY | O_NONBLOCK));
      const r = await sys.open('/tmp/fifo', O_RDONLY | O_NONBLOCK);
      const eof = (await sys.read(r, 10)).length;
      const w2 = await sys.open('/tmp/fifo', O_WRONLY | O_NONBLOCK);
      await sys.write(w2, 'now');
      const got = new TextDecoder().decode(await sys.read(r, 10));
      const rw = await sys.open('/tmp/fifo', O_RDWR);
      return [w, eof, got, rw > 0, (await sys.fstat(r)).mode.toString(8)];
    });
    expect(seen).toEqual(['ENXIO', 0, 'now', true, '10644']);
  });
});

describe('/dev/pts', () => {
  it('lists the host terminal and ptmx as Linux does, newest first', async () => {
    const t = await bootTerminal();
    const second = t.devices.terminals.createPty();
    const seen: unknown[] = [];
    await t.run(async (sys) => {
      const fd = await sys.open('/dev/pts', O_RDONLY);
      seen.push((await sys.getdents(fd)).map((e) => e.name));
      const pts0 = await sys.stat('/dev/pts/0');
      const ptmx = await sys.stat('/dev/pts/ptmx');
      const dir = await sys.stat('/dev/pts');
      seen.push([(pts0.mode & 0o7777).toString(8), pts0.uid, pts0.gid, pts0.ino, pts0.rdev === makedev(136, 0)]);
      seen.push([(ptmx.mode & 0o7777).toString(8), ptmx.ino, ptmx.rdev === makedev(5, 2)]);
      seen.push([(dir.mode & S_IFDIR) === S_IFDIR, (dir.mode & 0o777).toString(8), dir.ino, dir.nlink]);
      return 0;
    });
    second.close();
    expect(seen).toEqual([['1', '0', 'ptmx'], ['620', 0, 5, 3, true], ['0', 2, true], [true, '755', 1, 2]]);
  });

  it('refuses to create, link, remove or rename, as measured on Linux', async () => {
    const seen = await inMachine(async (sys) => {
      return [
        await codeOf(sys.mkdir('/dev/pts/x')),
        await codeOf(sys.open('/dev/pts/x', O_WRONLY | 0o100)),
        await codeOf(sys.mknod('/dev/pts/x', S_IFCHR | 0o600, makedev(1, 3))),
        await codeOf(sys.symlink('a', '/dev/pts/x')),
        await codeOf(sys.link('/dev/pts/0', '/dev/pts/x')),
        await codeOf(sys.unlink('/dev/pts/0')),
        await codeOf(sys.rename('/dev/pts/0', '/dev/pts/x')),
        await codeOf(sys.chmod('/dev/pts/0', 0o600)),
        await codeOf(sys.chown('/dev/pts/0', 0, 0)),
        ((await sys.stat('/dev/pts/0')).mode & 0o777).toString(8),
      ];
    });
    expect(seen).toEqual(['EPERM', 'EACCES', 'EPERM', 'EPERM', 'EPERM', 'EPERM', 'EPERM', 'ok', 'ok', '600']);
  });

  it('a new devpts mount is a separate instance with its own numbers', async () => {
    const seen = await inMachine(async (sys) => {
      await sys.mkdir('/tmp/pts');
      await sys.mount('devpts', '/tmp/pts', 'devpts', 'newinstance,ptmxmode=0666,mode=0620,gid=5');
      const m = await sys.open('/tmp/pts/ptmx', O_RDWR | O_NOCTTY);
      const n = await sys.ioctl(m, 0x80045430);
      const fd = await sys.open('/tmp/pts', O_RDONLY);
      const names = (await sys.getdents(fd)).map((e) => e.name);
      return [n, names, ((await sys.stat('/tmp/pts/ptmx')).mode & 0o777).toString(8)];
    });
    expect(seen).toEqual([0, ['0', 'ptmx'], '666']);
  });
});
