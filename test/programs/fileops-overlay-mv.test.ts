// mv of a directory that comes from an overlay's lower layer: Linux (without redirect_dir)
// answers rename(2) with EXDEV, and GNU mv then copies the tree (modes, owners, times, xattrs,
// symbolic and hard links) and removes the original, which leaves a whiteout in the upper
// layer. A file, or a directory made in the upper layer, still moves by rename.

import { describe, expect, it } from 'vitest';
import { O_RDONLY } from '../../src/abi/open-flags.ts';
import { S_IFCHR, S_IFMT } from '../../src/abi/stat.ts';
import type { FsContext, Vfs } from '../../src/kernel/fs/vfs/vfs.ts';
import { owner, runOnTree } from './fileops-machine.ts';

const T = (s: number): bigint => BigInt(s) * 1_000_000_000n;

async function layers(vfs: Vfs, ctx: FsContext): Promise<void> {
  for (const d of ['/l', '/l/app', '/l/app/conf', '/u', '/w', '/m']) await vfs.mkdir(ctx, d, 0o755);
  await vfs.writeFile(ctx, '/l/app/run', '#!/bin/sh\n');
  await vfs.chmod(ctx, '/l/app/run', 0o4750);
  await vfs.chown(ctx, '/l/app/run', 48, 48);
  await vfs.chmod(ctx, '/l/app/run', 0o4750);
  await vfs.writeFile(ctx, '/l/app/conf/httpd.conf', 'Listen 80\n');
  await vfs.chmod(ctx, '/l/app/conf', 0o750);
  await vfs.setxattr(ctx, '/l/app/conf/httpd.conf', 'user.origin', new TextEncoder().encode('base'));
  await vfs.symlink(ctx, 'conf/httpd.conf', '/l/app/config');
  await vfs.link(ctx, '/l/app/run', '/l/app/run-again');
  await vfs.utimens(ctx, '/l/app/conf/httpd.conf', T(1_600_000_000), T(1_700_000_000));
  await vfs.utimens(ctx, '/l/app/conf', T(1_600_000_000), T(1_650_000_000));
  await vfs.utimens(ctx, '/l/app', T(1_600_000_000), T(1_640_000_000));
  await vfs.mount(ctx, 'overlay', '/m', 'overlay', 'lowerdir=/l,upperdir=/u,workdir=/w');
}

describe('mv out of an overlay lower layer', () => {
  it('gets EXDEV from rename(2) for a lower directory', async () => {
    const { stdout, status } = await runOnTree(layers, 'mkdir /m/new; mv -v /m/new /m/new2; echo done');
    // A directory made in the upper layer renames normally.
    expect(status).toBe(0);
    expect(stdout).toBe("renamed '/m/new' -> '/m/new2'\ndone\n");
    const { vfs, ctx } = await runOnTree(layers, 'true');
    await expect(vfs.rename(ctx, '/m/app', '/m/app2')).rejects.toMatchObject({ code: 'EXDEV' });
  });

  it('copies the tree with its attributes and removes the original', async () => {
    const { stdout, stderr, status, vfs, ctx } = await runOnTree(layers, 'mv /m/app /m/moved');
    expect({ stdout, stderr, status }).toEqual({ stdout: '', stderr: '', status: 0 });
    await expect(vfs.lstat(ctx, '/m/app')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await owner(vfs, ctx, '/m/moved/run')).toBe('4750 48:48');
    expect(await owner(vfs, ctx, '/m/moved/conf')).toBe('0750 0:0');
    expect(await vfs.readlink(ctx, '/m/moved/config')).toBe('conf/httpd.conf');
    const a = await vfs.lstat(ctx, '/m/moved/run');
    const b = await vfs.lstat(ctx, '/m/moved/run-again');
    expect(b.ino).toBe(a.ino);
    expect(a.nlink).toBe(2);
    const conf = await vfs.lstat(ctx, '/m/moved/conf/httpd.conf');
    expect(conf.mtimeNs).toBe(T(1_700_000_000));
    expect(conf.atimeNs).toBe(T(1_600_000_000));
    expect((await vfs.lstat(ctx, '/m/moved/conf')).mtimeNs).toBe(T(1_650_000_000));
    expect((await vfs.lstat(ctx, '/m/moved')).mtimeNs).toBe(T(1_640_000_000));
    expect(new TextDecoder().decode(await vfs.getxattr(ctx, '/m/moved/conf/httpd.conf', 'user.origin'))).toBe('base');
    const f = await vfs.open(ctx, '/m/moved/conf/httpd.conf', O_RDONLY);
    expect(new TextDecoder().decode(await f.read(100))).toBe('Listen 80\n');
    await f.close();
    // The lower layer is untouched; the upper layer hides the old name with a whiteout.
    expect((await vfs.lstat(ctx, '/l/app/run')).mode & 0o7777).toBe(0o4750);
    expect((await vfs.lstat(ctx, '/u/app')).mode & S_IFMT).toBe(S_IFCHR);
  });

  // Recorded on Linux 6.18 with coreutils 9.1 (an overlay over ext4): the entries are copied, not
  // renamed one by one, and the hard link g is made again as a link (no "copied" line for it).
  it('says what it copies and removes with -v, as GNU mv across file systems', async () => {
    const { stdout, status } = await runOnTree(async (vfs, ctx) => {
      for (const d of ['/l', '/l/d', '/l/d/s', '/u', '/w', '/m']) await vfs.mkdir(ctx, d, 0o755);
      await vfs.writeFile(ctx, '/l/d/s/f', '1\n');
      await vfs.link(ctx, '/l/d/s/f', '/l/d/s/g');
      await vfs.mount(ctx, 'overlay', '/m', 'overlay', 'lowerdir=/l,upperdir=/u,workdir=/w');
    }, 'cd /m && mv -v d e');
    expect(status).toBe(0);
    expect(stdout).toBe([
      "created directory 'e'",
      "created directory 'e/s'",
      "copied 'd/s/f' -> 'e/s/f'",
      "removed 'd/s/f'",
      "removed 'd/s/g'",
      "removed directory 'd/s'",
      "removed directory 'd'",
      '',
    ].join('\n'));
  });

  it('moves a lower file by rename (the overlay copies it up)', async () => {
    const { stdout, status, vfs, ctx } = await runOnTree(layers, 'mv -v /m/app/conf/httpd.conf /m/app/httpd.conf');
    expect(status).toBe(0);
    expect(stdout).toBe("renamed '/m/app/conf/httpd.conf' -> '/m/app/httpd.conf'\n");
    expect(new TextDecoder().decode(await vfs.getxattr(ctx, '/m/app/httpd.conf', 'user.origin'))).toBe('base');
  });

  it('moves a lower directory into another directory, and onto an empty one', async () => {
    const { stderr, status, vfs, ctx } = await runOnTree(layers, 'mkdir /m/dest /m/empty && mv /m/app /m/dest && mv /m/dest/app/conf /m/empty -T');
    expect({ stderr, status }).toEqual({ stderr: '', status: 0 });
    expect(await owner(vfs, ctx, '/m/dest/app/run')).toBe('4750 48:48');
    expect(await owner(vfs, ctx, '/m/empty')).toBe('0750 0:0');
    await expect(vfs.lstat(ctx, '/m/dest/app/conf')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
