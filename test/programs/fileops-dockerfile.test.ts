// The seed Dockerfile's permission lines on a ubi8-like tree, where /var/run is a symbolic link
// to /run: `chgrp -R 0 ...` and `chmod -R g=u ...` must reach every file below the named
// directories (a name that goes through /var/run resolves as any path does), give group 0 the
// owner's permissions, and leave alone what a symbolic link met during the walk points to.

import { describe, expect, it } from 'vitest';
import type { FsContext, Vfs } from '../../src/kernel/fs/vfs/vfs.ts';
import { owner, runOnTree } from './fileops-machine.ts';

async function ubi8(vfs: Vfs, ctx: FsContext): Promise<void> {
  for (const d of ['/var', '/var/log', '/var/log/httpd', '/run', '/run/httpd', '/run/httpd/htdocs', '/run/httpd/sub', '/run/php-fpm', '/srv', '/srv/secret']) {
    await vfs.mkdir(ctx, d, 0o755);
  }
  await vfs.symlink(ctx, '../run', '/var/run');
  const files: [string, number][] = [
    ['/var/log/httpd/access_log', 0o600], ['/var/log/httpd/error_log', 0o644],
    ['/run/httpd/htdocs/index.html', 0o640], ['/run/httpd/httpd.pid', 0o604], ['/run/php-fpm/www.sock', 0o600],
    ['/run/httpd/run.sh', 0o4750], ['/srv/secret/key', 0o600],
  ];
  for (const [f, mode] of files) {
    await vfs.writeFile(ctx, f, 'x\n');
    await vfs.chmod(ctx, f, mode);
  }
  const dirs: [string, number][] = [['/var/log/httpd', 0o700], ['/run/httpd', 0o710], ['/run/httpd/htdocs', 0o750], ['/run/httpd/sub', 0o2751], ['/run/php-fpm', 0o755], ['/srv/secret', 0o700]];
  for (const [d, mode] of dirs) await vfs.chmod(ctx, d, mode);
  // Links inside the tree: the walk changes the link itself, never what it points to.
  await vfs.symlink(ctx, '/srv/secret', '/run/httpd/escape');
  await vfs.symlink(ctx, '../../srv/secret/key', '/run/php-fpm/key-link');
  for (const p of ['/var/log/httpd', '/var/log/httpd/access_log', '/var/log/httpd/error_log', '/run/httpd', '/run/httpd/htdocs',
    '/run/httpd/htdocs/index.html', '/run/httpd/httpd.pid', '/run/httpd/sub', '/run/php-fpm', '/run/php-fpm/www.sock']) {
    await vfs.chown(ctx, p, 48, 48);
  }
  await vfs.chown(ctx, '/srv/secret', 99, 99);
  await vfs.chown(ctx, '/srv/secret/key', 99, 99);
}

const DOCKERFILE = [
  'chgrp -R 0 /var/log/httpd /var/run/httpd /run/php-fpm',
  'chmod -R g=u /var/log/httpd /var/run/httpd /run/php-fpm',
].join(' && ');

describe('the seed Dockerfile on a ubi8-like tree', () => {
  it('gives group 0 the owner permissions everywhere below the named directories', async () => {
    const { stdout, stderr, status, vfs, ctx } = await runOnTree(ubi8, DOCKERFILE);
    expect({ stdout, stderr, status }).toEqual({ stdout: '', stderr: '', status: 0 });
    const got: Record<string, string> = {};
    for (const p of ['/var/log/httpd', '/var/log/httpd/access_log', '/var/log/httpd/error_log', '/run/httpd', '/run/httpd/htdocs',
      '/run/httpd/htdocs/index.html', '/run/httpd/httpd.pid', '/run/httpd/sub', '/run/php-fpm', '/run/php-fpm/www.sock']) {
      got[p] = await owner(vfs, ctx, p);
    }
    expect(got).toEqual({
      '/var/log/httpd': '0770 48:0',
      '/var/log/httpd/access_log': '0660 48:0',
      '/var/log/httpd/error_log': '0664 48:0',
      '/run/httpd': '0770 48:0',
      '/run/httpd/htdocs': '0770 48:0',
      '/run/httpd/htdocs/index.html': '0660 48:0',
      '/run/httpd/httpd.pid': '0664 48:0',
      // g=u on a directory keeps its set-group-ID bit (u has no set-ID to copy).
      '/run/httpd/sub': '2771 48:0',
      '/run/php-fpm': '0775 48:0',
      '/run/php-fpm/www.sock': '0660 48:0',
    });
  });

  it('clears set-user-ID on chgrp even when the group stays, as Linux chown(2) does', async () => {
    const { vfs, ctx } = await runOnTree(ubi8, DOCKERFILE);
    // run.sh was root:root 4750: chgrp still calls chown, which drops set-user-ID; then g=u.
    expect(await owner(vfs, ctx, '/run/httpd/run.sh')).toBe('0770 0:0');
  });

  it('does not follow symbolic links met during the walk', async () => {
    const { vfs, ctx } = await runOnTree(ubi8, DOCKERFILE);
    expect(await owner(vfs, ctx, '/srv/secret')).toBe('0700 99:99');
    expect(await owner(vfs, ctx, '/srv/secret/key')).toBe('0600 99:99');
    // chgrp -R changes the links themselves.
    expect((await vfs.lstat(ctx, '/run/httpd/escape')).gid).toBe(0);
  });

  it('follows a symbolic link named on the command line for chmod -R, not for chgrp -R', async () => {
    const { status, vfs, ctx } = await runOnTree(async (v, c) => {
      await ubi8(v, c);
      await v.chown(c, '/run', 48, 48);
      await v.chmod(c, '/run', 0o700);
    }, 'chgrp -R 0 /var/run && chmod -R g=u /var/run');
    expect(status).toBe(0);
    // chgrp -R (-P by default) changed the link /var/run, not /run or what is below it.
    expect(await owner(vfs, ctx, '/run')).toBe('0770 48:48');
    expect(await owner(vfs, ctx, '/run/httpd/htdocs/index.html')).toBe('0660 48:48');
    expect((await vfs.lstat(ctx, '/var/run')).gid).toBe(0);
  });

  it('reports each change with -v, a directory after what is in it', async () => {
    const { stdout, status } = await runOnTree(async (v, c) => {
      for (const d of ['/var', '/run', '/run/php-fpm']) await v.mkdir(c, d, 0o755);
      await v.symlink(c, '../run', '/var/run');
      await v.writeFile(c, '/run/php-fpm/www.sock', '');
      await v.chmod(c, '/run/php-fpm/www.sock', 0o600);
    }, 'chgrp -R -v 48 /var/run/php-fpm; chmod -R -v g=u /var/run/php-fpm');
    expect(status).toBe(0);
    expect(stdout).toBe([
      "changed group of '/var/run/php-fpm/www.sock' from root to 48",
      "changed group of '/var/run/php-fpm' from root to 48",
      "mode of '/var/run/php-fpm' changed from 0755 (rwxr-xr-x) to 0775 (rwxrwxr-x)",
      "mode of '/var/run/php-fpm/www.sock' changed from 0600 (rw-------) to 0660 (rw-rw----)",
      '',
    ].join('\n'));
  });
});
