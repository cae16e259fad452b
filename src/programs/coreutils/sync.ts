// sync (GNU coreutils): with no operand, sync(2): everything the kernel still buffers is written
// back. With files, fsync(2) each (-d: fdatasync, only the data; -f: syncfs, the whole
// filesystem each file is on). A file that cannot be opened or synced is reported and skipped.

import { O_NONBLOCK, O_RDONLY, O_WRONLY } from '../../abi/open-flags.ts';
import { isSysError } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote } from '../lib/quote.ts';
import { runTool, type Tool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'sync', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION] [FILE]...'],
  summary: 'Write data the kernel holds in memory out to storage: all of it, or only what\nbelongs to the FILEs named.',
  options: [
    { short: 'd', long: 'data', help: 'for each FILE, write back its data only, not all its metadata' },
    { short: 'f', long: 'file-system', help: 'for each FILE, write back the whole filesystem it is on' },
  ],
};

type Mode = 'data' | 'file' | 'filesystem';

async function syncOne(tool: Tool, mode: Mode, file: string): Promise<void> {
  const { sys } = tool;
  let fd: number;
  try {
    // O_NONBLOCK so a FIFO does not hang the open; write-only when reading is refused.
    fd = await sys.open(file, O_RDONLY | O_NONBLOCK);
  } catch (e) {
    if (!isSysError(e)) throw e;
    try {
      fd = await sys.open(file, O_WRONLY | O_NONBLOCK);
    } catch {
      await tool.sysError(e, `error opening ${quote(file)}`);
      return;
    }
  }
  try {
    if (mode === 'data') await sys.fdatasync(fd);
    else if (mode === 'file') await sys.fsync(fd);
    else await sys.syncfs(fd);
  } catch (e) {
    await tool.sysError(e, `error syncing ${quote(file)}`);
  }
  try {
    await sys.close(fd);
  } catch (e) {
    await tool.sysError(e, `failed to close ${quote(file)}`);
  }
}

export default function sync(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    const files = a.operands;
    if (a.has('data') && a.has('file-system')) {
      await tool.error('cannot specify both --data and --file-system');
      return 1;
    }
    if (!files.length && a.has('data')) {
      await tool.error('--data needs at least one argument');
      return 1;
    }
    if (!files.length) {
      await sys.sync();
      return 0;
    }
    const mode: Mode = a.has('file-system') ? 'filesystem' : a.has('data') ? 'data' : 'file';
    for (const file of files) await syncOne(tool, mode, file);
  });
}
