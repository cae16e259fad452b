// The proc.* events the page's Events and Processes panels draw: a clone reports its parent and
// its namespace flags, an exec its path and argv, an exit its wait status.

import { describe, expect, it } from 'vitest';
import { CLONE_NEWPID, CLONE_NEWUTS } from '../../src/abi/clone-flags.ts';
import { exitedStatus } from '../../src/abi/signals.ts';
import { bootKernel } from '../helpers/kernel.ts';

describe('process events', () => {
  it('reports clone with its flags, exec with argv and exit with its status', async () => {
    const { runInit, events } = await bootKernel({ hello: async () => 7 });
    let child = 0;
    await runInit(async (sys) => {
      child = await sys.clone(CLONE_NEWUTS | CLONE_NEWPID, async (c) => {
        await c.execve('/bin/hello', ['hello', 'there'], []);
        return 99;
      });
      await sys.wait4(child);
      return 0;
    });
    const mine = events.filter((e) => e.type.startsWith('proc.') && 'pid' in e && e.pid === child);
    expect(mine).toEqual([
      { type: 'proc.spawn', pid: child, ppid: 1, comm: 'init', flags: CLONE_NEWUTS | CLONE_NEWPID },
      { type: 'proc.exec', pid: child, path: '/bin/hello', argv: ['hello', 'there'] },
      { type: 'proc.exit', pid: child, status: exitedStatus(7), comm: 'hello' },
    ]);
    expect(events.find((e) => e.type === 'proc.exit' && e.pid === 1)).toMatchObject({ status: exitedStatus(0) });
  });
});
