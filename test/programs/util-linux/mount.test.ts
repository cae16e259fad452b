// mount and umount on the simulated kernel: bind mounts and what the table says of them, -r,
// fstab, cgroup2, and the messages an ordinary user gets (the real tool's, checked by hand with
// setpriv --reuid=65534 on util-linux 2.38.1: a recording runs as root only).

import { describe, expect, it } from 'vitest';
import { ulSh } from './ul-sh.ts';

const SHOW = 'show() { mount | while read -r s on d type t opts; do case $d in /tmp/sh-case/*) echo "$s $on $d $type $t $opts";; esac; done; }';

describe('mount', () => {
  it('binds a directory elsewhere; --rbind takes the mounts below it along', async () => {
    const r = await ulSh(`${SHOW}
mkdir src dst rdst
echo hello > src/file
mount --bind src dst
echo bind $?
cat dst/file
mkdir src/sub
mount -t tmpfs tmpfs src/sub
echo below > src/sub/x
mount --rbind src rdst
echo rbind $?
show
cat rdst/sub/x
umount -R rdst
echo umount-R $?
umount src/sub dst
show`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe([
      'bind 0', 'hello', 'rbind 0',
      'rootfs on /tmp/sh-case/dst type tmpfs (rw,relatime,mode=755)',
      'tmpfs on /tmp/sh-case/src/sub type tmpfs (rw,relatime)',
      'rootfs on /tmp/sh-case/rdst type tmpfs (rw,relatime,mode=755)',
      'tmpfs on /tmp/sh-case/rdst/sub type tmpfs (rw,relatime)',
      'below', 'umount-R 0', '',
    ].join('\n'));
  });

  it('remount changes a mount\'s own flags in place; --bind -o ro binds then remounts; noexec refuses exec', async () => {
    // The same steps on Linux 6.18 (util-linux 2.38.1) print the same mountinfo columns and statuses.
    const r = await ulSh(`mkdir a b c m
echo hi > a/f
mount --bind a b
mount -o remount,bind,ro b
(echo x > b/f) 2>/dev/null; echo status $?
mount --bind -o ro,nosuid a c
while read -r id parent dev root at opts rest; do case $at in */sh-case/[bc]) echo "$at $opts";; esac; done < /proc/self/mountinfo
mount -t tmpfs -o noexec tmpfs m
cp /bin/true m/t
./m/t 2>/dev/null; echo status $?
mount -o remount,exec m; ./m/t; echo status $?
umount b c m`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('status 2\n/tmp/sh-case/b ro,relatime\n/tmp/sh-case/c ro,nosuid,relatime\nstatus 126\nstatus 0\n');
  });

  it('-r mounts read-only; a write there fails with EROFS', async () => {
    const r = await ulSh(`${SHOW}
mkdir d
mount -r -t tmpfs tmpfs d
show
echo x > d/f
echo status $?`);
    expect(r.stdout).toBe('tmpfs on /tmp/sh-case/d type tmpfs (ro,relatime)\nstatus 2\n');
    expect(r.stderr).toBe('sh: 6: cannot create d/f: Read-only file system\n');
  });

  it('mounts a line of /etc/fstab by its mount point, and every line with -a', async () => {
    const r = await ulSh(`${SHOW}
mkdir a b c
cat > /etc/fstab <<'EOF'
# the test machine's table
tmpfs /tmp/sh-case/a tmpfs defaults 0 0
proc /tmp/sh-case/b proc nosuid 0 0
tmpfs /tmp/sh-case/c tmpfs noauto 0 0
EOF
mount /tmp/sh-case/a
show
umount a
mount -a
echo all $?
show
mount -a
echo again $?`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe([
      'tmpfs on /tmp/sh-case/a type tmpfs (rw,relatime)',
      'all 0',
      'tmpfs on /tmp/sh-case/a type tmpfs (rw,relatime)',
      'proc on /tmp/sh-case/b type proc (rw,nosuid,relatime)',
      'again 0', '',
    ].join('\n'));
  });

  it('mounts the cgroup2 hierarchy and lists by type with -t', async () => {
    const r = await ulSh(`
mkdir cg
mount -t cgroup2 cgroup2 cg
mount -t cgroup2 | while read -r s on d rest; do [ "$d" = /tmp/sh-case/cg ] && echo "$s $on $d $rest"; done
echo cg/cgroup.procs: $(cat cg/cgroup.procs | wc -l)`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^cgroup2 on \/tmp\/sh-case\/cg type cgroup2 \(rw,relatime.*\)\ncg\/cgroup.procs: [1-9]\d*\n$/);
  });

  it('tells an ordinary user what util-linux tells one', async () => {
    const r = await ulSh(`
mkdir -m 777 d e
mount -t tmpfs tmpfs d
asuser 1000 mount -t tmpfs tmpfs e
echo status $?
asuser 1000 umount d
echo status $?
asuser 1000 umount e
echo status $?
asuser 1000 umount nosuch
echo status $?
asuser 1000 mount | while read -r s on p rest; do [ "$p" = /tmp/sh-case/d ] && echo "$s $on $p"; done`);
    expect(r.stdout).toBe('status 32\nstatus 32\nstatus 1\nstatus 1\ntmpfs on /tmp/sh-case/d\n');
    expect(r.stderr).toBe([
      'mount: /tmp/sh-case/e: must be superuser to use mount.',
      '       dmesg(1) may have more information after failed mount system call.',
      'umount: /tmp/sh-case/d: must be superuser to unmount.',
      'umount: /tmp/sh-case/e: not mounted.',
      'umount: nosuch: No such file or directory', '',
    ].join('\n'));
  });

  it('umount -l detaches a busy tree at once; plain umount refuses it', async () => {
    const r = await ulSh(`${SHOW}
mkdir m
mount -t tmpfs tmpfs m
mkdir m/a
mount -t tmpfs tmpfs m/a
umount m
echo status $?
umount -l m
echo status $?
show`);
    expect(r.stdout).toBe('status 32\nstatus 0\n');
    expect(r.stderr).toBe('umount: /tmp/sh-case/m: target is busy.\n');
  });

  it('says it cannot read the table when /proc is not mounted', async () => {
    const r = await ulSh(`umount /proc
mount
echo status $?`);
    expect(r.stdout).toBe('status 2\n');
    expect(r.stderr).toBe('mount: failed to read mtab: No such file or directory\n');
  });
});
