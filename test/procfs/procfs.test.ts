// procfs seen by programs: /proc/self per caller, a procfs of a new PID namespace against the
// host's, namespace links, fd links, mountinfo following mounts, per-UTS hostname, id maps,
// snapshots, memory and CPU figures, uptime and load average from the kernel clock.

import { describe, expect, it } from 'vitest';
import { O_PATH, O_NOFOLLOW, O_RDONLY, O_WRONLY, O_CREAT } from '../../src/abi/open-flags.ts';
import { SIG } from '../../src/abi/signals.ts';
import { namespaceOfLink } from '../../src/kernel/fs/procfs/ns-dir.ts';
import { CLONE_NEWNS, CLONE_NEWPID, CLONE_NEWUSER, CLONE_NEWUTS } from '../../src/kernel/syscalls/sys-proc.ts';
import type { Sys } from '../../src/sys/sys.ts';
import { bootWithProc, errnoOf, listDir, readText, until, writeText } from './helpers.ts';

const pids = (names: string[]): number[] => names.filter((n) => /^\d+$/.test(n)).map(Number);

async function sleepForever(sys: Sys): Promise<number> {
  await sys.sleep(1_000_000);
  return 0;
}

describe('/proc/self', () => {
  it('is the caller: two processes each read their own number and status', async () => {
    const { runInit } = await bootWithProc();
    const seen: Array<[number, string, string]> = [];
    await runInit(async (sys) => {
      await sys.mount('proc', '/proc', 'proc');
      const look = async (s: Sys): Promise<void> => {
        const status = await readText(s, '/proc/self/status');
        seen.push([await s.getpid(), await s.readlink('/proc/self'), /^Pid:\t(\d+)$/m.exec(status)![1]!]);
      };
      await look(sys);
      const child = await sys.fork(async (c) => {
        await look(c);
        return 0;
      });
      await sys.wait4(child);
      return 0;
    });
    expect(seen).toEqual([[1, '1', '1'], [2, '2', '2']]);
  });

  it('thread-self names the task directory, which exists', async () => {
    const { runInit } = await bootWithProc();
    let out: string[] = [];
    await runInit(async (sys) => {
      await sys.mount('proc', '/proc', 'proc');
      out = [await sys.readlink('/proc/thread-self'), (await readText(sys, '/proc/thread-self/status')).split('\n')[0]!];
      return 0;
    });
    expect(out).toEqual(['1/task/1', 'Name:\tinit']);
  });
});

