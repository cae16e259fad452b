// getfattr and setfattr on the simulated kernel, for what the recordings (taken as root on a
// tmpfs) cannot show: the trusted.overlay.* attributes overlayfs keeps in its upper directory,
// and the trusted namespace as an unprivileged user sees it (not at all).

import { describe, expect, it } from 'vitest';
import { O_CREAT, O_WRONLY } from '../../src/abi/open-flags.ts';
import type { TestProgram } from '../helpers/kernel.ts';
import { runOnMachine } from './procps-machine.ts';

/** Mount an overlay with a lower directory d holding one file, on /tmp/m. */
const ovl: TestProgram = async (sys) => {
  for (const d of ['/tmp/l', '/tmp/l/d', '/tmp/u', '/tmp/w', '/tmp/m']) await sys.mkdir(d);
  await sys.close(await sys.open('/tmp/l/d/old', O_CREAT | O_WRONLY));
  await sys.mount('overlay', '/tmp/m', 'overlay', 'lowerdir=/tmp/l,upperdir=/tmp/u,workdir=/tmp/w');
  return 0;
};

/** asuser UID CMD ARGS...: run a command with every uid and gid set to UID. */
const asuser: TestProgram = async (sys) => {
  const uid = Number(sys.argv[1]);
  await sys.setresgid(uid, uid, uid);
  await sys.setresuid(uid, uid, uid);
  const args = sys.argv.slice(2);
  return sys.execve(`/bin/${args[0]}`, args);
};

const programs: Record<string, TestProgram> = { ovl, asuser };

describe('getfattr on an overlay upper directory', () => {
  it('shows the opaque mark overlayfs sets on a directory made again after its removal', async () => {
    const r = await runOnMachine('ovl && rm -r /tmp/m/d && mkdir /tmp/m/d && getfattr -d -m - /tmp/u/d; getfattr -n trusted.overlay.opaque --only-values /tmp/u/d; echo', { programs });
    expect(r.stderr).toBe("getfattr: Removing leading '/' from absolute path names\n".repeat(2));
    expect(r.stdout).toBe('# file: tmp/u/d\ntrusted.overlay.opaque="y"\n\ny\n');
  });

  it('lists nothing for the default user.* match there', async () => {
    const r = await runOnMachine('ovl && rm -r /tmp/m/d && mkdir /tmp/m/d && cd /tmp/u && getfattr -d d; echo status $?', { programs });
    expect(r.stdout).toBe('status 0\n');
  });
});

describe('the trusted namespace for an unprivileged user', () => {
  it('is neither listed nor settable', async () => {
    const script = [
      'touch /tmp/f && chmod 666 /tmp/f',
      'setfattr -n trusted.t -v secret /tmp/f && setfattr -n user.u -v open /tmp/f',
      'cd /tmp && asuser 1000 getfattr -d -m - f',
      'asuser 1000 setfattr -n trusted.x -v 1 f; echo status $?',
      'asuser 1000 getfattr -n trusted.t f; echo status $?',
    ].join('; ');
    const r = await runOnMachine(script, { programs });
    expect(r.stdout).toBe('# file: f\nuser.u="open"\n\nstatus 1\nstatus 1\n');
    expect(r.stderr).toBe('setfattr: f: Operation not permitted\nf: trusted.t: No such attribute\n');
  });
});

describe('setfattr --restore from standard input', () => {
  it('reads a dump piped to it', async () => {
    const r = await runOnMachine("touch /tmp/a && cd /tmp && printf '# file: a\\nuser.k=\"v\"\\n' | setfattr --restore=- && getfattr -d a", { programs });
    expect(r.stdout).toBe('# file: a\nuser.k="v"\n\n');
  });
});

