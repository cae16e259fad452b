// rm on what recordings cannot set up: a mount point inside the tree (removal stops there with
// EBUSY, or --one-file-system skips it), and an overlay, where removing what a lower layer holds
// leaves whiteouts in the upper layer while the lower layer stays as it was.

import { describe, expect, it } from 'vitest';
import { S_IFCHR, S_IFMT } from '../../src/abi/stat.ts';
import type { FsContext, Vfs } from '../../src/kernel/fs/vfs/vfs.ts';
import { runOnTree } from './fileops-machine.ts';

async function withMount(vfs: Vfs, ctx: FsContext): Promise<void> {
  for (const d of ['/w', '/w/d', '/w/d/mnt']) await vfs.mkdir(ctx, d, 0o755);
  await vfs.mount(ctx, 'tmpfs', '/w/d/mnt', 'tmpfs');
  await vfs.writeFile(ctx, '/w/d/mnt/inside', 'x');
}

describe('rm -r and mount points', () => {
  it('empties a mounted file system but cannot remove its mount point', async () => {
    const { stdout, stderr, status, vfs, ctx } = await runOnTree(withMount, 'cd /w && rm -rv d');
    expect(status).toBe(1);
    expect(stdout).toBe("removed 'd/mnt/inside'\n");
    expect(stderr).toBe("rm: cannot remove 'd/mnt': Device or resource busy\n");
    expect((await vfs.lstat(ctx, '/w/d/mnt')).mode & S_IFMT).toBe(0o040000);
  });

  it('--one-file-system leaves another file system alone', async () => {
    const { stdout, stderr, status, vfs, ctx } = await runOnTree(withMount, 'cd /w && rm -rv --one-file-system d');
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe("rm: skipping 'd/mnt', since it's on a different device\n");
    expect(new TextDecoder().decode(await vfs.readFile(ctx, '/w/d/mnt/inside'))).toBe('x');
  });

  it('--preserve-root=all refuses a mount point named on the command line', async () => {
    const { stderr, status } = await runOnTree(withMount, 'rm -r --preserve-root=all /w/d/mnt');
    expect(status).toBe(1);
    expect(stderr).toBe("rm: skipping '/w/d/mnt', since it's on a different device\nrm: and --preserve-root=all is in effect\n");
  });
});

describe('rm in an overlay', () => {
  it('leaves whiteouts in the upper layer and the lower layer untouched', async () => {
    const { stdout, status, vfs, ctx } = await runOnTree(async (v, c) => {
      for (const d of ['/l', '/l/app', '/u', '/w', '/m']) await v.mkdir(c, d, 0o755);
      await v.writeFile(c, '/l/app/run', 'x');
      await v.mount(c, 'overlay', '/m', 'overlay', 'lowerdir=/l,upperdir=/u,workdir=/w');
    }, 'rm -rv /m/app');
    expect(status).toBe(0);
    expect(stdout).toBe("removed '/m/app/run'\nremoved directory '/m/app'\n");
    const wh = await vfs.lstat(ctx, '/u/app');
    expect([wh.mode & S_IFMT, wh.rdev]).toEqual([S_IFCHR, 0]);
    expect(new TextDecoder().decode(await vfs.readFile(ctx, '/l/app/run'))).toBe('x');
    await expect(vfs.lstat(ctx, '/m/app')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