describe('PID namespaces', () => {
  it('a procfs mounted in a new PID namespace shows only its processes, from 1; the host sees all', async () => {
    const { runInit } = await bootWithProc();
    let inside: number[] = [];
    let insideSelf = '';
    let insidePpid = '';
    let host: number[] = [];
    let hostNspid = '';
    await runInit(async (sys) => {
      await sys.mount('proc', '/proc', 'proc');
      let ready!: () => void;
      const isReady = new Promise<void>((r) => (ready = r));
      let done!: () => void;
      const finished = new Promise<void>((r) => (done = r));
      const nsInit = await sys.clone(CLONE_NEWPID | CLONE_NEWNS, async (init) => {
        await init.mount('proc', '/proc', 'proc');
        const worker = await init.fork(sleepForever);
        inside = pids(await listDir(init, '/proc'));
        insideSelf = await init.readlink('/proc/self');
        insidePpid = /^PPid:\t(\d+)$/m.exec(await readText(init, '/proc/1/status'))![1]!;
        ready();
        await finished;
        await init.kill(worker, SIG.SIGKILL);
        await init.wait4(worker);
        return 0;
      });
      await isReady;
      host = pids(await listDir(sys, '/proc'));
      hostNspid = /^NSpid:\t(.*)$/m.exec(await readText(sys, `/proc/${nsInit}/status`))![1]!;
      done();
      await sys.wait4(nsInit);
      return 0;
    });
    expect(inside).toEqual([1, 2]);
    expect(insideSelf).toBe('1');
    // Its parent lives outside the namespace.
    expect(insidePpid).toBe('0');
    expect(host).toEqual([1, 2, 3]);
    expect(hostNspid).toBe('2\t1');
  });

  it('the host reads a namespace\'s numbers from its own view: NSpid lists both', async () => {
    const { runInit } = await bootWithProc();
    let lines: string[] = [];
    await runInit(async (sys) => {
      await sys.mount('proc', '/proc', 'proc');
      const nsInit = await sys.clone(CLONE_NEWPID, async (init) => {
        await init.fork(sleepForever);
        return sleepForever(init);
      });
      await until(sys, async () => pids(await listDir(sys, '/proc')).length === 3, 'the namespace child');
      const status = await readText(sys, `/proc/${nsInit + 1}/status`);
      lines = status.split('\n').filter((l) => /^(Pid|PPid|NSpid|NSpgid|NSsid):/.test(l));
      await sys.kill(nsInit, SIG.SIGKILL);
      await sys.wait4(nsInit);
      return 0;
    });
    expect(lines).toEqual(['Pid:\t3', 'PPid:\t2', 'NSpid:\t3\t2', 'NSpgid:\t1\t0', 'NSsid:\t1\t0']);
  });

  it('a reaped process is gone from /proc', async () => {
    const { runInit } = await bootWithProc();
    const results: string[] = [];
    await runInit(async (sys) => {
      await sys.mount('proc', '/proc', 'proc');
      const child = await sys.fork(async () => 0);
      await until(sys, async () => (await readText(sys, `/proc/${child}/stat`)).includes(') Z '), 'zombie');
      results.push(/^State:\t(.*)$/m.exec(await readText(sys, `/proc/${child}/status`))![1]!);
      await sys.wait4(child);
      results.push(await errnoOf(sys.stat(`/proc/${child}`)));
      return 0;
    });
    expect(results).toEqual(['Z (zombie)', 'ENOENT']);
  });
});

describe('namespace links', () => {
  it('are equal for processes sharing a namespace and differ after unshare(CLONE_NEWUTS)', async () => {
    const { runInit } = await bootWithProc();
    const links: Record<string, string> = {};
    await runInit(async (sys) => {
      await sys.mount('proc', '/proc', 'proc');
      links.parent = await sys.readlink('/proc/self/ns/uts');
      const sibling = await sys.fork(async (c) => {
        links.sibling = await c.readlink('/proc/self/ns/uts');
        links.siblingIpc = await c.readlink('/proc/self/ns/ipc');
        await c.unshare(CLONE_NEWUTS);
        links.unshared = await c.readlink('/proc/self/ns/uts');
        links.unsharedIpc = await c.readlink('/proc/self/ns/ipc');
        return 0;
      });
      await sys.wait4(sibling);
      return 0;
    });
    expect(links.sibling).toBe(links.parent);
    expect(links.parent).toBe('uts:[4026531838]');
    expect(links.unshared).toMatch(/^uts:\[\d+\]$/);
    expect(links.unshared).not.toBe(links.parent);
    expect(links.unsharedIpc).toBe(links.siblingIpc);
  });

  it('pid_for_children moves with unshare(CLONE_NEWPID), pid does not', async () => {
    const { runInit } = await bootWithProc();
    let pid = '';
    let forChildren = '';
    await runInit(async (sys) => {
      await sys.mount('proc', '/proc', 'proc');
      await sys.unshare(CLONE_NEWPID);
      pid = await sys.readlink('/proc/self/ns/pid');
      forChildren = await sys.readlink('/proc/self/ns/pid_for_children');
      return 0;
    });
    expect(pid).toBe('pid:[4026531836]');
    expect(forChildren).toMatch(/^pid:\[\d+\]$/);
    expect(forChildren).not.toBe(pid);
  });

  it('give setns the namespace object behind a link opened with O_PATH|O_NOFOLLOW', async () => {
    const { runInit, kernel, vfs } = await bootWithProc();
    let same = false;
    await runInit(async (sys) => {
      await sys.mount('proc', '/proc', 'proc');
      const init = kernel.tasks.get(1)!;
      const ref = await vfs.lookup(init.fs, '/proc/self/ns/uts', false);
      same = namespaceOfLink(ref.node)?.ns === init.ns.uts;
      const fd = await sys.open('/proc/self/ns/uts', O_PATH | O_NOFOLLOW);
      await sys.close(fd);
      return 0;
    });
    expect(same).toBe(true);
  });
});

