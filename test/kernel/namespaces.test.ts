// Mount and UTS namespaces by unshare and setns: a mount made after unshare(CLONE_NEWNS) is
// seen only inside, setns through a /proc/PID/ns link joins another process's namespace, and
// each new namespace is reported on the event bus.

import { describe, expect, it } from 'vitest';
import { O_NOFOLLOW, O_PATH } from '../../src/abi/open-flags.ts';
import { CLONE_NEWNS, CLONE_NEWUTS } from '../../src/kernel/syscalls/sys-proc.ts';
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
