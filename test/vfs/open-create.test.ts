// open(O_CREAT) racing itself: two processes creating the same new name at once must end up with
// one file, as Linux's directory lock makes it (the second opens what the first made), and with
// O_EXCL the second is refused with EEXIST; and appends from two openers at once both landing.

import { describe, expect, it } from 'vitest';
import { O_APPEND, O_CREAT, O_EXCL, O_WRONLY } from '../../src/abi/open-flags.ts';
import { bootMachine } from '../helpers/machine.ts';

describe('open with O_CREAT', () => {
  it('two opens of one new name at once share one inode; with O_EXCL one of them is refused', async () => {
    const { vfs, ctx } = await bootMachine();
    await vfs.mkdir(ctx, '/tmp', 0o1777);
    await vfs.chmod(ctx, '/tmp', 0o1777);
    // An ordinary user: the permission check on the directory is a wait between lookup and create.
    const user = { ...ctx, cred: { uid: 1000, gid: 1000, groups: [] } };
    const [a, b] = await Promise.all([vfs.open(user, '/tmp/log', O_CREAT | O_WRONLY, 0o644), vfs.open(user, '/tmp/log', O_CREAT | O_WRONLY, 0o644)]);
    expect((await a.stat()).ino).toBe((await b.stat()).ino);
    const results = await Promise.allSettled([
      vfs.open(user, '/tmp/once', O_CREAT | O_EXCL | O_WRONLY, 0o644),
      vfs.open(user, '/tmp/once', O_CREAT | O_EXCL | O_WRONLY, 0o644),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.code).toBe('EEXIST');
  });
});

describe('O_APPEND', () => {
  it('appends from two openers at once both land, one after the other', async () => {
    const { vfs, ctx } = await bootMachine();
    const a = await vfs.open(ctx, '/log', O_CREAT | O_WRONLY | O_APPEND, 0o644);
    const b = await vfs.open(ctx, '/log', O_WRONLY | O_APPEND);
    const line = (s: string): Uint8Array => new TextEncoder().encode(s);
    await Promise.all([a.write(line('first\n')), b.write(line('second\n')), a.write(line('third\n'))]);
    const text = new TextDecoder().decode(await vfs.readFile(ctx, '/log'));
    expect(text.split('\n').filter(Boolean).sort()).toEqual(['first', 'second', 'third']);
  });
});
