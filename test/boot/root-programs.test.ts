// The root keeps the list of programs it was given executables for, with that list's digest in
// an extended attribute: a boot with the same programs compares the digest and reads no file
// bytes from storage; a boot with new programs adds only those, so a deleted command stays deleted.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bootMachine } from '../../src/boot/machine.ts';
import { prepareRoot } from '../../src/boot/root-image.ts';
import { registerFilesystems } from '../../src/kernel/fs/filesystems.ts';
import { MemoryStore } from '../../src/kernel/fs/storage/memory-store.ts';
import { TmpFs } from '../../src/kernel/fs/tmpfs/tmpfs.ts';
import { Vfs } from '../../src/kernel/fs/vfs/vfs.ts';
import { ManualClock } from '../../src/kernel/clock.ts';
import { nodeHost } from '../helpers/kernel.ts';

async function tmpRoot() {
  const clock = new ManualClock();
  const vfs = new Vfs({ clock, emit: () => undefined });
  registerFilesystems(vfs);
  const ctx = await vfs.newRootContext(new TmpFs({ dev: vfs.allocDev(), clock, mode: 0o755 }), 'rootfs');
  return { vfs, ctx };
}

const installed = async (vfs: Vfs, ctx: Awaited<ReturnType<typeof tmpRoot>>['ctx']): Promise<string> =>
  new TextDecoder().decode(await vfs.readFile(ctx, '/var/lib/cowbox/programs'));

describe('the root\'s program set', () => {
  it('is checked on a reboot without reading any file data from the disk', async () => {
    const store = new MemoryStore();
    const first = await bootMachine({ host: nodeHost, store });
    await first.rootWritten;
    const read: string[] = [];
    const get = store.get.bind(store);
    store.get = (key) => {
      read.push(key);
      return get(key);
    };
    const second = await bootMachine({ host: nodeHost, store });
    expect(second.fresh).toBe(false);
    const byBoot = [...read];
    // The list is one chunk, named by its SHA-256 (the boot reads ahead only the first shell's files).
    const list = await second.vfs.readFile(second.ctx, '/var/lib/cowbox/programs');
    expect(byBoot).not.toContain(`blob/chunk/${createHash('sha256').update(list).digest('hex')}`);
    expect(byBoot).toContain('tree');
  });

  it('gains only new programs; a deleted one stays deleted', async () => {
    const { vfs, ctx } = await tmpRoot();
    expect(await prepareRoot(vfs, ctx, 'box', ['init', 'ls', 'cat'])).toBe(true);
    await vfs.unlink(ctx, '/usr/bin/cat');
    expect(await prepareRoot(vfs, ctx, 'box', ['init', 'ls', 'cat'])).toBe(false);
    expect(await vfs.exists(ctx, '/usr/bin/cat')).toBe(false);
    expect(await prepareRoot(vfs, ctx, 'box', ['init', 'ls', 'cat', 'tac'])).toBe(false);
    expect(await vfs.exists(ctx, '/usr/bin/tac')).toBe(true);
    expect(await vfs.exists(ctx, '/usr/bin/cat')).toBe(false);
    expect(await installed(vfs, ctx)).toBe('init\nls\ncat\ntac\n');
  });

  it('takes a disk that has the list but no digest, and keeps the digest from then on', async () => {
    const { vfs, ctx } = await tmpRoot();
    await prepareRoot(vfs, ctx, 'box', ['init', 'ls']);
    const name = 'user.cowbox.digest';
    const digest = await vfs.getxattr(ctx, '/var/lib/cowbox/programs', name);
    await vfs.removexattr(ctx, '/var/lib/cowbox/programs', name);
    expect(await prepareRoot(vfs, ctx, 'box', ['init', 'ls'])).toBe(false);
    expect(await vfs.getxattr(ctx, '/var/lib/cowbox/programs', name)).toEqual(digest);
  });
});
