import { it } from 'vitest';
import { bootKernel } from '../../helpers/kernel.ts';
import { PTRACE_TRACEME, PTRACE_GET_SYSCALL_INFO, PTRACE_SYSCALL, PTRACE_SETOPTIONS, WALL } from '../../../src/abi/ptrace.ts';
it('debug', async () => {
  const { runInit } = await bootKernel({ hello: async (sys) => { await sys.write(1, 'hi\n'); return 3; } });
  await runInit(async (sys) => {
    const child = await sys.fork(async (c) => {
      await c.ptrace(PTRACE_TRACEME);
      return c.execve('/bin/hello', ['hello'], []);
    });
    console.log('child', child);
    for (let n = 0; n < 20; n++) {
      const [pid, st] = await sys.wait4(-1, WALL);
      console.log('wait', pid, st.toString(16));
      if ((st & 0xff) !== 0x7f) break;
      if (n === 0) await sys.ptrace(PTRACE_SETOPTIONS, pid, 0, 1);
      const info = await sys.ptrace(PTRACE_GET_SYSCALL_INFO, pid);
      console.log(JSON.stringify(info));
      await sys.ptrace(PTRACE_SYSCALL, pid, 0, 0);
    }
    return 0;
  });
}, 10000);