describe('fd links', () => {
  it('name files by path, pipes as pipe:[INO], with the access mode in the link bits', async () => {
    const { runInit } = await bootWithProc();
    const out: Record<string, string> = {};
    await runInit(async (sys) => {
      await sys.mount('proc', '/proc', 'proc');
      const file = await sys.open('/tmp/notes.txt', O_CREAT | O_WRONLY, 0o644);
      const [r, w] = await sys.pipe();
      const ino = (await sys.fstat(r)).ino;
      out.file = await sys.readlink(`/proc/self/fd/${file}`);
      out.read = await sys.readlink(`/proc/self/fd/${r}`);
      out.write = await sys.readlink(`/proc/self/fd/${w}`);
      out.ino = `pipe:[${ino}]`;
      out.fileMode = ((await sys.lstat(`/proc/self/fd/${file}`)).mode & 0o777).toString(8);
      out.readMode = ((await sys.lstat(`/proc/self/fd/${r}`)).mode & 0o777).toString(8);
      out.listing = (await listDir(sys, '/proc/self/fd')).join(' ');
      await sys.close(w);
      out.afterClose = await errnoOf(sys.readlink(`/proc/self/fd/${w}`));
      return 0;
    });
    expect(out.file).toBe('/tmp/notes.txt');
    expect(out.read).toBe(out.ino);
    expect(out.write).toBe(out.ino);
    expect(out.fileMode).toBe('300');
    expect(out.readMode).toBe('500');
    // 0 the file, 1 and 2 the pipe, 3 the directory being listed.
    expect(out.listing).toBe('0 1 2 3');
    expect(out.afterClose).toBe('ENOENT');
  });

  it('another user\'s descriptors, environment and cwd are out of reach', async () => {
    const { runInit } = await bootWithProc();
    const out: string[] = [];
    await runInit(async (sys) => {
      await sys.mount('proc', '/proc', 'proc');
      const child = await sys.fork(async (c) => {
        await c.setresuid(1000, 1000, 1000);
        out.push(await errnoOf(listDir(c, '/proc/1/fd')), await errnoOf(readText(c, '/proc/1/environ')), await errnoOf(c.readlink('/proc/1/cwd')));
        out.push(await errnoOf(readText(c, '/proc/1/status')), await errnoOf(c.readlink('/proc/self/cwd')));
        return 0;
      });
      await sys.wait4(child);
      return 0;
    });
    expect(out).toEqual(['EACCES', 'EACCES', 'EACCES', 'ok', 'ok']);
  });
});

