// The simulator's /proc against facts.json, recorded on Linux 6.18 by record.py: modes, owners,
// link counts and sizes as `ls -l` shows them; which names exist and in which order getdents
// returns them; link targets (fd, ns, cwd/root/exe, self); the errno of every refused call;
// what a zombie and a reaped process still show; a procfs read by a process it cannot see.
// Values equal exactly, except where differences.md lists a kept difference.

import { beforeAll, describe, expect, it } from 'vitest';
import { keptDifferences } from './kept-differences.ts';
import { facts } from './shape.ts';
import { type Simulated, simulate } from './simulate.ts';

let sim: Simulated;
beforeAll(async () => {
  sim = await simulate();
}, 30_000);

const real = facts();
const kept = keptDifferences();

describe('modes, owners, link counts and sizes (a process running as nobody)', () => {
  it('every entry the simulator shows exists on Linux, with the same stat', () => {
    const ours = sim.facts.modes_of_nobody_process as Record<string, Record<string, unknown>>;
    const theirs = real.modes_of_nobody_process as Record<string, Record<string, unknown>>;
    const differ: string[] = [];
    for (const [path, st] of Object.entries(ours)) {
      expect(theirs, `Linux has ${path}`).toHaveProperty([path]);
      for (const [field, value] of Object.entries(st)) {
        const skip = kept.stats.get(path)?.has(field) ?? false;
        const same = value === theirs[path]![field];
        if (skip && same) differ.push(`${path} ${field} is listed in differences.md but no longer differs`);
        if (!skip && !same) differ.push(`${path} ${field}: real ${theirs[path]![field]}, ours ${value}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('what nobody may read of its own process and of root', () => {
    expect(sim.facts.nobody_access).toEqual(real.nobody_access);
  });
});

describe('names and getdents order', () => {
  for (const dir of ['/proc', '/proc/PID', '/proc/PID/ns', '/proc/sys/kernel']) {
    it(`${dir}: only names Linux has, in Linux's order`, () => {
      const theirs = real.getdents_order[dir] as string[];
      const ours = sim.facts.getdents_order[dir] as string[];
      for (const n of ours) expect(theirs, `${dir}/${n}`).toContain(n);
      expect(ours).toEqual(theirs.filter((n) => ours.includes(n)));
    });
  }

  it('/proc/PID/ns has all ten links', () => {
    expect(sim.facts.getdents_order['/proc/PID/ns']).toEqual(real.getdents_order['/proc/PID/ns']);
  });

  it('/proc inside a new PID namespace lists its processes as 1 and 2', () => {
    const ours = sim.facts.pidns.proc_root_listing as string[];
    expect(ours.filter((n) => /^\d+$/.test(n))).toEqual(['1', '2']);
    for (const n of ours) expect(real.pidns.proc_root_listing).toContain(n);
    for (const n of sim.facts.pidns.pid_dir_listing) expect(real.pidns.pid_dir_listing).toContain(n);
  });
});

describe('links', () => {
  it('self and thread-self inside the namespace', () => {
    expect(sim.facts.pidns.self_link).toBe(real.pidns.self_link);
    expect(sim.facts.pidns.thread_self_link).toBe(real.pidns.thread_self_link);
  });

  it('cwd, root and exe of the sleep', () => {
    expect(sim.facts.pidns.links.cwd).toBe(real.pidns.links.cwd);
    expect(sim.facts.pidns.links.root).toBe(real.pidns.links.root);
    expect(sim.facts.pidns.links.exe).toMatch(/^\/(?:usr\/)?bin\/sleep$/);
    expect(real.pidns.links.exe).toMatch(/^\/(?:usr\/)?bin\/sleep$/);
  });

  it('fd links of the sleep: /dev/null, a pipe, /dev/null', () => {
    expect(sim.facts.pidns.fd_links).toEqual(real.pidns.fd_links);
  });

  it('fd links of files, a directory, pipe ends and a deleted file: targets, modes, sizes', () => {
    const { fd_dir_count: _a, fdinfo_pipe: _b, fd_dir: ourDir, ...ours } = sim.facts.fds;
    const { fd_dir_count: _c, fdinfo_pipe: _d, fd_dir: realDir, ...theirs } = real.fds;
    expect(ours).toEqual(theirs);
    expect({ ...ourDir, size: 0 }).toEqual({ ...realDir, size: 0 });
    // The fd directory's size is its number of descriptors.
    expect(ourDir.size).toBe(sim.facts.fds.fd_dir_count - 1);
  });

  it('fdinfo of a close-on-exec pipe', () => {
    const shape = /^pos:\t\d+\nflags:\t02000000\nmnt_id:\t\d+\nino:\t\d+\n$/;
    expect(real.fds.fdinfo_pipe).toMatch(shape);
    expect(sim.facts.fds.fdinfo_pipe).toMatch(shape);
  });

  it('ns links: names, TYPE:[INO] targets, modes; the initial namespaces have the fixed numbers', () => {
    expect(sim.facts.ns_self).toEqual(real.ns_self);
    expect(sim.facts.ns_dir).toEqual(real.ns_dir);
  });

  it('a new PID and mount namespace change exactly the pid, pid_for_children and mnt links', () => {
    const changed = (links: Record<string, string>): string[] =>
      Object.keys(links).filter((n) => links[n] !== real.ns_self[n].target).sort();
    expect(changed(sim.facts.pidns.ns_links)).toEqual(changed(real.pidns.ns_links));
  });

  it('unshare(CLONE_NEWUTS) changes exactly the uts link', () => {
    const changed = (links: Record<string, string>): string[] =>
      Object.keys(links).filter((n) => links[n] !== real.ns_self[n].target).sort();
    expect(changed(sim.facts.ns_after_unshare_uts)).toEqual(changed(real.ns_after_unshare_uts));
    expect(changed(sim.facts.ns_after_unshare_uts)).toEqual(['uts']);
  });
});

describe('processes that are gone', () => {
  it('a zombie: empty cmdline, environ ESRCH, links ENOENT, no fds, still listed', () => {
    const { after_reap: _a, ...ours } = sim.facts.pidns.zombie;
    const { after_reap: _b, ...theirs } = real.pidns.zombie;
    expect(ours).toEqual(theirs);
  });

  it('reaped: the directory is gone; a descriptor held across the exit reads ESRCH', () => {
    const theirs = { ...real.pidns.zombie.after_reap };
    // record.py also opened a file relative to a held directory descriptor; Sys has no openat(dirfd).
    delete theirs.openat_held_dir_status;
    expect(sim.facts.pidns.zombie.after_reap).toEqual(theirs);
  });

  it('a procfs of a PID namespace read by a process outside it: self is listed but reads ENOENT', () => {
    expect(sim.facts.foreign_procfs).toEqual({
      readlink_self: real.foreign_procfs.readlink_self,
      readlink_thread_self: real.foreign_procfs.readlink_thread_self,
      stat_self: real.foreign_procfs.stat_self,
      lstat_self: real.foreign_procfs.lstat_self,
    });
  });
});

describe('refused and accepted calls', () => {
  it('the errno of every call record.py tried', () => {
    const keys = Object.keys(sim.facts.errors).filter((k) => !k.startsWith('comm_write') && !k.startsWith('oom_'));
    const pick = (o: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, o[k]]));
    expect(pick(sim.facts.errors)).toEqual(pick(real.errors));
  });

  it('comm: a process renames itself (15 bytes kept); another process may not (EINVAL)', () => {
    const norm = (s: string): string => s.replace(/^(.*\n.*\n)\S+ \(/, '$1PID (');
    expect(norm(sim.facts.errors.comm_write)).toBe(norm(real.errors.comm_write));
    expect(sim.facts.errors.comm_write_other_as_root).toBe(real.errors.comm_write_other_as_root);
    expect(sim.facts.errors.comm_write_other_as_owner).toBe(real.errors.comm_write_other_as_owner);
  });

  it('oom_score_adj: range, bad input, the floor for unprivileged writers, oom_adj and oom_score', () => {
    expect(sim.facts.errors.oom_score_adj_nobody).toEqual(real.errors.oom_score_adj_nobody);
    const { loginuid: _l, sessionid: _s, ...fresh } = real.errors.oom_files_fresh;
    expect(sim.facts.errors.oom_files_fresh).toEqual(fresh);
  });

  it('/proc/sys/kernel: ostype, domainname as on Linux; release and pid_max as numbers', () => {
    const ours = sim.facts.sys_kernel;
    expect(ours.ostype).toBe(real.sys_kernel.ostype);
    expect(ours.domainname).toBe(real.sys_kernel.domainname);
    for (const k of ['osrelease', 'hostname']) {
      expect(real.sys_kernel[k]).toMatch(/^\S+\n$/);
      expect(ours[k]).toMatch(/^\S+\n$/);
    }
    expect(real.sys_kernel.pid_max).toMatch(/^\d+\n$/);
    expect(ours.pid_max).toMatch(/^\d+\n$/);
  });
});
