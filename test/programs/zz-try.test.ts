import { it } from 'vitest';
import { runOnMachine } from './procps-machine.ts';
it('try', async () => {
  const r = await runOnMachine(process.env.SCRIPT!, { pidMax: 32768, dirs: ['/sys/fs/cgroup/box'], writes: [['/sys/fs/cgroup/cgroup.subtree_control', '+memory'], ['/sys/fs/cgroup/box/memory.max', '32M']] });
  console.log(r.stdout + '\n--err--\n' + r.stderr + '\nstatus ' + r.status);
});
