// nsenter (util-linux 2.38): run a program in the namespaces of another process (-t PID with
// -m -u -i -n -p -U -C, or -a for all of them), by setns(2) on its /proc/PID/ns/* links. Entering
// a PID namespace only places future children there, so nsenter then forks (unless -F) and the
// program runs as that child; the parent waits and ends as it ended.

import { type ErrnoName, isSysError, strerror } from '../../abi/errno.ts';
import {
  CLONE_NEWCGROUP, CLONE_NEWIPC, CLONE_NEWNET, CLONE_NEWNS, CLONE_NEWPID, CLONE_NEWTIME, CLONE_NEWUSER, CLONE_NEWUTS,
} from '../../abi/clone-flags.ts';
import { O_CLOEXEC, O_NOFOLLOW, O_PATH } from '../../abi/open-flags.ts';
import { SIG, WEXITSTATUS, WIFEXITED, WIFSIGNALED, WIFSTOPPED, WTERMSIG } from '../../abi/signals.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import type { Parsed } from '../lib/options.ts';
import { runTool } from '../lib/tool.ts';
import { execShell, execvp } from './exec.ts';

export const meta: ProgramMeta = {
  name: 'nsenter', package: 'util-linux', version: '2.38.1', style: 'util-linux',
  usage: ['[options] [<program> [<argument>...]]'],
  summary: "Run a program in the namespaces of another process.",
  stopAtOperand: true,
  options: [
    // util-linux's short spellings of --help and --version (listed with them in --help).
    { short: 'h', key: '--help', help: '' },
    { short: 'V', key: '--version', help: '' },
    { short: 'a', long: 'all', help: 'enter every namespace of the target' },
    { short: 't', long: 'target', arg: 'required', argName: 'pid', help: 'the process whose namespaces to enter' },
    { short: 'm', long: 'mount', arg: 'optional', argName: 'file', help: 'enter the mount namespace' },
    { short: 'u', long: 'uts', arg: 'optional', argName: 'file', help: 'enter the UTS namespace (hostname)' },
    { short: 'i', long: 'ipc', arg: 'optional', argName: 'file', help: 'enter the System V IPC namespace' },
    { short: 'n', long: 'net', arg: 'optional', argName: 'file', help: 'enter the network namespace' },
    { short: 'p', long: 'pid', arg: 'optional', argName: 'file', help: 'enter the PID namespace (the program runs as a child)' },
    { short: 'C', long: 'cgroup', arg: 'optional', argName: 'file', help: 'enter the cgroup namespace' },
    { short: 'U', long: 'user', arg: 'optional', argName: 'file', help: 'enter the user namespace' },
    { short: 'T', long: 'time', arg: 'optional', argName: 'file', help: 'enter the time namespace' },
    { short: 'S', long: 'setuid', arg: 'required', argName: 'uid', help: 'the uid to run as in the entered namespaces' },
    { short: 'G', long: 'setgid', arg: 'required', argName: 'gid', help: 'the gid to run as in the entered namespaces' },
    { long: 'preserve-credentials', help: 'keep uids and gids as they are' },
    { short: 'r', long: 'root', arg: 'optional', argName: 'dir', help: "use the target's root directory (or dir)" },
    { short: 'w', long: 'wd', arg: 'optional', argName: 'dir', help: "use the target's working directory (or dir)" },
    { short: 'F', long: 'no-fork', help: 'do not fork before running the program' },
  ],
};

/** nsenter's order: the user namespace first, so the second pass can enter it last. */
const NAMESPACES: Array<{ key: string; flag: number; name: string }> = [
  { key: 'user', flag: CLONE_NEWUSER, name: 'ns/user' },
  { key: 'cgroup', flag: CLONE_NEWCGROUP, name: 'ns/cgroup' },
  { key: 'ipc', flag: CLONE_NEWIPC, name: 'ns/ipc' },
  { key: 'uts', flag: CLONE_NEWUTS, name: 'ns/uts' },
  { key: 'net', flag: CLONE_NEWNET, name: 'ns/net' },
  { key: 'pid', flag: CLONE_NEWPID, name: 'ns/pid' },
  { key: 'mount', flag: CLONE_NEWNS, name: 'ns/mnt' },
  { key: 'time', flag: CLONE_NEWTIME, name: 'ns/time' },
];

