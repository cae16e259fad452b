// The simulator's side of record.py: the same steps, run by programs on a booted kernel, giving
// files under the recordings' names and facts in facts.json's structure, so the conformance
// tests can put the two side by side.
//
//   pidns-*            a `sleep` (PID 2) started by the init of a new PID + mount namespace that
//                      mounted its own /proc, read from inside; host-view-* the same from the host
//   unshare-*          mountinfo/mounts in a new mount namespace after mounting a tmpfs, a sized
//                      tmpfs, an overlay, a proc, a bind mount and a read-only tmpfs under /REC
//   the system files   meminfo, uptime, loadavg, stat, version, filesystems, cpuinfo, net/dev
//   facts              modes of a process running as nobody, fd and ns links, errnos, zombies

import { SIG } from '../../../src/abi/signals.ts';
import { O_CREAT, O_DIRECTORY, O_RDONLY, O_RDWR, O_WRONLY } from '../../../src/abi/open-flags.ts';
import { CLONE_NEWNET, CLONE_NEWNS, CLONE_NEWPID, CLONE_NEWUSER, CLONE_NEWUTS } from '../../../src/kernel/syscalls/sys-proc.ts';
import type { Sys } from '../../../src/sys/sys.ts';
import { bootWithProc, errnoOf, listDir, readText, until, writeText } from '../../procfs/helpers.ts';

export interface Simulated {
  files: Record<string, string>;
  facts: any;
}

const MODE_CHARS = 'rwxrwxrwx';
/** `ls -l`'s mode string, as Python's stat.filemode prints it. */
export function filemode(mode: number): string {
  const types: Record<number, string> = { 0o040000: 'd', 0o120000: 'l', 0o100000: '-', 0o010000: 'p', 0o020000: 'c' };
  let s = types[mode & 0o170000] ?? '?';
  for (let i = 0; i < 9; i++) s += mode & (1 << (8 - i)) ? MODE_CHARS[i] : '-';
  return s;
}

async function describe(sys: Sys, path: string) {
  const st = await sys.lstat(path);
  return { mode: filemode(st.mode), uid: st.uid, gid: st.gid, nlink: st.nlink, size: st.size };
}

async function outcome<T>(p: Promise<T>): Promise<T | string> {
  try {
    const v = await p;
    return v === undefined ? 'ok' : v;
  } catch (e) {
    return errnoOf(Promise.reject(e));
  }
}

const sleepProgram = async (sys: Sys): Promise<number> => {
  await sys.sleep(100_000);
  return 0;
};

