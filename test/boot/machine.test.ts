// Booting a whole machine: the root image, the kernel, init running a command from its
// executable file and halting with its status, and a root disk that survives a reboot.

import { describe, expect, it } from 'vitest';
import { WEXITSTATUS } from '../../src/abi/signals.ts';
import { bootMachine } from '../../src/boot/machine.ts';
import { MemoryStore } from '../../src/kernel/fs/storage/memory-store.ts';
import { loadProgram } from '../../src/programs/registry.ts';
import { nodeHost } from '../helpers/kernel.ts';

async function runInit(store: MemoryStore, argv: string[]) {
  const m = await bootMachine({ host: nodeHost, store });
  const main = (await loadProgram('init'))!;
  m.kernel.startInit(main, argv, ['PATH=/usr/bin:/bin']);
  const status = await m.kernel.halted;
  await m.sync();
  return { m, status };
}

describe('machine boot', () => {
  it('lays out a Debian-like root with the programs as executable files', async () => {
    const store = new MemoryStore();
    const { m } = await runInit(store, ['init', '/usr/sbin/init', '--bogus']);
    const root = await m.vfs.newRootContext(m.root);
    expect(await m.vfs.readlink(root, '/bin')).toBe('usr/bin');
    expect((await m.vfs.stat(root, '/usr/sbin/init')).mode & 0o777).toBe(0o755);
    expect(new TextDecoder().decode(await m.vfs.readFile(root, '/etc/hostname'))).toBe('cowbox\n');
  });

  it('runs init, which runs its command and halts with its status', async () => {
    const { status } = await runInit(new MemoryStore(), ['init', '/usr/sbin/init', '--bogus']);
    expect(WEXITSTATUS(status)).toBe(2);
    const missing = await runInit(new MemoryStore(), ['init', '/no/such/program']);
    expect(WEXITSTATUS(missing.status)).toBe(127);
  });

  it('keeps the root disk across a reboot, including what a user deleted', async () => {
    const store = new MemoryStore();
    const first = await runInit(store, ['init', '/no/such/program']);
    const root = await first.m.vfs.newRootContext(first.m.root);
    await first.m.vfs.writeFile(root, '/root/notes', 'kept\n');
    await first.m.vfs.unlink(root, '/usr/sbin/init');
    await first.m.sync();
    const second = await bootMachine({ host: nodeHost, store });
    const again = await second.vfs.newRootContext(second.root);
    expect(new TextDecoder().decode(await second.vfs.readFile(again, '/root/notes'))).toBe('kept\n');
    await expect(second.vfs.lstat(again, '/usr/sbin/init')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
