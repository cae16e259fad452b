// busybox as a multi-call binary on the simulated machine: a link named after an applet runs
// the applet, the dialect it sets stays in its own process (GNU's tools beside it keep GNU's
// words), and the applets that read /proc (ps, free, df) print busybox's layouts.

import { describe, expect, it } from 'vitest';
import type { TestProgram } from '../../helpers/kernel.ts';
import { functionList } from '../../../src/programs/busybox/busybox.ts';
import { runSh } from '../../shell/run-sh.ts';
import { runOnMachine } from '../procps-machine.ts';

describe('busybox dispatch', () => {
  it('runs the applet a link is named after, through symlinks and hard links', async () => {
    const r = await runSh(
      'mkdir -p bb && ln -s /bin/busybox bb/ls && ln /bin/busybox bb/cat && touch -d @1000000000 f && ' +
        'bb/ls -l f && bb/ls /nope; echo "ls $?"; bb/cat /nope; echo "cat $?"; PATH=$PWD/bb:$PATH; ls -l f',
    );
    expect(r.stdout).toBe(
      '-rw-r--r--    1 root     root             0 Sep  9  2001 f\nls 1\ncat 1\n-rw-r--r--    1 root     root             0 Sep  9  2001 f\n',
    );
    expect(r.stderr).toBe("ls: /nope: No such file or directory\ncat: can't open '/nope': No such file or directory\n");
  });

  it('runs a login shell named -sh, and keeps alpine\'s OS name in uname', async () => {
    // login: exec ./sh with argv[0] "-sh", as login and terminals start a login shell.
    const login: TestProgram = (sys) => sys.execve('./sh', ['-sh', '-c', 'echo in; busybox uname -o; uname -o']);
    const r = await runSh('ln -s /bin/busybox sh && login', { programs: { login } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('in\nLinux\nGNU/Linux\n');
  });

  it('names an unknown link or applet as busybox does', async () => {
    const r = await runSh('ln -s /bin/busybox nope && ./nope; echo "link $?"; busybox nope x; echo "arg $?"');
    expect(r.stdout).toBe('link 127\narg 127\n');
    expect(r.stderr).toBe('nope: applet not found\nnope: applet not found\n');
  });

  it('prints the banner with alpine 3.20\'s version line and the wrapped applet list', async () => {
    const r = await runSh('busybox');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.');
    const list = r.stdout.slice(r.stdout.indexOf('Currently defined functions:\n') + 29);
    for (const line of list.trimEnd().split('\n')) {
      expect(line.startsWith('\t')).toBe(true);
      expect(line.length + 7).toBeLessThanOrEqual(80);
    }
    expect(list.trim().split(/,\s+/)).toContain('ls');
  });

  it('answers APPLET --help on stderr with status 0, and a bad option with the usage and status 1', async () => {
    const r = await runSh('busybox mkdir --help; echo "help $?"; busybox mkdir --nope; echo "bad $?"', {});
    expect(r.stdout).toBe('help 0\nbad 1\n');
    expect(r.stderr).toMatch(/^BusyBox v1\.36\.1 .*\n\nUsage: mkdir \[-m MODE\] \[-p\] DIRECTORY\.\.\.\n/);
    expect(r.stderr).toContain("mkdir: unrecognized option '--nope'\nBusyBox v1.36.1");
  });
});

describe('busybox dialect', () => {
  it('does not leak into GNU tools run beside or after an applet', async () => {
    const r = await runSh('busybox ls /nope; ls /nope; busybox cat /nope; cat /nope; ls --foo 2>&1 | head -n 2', {});
    expect(r.stderr).toBe(
      "ls: /nope: No such file or directory\nls: cannot access '/nope': No such file or directory\n" +
        "cat: can't open '/nope': No such file or directory\ncat: /nope: No such file or directory\n",
    );
    expect(r.stdout).toBe("ls: unrecognized option '--foo'\nTry 'ls --help' for more information.\n");
  });

  it('does not reach the programs an applet runs (xargs, find -exec, env)', async () => {
    const r = await runSh('echo /nope | busybox xargs ls; busybox env ls /nope; busybox find /tmp/sh-case -maxdepth 0 -exec ls /nope \\;');
    expect(r.stderr).toBe(
      "ls: cannot access '/nope': No such file or directory\n".repeat(3),
    );
  });

  it('keeps GNU --help and --version for GNU tools', async () => {
    const r = await runSh('ls --version | head -n 1; busybox ls --version 2>&1 | head -n 1');
    expect(r.stdout).toBe("ls (GNU coreutils) 9.1\nls: unrecognized option '--version'\n");
  });
});

describe('busybox applets that read /proc', () => {
  it('ps lists processes as PID USER TIME COMMAND', async () => {
    const r = await runOnMachine('busybox ps');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('PID   USER     TIME  COMMAND');
    // /proc/PID/cmdline is the exec'd command line, applet name and all.
    expect(lines.some((l) => /^ +\d+ root +\d+:\d\d busybox ps$/.test(l))).toBe(true);
    expect(lines[1]).toMatch(/^ {4}1 root {6}0:00 /);
  });

  it('ps -o takes columns and COL=HEADER, and names a bad column', async () => {
    const r = await runOnMachine('busybox ps -o pid,comm,user=WHO; busybox ps -o nope; echo "st $?"');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('PID   COMMAND          WHO');
    expect(lines).toContain('st 1');
    expect(r.stderr).toMatch(/^ps: bad -o argument 'nope', supported arguments: user,group,comm,args,pid,/);
  });

  it('free prints busybox\'s columns from /proc/meminfo', async () => {
    const r = await runOnMachine('busybox free; busybox free -x; echo "st $?"');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('              total        used        free      shared  buff/cache   available');
    expect(lines[1]).toMatch(/^Mem: {3}( +\d+){6}$/);
    expect(lines[1]!.length).toBe(7 + 12 * 6);
    expect(lines[2]).toMatch(/^Swap: {2}( +\d+){3}$/);
    expect(lines[3]).toBe('st 1');
    expect(r.stderr).toMatch(/^free: invalid option -- 'x'\nBusyBox v1\.36\.1/);
  });

  it('df lists mounts with blocks in busybox\'s widths and finds the mount of a file', async () => {
    const r = await runOnMachine('busybox df; busybox df /nope; echo "st $?"; busybox df -h /');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Filesystem           1K-blocks      Used Available Use% Mounted on');
    expect(lines.some((l) => / \/$/.test(l))).toBe(true);
    expect(r.stdout).not.toMatch(/ \/proc$/m);
    expect(r.stderr).toBe("df: /nope: can't find mount point\n");
    expect(lines).toContain('st 1');
    expect(lines.at(-2)).toBe('Filesystem                Size      Used Available Use% Mounted on');
  });
});

describe('busybox top', () => {
  it('-b -n 1 prints the summary lines and every process in busybox\'s columns', async () => {
    const r = await runOnMachine('busybox top -b -n 1');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Mem: \d+K used, \d+K free, \d+K shrd, \d+K buff, \d+K cached$/);
    expect(lines[1]).toMatch(/^CPU: {1,3}\d+% usr {1,3}\d+% sys {1,3}\d+% nic {1,3}\d+% idle {1,3}\d+% io {1,3}\d+% irq {1,3}\d+% sirq$/);
    expect(lines[2]).toMatch(/^Load average: \d+\.\d\d \d+\.\d\d \d+\.\d\d \d+\/\d+ \d+$/);
    expect(lines[3]).toBe('  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND');
    expect(lines).toContain(lines.find((l) => /^ {4}1 {5}0 root {5}S {4} +\d+ +\d+% +0 +\d+% init$/.test(l)));
    expect(lines.some((l) => l.endsWith(' busybox top -b -n 1'))).toBe(true);
  });

  it('rejects an unknown option with busybox\'s usage', async () => {
    const r = await runOnMachine('busybox top -x; echo "st $?"');
    expect(r.stdout).toBe('st 1\n');
    expect(r.stderr).toMatch(/^top: invalid option -- 'x'\nBusyBox v1\.36\.1 .*\n\nUsage: top \[-bH\] \[-n COUNT\] \[-d SECONDS\]\n/);
  });
});

describe('busybox applet list', () => {
  it('wraps names as the real busybox does (Debian 1.35.0\'s list and output, recorded)', () => {
    const names = `
      [ [[ acpid adjtimex ar arch arp arping ascii ash awk base64 basename bc blkdiscard blkid
      blockdev brctl bunzip2 bzcat bzip2 cal cat chgrp chmod chown chroot chvt clear cmp cp cpio crc32
      cttyhack cut date dc dd deallocvt depmod devmem df diff dirname dmesg dnsdomainname dos2unix du
      dumpkmap dumpleases echo egrep env expand expr factor fallocate false fatattr fdisk fgrep find
      findfs fold free freeramdisk fsfreeze fstrim ftpget ftpput getopt getty grep groups gunzip gzip
      halt head hexdump hostid hostname httpd hwclock i2cdetect i2cdump i2cget i2cset i2ctransfer id
      ifconfig ifdown ifup init insmod ionice ip ipcalc ipneigh kill killall klogd last less link
      linux32 linux64 linuxrc ln loadfont loadkmap logger login logname logread losetup ls lsmod
      lsscsi lzcat lzma lzop md5sum mdev microcom mim mkdir mkdosfs mke2fs mkfifo mknod mkpasswd
      mkswap mktemp modinfo modprobe more mount mt mv nameif nc netstat nl nologin nproc nsenter
      nslookup nuke od openvt partprobe paste patch pidof ping ping6 pivot_root poweroff printf ps pwd
      rdate readlink realpath reboot renice reset resume rev rm rmdir rmmod route rpm rpm2cpio
      run-init run-parts sed seq setkeycodes setpriv setsid sh sha1sum sha256sum sha3sum sha512sum
      shred shuf sleep sort ssl_client start-stop-daemon stat strings stty svc svok swapoff swapon
      switch_root sync sysctl syslogd tac tail tar taskset tee telnet test tftp time timeout top touch
      tr traceroute traceroute6 true truncate ts tty ubirename udhcpc udhcpd uevent umount uname
      uncompress unexpand uniq unix2dos unlink unlzma unshare unxz unzip uptime usleep uudecode
      uuencode vconfig vi w watch watchdog wc wget which who whoami xargs xxd xz xzcat yes zcat
    `.trim().split(/\s+/);
    const real = [
      "\t[, [[, acpid, adjtimex, ar, arch, arp, arping, ascii, ash, awk, base64,",
      "\tbasename, bc, blkdiscard, blkid, blockdev, brctl, bunzip2, bzcat,",
      "\tbzip2, cal, cat, chgrp, chmod, chown, chroot, chvt, clear, cmp, cp,",
      "\tcpio, crc32, cttyhack, cut, date, dc, dd, deallocvt, depmod, devmem,",
      "\tdf, diff, dirname, dmesg, dnsdomainname, dos2unix, du, dumpkmap,",
      "\tdumpleases, echo, egrep, env, expand, expr, factor, fallocate, false,",
      "\tfatattr, fdisk, fgrep, find, findfs, fold, free, freeramdisk, fsfreeze,",
      "\tfstrim, ftpget, ftpput, getopt, getty, grep, groups, gunzip, gzip,",
      "\thalt, head, hexdump, hostid, hostname, httpd, hwclock, i2cdetect,",
      "\ti2cdump, i2cget, i2cset, i2ctransfer, id, ifconfig, ifdown, ifup, init,",
      "\tinsmod, ionice, ip, ipcalc, ipneigh, kill, killall, klogd, last, less,",
      "\tlink, linux32, linux64, linuxrc, ln, loadfont, loadkmap, logger, login,",
      "\tlogname, logread, losetup, ls, lsmod, lsscsi, lzcat, lzma, lzop,",
      "\tmd5sum, mdev, microcom, mim, mkdir, mkdosfs, mke2fs, mkfifo, mknod,",
      "\tmkpasswd, mkswap, mktemp, modinfo, modprobe, more, mount, mt, mv,",
      "\tnameif, nc, netstat, nl, nologin, nproc, nsenter, nslookup, nuke, od,",
      "\topenvt, partprobe, paste, patch, pidof, ping, ping6, pivot_root,",
      "\tpoweroff, printf, ps, pwd, rdate, readlink, realpath, reboot, renice,",
      "\treset, resume, rev, rm, rmdir, rmmod, route, rpm, rpm2cpio, run-init,",
      "\trun-parts, sed, seq, setkeycodes, setpriv, setsid, sh, sha1sum,",
      "\tsha256sum, sha3sum, sha512sum, shred, shuf, sleep, sort, ssl_client,",
      "\tstart-stop-daemon, stat, strings, stty, svc, svok, swapoff, swapon,",
      "\tswitch_root, sync, sysctl, syslogd, tac, tail, tar, taskset, tee,",
      "\ttelnet, test, tftp, time, timeout, top, touch, tr, traceroute,",
      "\ttraceroute6, true, truncate, ts, tty, ubirename, udhcpc, udhcpd,",
      "\tuevent, umount, uname, uncompress, unexpand, uniq, unix2dos, unlink,",
      "\tunlzma, unshare, unxz, unzip, uptime, usleep, uudecode, uuencode,",
      "\tvconfig, vi, w, watch, watchdog, wc, wget, which, who, whoami, xargs,",
      "\txxd, xz, xzcat, yes, zcat",
    ].join('\n');
    expect(functionList(names, 80)).toBe(real);
  });
});