export async function simulate(): Promise<Simulated> {
  const { runInit, vfs, ctx } = await bootWithProc({ sleep: sleepProgram });
  await vfs.mkdir(ctx, '/dev', 0o755);
  await vfs.writeFile(ctx, '/dev/null', '');
  const files: Record<string, string> = {};
  const facts: any = { pidns: {}, errors: {} };

  let failure: unknown = null;
  await runInit(async (sys) => {
    try {
      await steps(sys);
    } catch (e) {
      failure = e;
    }
    return 0;
  });
  if (failure) throw failure;
  return { files, facts };

  async function steps(sys: Sys): Promise<void> {
    // Standard input, output and error, as every real process has them.
    for (let fd = 0; fd < 3; fd++) await sys.open('/dev/null', fd === 0 ? O_RDONLY : O_WRONLY);
    await sys.mount('proc', '/proc', 'proc');

    // ---- a sleep in a new PID namespace with its own /proc ------------------------------------
    let ready!: () => void;
    const isReady = new Promise<void>((r) => (ready = r));
    let go!: () => void;
    const mayGo = new Promise<void>((r) => (go = r));
    const nsInit = await sys.clone(CLONE_NEWPID | CLONE_NEWNS, async (init) => {
      await init.mount('proc', '/proc', 'proc');
      const devnull = await init.open('/dev/null', O_RDWR);
      const [r, w] = await init.pipe();
      const sleeper = await init.fork(async (c) => {
        await c.dup2(devnull, 0);
        await c.dup2(w, 1);
        await c.dup2(devnull, 2);
        for (const fd of [devnull, r, w]) if (fd > 2) await c.close(fd);
        await c.chdir('/');
        return c.execve('/bin/sleep', ['sleep', '100'], ['PATH=/usr/bin:/bin', 'LANG=C']);
      });
      if (sleeper !== 2) throw new Error(`sleeper is ${sleeper}`);
      await until(init, async () => (await readText(init, '/proc/2/comm')) === 'sleep\n', 'exec');
      await until(init, async () => (await readText(init, '/proc/2/stat')).split(') ')[1]!.startsWith('S'), 'sleep');
      for (const f of ['status', 'stat', 'statm', 'cmdline', 'environ', 'comm', 'limits', 'uid_map', 'gid_map', 'setgroups', 'cgroup']) {
        files[`pidns-sleep-${f}.txt`] = await readText(init, `/proc/2/${f}`);
      }
      files['pidns-init-status.txt'] = await readText(init, '/proc/1/status');
      files['pidns-init-stat.txt'] = await readText(init, '/proc/1/stat');
      const p = facts.pidns;
      p.proc_root_listing = (await listDir(init, '/proc')).sort();
      p.pid_dir_listing = (await listDir(init, '/proc/2')).sort();
      p.self_link = await init.readlink('/proc/self');
      p.thread_self_link = await init.readlink('/proc/thread-self');
      p.links = {};
      for (const n of ['cwd', 'root', 'exe']) p.links[n] = await outcome(init.readlink(`/proc/2/${n}`));
      p.ns_links = {};
      for (const n of await listDir(init, '/proc/2/ns')) p.ns_links[n] = await init.readlink(`/proc/2/ns/${n}`);
      const pipeIno = String((await init.fstat(r)).ino);
      p.fd_links = {};
      for (const n of await listDir(init, '/proc/2/fd')) p.fd_links[n] = (await init.readlink(`/proc/2/fd/${n}`)).replace(pipeIno, '$INO');
      ready();
      await mayGo;

      const held = await init.open('/proc/2/status', O_RDONLY);
      const heldDir = await init.open('/proc/2', O_RDONLY | O_DIRECTORY);
      await init.kill(2, SIG.SIGKILL);
      await until(init, async () => (await readText(init, '/proc/2/stat')).split(') ')[1]!.startsWith('Z'), 'zombie');
      for (const f of ['status', 'stat', 'statm']) files[`pidns-zombie-${f}.txt`] = await readText(init, `/proc/2/${f}`);
      const zombie: any = {
        cmdline: await outcome(readText(init, '/proc/2/cmdline')),
        environ: await outcome(readText(init, '/proc/2/environ')),
        readlink_cwd: await outcome(init.readlink('/proc/2/cwd')),
        readlink_exe: await outcome(init.readlink('/proc/2/exe')),
        readlink_ns_uts: await outcome(init.readlink('/proc/2/ns/uts')),
        listdir_fd: await outcome(listDir(init, '/proc/2/fd')),
        in_proc_listing: (await listDir(init, '/proc')).includes('2'),
      };
      await init.wait4(2);
      zombie.after_reap = {
        stat_dir: await outcome(init.stat('/proc/2').then(() => undefined)),
        open_status: await outcome(init.open('/proc/2/status', O_RDONLY).then((fd) => init.close(fd))),
        read_held_status: await outcome(init.read(held, 4096).then((b) => new TextDecoder().decode(b))),
        listdir_held_dir: await outcome(init.getdents(heldDir).then((es) => es.map((e) => e.name))),
        in_proc_listing: (await listDir(init, '/proc')).includes('2'),
      };
      p.zombie = zombie;
      return 0;
    });
    await isReady;
    let host = 0;
    for (const name of await listDir(sys, '/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const st = await readText(sys, `/proc/${name}/status`).catch(() => '');
      if (/^Name:\tsleep$/m.test(st) && /^NSpid:\t\d+\t2$/m.test(st)) host = Number(name);
    }
    files['host-view-sleep-status.txt'] = await readText(sys, `/proc/${host}/status`);
    files['host-view-sleep-stat.txt'] = await readText(sys, `/proc/${host}/stat`);
    go();
    await sys.wait4(nsInit);

    // ---- the namespace's own /proc, read by a host process it cannot see ----------------------
    await sys.mkdir('/nsproc');
    const seer = await sys.clone(CLONE_NEWPID, async (init) => {
      await init.mount('proc', '/nsproc', 'proc');
      await init.sleep(100_000);
      return 0;
    });
    await until(sys, async () => (await listDir(sys, '/nsproc').catch(() => [] as string[])).includes('1'), 'nsproc');
    const nsproc = '/nsproc';
    facts.foreign_procfs = {};
    facts.foreign_procfs.readlink_self = await outcome(sys.readlink(`${nsproc}/self`));
    facts.foreign_procfs.readlink_thread_self = await outcome(sys.readlink(`${nsproc}/thread-self`));
    facts.foreign_procfs.stat_self = await outcome(sys.stat(`${nsproc}/self`).then(() => undefined));
    facts.foreign_procfs.lstat_self = await describe(sys, `${nsproc}/self`);
    await sys.kill(seer, SIG.SIGKILL);
    await sys.wait4(seer);
    await sys.umount(nsproc);

    // ---- fds and ns links of this process ------------------------------------------------------
    await sys.mkdir('/tmp/fdt');
    const fds: Record<string, number> = {
      file_rdonly: await sys.open('/tmp/fdt/file.txt', O_CREAT | O_RDONLY, 0o644),
      file_wronly: await sys.open('/tmp/fdt/file.txt', O_WRONLY),
      file_rdwr: await sys.open('/tmp/fdt/file.txt', O_RDWR),
      dir: await sys.open('/tmp/fdt', O_RDONLY | O_DIRECTORY),
    };
    const [pr, pw] = await sys.pipe(true);
    fds.pipe_read = pr;
    fds.pipe_write = pw;
    fds.file_deleted = await sys.open('/tmp/fdt/gone.txt', O_CREAT | O_RDWR, 0o644);
    await sys.unlink('/tmp/fdt/gone.txt');
    const pipeIno = String((await sys.fstat(pr)).ino);
    facts.fds = {};
    for (const [name, fd] of Object.entries(fds)) {
      const target = (await sys.readlink(`/proc/self/fd/${fd}`)).replace('/tmp/fdt', '$TMP').replace(pipeIno, '$INO');
      facts.fds[name] = { target, ...(await describe(sys, `/proc/self/fd/${fd}`)) };
    }
    facts.fds.fd_dir = await describe(sys, '/proc/self/fd');
    facts.fds.fd_dir_count = (await listDir(sys, '/proc/self/fd')).length;
    facts.fds.fdinfo_pipe = await readText(sys, `/proc/self/fdinfo/${pr}`);
    for (const fd of Object.values(fds)) await sys.close(fd);

    facts.ns_self = {};
    for (const n of await listDir(sys, '/proc/self/ns')) {
      facts.ns_self[n] = { target: await sys.readlink(`/proc/self/ns/${n}`), ...(await describe(sys, `/proc/self/ns/${n}`)) };
    }
    facts.ns_dir = await describe(sys, '/proc/self/ns');
    const afterUts = await sys.clone(CLONE_NEWUTS, async (c) => {
      facts.ns_after_unshare_uts = {};
      for (const n of await listDir(c, '/proc/self/ns')) facts.ns_after_unshare_uts[n] = await c.readlink(`/proc/self/ns/${n}`);
      return 0;
    });
    await sys.wait4(afterUts);

    // ---- mount table in a new mount namespace --------------------------------------------------
    const mounter = await sys.clone(CLONE_NEWNS, async (c) => {
      const B = '/REC';
      for (const d of ['', '/t', '/t2', '/ovl', '/p', '/bind', '/ro']) await c.mkdir(`${B}${d}`);
      await c.mount('tmpfs', `${B}/t`, 'tmpfs');
      for (const d of ['l1', 'l2', 'u', 'w', 'sub']) await c.mkdir(`${B}/t/${d}`);
      await writeText(c, `${B}/t/l1/a`, 'x\n', O_CREAT | O_WRONLY);
      await c.mount('tmpfs', `${B}/t2`, 'tmpfs', 'size=1m,mode=755');
      await c.mount('overlay', `${B}/ovl`, 'overlay', `lowerdir=${B}/t/l1:${B}/t/l2,upperdir=${B}/t/u,workdir=${B}/t/w`);
      await c.mount('proc', `${B}/p`, 'proc');
      await c.bindMount(`${B}/t/sub`, `${B}/bind`);
      await c.mount('tmpfs', `${B}/ro`, 'tmpfs', 'ro');
      files['unshare-mountinfo.txt'] = await readText(c, '/proc/self/mountinfo');
      files['unshare-mounts.txt'] = await readText(c, '/proc/self/mounts');
      files['unshare-mountinfo-via-p.txt'] = await readText(c, `${B}/p/self/mountinfo`);
      await c.mkdir(`${B}/t/proc`);
      await c.mount('proc', `${B}/t/proc`, 'proc');
      await c.chroot(`${B}/t`);
      await c.chdir('/');
      files['unshare-chroot-mountinfo.txt'] = await readText(c, '/proc/self/mountinfo');
      return 0;
    });
    await sys.wait4(mounter);

    // ---- user namespaces ---------------------------------------------------------------------
    const idmaps = async (c: Sys): Promise<string> => {
      let out = '';
      for (const f of ['uid_map', 'gid_map', 'setgroups']) out += `${await readText(c, `/proc/self/${f}`)}--${f}--\n`;
      const status = await readText(c, '/proc/self/status');
      return out + status.split('\n').filter((l) => /^(Uid|Gid):/.test(l)).join('\n') + '\n';
    };
    files['host-self-idmaps.txt'] = await idmaps(sys);
    const userns = async (mapRoot: boolean): Promise<string> => {
      let text = '';
      const child = await sys.clone(CLONE_NEWUSER, async (c) => {
        if (mapRoot) {
          // What `unshare --map-root-user` does after unshare(CLONE_NEWUSER).
          await writeText(c, '/proc/self/setgroups', 'deny');
          await writeText(c, '/proc/self/uid_map', '0 0 1');
          await writeText(c, '/proc/self/gid_map', '0 0 1');
        }
        text = await idmaps(c);
        return 0;
      });
      await sys.wait4(child);
      return text;
    };
    files['userns-root-idmaps.txt'] = await userns(true);
    files['userns-unmapped-idmaps.txt'] = await userns(false);

    // ---- machine-wide files --------------------------------------------------------------------
    for (const name of ['meminfo', 'uptime', 'loadavg', 'stat', 'version', 'filesystems', 'cpuinfo']) {
      files[`${name}.txt`] = await readText(sys, `/proc/${name}`);
    }
    const netns = await sys.clone(CLONE_NEWNET, async (c) => {
      files['net-dev-new-netns.txt'] = await readText(c, '/proc/net/dev');
      return 0;
    });
    await sys.wait4(netns);
    facts.sys_kernel = {};
    for (const n of ['hostname', 'ostype', 'osrelease', 'pid_max', 'domainname']) facts.sys_kernel[n] = await readText(sys, `/proc/sys/kernel/${n}`);
    facts.self_listing = (await listDir(sys, '/proc/self')).sort();
    facts.getdents_order = {
      '/proc': (await listDir(sys, '/proc')).filter((n) => !/^\d+$/.test(n)),
      '/proc/PID': await listDir(sys, '/proc/self'),
      '/proc/PID/ns': await listDir(sys, '/proc/self/ns'),
      '/proc/sys/kernel': await listDir(sys, '/proc/sys/kernel'),
    };

    // ---- modes and owners of a process running as nobody ----------------------------------------
    const nobody = await sys.fork(async (c) => {
      await c.setresgid(65534, 65534, 65534);
      await c.setresuid(65534, 65534, 65534);
      await c.sleep(100_000);
      return 0;
    });
    await until(sys, async () => (await readText(sys, `/proc/${nobody}/status`)).includes('Uid:\t65534'), 'setresuid');
    const modes: Record<string, unknown> = { '/proc': await describe(sys, '/proc'), '/proc/PID': await describe(sys, `/proc/${nobody}`) };
    for (const n of await listDir(sys, `/proc/${nobody}`)) modes[`/proc/PID/${n}`] = await describe(sys, `/proc/${nobody}/${n}`);
    for (const n of ['ns/uts', 'ns/pid_for_children', 'fd/0', 'fdinfo/0', 'net/dev']) modes[`/proc/PID/${n}`] = await describe(sys, `/proc/${nobody}/${n}`);
    for (const n of await listDir(sys, '/proc')) if (!/^\d+$/.test(n)) modes[`/proc/${n}`] = await describe(sys, `/proc/${n}`);
    for (const n of ['sys/kernel', 'sys/kernel/hostname', 'sys/kernel/ostype', 'sys/kernel/osrelease', 'sys/kernel/pid_max', 'net/dev']) {
      modes[`/proc/${n}`] = await describe(sys, `/proc/${n}`);
    }
    facts.modes_of_nobody_process = modes;
    const probe = await sys.fork(async (c) => {
      await c.setresgid(65534, 65534, 65534);
      await c.setresuid(65534, 65534, 65534);
      facts.nobody_access = {
        own_environ: await outcome(readText(c, '/proc/self/environ').then(() => undefined)),
        root_environ: await outcome(readText(c, '/proc/1/environ').then(() => undefined)),
        root_status: await outcome(readText(c, '/proc/1/status').then(() => undefined)),
        root_cwd: await outcome(c.readlink('/proc/1/cwd').then(() => undefined)),
        root_fd_list: await outcome(listDir(c, '/proc/1/fd').then(() => undefined)),
        root_ns_uts: await outcome(c.readlink('/proc/1/ns/uts').then(() => undefined)),
        own_ns_uts: await outcome(c.readlink('/proc/self/ns/uts').then(() => undefined)),
        write_hostname: await outcome(writeText(c, '/proc/sys/kernel/hostname', 'x').then(() => undefined)),
      };
      return 0;
    });
    await sys.wait4(probe);
    await sys.kill(nobody, SIG.SIGKILL);
    await sys.wait4(nobody);

    facts.errors = await errors(sys);
  }
}

/** The error cases of record.py's record_errors, replayed. */
async function errors(sys: Sys): Promise<Record<string, unknown>> {
  const pid = await sys.getpid();
  const e: Record<string, unknown> = {};
  const openClose = (path: string, flags: number, mode = 0o644) => sys.open(path, flags, mode).then((fd) => sys.close(fd));
  e.open_status_wronly = await outcome(openClose('/proc/self/status', O_WRONLY));
  e.write_status = await outcome(writeText(sys, '/proc/self/status', 'x', O_WRONLY).then(() => undefined));
  e.open_status_rdwr = await outcome(openClose('/proc/self/status', O_RDWR));
  e.write_uptime = await outcome(writeText(sys, '/proc/uptime', '1', O_WRONLY).then(() => undefined));
  e.write_meminfo = await outcome(writeText(sys, '/proc/meminfo', '1', O_WRONLY).then(() => undefined));
  e.write_ostype = await outcome(writeText(sys, '/proc/sys/kernel/ostype', 'x', O_WRONLY).then(() => undefined));
  e.write_osrelease = await outcome(writeText(sys, '/proc/sys/kernel/osrelease', 'x', O_WRONLY).then(() => undefined));
  e.create_in_proc = await outcome(openClose('/proc/newfile', O_CREAT | O_WRONLY));
  e.create_in_pid_dir = await outcome(openClose('/proc/self/newfile', O_CREAT | O_WRONLY));
  e.mkdir_in_proc = await outcome(sys.mkdir('/proc/newdir'));
  e.mkdir_in_pid_dir = await outcome(sys.mkdir('/proc/self/newdir'));
  e.unlink_uptime = await outcome(sys.unlink('/proc/uptime'));
  e.unlink_status = await outcome(sys.unlink('/proc/self/status'));
  e.rmdir_pid_dir = await outcome(sys.rmdir(`/proc/${pid}`));
  e.rename_uptime = await outcome(sys.rename('/proc/uptime', '/proc/uptime2'));
  e.symlink_in_proc = await outcome(sys.symlink('/x', '/proc/newlink'));
  e.chmod_uptime = await outcome(sys.chmod('/proc/uptime', 0o444));
  e.chmod_status = await outcome(sys.chmod('/proc/self/status', 0o444));
  e.chown_uptime = await outcome(sys.chown('/proc/uptime', 0, 0));
  e.truncate_status = await outcome(sys.truncate('/proc/self/status', 0));
  e.readlink_status = await outcome(sys.readlink('/proc/self/status'));
  e.read_pid_dir = await outcome(readText(sys, '/proc/self'));
  e.missing_pid = await outcome(sys.stat('/proc/999999').then(() => undefined));
  e.missing_name = await outcome(sys.stat('/proc/nosuch').then(() => undefined));
  e.missing_pid_file = await outcome(sys.stat('/proc/self/nosuch').then(() => undefined));
  e.leading_zero_pid = await outcome(sys.stat(`/proc/0${pid}`).then(() => undefined));
  e.status_stat = await describe(sys, '/proc/self/status');

  const hostname = await sys.clone(CLONE_NEWUTS, async (c) => {
    const w = async (s: string) => {
      try {
        const n = await writeText(c, '/proc/sys/kernel/hostname', s, O_WRONLY | 0o1000);
        return ['ok', n, await readText(c, '/proc/sys/kernel/hostname')];
      } catch (err) {
        return errnoOf(Promise.reject(err));
      }
    };
    e.hostname_errno = { short: await w('abc'), nl: await w('abc\n'), 64: await w('a'.repeat(64)), 65: await w('b'.repeat(65)), empty: await w(''), two_nl: await w('a\nb\n') };
    return 0;
  });
  await sys.wait4(hostname);

  const commChild = await sys.fork(async (c) => {
    await writeText(c, '/proc/self/comm', 'renamed-to-a-very-long-name');
    const status = await readText(c, '/proc/self/status');
    const stat = await readText(c, '/proc/self/stat');
    e.comm_write = `${await readText(c, '/proc/self/comm')}${status.split('\n')[0]}\n${stat.split(')')[0]}\n`.replace(/^(.*\n.*\n)\d+/, `$1PID`);
    return 0;
  });
  await sys.wait4(commChild);
  const victim = await sys.fork(async (c) => {
    await c.sleep(100_000);
    return 0;
  });
  e.comm_write_other_as_root = await outcome(writeText(sys, `/proc/${victim}/comm`, 'other').then(() => undefined));
  const asOwner = await sys.fork(async (c) => {
    e.comm_write_other_as_owner = await outcome(writeText(c, `/proc/${victim}/comm`, 'other').then(() => undefined));
    return 0;
  });
  await sys.wait4(asOwner);
  await sys.kill(victim, SIG.SIGKILL);
  await sys.wait4(victim);

  const oom = async (c: Sys) => {
    const w = (s: string) => outcome(writeText(c, '/proc/self/oom_score_adj', s).then(() => undefined));
    const out: Record<string, unknown> = { 1001: await w('1001'), '-1001': await w('-1001'), abc: await w('abc'), 500: await w('500\n') };
    out.after_500 = [await readText(c, '/proc/self/oom_score_adj'), await readText(c, '/proc/self/oom_adj'), await readText(c, '/proc/self/oom_score')];
    out['-5'] = await w('-5');
    out.after = await readText(c, '/proc/self/oom_score_adj');
    return out;
  };
  const nobodyOom = await sys.fork(async (c) => {
    await c.setresuid(65534, 65534, 65534);
    e.oom_score_adj_nobody = await oom(c);
    return 0;
  });
  await sys.wait4(nobodyOom);
  e.oom_files_fresh = {};
  for (const n of ['oom_score', 'oom_adj', 'oom_score_adj']) (e.oom_files_fresh as Record<string, string>)[n] = await readText(sys, `/proc/${pid}/${n}`);
  return e;
}