class Exit extends Error {
  constructor(readonly status: number) {
    super('exit');
  }
}

async function die(sys: Sys, message: string, cause?: unknown, status = 1): Promise<never> {
  let code: ErrnoName | undefined;
  if (typeof cause === 'string') code = cause as ErrnoName;
  else if (cause !== undefined) {
    if (!isSysError(cause)) throw cause;
    code = cause.code;
  }
  await sys.writeAll(2, `nsenter: ${message}${code ? `: ${strerror(code)}` : ''}\n`);
  throw new Exit(status);
}

/** The namespace a link stands for (`uts:[4026531838]`), to tell whether it is ours already. */
async function linkText(sys: Sys, path: string): Promise<string | null> {
  try {
    return await sys.readlink(path);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return null;
  }
}

/** A namespace file: this kernel's /proc/PID/ns links are opened where they stand (O_PATH). */
async function openNs(sys: Sys, path: string): Promise<number> {
  try {
    return await sys.open(path, O_PATH | O_NOFOLLOW | O_CLOEXEC);
  } catch (e) {
    return die(sys, `cannot open ${path}`, e);
  }
}

async function pathOf(sys: Sys, path: string): Promise<string> {
  try {
    return await sys.readlink(path);
  } catch (e) {
    return die(sys, `cannot open ${path}`, e);
  }
}

async function number(sys: Sys, s: string, what: string): Promise<number> {
  if (!/^\s*\+?\d+$/.test(s)) await die(sys, `${what}: '${s}'`);
  return Number(s.trim());
}

async function enter(sys: Sys, a: Parsed): Promise<number> {
  const target = a.has('target') ? await number(sys, a.value('target')!, 'failed to parse pid') : 0;
  const fds = new Map<string, number>();
  const wanted = new Set<string>();
  let rootDir: string | null = null;
  let wdDir: string | null = null;
  let doRoot = false;
  let doWd = false;
  for (const o of a.options) {
    const ns = NAMESPACES.find((n) => n.key === o.key);
    if (ns) {
      if (o.value !== undefined) {
        const old = fds.get(ns.key);
        if (old !== undefined) await sys.close(old);
        fds.set(ns.key, await openNs(sys, o.value));
      } else wanted.add(ns.key);
    } else if (o.key === 'root') {
      if (o.value !== undefined) rootDir = o.value;
      else doRoot = true;
    } else if (o.key === 'wd') {
      if (o.value !== undefined) wdDir = o.value;
      else doWd = true;
    }
  }
  const path = (name: string): Promise<string> =>
    target ? Promise.resolve(`/proc/${target}/${name}`) : die(sys, `neither filename nor target pid supplied for ${name}`);
  if (a.has('all')) {
    if (!target) await die(sys, 'no target PID specified for --all');
    for (const ns of NAMESPACES) {
      if (fds.has(ns.key)) continue;
      const mine = await linkText(sys, `/proc/${await sys.getpid()}/${ns.name}`);
      if (mine === null) continue;
      // setns(2) refuses to re-enter one's own user namespace.
      if (ns.key === 'user' && (await linkText(sys, await path(ns.name))) === mine) continue;
      wanted.add(ns.key);
    }
  }
  for (const ns of NAMESPACES) if (wanted.has(ns.key) && !fds.has(ns.key)) fds.set(ns.key, await openNs(sys, await path(ns.name)));
  // The target's root and working directory, as paths inside its namespaces.
  if (doRoot) rootDir = await pathOf(sys, await path('root'));
  if (doWd) wdDir = await pathOf(sys, await path('cwd'));

  const preserve = a.has('preserve-credentials');
  let uid = a.has('setuid') ? await number(sys, a.value('setuid')!, 'failed to parse uid') : null;
  let gid = a.has('setgid') ? await number(sys, a.value('setgid')!, 'failed to parse gid') : null;
  let groupsFailed = false;
  if (fds.has('user') && !preserve) {
    uid ??= 0;
    gid ??= 0;
    groupsFailed = await sys.setgroups([]).then(() => false, () => true);
  }
  // Two passes: a namespace that needs the user namespace's rights fails the first time.
  let fork = a.has('no-fork') ? false : null;
  for (const pass of [0, 1]) {
    for (const ns of NAMESPACES.slice(1 - pass)) {
      const fd = fds.get(ns.key);
      if (fd === undefined) continue;
      if (ns.key === 'pid' && fork === null) fork = true;
      try {
        await sys.setns(fd, ns.flag);
      } catch (e) {
        if (pass === 0 && isSysError(e)) continue;
        await die(sys, `reassociate to namespace '${ns.name}' failed`, e);
      }
      await sys.close(fd);
      fds.delete(ns.key);
    }
  }
  if (rootDir !== null) {
    await sys.chroot(rootDir).catch((e) => die(sys, 'chroot failed', e));
    await sys.chdir('/').catch((e) => die(sys, 'cannot change directory to /', e));
    if (wdDir !== null && doWd && rootDir !== '/' && wdDir.startsWith(`${rootDir}/`)) wdDir = wdDir.slice(rootDir.length);
  }
  if (wdDir !== null) await sys.chdir(wdDir).catch((e) => die(sys, 'change directory by working directory file descriptor failed', e));
  const rest = (p: Sys): Promise<number> => run(p, a.operands, uid, gid, groupsFailed);
  if (!fork) return rest(sys);
  return continueAsChild(sys, rest);
}

