// The catalogs themselves: every dependency names a package the catalog has, each package's
// expanded files add up to its installed size, base images weigh what the real images weigh,
// executables name only commands cowbox has, and an image's entries carry its package database.

import { describe, expect, it } from 'vitest';
import { programName } from '../../../src/abi/program.ts';
import { COWBOX_COMMANDS } from '../../../src/runtime/distro/commands.ts';
import { entrySize, expand } from '../../../src/runtime/distro/expand.ts';
import { imageEntries } from '../../../src/runtime/distro/image.ts';
import { catalogFor, distributionOf, DISTRIBUTIONS } from '../../../src/runtime/distro/index.ts';

describe('catalogs', () => {
  it('resolve every dependency and recommendation', async () => {
    for (const id of DISTRIBUTIONS) {
      const c = await catalogFor(id);
      const dangling: string[] = [];
      for (const list of c.packages.values()) {
        for (const p of list) for (const d of [...p.depends, ...p.recommends]) if (!c.packages.has(c.provides.get(d) ?? d)) dangling.push(`${p.name} -> ${d}`);
      }
      expect(dangling, id).toEqual([]);
    }
  });

  it('expand each package to about its installed size', async () => {
    for (const id of DISTRIBUTIONS) {
      const c = await catalogFor(id);
      for (const list of c.packages.values()) {
        for (const p of list) {
          const bytes = expand(c, p).reduce((n, e) => n + entrySize(e), 0);
          if (p.installedSize > 64 * 1024) expect(Math.abs(bytes - p.installedSize) / p.installedSize, `${id} ${p.name}`).toBeLessThan(0.05);
        }
      }
    }
  });

  it('give base images the size of the real ones', async () => {
    const size = async (id: string): Promise<number> => {
      const c = await catalogFor(id);
      return imageEntries(c).reduce((n, e) => n + entrySize(e), 0) / 1048576;
    };
    expect(await size('alpine-3.20')).toBeGreaterThan(6);
    expect(await size('alpine-3.20')).toBeLessThan(10);
    expect(await size('debian-12')).toBeGreaterThan(100);
    expect(await size('debian-12')).toBeLessThan(130);
    expect(await size('ubi8')).toBeGreaterThan(190);
    expect(await size('ubi8')).toBeLessThan(230);
  });

  it('install program files only for commands cowbox has', async () => {
    for (const id of DISTRIBUTIONS) {
      const c = await catalogFor(id);
      for (const list of c.packages.values()) {
        for (const e of expand(c, list[0]!)) {
          const name = programName(e.text ?? (e.fill ? new TextDecoder().decode(e.fill.head) : ''));
          if (name) expect(COWBOX_COMMANDS.has(name), `${id} ${e.path}`).toBe(true);
        }
      }
    }
  });

  it('carry the configuration the seed Dockerfile edits', async () => {
    const c = await catalogFor('ubi8');
    const files = new Map([...c.packages.values()].flat().flatMap((p) => expand(c, p)).map((e) => [e.path, e]));
    expect(files.get('/etc/httpd/conf/httpd.conf')!.text).toContain('\nListen 80\n');
    expect(files.get('/etc/httpd/conf/httpd.conf')!.text).toContain('\nDocumentRoot "/var/www/html"\n');
    expect(files.get('/etc/php-fpm.d/www.conf')!.text).toContain('\nlisten.acl_users = apache,nginx\n');
    expect(files.get('/etc/php-fpm.d/www.conf')!.text).toContain('\nlisten = /run/php-fpm/www.sock\n');
    expect(files.get('/var/www/html')!.type).toBe('dir');
    expect(files.get('/run/httpd')!.mode).toBe(0o710);
    // php-fpm's runtime directory is the image's to make (the seed's `mkdir /run/php-fpm`).
    expect(files.has('/run/php-fpm')).toBe(false);
  });

  it('describe images with their package database and identity', async () => {
    const alpine = imageEntries(await catalogFor('alpine-3.20'), { files: false });
    const installed = alpine.find((e) => e.path === '/lib/apk/db/installed')!.text!;
    expect(installed).toContain('P:busybox\nV:1.36.1-r29\nA:x86_64\n');
    expect(distributionOf(alpine.find((e) => e.path === '/etc/os-release')!.text!)).toBe('alpine-3.20');
    const debian = imageEntries(await catalogFor('debian-12'), { files: false });
    expect(debian.find((e) => e.path === '/var/lib/dpkg/status')!.text).toMatch(/^Package: adduser\nStatus: install ok installed\n/);
    const ubi = imageEntries(await catalogFor('ubi8'), { files: false });
    expect(ubi.find((e) => e.path === '/var/lib/rpm/Packages')!.text).toContain('Name: bash\nEpoch: 0\nVersion: 4.4.19\nRelease: 10.el8\n');
  });
});
