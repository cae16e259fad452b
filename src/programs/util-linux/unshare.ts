// unshare (util-linux 2.38): leave some of the caller's namespaces with unshare(2), then run a
// command (or $SHELL) in the new ones. -p only moves future children into a new PID namespace,
// so -f forks first and the command becomes its PID 1; --mount-proc mounts a /proc that shows
// that namespace; -r maps the caller to root in a new user namespace through /proc/self/uid_map.

import { type ErrnoName, isSysError, strerror } from '../../abi/errno.ts';
import {
  CLONE_NEWCGROUP, CLONE_NEWIPC, CLONE_NEWNET, CLONE_NEWNS, CLONE_NEWPID, CLONE_NEWUSER, CLONE_NEWUTS,
} from '../../abi/clone-flags.ts';
import { O_WRONLY } from '../../abi/open-flags.ts';
import { SIG, WEXITSTATUS, WIFEXITED, WIFSIGNALED, WTERMSIG } from '../../abi/signals.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { groupByName, userByName } from '../lib/passwd.ts';
import { runTool, type Tool } from '../lib/tool.ts';
import { execShell, execvp } from './exec.ts';

export const meta: ProgramMeta = {
  name: 'unshare', package: 'util-linux', version: '2.38.1', style: 'util-linux',
  usage: ['[options] [<program> [<argument>...]]'],
  summary: 'Run a program in new namespaces of its own (the caller keeps its old ones).',
  stopAtOperand: true,
  options: [
    // util-linux's short spellings of --help and --version (listed with them in --help).
    { short: 'h', key: '--help', help: '' },
    { short: 'V', key: '--version', help: '' },
    { short: 'm', long: 'mount', help: 'a new mount namespace' },
    { short: 'u', long: 'uts', help: 'a new UTS namespace (hostname and domain name)' },
    { short: 'i', long: 'ipc', help: 'a new System V IPC namespace' },
    { short: 'n', long: 'net', help: 'a new network namespace' },
    { short: 'p', long: 'pid', help: 'a new PID namespace (for the children: use with -f)' },
    { short: 'U', long: 'user', help: 'a new user namespace' },
    { short: 'C', long: 'cgroup', help: 'a new cgroup namespace' },
    { short: 'f', long: 'fork', help: 'run the program as a child (PID 1 of a new PID namespace)' },
    { long: 'map-user', arg: 'required', argName: 'uid|name', help: 'map the current user to this uid (implies --user)' },
    { long: 'map-group', arg: 'required', argName: 'gid|name', help: 'map the current group to this gid (implies --user)' },
    { short: 'r', long: 'map-root-user', help: 'map the current user and group to root (implies --user)' },
    { short: 'c', long: 'map-current-user', help: 'map the current user and group to themselves (implies --user)' },
    { long: 'mount-proc', arg: 'optional', argName: 'dir', help: 'mount a proc filesystem (on /proc, or dir) first (implies --mount)' },
    { long: 'propagation', arg: 'required', argName: 'private|unchanged', help: 'the propagation of mounts in the new mount namespace' },
    { long: 'setgroups', arg: 'required', argName: 'allow|deny', help: 'whether setgroups(2) is allowed in the new user namespace' },
    { short: 'R', long: 'root', arg: 'required', argName: 'dir', help: 'run the program with dir as its root directory' },
    { short: 'w', long: 'wd', arg: 'required', argName: 'dir', help: 'run the program in the directory dir' },
    { short: 'S', long: 'setuid', arg: 'required', argName: 'uid', help: 'switch to this uid in the new namespaces' },
    { short: 'G', long: 'setgid', arg: 'required', argName: 'gid', help: 'switch to this gid in the new namespaces' },
  ],
};

class Exit extends Error {
  constructor(readonly status: number) {
    super('exit');
  }
}