/** The end: credentials for the entered namespaces, then the program (or the shell). */
async function run(sys: Sys, operands: string[], uid: number | null, gid: number | null, groupsFailed: boolean): Promise<number> {
  try {
    if (gid !== null) {
      if ((await sys.setgroups([]).then(() => false, () => true)) && groupsFailed) await die(sys, 'setgroups failed');
      await sys.setresgid(gid, gid, gid).catch((e) => die(sys, 'setgid failed', e));
    }
    if (uid !== null) await sys.setresuid(uid, uid, uid).catch((e) => die(sys, 'setuid failed', e));
    if (operands.length > 0) {
      const code = await execvp(sys, operands[0]!, operands);
      return await die(sys, `failed to execute ${operands[0]}`, code, code === 'ENOENT' ? 127 : 126);
    }
    const r = await execShell(sys);
    return await die(sys, `failed to execute ${r.shell}`, r.error, r.error === 'ENOENT' ? 127 : 126);
  } catch (e) {
    if (e instanceof Exit) return e.status;
    throw e;
  }
}

/** Fork: the child goes on with `rest`; the parent waits (following it into stops) and ends as it ends. */
async function continueAsChild(sys: Sys, rest: (child: Sys) => Promise<number>): Promise<never> {
  await sys.sigaction(SIG.SIGCHLD, 'default');
  let pid: number;
  try {
    pid = await sys.fork(rest);
  } catch (e) {
    return die(sys, 'fork failed', e);
  }
  for (;;) {
    const [, status] = await sys.wait4(pid, 2);
    if (WIFSTOPPED(status)) {
      await sys.kill(await sys.getpid(), SIG.SIGSTOP);
      await sys.kill(pid, SIG.SIGCONT);
      continue;
    }
    if (WIFEXITED(status)) throw new Exit(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) await sys.kill(await sys.getpid(), WTERMSIG(status));
    throw new Exit(1);
  }
}

export default function nsenter(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    try {
      return await enter(sys, tool.args);
    } catch (e) {
      if (e instanceof Exit) return e.status;
      throw e;
    }
  });
}