describe('mountinfo', () => {
  it('gains a line when a tmpfs is mounted and loses it on umount', async () => {
    const { runInit } = await bootWithProc();
    const texts: string[] = [];
    await runInit(async (sys) => {
      await sys.mount('proc', '/proc', 'proc', 'nosuid,nodev,noexec');
      await sys.mkdir('/mnt');
      await sys.mkdir('/mnt/with space');
      await sys.mount('tmpfs', '/mnt/with space', 'tmpfs');
      texts.push(await readText(sys, '/proc/self/mountinfo'), await readText(sys, '/proc/mounts'));
      await sys.umount('/mnt/with space');
      texts.push(await readText(sys, '/proc/self/mountinfo'));
      return 0;
    });
    const [info, mounts, after] = texts as [string, string, string];
    const lines = info.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const [root, proc, tmp] = lines.map((l) => l.split(' '));
    expect(root!.slice(3, 5)).toEqual(['/', '/']);
    expect(proc!.slice(1, 2)).toEqual([root![0]]);
    expect(proc!.slice(3)).toEqual(['/', '/proc', 'rw,nosuid,nodev,noexec,relatime', '-', 'proc', 'proc', 'rw']);
    expect(tmp![2]).toMatch(/^0:\d+$/);
    expect(tmp!.slice(3)).toEqual(['/', '/mnt/with\\040space', 'rw,relatime', '-', 'tmpfs', 'tmpfs', 'rw']);
    expect(mounts.trimEnd().split('\n')[2]).toBe('tmpfs /mnt/with\\040space tmpfs rw,relatime 0 0');
    expect(after.trimEnd().split('\n')).toEqual(lines.slice(0, 2));
  });

  it('shows a bind mount\'s source directory as its root', async () => {
    const { runInit } = await bootWithProc();
    let line = '';
    await runInit(async (sys) => {
      await sys.mount('proc', '/proc', 'proc');
      await sys.mkdir('/data');
      await sys.mkdir('/data/inner');
      await sys.mkdir('/view');
      await sys.bindMount('/data/inner', '/view');
      line = (await readText(sys, '/proc/self/mountinfo')).trimEnd().split('\n').pop()!;
      return 0;
    });
    expect(line.split(' ').slice(3, 5)).toEqual(['/data/inner', '/view']);
  });

  it('is per mount namespace', async () => {
    const { runInit } = await bootWithProc();
    const counts: number[] = [];
    await runInit(async (sys) => {
      await sys.mount('proc', '/proc', 'proc');
      await sys.mkdir('/private');
      const child = await sys.clone(CLONE_NEWNS, async (c) => {
        await c.mount('tmpfs', '/private', 'tmpfs');
        counts.push((await readText(c, '/proc/self/mountinfo')).trimEnd().split('\n').length);
        return 0;
      });
      await sys.wait4(child);
      counts.push((await readText(sys, '/proc/self/mountinfo')).trimEnd().split('\n').length);
      return 0;
    });
    expect(counts).toEqual([3, 2]);
  });
});

describe('/proc/sys/kernel/hostname', () => {
  it('belongs to the reader\'s UTS namespace; root writes it, others get EACCES', async () => {
    const { runInit } = await bootWithProc();
    const out: string[] = [];
    await runInit(async (sys) => {
      await sys.mount('proc', '/proc', 'proc');
      const child = await sys.clone(CLONE_NEWUTS, async (c) => {
        await writeText(c, '/proc/sys/kernel/hostname', 'c0ffee123456\n', O_WRONLY);
        out.push(await readText(c, '/proc/sys/kernel/hostname'), (await c.uname()).nodename);
        await c.setresuid(1000, 1000, 1000);
        out.push(await errnoOf(writeText(c, '/proc/sys/kernel/hostname', 'x', O_WRONLY)));
        return 0;
      });
      await sys.wait4(child);
      out.push(await readText(sys, '/proc/sys/kernel/hostname'));
      await sys.sethostname('renamed');
      out.push(await readText(sys, '/proc/sys/kernel/hostname'));
      return 0;
    });
    expect(out).toEqual(['c0ffee123456\n', 'c0ffee123456', 'EACCES', 'cowbox\n', 'renamed\n']);
  });

  it('a read-only proc mount refuses the write with EROFS', async () => {
    const { runInit } = await bootWithProc();
    let result = '';
    await runInit(async (sys) => {
      await sys.mount('proc', '/proc', 'proc', 'ro');
      result = await errnoOf(writeText(sys, '/proc/sys/kernel/hostname', 'x', O_WRONLY));
      return 0;
    });
    expect(result).toBe('EROFS');
  });
});

