// Paths after a rename, as Linux gives them (its rename moves the dentry): a process whose cwd or
// open file lies below a renamed directory sees the new path in getcwd, /proc/PID/cwd and fd
// links, `..` leads to the new parent, and /proc/self/mountinfo shows a mount point under a
// renamed directory at its new path. Measured on this machine's Linux (6.x) with dash, readlink
// and `unshare -m` (the shell side is recorded in test/conformance/shell/cases/cwd-renamed.sh).

import { describe, expect, it } from 'vitest';
import { O_CREAT, O_RDONLY, O_WRONLY } from '../../src/abi/open-flags.ts';
import { CLONE_NEWNS } from '../../src/kernel/syscalls/sys-proc.ts';
import type { Sys } from '../../src/sys/sys.ts';
import { readText, until, withProc } from './helpers.ts';

const mkdirs = async (sys: Sys, ...dirs: string[]): Promise<void> => {
  for (const d of dirs) await sys.mkdir(d);
};

describe('paths below a renamed directory', () => {
  it('getcwd and /proc/self/cwd follow the directory, within and across parents', async () => {
    await withProc(async (sys) => {
      await mkdirs(sys, '/tmp/d', '/tmp/d/sub', '/tmp/x');
      await sys.chdir('/tmp/d/sub');
      await sys.rename('/tmp/d', '/tmp/e');
      expect(await sys.getcwd()).toBe('/tmp/e/sub');
      expect(await sys.readlink('/proc/self/cwd')).toBe('/tmp/e/sub');
      await sys.rename('/tmp/e', '/tmp/x/f');
      expect(await sys.getcwd()).toBe('/tmp/x/f/sub');
      // `..` is the new parent, and the one above it too.
      await sys.chdir('..');
      expect(await sys.getcwd()).toBe('/tmp/x/f');
      await sys.chdir('../..');
      expect(await sys.getcwd()).toBe('/tmp');
    });
  });

  it('the cwd itself renamed, and a name taken back', async () => {
    await withProc(async (sys) => {
      await mkdirs(sys, '/tmp/a');
      await sys.chdir('/tmp/a');
      await sys.rename('/tmp/a', '/tmp/b');
      expect(await sys.getcwd()).toBe('/tmp/b');
      await sys.rename('/tmp/b', '/tmp/a');
      expect(await sys.getcwd()).toBe('/tmp/a');
    });
  });

  it('an open file renamed in its directory (or the directory renamed) shows its new path in the fd link', async () => {
    await withProc(async (sys) => {
      await mkdirs(sys, '/tmp/logs');
      const fd = await sys.open('/tmp/logs/app.log', O_CREAT | O_WRONLY, 0o644);
      await sys.rename('/tmp/logs/app.log', '/tmp/logs/app.log.1');
      expect(await sys.readlink(`/proc/self/fd/${fd}`)).toBe('/tmp/logs/app.log.1');
      await sys.rename('/tmp/logs', '/tmp/archive');
      expect(await sys.readlink(`/proc/self/fd/${fd}`)).toBe('/tmp/archive/app.log.1');
    });
  });

  it('a hard link keeps its own name when another link of the file is renamed', async () => {
    await withProc(async (sys) => {
      await sys.close(await sys.open('/tmp/f', O_CREAT | O_WRONLY, 0o644));
      await sys.link('/tmp/f', '/tmp/g');
      const fd = await sys.open('/tmp/g', O_RDONLY);
      await sys.rename('/tmp/f', '/tmp/h');
      expect(await sys.readlink(`/proc/self/fd/${fd}`)).toBe('/tmp/g');
    });
  });

  it('a mount point below a renamed directory is listed at its new path', async () => {
    await withProc(async (sys) => {
      await mkdirs(sys, '/tmp/m', '/tmp/m/a');
      await sys.mount('none', '/tmp/m/a', 'tmpfs');
      await sys.rename('/tmp/m', '/tmp/n');
      const points = (await readText(sys, '/proc/self/mountinfo')).split('\n').map((l) => l.split(' ')[4]);
      expect(points).toContain('/tmp/n/a');
      expect(points).not.toContain('/tmp/m/a');
    });
  });

  it("a rename in another mount namespace moves this one's cwd too", async () => {
    await withProc(async (sys) => {
      await mkdirs(sys, '/srv', '/srv/d', '/srv/d/sub');
      await sys.chdir('/srv/d/sub');
      let done = false;
      await sys.clone(CLONE_NEWNS, async (c) => {
        await c.rename('/srv/d', '/srv/e');
        done = true;
        return 0;
      });
      await until(sys, async () => done, 'the rename in the other namespace');
      expect(await sys.getcwd()).toBe('/srv/e/sub');
      await sys.chdir('..');
      expect(await sys.getcwd()).toBe('/srv/e');
    });
  });
});
