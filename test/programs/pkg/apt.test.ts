// apt-get, apt and dpkg on Debian 12 and Ubuntu 24.04: nothing is found before `apt-get update`,
// update writes the lists (and `rm -rf /var/lib/apt/lists/*` takes them away again), install
// shows what it will do, asks unless -y, writes every file and dpkg's database, apt-get keeps the
// archives until `apt-get clean`, and dpkg -l/-L/-s/-S read the database.

import { describe, expect, it } from 'vitest';
import { runPkg } from './image.ts';

describe('apt-get', () => {
  it('cannot find a package before update', async () => {
    const r = await runPkg('lay-image debian-12; apt-get install -y curl; echo "status=$?"');
    expect(r.stdout).toBe('Reading package lists...\nBuilding dependency tree...\nReading state information...\nstatus=100\n');
    expect(r.stderr).toBe('E: Unable to locate package curl\n');
  });

  it('updates the lists, and removing them takes their bytes away', async () => {
    const r = await runPkg('lay-image debian-12; apt-get update; tree-bytes /var/lib/apt/lists; rm -rf /var/lib/apt/lists/*; tree-bytes /var/lib/apt/lists; apt-get update | head -1');
    expect(r.stdout).toMatch(/^Get:1 http:\/\/deb\.debian\.org\/debian bookworm InRelease \[151 kB\]\nGet:2 http:\/\/deb\.debian\.org\/debian bookworm-updates InRelease \[55\.4 kB\]\nGet:3 http:\/\/deb\.debian\.org\/debian-security bookworm-security InRelease \[48\.0 kB\]\nGet:4 http:\/\/deb\.debian\.org\/debian bookworm\/main amd64 Packages \[8790 kB\]\n/);
    expect(r.stdout).toMatch(/\nFetched 9432 kB in \d+s \(\d+ kB\/s\)\nReading package lists...\n/);
    const sizes = r.stdout.match(/^\d+$/gm)!.map(Number);
    expect(sizes[0]).toBeGreaterThan(19_000_000);
    expect(sizes[1]).toBe(0);
    const again = await runPkg('lay-image debian-12; apt-get update >/dev/null; apt-get update');
    expect(again.stdout).toBe('Hit:1 http://deb.debian.org/debian bookworm InRelease\nHit:2 http://deb.debian.org/debian bookworm-updates InRelease\nHit:3 http://deb.debian.org/debian-security bookworm-security InRelease\nReading package lists...\n');
  });

  it('installs curl with -y: the NEW block, sizes, unpacking and setting up', async () => {
    const r = await runPkg('lay-image debian-12; apt-get update >/dev/null; apt-get install -y curl; echo "status=$?"; test -f /usr/bin/curl && echo installed; curl --version | head -1; curl http://example.com; echo "curl=$?"');
    expect(r.stdout).toContain('The following NEW packages will be installed:\n  ca-certificates curl krb5-locales libbrotli1 libcurl4 libgssapi-krb5-2\n');
    expect(r.stdout).toContain('0 upgraded, 22 newly installed, 0 to remove and 0 not upgraded.\nNeed to get 6132 kB of archives.\nAfter this operation, ');
    expect(r.stdout).toMatch(/After this operation, [\d.]+ MB of additional disk space will be used\.\nGet:1 /);
    expect(r.stdout).toContain('Selecting previously unselected package curl.\nPreparing to unpack .../21-curl_7.88.1-10+deb12u15_amd64.deb ...\nUnpacking curl (7.88.1-10+deb12u15) ...\n');
    expect(r.stdout).toContain('Setting up curl (7.88.1-10+deb12u15) ...\n');
    expect(r.stdout).toMatch(/status=0\ninstalled\ncurl 7\.88\.1 \(x86_64-pc-linux-gnu\)[^\n]*\ncurl=6\n$/);
    expect(r.stderr).toContain('curl: (6) Could not resolve host: example.com\n');
  });

  it('asks before installing more than was named, and end of input aborts', async () => {
    const r = await runPkg('lay-image debian-12; apt-get update >/dev/null; apt-get install curl; echo "status=$?"; dpkg -s curl');
    expect(r.stdout).toMatch(/additional disk space will be used\.\nDo you want to continue\? \[Y\/n\] Abort\.\nstatus=1\n$/);
    expect(r.stderr).toContain("dpkg-query: package 'curl' is not installed and no information is available\n");
    const yes = await runPkg('lay-image debian-12; apt-get update >/dev/null; apt-get install curl >/dev/null; dpkg -s curl | head -2', { stdin: '\n' });
    expect(yes.stdout).toBe('Package: curl\nStatus: install ok installed\n');
  });

  it('keeps the archives until apt-get clean; apt removes its own', async () => {
    const r = await runPkg('lay-image debian-12; apt-get update >/dev/null; apt-get install -y -q tree >/dev/null; ls /var/cache/apt/archives; apt-get clean; ls /var/cache/apt/archives; apt install -y jq >/dev/null 2>&1; ls /var/cache/apt/archives');
    expect(r.stdout).toBe('lock\npartial\ntree_2.1.0-1_amd64.deb\nlock\npartial\nlock\npartial\n'.replace(/lock\n/g, ''));
  });

  it('removes and purges, and leaves dependencies for autoremove', async () => {
    const r = await runPkg(`lay-image debian-12; apt-get update >/dev/null; apt-get install -y nginx >/dev/null 2>&1
apt-get remove -y nginx; dpkg -l nginx-common | tail -1
apt-get purge -y nginx-common | tail -2; test -e /etc/nginx/nginx.conf || echo "conf gone"; apt-get autoremove -y | grep -c Removing`);
    expect(r.stdout).toContain('The following packages will be REMOVED:\n  nginx\n');
    expect(r.stdout).toContain('Removing nginx (1.22.1-9+deb12u');
    expect(r.stdout).toMatch(/\nii  nginx-common +1\.22\.1/);
    expect(r.stdout).toMatch(/Purging configuration files for nginx-common \(1\.22\.1-9\+deb12u\d+\) \.\.\.\nconf gone\n[1-9]\d*\n$/);
  });

  it('says so when apt is used in a script, and needs root', async () => {
    const r = await runPkg('lay-image debian-12; apt update');
    expect(r.stderr).toBe('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
    expect(r.stdout).toMatch(/Reading package lists...\nBuilding dependency tree...\nReading state information...\nAll packages are up to date\.\n$/);
  });

  it('uses Ubuntu\'s archive, names and versions on ubuntu:24.04', async () => {
    const r = await runPkg('lay-image ubuntu-24.04; apt-get update | head -1; apt-get install -y curl | grep -E "^Setting up (curl|libcurl4t64)"; python3 --version 2>&1; apt-get install -y python3 >/dev/null 2>&1; python3 --version');
    expect(r.stdout).toMatch(/^Get:1 http:\/\/archive\.ubuntu\.com\/ubuntu noble InRelease \[256 kB\]\n/);
    expect(r.stdout).toContain('Setting up libcurl4t64:amd64 (8.5.0-2ubuntu10.6) ...\nSetting up curl (8.5.0-2ubuntu10.6) ...\n');
    expect(r.stdout).toContain('Python 3.12.3\n');
  });
});

describe('dpkg', () => {
  it('lists with dpkg\'s header and widths, shows files, status and owners', async () => {
    const r = await runPkg(`lay-image debian-12
dpkg -l bash coreutils
dpkg -l nosuch; echo "status=$?"
dpkg -L dash | head -3; dpkg -S /bin/dash; dpkg -W -f '\${Package} \${Version}\\n' bash; dpkg -s bash | head -3`);
    expect(r.stdout).toContain('Desired=Unknown/Install/Remove/Purge/Hold\n| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n||/ Name           Version      Architecture Description\n+++-==============-============-============-=================================\nii  bash           5.2.15-2+b');
    expect(r.stdout).toMatch(/\nii  coreutils      9\.1-1        amd64        GNU core utilities\nstatus=1\n/);
    expect(r.stderr).toContain('dpkg-query: no packages found matching nosuch\n');
    expect(r.stdout).toMatch(/\/\.\n\/bin\n\/bin\/dash\ndash: \/bin\/dash\nbash 5\.2\.15-2\+b\d+\nPackage: bash\nEssential: yes\nStatus: install ok installed\n/);
  });
});
