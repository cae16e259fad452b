import sh from '../../src/programs/sh.ts';
import { bootTerminal } from '../tty/boot-terminal.ts';
const t = await bootTerminal({ sh });
await t.vfs.mkdir(t.ctx, '/root', 0o700);
void t.run(async (sys) => {
  const pid = await sys.fork(async (c) => {
    await c.setsid();
    await c.setControllingTty(0);
    return c.execve('/bin/sh', ['-sh'], ['PATH=/bin', 'HOME=/root', 'PS1=$ ']);
  });
  return (await sys.wait4(pid))[1];
}, { ctty: false });
await new Promise((r) => setTimeout(r, 300));
console.log(JSON.stringify(t.screen()));
for (const a of process.argv.slice(2)) {
  t.pty.input(a);
  await new Promise((r) => setTimeout(r, 300));
}
console.log(JSON.stringify(t.screen().replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '')));
process.exit(0);
