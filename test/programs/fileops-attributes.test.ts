// What the file programs do to attributes the recordings cannot show on this machine: owners
// taken from /etc/passwd names, access times, device numbers, extended attributes, moves between
// two mounted file systems, and exact sizes and link targets.

import { describe, expect, it } from 'vitest';
import { major, minor, S_IFMT } from '../../src/abi/stat.ts';
import type { FsContext, Vfs } from '../../src/kernel/fs/vfs/vfs.ts';
import { owner, runOnTree } from './fileops-machine.ts';

const T = (s: number): bigint => BigInt(s) * 1_000_000_000n;
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: Uint8Array): string => new TextDecoder().decode(b);

async function sample(vfs: Vfs, ctx: FsContext): Promise<void> {
  await vfs.mkdir(ctx, '/w', 0o755);
  await vfs.mkdir(ctx, '/w/d', 0o750);
  await vfs.writeFile(ctx, '/w/d/f', 'data\n');
  await vfs.chmod(ctx, '/w/d/f', 0o4710);
  await vfs.chown(ctx, '/w/d/f', 48, 48);
  await vfs.chmod(ctx, '/w/d/f', 0o4710);
  await vfs.chown(ctx, '/w/d', 48, 0);
  await vfs.setxattr(ctx, '/w/d/f', 'user.tag', enc('blue'));
  await vfs.symlink(ctx, 'f', '/w/d/link');
  await vfs.utimens(ctx, '/w/d/f', T(1000), T(2000));
  await vfs.utimens(ctx, '/w/d', T(3000), T(4000));
}

describe('cp and attributes', () => {
  it('cp -a keeps owner, set-user-ID, times, xattrs and links', async () => {
    const { status, stderr, vfs, ctx } = await runOnTree(sample, 'cp -a /w/d /w/e');
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(await owner(vfs, ctx, '/w/e')).toBe('0750 48:0');
    expect(await owner(vfs, ctx, '/w/e/f')).toBe('4710 48:48');
    const st = await vfs.lstat(ctx, '/w/e/f');
    expect([st.atimeNs, st.mtimeNs]).toEqual([T(1000), T(2000)]);
    expect((await vfs.lstat(ctx, '/w/e')).mtimeNs).toBe(T(4000));
    expect(dec(await vfs.getxattr(ctx, '/w/e/f', 'user.tag'))).toBe('blue');
    expect(await vfs.readlink(ctx, '/w/e/link')).toBe('f');
  });

  it('plain cp makes the copy the caller\'s, without set-user-ID or xattrs', async () => {
    const { status, vfs, ctx } = await runOnTree(sample, 'cp /w/d/f /w/g && cp --preserve=xattr /w/d/f /w/h');
    expect(status).toBe(0);
    expect(await owner(vfs, ctx, '/w/g')).toBe('0710 0:0');
    expect(await vfs.listxattr(ctx, '/w/g')).toEqual([]);
    expect(dec(await vfs.getxattr(ctx, '/w/h', 'user.tag'))).toBe('blue');
    expect((await vfs.lstat(ctx, '/w/g')).mtimeNs).not.toBe(T(2000));
  });

  it('cp -p keeps owner and mode but not xattrs', async () => {
    const { status, vfs, ctx } = await runOnTree(sample, 'cp -p /w/d/f /w/p');
    expect(status).toBe(0);
    expect(await owner(vfs, ctx, '/w/p')).toBe('4710 48:48');
    expect(await vfs.listxattr(ctx, '/w/p')).toEqual([]);
  });
});

