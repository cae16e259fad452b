// Mount and UTS namespaces by unshare and setns: a mount made after unshare(CLONE_NEWNS) is
// seen only inside, setns through a /proc/PID/ns link joins another process's namespace, and
// each new namespace is reported on the event bus.

import { describe, expect, it } from 'vitest';
import { O_NOFOLLOW, O_PATH } from '../../src/abi/open-flags.ts';
import { CLONE_NEWNS, CLONE_NEWUSER, CLONE_NEWUTS } from '../../src/kernel/syscalls/sys-proc.ts';
import { errnoOf } from '../helpers/errno.ts';
import { bootKernel } from '../helpers/kernel.ts';

describe('namespaces', () => {
  it('keeps a mount made after unshare(CLONE_NEWNS) inside the new namespace', async () => {
    const { runInit, events } = await bootKernel();
    const seen: string[] = [];
    await runInit(async (sys) => {
      await sys.mkdir('/mnt');
      const [r, w] = await sys.pipe();
      const child = await sys.fork(async (c) => {
        await c.unshare(CLONE_NEWNS);
        await c.mount('tmpfs', '/mnt', 'tmpfs');
        await c.mkdir('/mnt/inside');
        seen.push(`child sees ${(await c.lstat('/mnt/inside')).mode ? 'inside' : '?'}`);
        await c.write(w, 'x');
        await c.read(r, 1);
        return 0;
      });
      await sys.read(r, 1);
      try {
        await sys.lstat('/mnt/inside');
        seen.push('parent sees inside');
      } catch {
        seen.push('parent sees nothing');
      }
      await sys.write(w, 'x');
      await sys.wait4(child);
      return 0;
    });
    expect(seen).toEqual(['child sees inside', 'parent sees nothing']);
    expect(events.filter((e) => e.type === 'ns.create').map((e) => 'nsType' in e && e.nsType)).toEqual(['mnt']);
  });

  it('joins another process\'s UTS namespace with setns on its /proc/PID/ns/uts', async () => {
    const { runInit } = await bootKernel();
    let joined = '';
    await runInit(async (sys) => {
      await sys.mkdir('/proc', 0o555);
      await sys.mount('proc', '/proc', 'proc');
      const [r, w] = await sys.pipe();
      const [r2, w2] = await sys.pipe();
      const owner = await sys.clone(CLONE_NEWUTS, async (c) => {
        await c.sethostname('box');
        await c.write(w, 'ready');
        await c.read(r2, 1);
        return 0;
      });
      await sys.read(r, 5);
      const visitor = await sys.fork(async (c) => {
        const fd = await c.open(`/proc/${owner}/ns/uts`, O_PATH | O_NOFOLLOW);
        await c.setns(fd, CLONE_NEWUTS);
        joined = (await c.uname()).nodename;
        return 0;
      });
      await sys.wait4(visitor);
      await sys.write(w2, 'x');
      await sys.wait4(owner);
      return 0;
    });
    expect(joined).toBe('box');
  });
});

describe('pivot_root', () => {
  it('makes a mounted directory the root, the old root reachable below it until detached', async () => {
    const { runInit } = await bootKernel();
    const seen: string[] = [];
    await runInit(async (sys) => {
      await sys.mkdir('/newroot');
      await sys.writeAll(await sys.open('/host-file', 0o101), 'host');
      const child = await sys.fork(async (c) => {
        await c.unshare(CLONE_NEWNS);
        await c.mount('tmpfs', '/newroot', 'tmpfs');
        await c.mkdir('/newroot/oldroot');
        await c.mkdir('/newroot/etc');
        await c.pivotRoot('/newroot', '/newroot/oldroot');
        seen.push(await c.getcwd());
        seen.push(String((await c.lstat('/etc')).mode > 0));
        seen.push(String((await c.lstat('/oldroot/host-file')).size));
        await c.umount('/oldroot', true);
        try {
          await c.lstat('/oldroot/host-file');
          seen.push('old root still there');
        } catch {
          seen.push('old root gone');
        }
        return 0;
      });
      await sys.wait4(child);
      // The parent's namespace is untouched.
      seen.push(String((await sys.lstat('/host-file')).size));
      return 0;
    });
    expect(seen).toEqual(['/', 'true', '4', 'old root gone', '4']);
  });
});

describe('user namespaces', () => {
  it('maps ids through uid_map: root inside is an ordinary user outside', async () => {
    const { runInit } = await bootKernel();
    const inside: unknown[] = [];
    let hostUid = -1;
    await runInit(async (sys) => {
      await sys.mkdir('/proc', 0o555);
      await sys.mount('proc', '/proc', 'proc');
      await sys.mkdir('/srv', 0o755);
      await sys.mkdir('/home', 0o755);
      await sys.mkdir('/home/u', 0o755);
      await sys.chown('/home/u', 1000, 1000);
      const write = async (s: typeof sys, path: string, text: string) => {
        const fd = await s.open(path, 0o101); // O_WRONLY|O_CREAT
        await s.write(fd, text);
        await s.close(fd);
      };
      const child = await sys.fork(async (c) => {
        await c.setresgid(1000, 1000, 1000);
        await c.setresuid(1000, 1000, 1000);
        await c.unshare(CLONE_NEWUSER);
        await write(c, '/proc/self/uid_map', '0 1000 1');
        await write(c, '/proc/self/setgroups', 'deny');
        await write(c, '/proc/self/gid_map', '0 1000 1');
        inside.push(await c.getuid(), await c.geteuid(), await c.getgid());
        await write(c, '/home/u/mine', 'x');
        inside.push((await c.stat('/home/u/mine')).uid, (await c.stat('/srv')).uid);
        inside.push(await errnoOf(c.mkdir('/srv/nope')));
        // Root inside may make namespaces of its own...
        inside.push(await errnoOf(c.unshare(CLONE_NEWUTS)), await errnoOf(c.sethostname('inner')));
        // ...and mount in a mount namespace of its own, not in the host's...
        inside.push(await errnoOf(c.mount('tmpfs', '/srv', 'tmpfs')));
        await c.unshare(CLONE_NEWNS);
        inside.push(await errnoOf(c.mount('tmpfs', '/srv', 'tmpfs')));
        // ...but cannot take ids that have no mapping.
        inside.push(await errnoOf(c.setresuid(5, 5, 5)));
        return 0;
      });
      await sys.wait4(child);
      hostUid = (await sys.stat('/home/u/mine')).uid;
      return 0;
    });
    expect(inside).toEqual([0, 0, 0, 0, 65534, 'EACCES', 'ok', 'ok', 'EPERM', 'ok', 'EINVAL']);
    expect(hostUid).toBe(1000);
  });
});
