// yum/dnf and rpm on a UBI 8.1 image: module streams, installs that write every file of every
// package, the metadata cache that `clean all` removes, the confirmation prompt, and errors in
// dnf's words.

import { describe, expect, it } from 'vitest';
import { runPkg } from './image.ts';

const YUM = 'yum --disableplugin=subscription-manager';

describe('yum on ubi8', () => {
  it('installs php 7.3 after module enable php:7.3, with httpd and their dependencies', async () => {
    const r = await runPkg(`lay-image ubi8
${YUM} -y module enable php:7.3 && ${YUM} -y install httpd php && rpm -q php httpd php-fpm
grep -c 'Listen 80' /etc/httpd/conf/httpd.conf
grep '^DocumentRoot' /etc/httpd/conf/httpd.conf
grep 'listen.acl_users' /etc/php-fpm.d/www.conf
grep '^apache:' /etc/passwd
test -d /var/www/html && test -d /var/log/httpd && test -d /run/httpd && echo dirs
readlink /etc/httpd/logs; cat /etc/dnf/modules.d/php.module`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Enabling module streams:\n php ');
    expect(r.stdout).toContain('Dependencies resolved.\n');
    expect(r.stdout).toMatch(/\n Package +Arch(itecture)? +Version +Repository +Size\n/);
    expect(r.stdout).toContain('Install  16 Packages\n');
    expect(r.stdout).toMatch(/Total download size: [\d.]+ M\nInstalled size: \d+ M\nDownloading Packages:\n/);
    expect(r.stdout).toContain('  Installing       : httpd-2.4.37-16.module+el8.1.0+4134+e6bad0ed.x86_6   10/16 \n');
    expect(r.stdout).toContain('\nComplete!\nphp-7.3.5-5.module+el8.1.0+4560+e0eee7d6.x86_64\nhttpd-2.4.37-16.module+el8.1.0+4134+e6bad0ed.x86_64\nphp-fpm-7.3.5');
    expect(r.stdout).not.toContain('Is this ok');
    expect(r.stdout).toContain('\n1\nDocumentRoot "/var/www/html"\nlisten.acl_users = apache,nginx\napache:x:48:48:');
    expect(r.stdout).toContain('dirs\n../../var/log/httpd\n[php]\nname=php\nstream=7.3\nprofiles=\nstate=enabled\n');
  });

  it('picks the default stream, php 7.2, without module enable', async () => {
    const r = await runPkg(`lay-image ubi8; ${YUM} -y -q install php; rpm -q php; ${YUM} -q module list php`);
    expect(r.stdout).toContain('php-7.2.11-2.module+el8.1.0+3450+d1d6e6ea.x86_64\n');
    expect(r.stdout).toMatch(/php +7\.2 \[d\]\[e\] +common \[d\], devel, minimal +PHP scripting language\nphp +7\.3 +common/);
  });

  it('writes the metadata cache on install and clean all removes it', async () => {
    const r = await runPkg(`lay-image ubi8
${YUM} -y -q install tree
tree-bytes /var/cache/dnf
${YUM} clean all
tree-bytes /var/cache/dnf`);
    const [before, removed, after] = r.stdout.trim().split('\n');
    expect(Number(before)).toBeGreaterThan(10_000_000);
    expect(removed).toMatch(/^\d+ files removed$/);
    expect(after).toBe('0');
  });

  it('grows the filesystem by about the installed size', async () => {
    const r = await runPkg(`lay-image ubi8; tree-bytes /usr; ${YUM} -y -q install httpd php; tree-bytes /usr`);
    const [before, after] = r.stdout.trim().split('\n').map(Number);
    expect(after! - before!).toBeGreaterThan(20_000_000);
  });

  it('asks before a transaction and aborts at end of input', async () => {
    const r = await runPkg(`lay-image ubi8; ${YUM} install tree; echo "status=$?"; rpm -q tree`);
    expect(r.stdout).toContain('Installed size: 112 k\nIs this ok [y/N]: Operation aborted.\nstatus=1\npackage tree is not installed\n');
    const yes = await runPkg(`lay-image ubi8; ${YUM} install tree; rpm -q tree`, { stdin: 'y\n' });
    expect(yes.stdout).toContain('Is this ok [y/N]: Downloading Packages:\n');
    expect(yes.stdout).toContain('tree-1.7.0-15.el8.x86_64\n');
  });

  it('prints the subscription-manager plugin lines unless the plugin is disabled', async () => {
    const r = await runPkg('lay-image ubi8; yum -y -q install tree; yum clean all');
    // -q keeps the plugin's info line of the quiet install off standard output; its warnings stay.
    expect(r.stdout).toMatch(/^Updating Subscription Management repositories\.\n\d+ files removed\n$/);
    expect(r.stderr.match(/Unable to read consumer identity\nThis system is not registered to Red Hat Subscription Management\./g)).toHaveLength(2);
    const off = await runPkg(`lay-image ubi8; ${YUM} clean all`);
    expect(off.stdout).toBe('0 files removed\n');
    expect(off.stderr).toBe('');
  });

  it('reports names it cannot find, as dnf does', async () => {
    const r = await runPkg(`lay-image ubi8; ${YUM} -y install stress`);
    expect(r.stdout).toMatch(/\nNo match for argument: stress\n$/);
    expect(r.stderr).toBe('Error: Unable to find a match: stress\n');
    expect(r.status).toBe(1);
  });

  it('removes a package and the dependencies nothing else needs', async () => {
    const r = await runPkg(`lay-image ubi8; ${YUM} -y -q install httpd; ${YUM} -y remove httpd; rpm -q httpd apr; test -e /usr/sbin/httpd || echo gone`);
    expect(r.stdout).toContain('Removing:\n httpd ');
    expect(r.stdout).toContain('Removing unused dependencies:\n apr ');
    expect(r.stdout).toMatch(/Freed space: [\d.]+ M\n/);
    expect(r.stdout).toContain('package httpd is not installed\npackage apr is not installed\ngone\n');
  });

  it('lists installed packages and answers rpm queries', async () => {
    const r = await runPkg(`lay-image ubi8; ${YUM} -y -q install tree
${YUM} list installed tree bash
rpm -qa | grep -c .
rpm -qf /usr/bin/tree; rpm -qf /nonexistent; rpm -qi tree | head -3`);
    expect(r.stdout).toMatch(/Installed Packages\nbash\.x86_64 +4\.4\.19-10\.el8 +@System +\ntree\.x86_64 +1\.7\.0-15\.el8 +@ubi-8-baseos *\n/);
    expect(r.stdout).toContain('tree-1.7.0-15.el8.x86_64\nfile /nonexistent is not owned by any package\nName        : tree\nVersion     : 1.7.0\nRelease     : 15.el8\n');
    expect(Number(r.stdout.match(/\n(\d+)\n/)![1])).toBeGreaterThan(150);
  });

  it('refuses to switch an enabled stream, and needs root', async () => {
    const r = await runPkg(`lay-image ubi8; ${YUM} -y -q module enable php:7.3; ${YUM} -y module enable php:7.2`);
    expect(r.stderr).toContain("The operation would result in switching of module 'php' stream '7.3' to stream '7.2'\nError: It is not possible to switch enabled streams of a module.\n");
    expect(r.status).toBe(1);
  });

  it('says when there are no repositories', async () => {
    const r = await runPkg('yum -y install tree');
    expect(r.stderr).toContain('Error: There are no enabled repositories in "/etc/yum.repos.d", "/etc/yum/repos.d", "/etc/distro.repos.d".\n');
    expect(r.status).toBe(1);
  });
});
