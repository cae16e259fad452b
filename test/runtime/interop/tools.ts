// What the interop tests share: whether the real OCI tools are on this machine
// (scripts/ensure-oci-tools.sh installs them), a way to run one, and docker as a program.

import { execFileSync } from 'node:child_process';
import { loadEntry } from '../../../src/programs/registry.ts';
import type { Sys } from '../../../src/sys/sys.ts';

export const docker = async (sys: Sys) => (await loadEntry('docker'))!(sys);

const have = (cmd: string): boolean => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** True when skopeo, umoci, oci-image-tool and tar are all here. */
export const TOOLS = ['skopeo', 'umoci', 'oci-image-tool', 'tar'].every(have);

/** Run a real tool; its stdout (a failure throws with its stderr). */
export const sh = (cmd: string, args: string[], cwd?: string): string =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