describe('/proc/sys/kernel/random', () => {
  it('boot_id stays one UUID for the life of the kernel; uuid is new at every read', async () => {
    const { runInit } = await bootWithProc();
    const out: string[] = [];
    await runInit(async (sys) => {
      await sys.mount('proc', '/proc', 'proc');
      for (const f of ['boot_id', 'boot_id', 'uuid', 'uuid']) out.push(await readText(sys, `/proc/sys/kernel/random/${f}`));
      return 0;
    });
    for (const id of out) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\n$/);
    expect(out[0]).toBe(out[1]);
    expect(out[2]).not.toBe(out[3]);
    const other = await bootWithProc();
    let second = '';
    await other.runInit(async (sys) => {
      await sys.mount('proc', '/proc', 'proc');
      second = await readText(sys, '/proc/sys/kernel/random/boot_id');
      return 0;
    });
    expect(second).not.toBe(out[0]);
  });
});

describe('user namespace maps', () => {
  it('map root to the creator once; a second write, another id, or gid_map before "deny" are EPERM', async () => {
    const { runInit } = await bootWithProc();
    const out: string[] = [];
    await runInit(async (sys) => {
      await sys.mount('proc', '/proc', 'proc');
      const child = await sys.clone(CLONE_NEWUSER, async (c) => {
        out.push(await errnoOf(writeText(c, '/proc/self/uid_map', '0 5 1')));
        out.push(await errnoOf(writeText(c, '/proc/self/uid_map', '0 0')));
        out.push(await errnoOf(writeText(c, '/proc/self/uid_map', '0 0 1\n')));
        out.push(await errnoOf(writeText(c, '/proc/self/uid_map', '0 0 1\n')));
        out.push(await errnoOf(writeText(c, '/proc/self/gid_map', '0 0 1\n')));
        out.push(await errnoOf(writeText(c, '/proc/self/setgroups', 'deny')));
        out.push(await errnoOf(writeText(c, '/proc/self/gid_map', '0 0 1\n')));
        out.push(await errnoOf(writeText(c, '/proc/self/setgroups', 'allow')));
        out.push(await readText(c, '/proc/self/uid_map'));
        return 0;
      });
      await sys.wait4(child);
      return 0;
    });
    expect(out).toEqual(['EPERM', 'EINVAL', 'ok', 'EPERM', 'EPERM', 'ok', 'ok', 'EPERM', '         0          0          1\n']);
  });
});

describe('snapshots', () => {
  it('a read continues the text generated at the first read', async () => {
    const { runInit } = await bootWithProc();
    let text = '';
    let fresh = '';
    await runInit(async (sys) => {
      await sys.mount('proc', '/proc', 'proc');
      const fd = await sys.open('/proc/self/status', O_RDONLY);
      const head = await sys.read(fd, 8);
      await sys.umask(0o077);
      text = new TextDecoder().decode(head) + (await sys.readText(fd));
      await sys.close(fd);
      fresh = await readText(sys, '/proc/self/status');
      return 0;
    });
    expect(text).toMatch(/^Umask:\t0022$/m);
    expect(fresh).toMatch(/^Umask:\t0077$/m);
  });
});

