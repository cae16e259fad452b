// A machine for the task tests: the procps test machine (/proc, /dev, cgroup2) plus `task-run`,
// a test program that lays out a container root by hand (a lower dir holding a few programs as
// program files and an /etc/passwd, an empty upper) and starts it with runTask, as the shim does,
// then waits and prints `exit N`. Flags: -m BYTES, -p PIDS, -u USER, -w DIR, -n (network none).

import { programFile } from '../../../src/abi/program.ts';
import { O_CREAT, O_WRONLY } from '../../../src/abi/open-flags.ts';
import { WEXITSTATUS, WIFEXITED, WTERMSIG } from '../../../src/abi/signals.ts';
import { defaultHostConfig, type ContainerConfig } from '../../../src/runtime/containers/index.ts';
import { runTask, TaskStartError } from '../../../src/runtime/tasks/index.ts';
import type { Sys } from '../../../src/sys/sys.ts';
import { type MachineResult, runOnMachine } from '../../programs/procps-machine.ts';

export const CONTAINER_ID = 'c0ffee1234567890abcdef0123456789abcdef0123456789abcdef0123456789';
export const BOX_PROGRAMS = ['sh', 'cat', 'echo', 'ps', 'mount', 'hostname', 'id', 'pwd', 'ls', 'sleep', 'env', 'true', 'false', 'kill'];

async function write(sys: Sys, path: string, text: string, mode = 0o644): Promise<void> {
  const fd = await sys.open(path, O_WRONLY | O_CREAT, mode);
  await sys.writeAll(fd, text);
  await sys.close(fd);
  await sys.chmod(path, mode);
}

/** The container root by hand: /box/{lower,upper,work,merged} and /box/ctr for hostname etc. */
export async function layOut(sys: Sys): Promise<void> {
  try {
    await sys.stat('/box');
    return;
  } catch {
    // first run: lay it out
  }
  for (const d of ['/box', '/box/lower', '/box/lower/bin', '/box/lower/etc', '/box/lower/root', '/box/lower/tmp', '/box/upper', '/box/work', '/box/merged', '/box/ctr']) await sys.mkdir(d, 0o755);
  for (const p of BOX_PROGRAMS) await write(sys, `/box/lower/bin/${p}`, programFile(p), 0o755);
  await write(sys, '/box/lower/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\nguest:x:405:100:guest:/home/guest:/bin/sh\n');
  await write(sys, '/box/lower/etc/group', 'root:x:0:root\nusers:x:100:guest\nwheel:x:10:root,guest\n');
  await write(sys, '/box/ctr/hostname', `${CONTAINER_ID.slice(0, 12)}\n`);
  await write(sys, '/box/ctr/hosts', '127.0.0.1\tlocalhost\n');
  await write(sys, '/box/ctr/resolv.conf', 'nameserver 8.8.8.8\n');
}

async function taskRun(sys: Sys): Promise<number> {
  const args = sys.argv.slice(1);
  const opt = (flag: string): string | undefined => {
    const i = args.indexOf(flag);
    if (i < 0) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const memory = Number(opt('-m') ?? 0);
  const pids = opt('-p');
  const user = opt('-u') ?? '';
  const workdir = opt('-w') ?? '';
  const none = args[0] === '-n' ? (args.shift(), true) : false;
  await layOut(sys);
  const config: ContainerConfig = {
    Hostname: CONTAINER_ID.slice(0, 12), Domainname: '', User: user, AttachStdin: false, AttachStdout: true, AttachStderr: true,
    Tty: false, OpenStdin: false, StdinOnce: false, Env: ['PATH=/bin', 'GREETING=hi'], Cmd: args, Image: 'box',
    Volumes: null, WorkingDir: workdir, Entrypoint: null, OnBuild: null, Labels: {},
  };
  const hostConfig = defaultHostConfig({ Memory: memory, PidsLimit: pids ? Number(pids) : null, NetworkMode: none ? 'none' : 'bridge' });
  let pid: number;
  try {
    pid = await runTask(sys, {
      id: CONTAINER_ID,
      rootfs: { containerId: CONTAINER_ID, mountId: 'm', initId: 'm-init', lowerDirs: ['/box/lower'], lowerLinks: [], upperDir: '/box/upper', workDir: '/box/work', mergedDir: '/box/merged' },
      config, hostConfig, tty: false, containerDir: '/box/ctr',
    });
  } catch (e) {
    if (e instanceof TaskStartError) {
      await sys.writeAll(2, `start failed (${e.status}): ${e.message}\n`);
      return e.status;
    }
    throw e;
  }
  await sys.writeAll(1, `host pid ${pid > 1 ? 'ok' : pid}\n`);
  const [, st] = await sys.wait4(pid);
  await sys.writeAll(1, `exit ${WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st)}\n`);
  return 0;
}

export function onTaskMachine(script: string): Promise<MachineResult> {
  return runOnMachine(script, { programs: { 'task-run': taskRun } });
}
