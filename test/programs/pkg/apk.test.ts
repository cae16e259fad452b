// apk on Alpine 3.20 (and 3.19): adding packages writes their files and the database, the index
// cache stays unless --no-cache, unknown names fail with the solver's words, del purges what the
// world no longer needs, and the queries read the installed database.

import { describe, expect, it } from 'vitest';
import { runPkg } from './image.ts';

describe('apk', () => {
  it('adds curl with its dependencies, triggers and totals, and installs its files', async () => {
    const r = await runPkg('lay-image alpine-3.20; apk add curl; echo "status=$?"; test -f /usr/bin/curl && echo installed; grep -c . /lib/apk/db/installed; cat /etc/apk/world');
    expect(r.stdout).toMatch(/^fetch https:\/\/dl-cdn\.alpinelinux\.org\/alpine\/v3\.20\/main\/x86_64\/APKINDEX\.tar\.gz\nfetch https:\/\/dl-cdn\.alpinelinux\.org\/alpine\/v3\.20\/community\/x86_64\/APKINDEX\.tar\.gz\n\(1\/10\) Installing ca-certificates \(20240705-r0\)\n/);
    expect(r.stdout).toContain('(10/10) Installing curl (8.11.1-r0)\nExecuting busybox-1.36.1-r29.trigger\nExecuting ca-certificates-20240705-r0.trigger\nOK: ');
    expect(r.stdout).toMatch(/OK: \d+ MiB in 24 packages\nstatus=0\ninstalled\n/);
    expect(r.stdout).toMatch(/\nalpine-baselayout\nalpine-keys\napk-tools\nbusybox\nca-certificates-bundle\ncurl\nmusl-utils\nssl_client\n$/);
    expect(r.stderr).toBe('');
  });

  it('fails for an unknown package with the solver\'s message', async () => {
    const r = await runPkg('lay-image alpine-3.20; apk add --no-cache nosuch; echo "status=$?"; cat /etc/apk/world');
    expect(r.stderr).toBe('ERROR: unable to select packages:\n  nosuch (no such package):\n    required by: world[nosuch]\n');
    expect(r.stdout).toMatch(/status=1\n/);
    expect(r.stdout).not.toContain('nosuch');
  });

  it('keeps the index cache unless --no-cache, and fetches again only when asked', async () => {
    const r = await runPkg('lay-image alpine-3.20; apk add --no-cache tree >/dev/null; tree-bytes /var/cache/apk; apk add jq; tree-bytes /var/cache/apk; apk add less');
    const out = r.stdout.split('\n');
    expect(out[0]).toBe('0');
    expect(r.stdout).toContain('(1/2) Installing oniguruma (6.9.9-r0)\n(2/2) Installing jq (1.7.1-r0)\n');
    expect(Number(out.find((l, i) => i > 0 && /^\d+$/.test(l)))).toBeGreaterThan(1_000_000);
    // The second add finds a fresh index and fetches nothing.
    expect(r.stdout.split('fetch').length - 1).toBe(2);
  });

  it('deletes a package and the dependencies nothing else needs', async () => {
    const r = await runPkg('lay-image alpine-3.20; apk add -q curl; apk del curl; test -e /usr/bin/curl || echo gone; apk info -e libcurl; echo "info=$?"');
    expect(r.stdout).toContain('(1/10) Purging curl (8.11.1-r0)\n');
    expect(r.stdout).toMatch(/OK: \d+ MiB in 14 packages\ngone\ninfo=1\n/);
  });

  it('answers info, list and search from its database', async () => {
    const r = await runPkg('lay-image alpine-3.20; apk add -q nginx; apk info | head -2; apk info -v nginx; apk info nginx; apk list --installed nginx; apk search -v jq; apk --version; grep ^nginx: /etc/passwd');
    expect(r.stdout).toContain('alpine-baselayout\nalpine-baselayout-data\n');
    expect(r.stdout).toContain('nginx-1.26.2-r0 description:\nHTTP and reverse proxy server (stable version)\n\nnginx-1.26.2-r0 webpage:\nhttps://www.nginx.org/\n');
    expect(r.stdout).toContain('nginx-1.26.2-r0 x86_64 {nginx} (BSD-2-Clause) [installed]\n');
    expect(r.stdout).toContain('jq-1.7.1-r0 - A lightweight and flexible command-line JSON processor\n');
    expect(r.stdout).toContain('apk-tools 2.14.4, compiled for x86_64.\nnginx:x:100:101:');
  });

  it('follows the release of the image, and needs its database', async () => {
    const r = await runPkg('lay-image alpine-3.19; apk add --no-cache bash; apk list --installed bash; cat /etc/alpine-release');
    expect(r.stdout).toContain('fetch https://dl-cdn.alpinelinux.org/alpine/v3.19/main/x86_64/APKINDEX.tar.gz\n');
    expect(r.stdout).toContain('bash-5.2.21-r0 x86_64 {bash} (GPL-3.0-or-later) [installed]\n3.19.4\n');
    const none = await runPkg('apk add curl; echo "status=$?"');
    expect(none.stderr).toBe('ERROR: Unable to lock database: No such file or directory\nERROR: Failed to open apk database: No such file or directory\n');
    expect(none.stdout).toBe('status=99\n');
  });

  it('adds a virtual package with --virtual and deletes it again', async () => {
    const r = await runPkg('lay-image alpine-3.20; apk add --no-cache --virtual .build-deps tree jq; apk del .build-deps');
    expect(r.stdout).toMatch(/\(4\/4\) Installing \.build-deps \(\d{8}\.\d{6}\)\n/);
    expect(r.stdout).toContain('Purging .build-deps');
    expect(r.stdout).toMatch(/OK: \d+ MiB in 14 packages\n$/);
  });
});