describe('figures from the kernel', () => {
  it('memory grows with what the program holds, page by page; the high-water mark stays', async () => {
    const { runInit, kernel } = await bootWithProc();
    const rss: string[] = [];
    await runInit(async (sys) => {
      await sys.mount('proc', '/proc', 'proc');
      const me = kernel.tasks.get(1)!;
      const field = async (k: string): Promise<string> => new RegExp(`^${k}:\\t(.*)$`, 'm').exec(await readText(sys, '/proc/self/status'))![1]!;
      rss.push(await field('VmRSS'));
      me.memoryBytes = 10 * 1024 * 1024 + 1;
      rss.push(await field('VmRSS'), (await readText(sys, '/proc/self/statm')).split(' ')[1]!);
      me.memoryBytes = 0;
      rss.push(await field('VmRSS'), await field('VmHWM'));
      return 0;
    });
    expect(rss).toEqual(['    1436 kB', '   11680 kB', '2920', '    1436 kB', '   11680 kB']);
  });

  it('CPU times in clock ticks; start time, uptime and load average from the kernel clock', async () => {
    const { runInit, kernel, clock } = await bootWithProc();
    const out: string[] = [];
    await runInit(async (sys) => {
      await sys.mount('proc', '/proc', 'proc');
      clock.advance(12_340_000_000n);
      const child = await sys.fork(sleepForever);
      const task = kernel.tasks.get(child)!;
      await until(sys, async () => task.state === 'S', 'sleep');
      task.utimeNs = 1_500_000_000n;
      task.stimeNs = 250_000_000n;
      const stat = (await readText(sys, `/proc/${child}/stat`)).split(') ')[1]!.split(' ');
      out.push(`${stat[11]} ${stat[12]} ${stat[19]}`);
      out.push(await readText(sys, '/proc/uptime'));
      out.push((await readText(sys, '/proc/loadavg')).split(' ').slice(0, 4).join(' '));
      // An hour with one runnable task (the reader) and one asleep.
      clock.advance(3_600_000_000_000n);
      out.push((await readText(sys, '/proc/loadavg')).split(' ').slice(0, 4).join(' '));
      await sys.kill(child, SIG.SIGKILL);
      await sys.wait4(child);
      return 0;
    });
    // utime 150 ticks, stime 25, started 12.34 s after boot.
    expect(out[0]).toBe('150 25 1234');
    expect(out[1]).toMatch(/^12\.34 \d+\.\d\d\n$/);
    // Two 5-second periods had passed: 0.08 then 0.15 of a task in the 1-minute average.
    expect(out[2]).toBe('0.15 0.03 0.01 1/2');
    // Rounding up while the load rises (as calc_load does) lets a constant load reach itself exactly.
    expect(out[3]).toBe('1.00 1.00 1.00 1/2');
  });

  it('cgroup: the path from the reader\'s cgroup namespace root', async () => {
    const { runInit, kernel } = await bootWithProc();
    const lines: string[] = [];
    await runInit(async (sys) => {
      await sys.mount('proc', '/proc', 'proc');
      const tree = kernel.cgroups;
      const app = tree.mkdir(tree.root, 'app');
      const web = tree.mkdir(app, 'web');
      const other = tree.mkdir(tree.root, 'other');
      const me = kernel.tasks.get(1)!;
      tree.migrate(me.pid, web);
      me.cgroup = web;
      lines.push(await readText(sys, '/proc/self/cgroup'));
      me.ns = { ...me.ns, cgroup: { ino: 1, root: app } };
      lines.push(await readText(sys, '/proc/self/cgroup'));
      me.ns = { ...me.ns, cgroup: { ino: 1, root: other } };
      lines.push(await readText(sys, '/proc/self/cgroup'));
      return 0;
    });
    expect(lines).toEqual(['0::/app/web\n', '0::/web\n', '0::/../app/web\n']);
  });
});

describe('mount options', () => {
  it('hidepid=invisible hides other users\' processes; subset=pid hides the machine files', async () => {
    const { runInit } = await bootWithProc();
    const out: string[][] = [];
    await runInit(async (sys) => {
      await sys.mkdir('/p1');
      await sys.mkdir('/p2');
      await sys.mount('proc', '/p1', 'proc', 'hidepid=invisible');
      await sys.mount('proc', '/p2', 'proc', 'subset=pid');
      const child = await sys.fork(async (c) => {
        await c.setresuid(1000, 1000, 1000);
        out.push(pids(await listDir(c, '/p1')).map(String), [await errnoOf(c.stat('/p1/1'))]);
        return 0;
      });
      await sys.wait4(child);
      out.push(await listDir(sys, '/p2'));
      out.push((await readText(sys, '/p1/self/mountinfo')).trimEnd().split('\n').slice(1).map((l) => l.split(' - ')[1]!));
      out.push([await errnoOf(sys.mount('proc', '/p1', 'proc', 'bogus=1'))]);
      return 0;
    });
    expect(out[0]).toEqual(['2']);
    expect(out[1]).toEqual(['ENOENT']);
    expect(out[2]).toEqual(['self', 'thread-self', '1']);
    expect(out[3]).toEqual(['proc proc rw,hidepid=invisible', 'proc proc rw,subset=pid']);
    expect(out[4]).toEqual(['EINVAL']);
  });
});