describe('mv between two file systems', () => {
  it('copies with every attribute and removes the source when rename says EXDEV', async () => {
    const { status, stdout, stderr, vfs, ctx } = await runOnTree(async (v, c) => {
      await sample(v, c);
      await v.mkdir(c, '/mnt', 0o755);
      await v.mount(c, 'tmpfs', '/mnt', 'tmpfs');
    }, 'mv -v /w/d /mnt/');
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(stdout).toBe([
      "created directory '/mnt/d'",
      "copied '/w/d/f' -> '/mnt/d/f'",
      "copied '/w/d/link' -> '/mnt/d/link'",
      "removed '/w/d/f'",
      "removed '/w/d/link'",
      "removed directory '/w/d'",
      '',
    ].join('\n'));
    await expect(vfs.lstat(ctx, '/w/d')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await owner(vfs, ctx, '/mnt/d/f')).toBe('4710 48:48');
    expect(await owner(vfs, ctx, '/mnt/d')).toBe('0750 48:0');
    expect((await vfs.lstat(ctx, '/mnt/d')).mtimeNs).toBe(T(4000));
    expect(dec(await vfs.getxattr(ctx, '/mnt/d/f', 'user.tag'))).toBe('blue');
    expect(await vfs.readlink(ctx, '/mnt/d/link')).toBe('f');
  });

  it('replaces an existing file on the other side, as rename would', async () => {
    const { status, vfs, ctx } = await runOnTree(async (v, c) => {
      await sample(v, c);
      await v.mkdir(c, '/mnt', 0o755);
      await v.mount(c, 'tmpfs', '/mnt', 'tmpfs');
      await v.writeFile(c, '/mnt/f', 'old\n');
    }, 'mv /w/d/f /mnt/f');
    expect(status).toBe(0);
    expect(dec(await vfs.readFile(ctx, '/mnt/f'))).toBe('data\n');
    await expect(vfs.lstat(ctx, '/w/d/f')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('names from /etc/passwd and /etc/group', () => {
  it('chown and chgrp take user and group names, and OWNER: means the login group', async () => {
    const { stdout, status, vfs, ctx } = await runOnTree(sample, [
      'cd /w', 'chown -v apache d/link', 'chown -v root:apache d', 'chown -v apache: d/f', 'chgrp -v root d/f', 'chown -v 0 d/f',
    ].join('; '));
    expect(status).toBe(0);
    expect(stdout).toBe([
      "ownership of 'd/link' retained as apache",
      "changed ownership of 'd' from apache:root to root:apache",
      "ownership of 'd/f' retained as apache:apache",
      "changed group of 'd/f' from apache to root",
      "changed ownership of 'd/f' from apache to 0",
      '',
    ].join('\n'));
    expect(await owner(vfs, ctx, '/w/d/f')).toBe('0710 0:0');
  });

  it('install -o/-g take names too', async () => {
    const { status, vfs, ctx } = await runOnTree(sample, 'install -o apache -g apache -m 640 /w/d/f /w/i && install -d -o apache /w/dir');
    expect(status).toBe(0);
    expect(await owner(vfs, ctx, '/w/i')).toBe('0640 48:48');
    expect(await owner(vfs, ctx, '/w/dir')).toBe('0755 48:0');
  });
});

describe('times, devices, sizes and link targets', () => {
  it('touch -a and -m change one time and keep the other', async () => {
    const { status, vfs, ctx } = await runOnTree(sample, 'touch -a -d @5 /w/d/f && touch -m -t 197001010001 /w/d/link');
    expect(status).toBe(0);
    const st = await vfs.lstat(ctx, '/w/d/f');
    expect([st.atimeNs, st.mtimeNs]).toEqual([T(5), T(60)]);
  });

  it('touch without a date uses the kernel clock for both times', async () => {
    const { status, vfs, ctx } = await runOnTree(sample, 'touch /w/d/f /w/new');
    expect(status).toBe(0);
    const st = await vfs.lstat(ctx, '/w/d/f');
    const fresh = await vfs.lstat(ctx, '/w/new');
    expect(st.atimeNs).toBe(st.mtimeNs);
    expect(st.mtimeNs).toBe(fresh.mtimeNs);
    expect(st.mtimeNs).not.toBe(T(2000));
  });

  it('touch -h sets the times of the link itself', async () => {
    const { status, vfs, ctx } = await runOnTree(sample, 'touch -h -d @77 /w/d/link');
    expect(status).toBe(0);
    expect((await vfs.lstat(ctx, '/w/d/link')).mtimeNs).toBe(T(77));
    expect((await vfs.lstat(ctx, '/w/d/f')).mtimeNs).toBe(T(2000));
  });

  it('mknod makes devices with the numbers given', async () => {
    const { status, vfs, ctx } = await runOnTree(sample, 'mknod /w/null c 1 3 && mknod -m 600 /w/loop b 7 0x10 && mknod /w/big c 4095 1048575');
    expect(status).toBe(0);
    const n = await vfs.lstat(ctx, '/w/null');
    expect([major(n.rdev), minor(n.rdev), n.mode & S_IFMT, n.mode & 0o777]).toEqual([1, 3, 0o020000, 0o644]);
    const l = await vfs.lstat(ctx, '/w/loop');
    expect([major(l.rdev), minor(l.rdev), l.mode & S_IFMT, l.mode & 0o777]).toEqual([7, 16, 0o060000, 0o600]);
    const b = await vfs.lstat(ctx, '/w/big');
    expect([major(b.rdev), minor(b.rdev)]).toEqual([4095, 1048575]);
  });

  it('truncate sets exact sizes', async () => {
    const { status, vfs, ctx } = await runOnTree(sample, 'cd /w && truncate -s 1G big && truncate -s 5 d/f && truncate -s +1K d/f && truncate -s %4096 d/f');
    expect(status).toBe(0);
    expect((await vfs.lstat(ctx, '/w/big')).size).toBe(1 << 30);
    expect((await vfs.lstat(ctx, '/w/d/f')).size).toBe(4096);
    expect(dec((await vfs.readFile(ctx, '/w/d/f')).subarray(0, 6))).toBe('data\n\0');
  });

  it('ln -r writes targets relative to where the link is', async () => {
    const { status, vfs, ctx } = await runOnTree(sample, 'mkdir -p /w/a/b && ln -sr /w/d/f /w/a/b/rel && cd /w/a && ln -sr ../d/link b/viaLink && ln -sr b b/self');
    expect(status).toBe(0);
    expect(await vfs.readlink(ctx, '/w/a/b/rel')).toBe('../../d/f');
    // -r resolves the target's own links first, as GNU's canonicalize does.
    expect(await vfs.readlink(ctx, '/w/a/b/viaLink')).toBe('../../d/f');
    expect(await vfs.readlink(ctx, '/w/a/b/self')).toBe('.');
  });

  it('mktemp makes a private file and directory under TMPDIR', async () => {
    const { stdout, status, vfs, ctx } = await runOnTree(async (v, c) => {
      await v.mkdir(c, '/scratch', 0o755);
    }, 'TMPDIR=/scratch mktemp; TMPDIR=/scratch mktemp -d');
    expect(status).toBe(0);
    const [file, dir] = stdout.trim().split('\n');
    expect(file).toMatch(/^\/scratch\/tmp\.[A-Za-z0-9]{10}$/);
    expect(dir).toMatch(/^\/scratch\/tmp\.[A-Za-z0-9]{10}$/);
    expect(await owner(vfs, ctx, file!)).toBe('0600 0:0');
    expect(await owner(vfs, ctx, dir!)).toBe('0700 0:0');
  });
});