/** err(3)/errx(3): "unshare: MESSAGE[: strerror]" and exit. */
async function die(sys: Sys, message: string, cause?: unknown, status = 1): Promise<never> {
  let code: ErrnoName | undefined;
  if (typeof cause === 'string') code = cause as ErrnoName;
  else if (cause !== undefined) {
    if (!isSysError(cause)) throw cause;
    code = cause.code;
  }
  await sys.writeAll(2, `unshare: ${message}${code ? `: ${strerror(code)}` : ''}\n`);
  throw new Exit(status);
}

/** strtoul_or_err: a number, or util-linux's "failed to parse ..." and exit 1. */
async function number(sys: Sys, s: string, what: string): Promise<number> {
  if (!/^\s*\+?\d+$/.test(s)) await die(sys, `${what}: '${s}'`);
  return Number(s.trim());
}

async function writeFile(sys: Sys, file: string, text: string): Promise<void> {
  let fd: number;
  try {
    fd = await sys.open(file, O_WRONLY);
  } catch (e) {
    return die(sys, `cannot open ${file}`, e);
  }
  try {
    await sys.writeAll(fd, text);
  } catch (e) {
    await die(sys, `write failed ${file}`, e);
  } finally {
    await sys.close(fd);
  }
}

/** With -f: wait for the child and end as it ended (by the same signal, if it was killed). */
async function waitChild(sys: Sys, pid: number): Promise<never> {
  let status: number;
  try {
    [, status] = await sys.wait4(pid);
  } catch (e) {
    return die(sys, 'waitpid failed', e);
  }
  if (WIFEXITED(status)) throw new Exit(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) {
    const sig = WTERMSIG(status);
    // SIGKILL and SIGSTOP cannot be caught: sigaction refuses them, which changes nothing here.
    await sys.sigaction(sig, 'default').catch(() => 'default');
    await sys.sigprocmask('unblock', [sig]);
    await sys.kill(await sys.getpid(), sig);
  }
  return die(sys, 'child exit failed');
}

interface Setup {
  mapUser: number;
  mapGroup: number;
  euid: number;
  egid: number;
  setgroups: 'allow' | 'deny' | null;
  procDir: string | null;
  forceUid: number | null;
  forceGid: number | null;
  root: string | undefined;
  wd: string | undefined;
  operands: string[];
}

async function run(tool: Tool): Promise<number> {
  const { sys, args: a } = tool;
  let flags = 0;
  const s: Setup = {
    mapUser: -1, mapGroup: -1, euid: await sys.geteuid(), egid: await sys.getegid(), setgroups: null, procDir: null,
    forceUid: null, forceGid: null, root: a.value('root'), wd: a.value('wd'), operands: a.operands,
  };
  for (const o of a.options) {
    switch (o.key) {
      case 'mount': flags |= CLONE_NEWNS; break;
      case 'uts': flags |= CLONE_NEWUTS; break;
      case 'ipc': flags |= CLONE_NEWIPC; break;
      case 'net': flags |= CLONE_NEWNET; break;
      case 'pid': flags |= CLONE_NEWPID; break;
      case 'user': flags |= CLONE_NEWUSER; break;
      case 'cgroup': flags |= CLONE_NEWCGROUP; break;
      case 'mount-proc':
        flags |= CLONE_NEWNS;
        s.procDir = o.value ?? '/proc';
        break;
      case 'map-user': {
        flags |= CLONE_NEWUSER;
        const pw = await userByName(sys, o.value!);
        s.mapUser = pw ? pw.uid : await number(sys, o.value!, 'failed to parse uid');
        break;
      }
      case 'map-group': {
        flags |= CLONE_NEWUSER;
        const gr = await groupByName(sys, o.value!);
        s.mapGroup = gr ? gr.gid : await number(sys, o.value!, 'failed to parse gid');
        break;
      }
      case 'map-root-user':
        flags |= CLONE_NEWUSER;
        s.mapUser = 0;
        s.mapGroup = 0;
        break;
      case 'map-current-user':
        flags |= CLONE_NEWUSER;
        s.mapUser = s.euid;
        s.mapGroup = s.egid;
        break;
      case 'setgroups':
        if (o.value !== 'allow' && o.value !== 'deny') await die(sys, `unsupported --setgroups argument '${o.value}'`);
        s.setgroups = o.value as 'allow' | 'deny';
        break;
      case 'propagation':
        // Mounts in this kernel are always private: there is nothing else to ask for.
        if (o.value !== 'private' && o.value !== 'unchanged') await die(sys, `unsupported propagation mode: ${o.value}`);
        break;
      case 'setuid': s.forceUid = await number(sys, o.value!, 'failed to parse uid'); break;
      case 'setgid': s.forceGid = await number(sys, o.value!, 'failed to parse gid'); break;
      default: break;
    }
  }
  try {
    await sys.unshare(flags);
  } catch (e) {
    await die(sys, 'unshare failed', e);
  }
  if (!a.has('fork')) return inNamespaces(sys, s);
  await sys.sigprocmask('block', [SIG.SIGINT, SIG.SIGTERM]);
  let pid: number;
  try {
    // The child goes on into the program; the parent only waits for it.
    pid = await sys.fork(async (child) => {
      await child.sigprocmask('unblock', [SIG.SIGINT, SIG.SIGTERM]);
      return inNamespaces(child, s);
    });
  } catch (e) {
    return die(sys, 'fork failed', e);
  }
  return waitChild(sys, pid);
}

