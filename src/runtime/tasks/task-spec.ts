// What starting a container's process needs: its id, its root filesystem (the RW layer's
// overlay), the Config and HostConfig parts of its record, and the descriptors its stdio comes
// from. runTask (run-task.ts) and the builder's RUN both take one.

import type { ContainerConfig, HostConfig } from '../containers/container-record.ts';
import type { RWLayer } from '../layers/layer-store.ts';
import type { TaskMount } from '../volumes/mounts.ts';

export interface TaskSpec {
  /** The container id (64 hex): names the cgroup; its first 12 are the default hostname. */
  id: string;
  rootfs: RWLayer;
  config: ContainerConfig;
  hostConfig: HostConfig;
  /** The child's stdio is a terminal (stdio[0] is the slave; it becomes the controlling tty). */
  tty: boolean;
  /** Descriptors of the caller that become the process's 0, 1, 2 (default: the caller's own). */
  stdio?: [number, number, number];
  /** The container's directory, whose hostname/hosts/resolv.conf are bound over /etc's; none for a build step. */
  containerDir?: string;
  /** The container's volumes and binds, resolved (volumes/mounts.ts); else HostConfig.Binds as given (a build step). */
  mounts?: TaskMount[];
}

/** Docker's PATH when the image sets none. */
export const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** A start that failed inside the new process (exec, user, workdir), with docker run's status. */
export class TaskStartError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = 'TaskStartError';
  }
}

/** Replace or append `KEY=value` entries, as moby's ReplaceOrAppendEnvValues. */
export function mergeEnv(base: string[], over: string[]): string[] {
  const out = [...base];
  for (const e of over) {
    const key = e.includes('=') ? e.slice(0, e.indexOf('=')) : e;
    const i = out.findIndex((o) => (o.includes('=') ? o.slice(0, o.indexOf('=')) : o) === key);
    if (!e.includes('=')) continue;
    if (i >= 0) out[i] = e;
    else out.push(e);
  }
  return out;
}

/** The environment the process starts with: PATH, HOSTNAME, TERM (tty), the config's, then HOME. */
export function processEnv(config: ContainerConfig, hostname: string, tty: boolean, home: string): string[] {
  const base = [DEFAULT_PATH, `HOSTNAME=${hostname}`];
  if (tty) base.push('TERM=xterm');
  const env = mergeEnv(base, config.Env ?? []);
  if (!env.some((e) => e.startsWith('HOME='))) env.push(`HOME=${home}`);
  return env;
}
