// The container recipe a learner follows by hand, step by step, on the simulated kernel's own
// primitives: new namespaces with unshare, an overlay root, a look from outside with nsenter and
// lsns, then chroot and pivot_root into a root of its own.

import { describe, expect, it } from 'vitest';
import { linesWith, ulSh } from './ul-sh.ts';

describe('by-hand container', () => {
  it('unshare --pid --fork --mount-proc --uts --mount: PID 1, a hostname and a /proc of its own', async () => {
    const r = await ulSh(`
unshare --pid --fork --mount-proc --uts --mount sh -c 'nodename box; nodename; echo pid $$; echo /proc/[0-9]*; mount | while read -r s on d rest; do [ "$d" = /proc ] && echo "$s on $d $rest"; done'
echo status $?
nodename
echo /proc/[0-9]* | wc -w`);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['box', 'pid 1', '/proc/1']);
    // The new /proc is mounted over the copy of the old one in the new mount namespace.
    expect(lines.slice(3, 5)).toEqual([
      'proc on /proc type proc (rw,relatime)',
      'proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)',
    ]);
    expect(lines[5]).toBe('status 0');
    // Outside, nothing changed: the machine's hostname, and every process is still listed.
    expect(lines[6]).toBe('cowbox');
    expect(Number(lines[7])).toBeGreaterThan(1);
  });

  it('builds an overlay: a write in merged lands in upper, lower stays as it was', async () => {
    const r = await ulSh(`
show() { mount | while read -r s on d type t opts; do case $d in /tmp/sh-case/*) echo "$s $on $d $type $t $opts";; esac; done; }
mkdir lower upper work merged
echo base > lower/a
show
mount -t overlay overlay -o lowerdir=lower,upperdir=upper,workdir=work merged
echo mounted $?
show
echo changed > merged/a
echo new > merged/b
echo upper: $(ls upper)
cat lower/a upper/a merged/b
umount merged
echo unmounted $?
show
echo merged: $(ls merged)`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe([
      'mounted 0',
      'overlay on /tmp/sh-case/merged type overlay (rw,relatime,lowerdir=lower,upperdir=upper,workdir=work,uuid=on)',
      'upper: a b',
      'base', 'changed', 'new',
      'unmounted 0',
      'merged:', '',
    ].join('\n'));
  });

  it('nsenter joins a running container: its hostname, its PID namespace, its /proc', async () => {
    const r = await ulSh(`
mkfifo ready go
unshare --uts --pid --fork --mount-proc sh -c 'nodename box; echo up > /tmp/sh-case/ready; read x < /tmp/sh-case/go' &
read up < ready
echo outside $(nodename)
nsenter -t $! -u nodename
inner=$(lsns -t pid -l -n -o PID | tail -n 1)
nsenter -t $inner -u -p -m sh -c 'echo in $(nodename) as $$; echo /proc/[0-9]*'
nsenter -t $inner -a nodename
echo done > go
wait
echo status $?`);
    expect(r.stderr).toBe('');
    // PID 2 of the container went to its `nodename box`; the shell nsenter forks is PID 3 there.
    expect(r.stdout).toBe(['outside cowbox', 'box', 'in box as 3', '/proc/1 /proc/3', 'box', 'status 0', ''].join('\n'));
  });

  it('lsns lists the new namespaces, the container drawn below the unshare that made it', async () => {
    const r = await ulSh(`
mkfifo ready go
unshare --uts --pid --fork --mount-proc sh -c 'echo up > /tmp/sh-case/ready; read x < /tmp/sh-case/go' &
read up < ready
lsns
lsns -p $! -o NS,TYPE,PID
echo done > go
wait`);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('        NS TYPE   NPROCS PID USER COMMAND');
    // The eight namespaces of the machine, held by init (PID 1).
    for (const type of ['mnt', 'net', 'time', 'cgroup', 'pid', 'user', 'uts', 'ipc']) {
      expect(lines.some((l) => new RegExp(`^40265318\\d\\d ${type} +\\d+ +1 root `).test(l))).toBe(true);
    }
    const uts = linesWith(r.stdout, ' uts ').find((l) => l.includes('unshare'));
    const mnt = linesWith(r.stdout, ' mnt ').find((l) => l.includes('unshare'));
    expect(uts).toMatch(/^\d{10} uts +2 +\d+ root unshare --uts --pid --fork --mount-proc sh -c /);
    expect(mnt).toMatch(/^\d{10} mnt +2 +\d+ root unshare /);
    // The PID namespace holds only the child, drawn as a child of unshare's line (LANG=C: ASCII art).
    const pid = linesWith(r.stdout, ' pid ').find((l) => !l.includes('init'));
    expect(pid).toMatch(/^\d{10} pid +1 +\d+ root `-sh -c echo up/);
    expect(lines.indexOf(pid!)).toBe(lines.indexOf(mnt!) + 1);
    // -p: the namespaces of unshare itself (its PID namespace is still the machine's).
    const own = r.stdout.split('\n').filter((l) => /^\d{10} /.test(l)).slice(-8);
    expect(own.map((l) => l.split(/ +/)[1])).toEqual(['net', 'time', 'cgroup', 'pid', 'user', 'ipc', 'uts', 'mnt']);
  });

  it('chroot runs a shell in a directory that holds one', async () => {
    const r = await ulSh(`
mkdir -p root/bin root/etc
cat /bin/sh > root/bin/sh
cat /bin/echo > root/bin/echo
chmod 755 root/bin/sh root/bin/echo
echo guest > root/etc/motd
chroot root /bin/sh -c 'echo in $(pwd); echo /*; read m < /etc/motd; echo $m; echo /tmp/*'
echo status $?
chroot root ls
echo status $?`);
    expect(r.stdout).toBe(['in /', '/bin /etc', 'guest', '/tmp/*', 'status 0', 'status 127', ''].join('\n'));
    expect(r.stderr).toBe("chroot: failed to run command 'ls': No such file or directory\n");
  });

  it('pivot_root in a new mount namespace: the new root is all that is left after umount', async () => {
    const r = await ulSh(`
mkdir new
unshare -m sh -c '
mount -t tmpfs tmpfs new
mkdir new/bin new/old
for p in sh echo umount; do cat /bin/$p > new/bin/$p; done
chmod 755 new/bin/*
cd new
pivot_root . old
echo pivot $?
cd /
echo /*
echo /old/tmp/sh-case/*
umount -l /old
echo umount $?
echo /old/*
'
echo outside /tmp/sh-case/*`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe([
      'pivot 0', '/bin /old', '/old/tmp/sh-case/new', 'umount 0', '/old/*', 'outside /tmp/sh-case/new', '',
    ].join('\n'));
  });

  it('unshare -r: root in a new user namespace, who may mount in a mount namespace of its own', async () => {
    const r = await ulSh(`
mkdir -m 777 d
asuser 1000 unshare -r sh -c 'cat /proc/self/uid_map /proc/self/gid_map /proc/self/setgroups'
asuser 1000 unshare -rm sh -c 'mount -t tmpfs tmpfs d && echo mounted && mount | while read -r s on p rest; do [ "$p" = /tmp/sh-case/d ] && echo "$s $on $p $rest"; done'
asuser 1000 unshare -m true
echo status $?`);
    expect(r.stdout).toBe([
      '         0       1000          1',
      '         0       1000          1',
      'deny',
      'mounted',
      'tmpfs on /tmp/sh-case/d type tmpfs (rw,relatime)',
      'status 1', '',
    ].join('\n'));
    expect(r.stderr).toBe('unshare: unshare failed: Operation not permitted\n');
  });
});