/** What happens in the new namespaces, in the process that will exec the program. */
async function inNamespaces(sys: Sys, s: Setup): Promise<number> {
  try {
    if (s.mapUser !== -1) await writeFile(sys, '/proc/self/uid_map', `${s.mapUser} ${s.euid} 1`);
    if (s.mapGroup !== -1) {
      if (s.setgroups === 'allow') await die(sys, 'options --setgroups=allow and --map-group are mutually exclusive');
      await writeFile(sys, '/proc/self/setgroups', 'deny');
      await writeFile(sys, '/proc/self/gid_map', `${s.mapGroup} ${s.egid} 1`);
    }
    if (s.setgroups) await writeFile(sys, '/proc/self/setgroups', s.setgroups);
    let wd = s.wd;
    if (s.root !== undefined) {
      await sys.chroot(s.root).catch((e) => die(sys, `cannot change root directory to '${s.root}'`, e));
      wd ??= '/';
    }
    if (wd !== undefined) await sys.chdir(wd).catch((e) => die(sys, `cannot chdir to '${wd}'`, e));
    if (s.procDir !== null) {
      await sys.mount('proc', s.procDir, 'proc', 'nosuid,noexec,nodev').catch((e) => die(sys, `mount ${s.procDir} failed`, e));
    }
    if (s.forceGid !== null) {
      await sys.setgroups([]).catch((e) => die(sys, 'setgroups failed', e));
      await sys.setresgid(s.forceGid, s.forceGid, s.forceGid).catch((e) => die(sys, 'setgid failed', e));
    }
    if (s.forceUid !== null) await sys.setresuid(s.forceUid, s.forceUid, s.forceUid).catch((e) => die(sys, 'setuid failed', e));
    if (s.operands.length > 0) {
      const code = await execvp(sys, s.operands[0]!, s.operands);
      return await die(sys, `failed to execute ${s.operands[0]}`, code, code === 'ENOENT' ? 127 : 126);
    }
    const r = await execShell(sys);
    return await die(sys, `failed to execute ${r.shell}`, r.error, r.error === 'ENOENT' ? 127 : 126);
  } catch (e) {
    if (e instanceof Exit) return e.status;
    throw e;
  }
}

export default function unshare(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    try {
      return await run(tool);
    } catch (e) {
      if (e instanceof Exit) return e.status;
      throw e;
    }
  });
}
