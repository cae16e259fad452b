// umount (util-linux 2.38): detach the filesystem mounted on each operand with umount2(2);
// -l detaches lazily (and takes everything mounted below with it), -R unmounts what is mounted
// below first, deepest first. Messages name the mount point as the mount table writes it.

import { isSysError, strerror } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { runTool, tryHelp, type Tool } from '../lib/tool.ts';
import { MNT_EX, type MountEntry, canonicalize, mountAt, readMountTable, umountErrorText } from './libmount.ts';

export const meta: ProgramMeta = {
  name: 'umount', package: 'util-linux', version: '2.38.1', style: 'util-linux',
  usage: ['-h|-V', '[-dflnrv] {<directory>|<source>}...', '-R [options] <directory>...'],
  summary: 'Detach filesystems from the directory tree.',
  usageStatus: MNT_EX.USAGE,
  options: [
    // util-linux's short spellings of --help and --version (listed with them in --help).
    { short: 'h', key: '--help', help: '' },
    { short: 'V', key: '--version', help: '' },
    { short: 'l', long: 'lazy', help: 'detach now, and everything mounted below it' },
    { short: 'n', long: 'no-mtab', help: 'do not write /etc/mtab (there is none)' },
    { short: 'q', long: 'quiet', help: 'do not complain about what is not mounted' },
    { short: 'R', long: 'recursive', help: 'unmount what is mounted below it first' },
    { short: 'v', long: 'verbose', help: 'say what is being done' },
  ],
};

async function say(tool: Tool, text: string): Promise<void> {
  await tool.out.flush();
  await tool.sys.writeAll(2, `umount: ${text}\n`);
}

async function table(tool: Tool): Promise<MountEntry[]> {
  try {
    return await readMountTable(tool.sys);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return [];
  }
}

/** umount2(2) on one mount point; `shown` is how messages name it. */
async function detachOne(tool: Tool, path: string, shown: string, entry: MountEntry | undefined): Promise<number> {
  try {
    await tool.sys.umount(path, tool.args.has('lazy'));
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (tool.args.has('quiet') && e.code === 'EINVAL') return MNT_EX.FAIL;
    if (tool.busybox) {
      await say(tool, `can't unmount ${shown}: ${strerror(e.code)}`);
      return 1;
    }
    await say(tool, `${shown}: ${umountErrorText(e.code)}.`);
    return MNT_EX.FAIL;
  }
  if (tool.args.has('verbose')) await say(tool, entry ? `${shown} (${entry.source}) unmounted` : `${shown} unmounted`);
  return MNT_EX.SUCCESS;
}

async function umountOne(tool: Tool, arg: string): Promise<number> {
  const { sys } = tool;
  const c = await canonicalize(sys, arg);
  const mounts = await table(tool);
  const entry = 'path' in c ? mountAt(mounts, c.path) : undefined;
  if ((await sys.geteuid()) !== 0) {
    // An ordinary user gets libmount's own checks before any system call.
    if (!('path' in c)) {
      await say(tool, `${arg}: ${strerror(c.error)}`);
      return MNT_EX.USAGE;
    }
    if (!entry) {
      if (!tool.args.has('quiet')) await say(tool, `${c.path}: not mounted.`);
      return MNT_EX.USAGE;
    }
  }
  return detachOne(tool, entry ? entry.target : arg, entry ? entry.target : arg, entry);
}

/** -R: the mounts at and below the operand, deepest (last mounted) first. */
async function umountRecursive(tool: Tool, arg: string): Promise<number> {
  const c = await canonicalize(tool.sys, arg);
  const mounts = await table(tool);
  const top = 'path' in c ? mountAt(mounts, c.path) : undefined;
  if (!top) {
    if (!tool.args.has('quiet')) await say(tool, `${arg}: ${'path' in c ? 'not mounted' : 'not found'}`);
    return MNT_EX.USAGE;
  }
  const below = new Set<number>([top.id]);
  for (const m of mounts) if (below.has(m.parent)) below.add(m.id);
  const order = mounts.filter((m) => below.has(m.id)).reverse();
  for (const m of order) {
    const rc = await detachOne(tool, m.target, m.target, m);
    if (rc !== MNT_EX.SUCCESS) return rc;
  }
  return MNT_EX.SUCCESS;
}

export default function umount(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    if (tool.args.operands.length === 0) {
      await sys.writeAll(2, `umount: bad usage\n${tryHelp(meta)}`);
      return MNT_EX.USAGE;
    }
    let rc = 0;
    for (const arg of tool.args.operands) rc += tool.args.has('recursive') ? await umountRecursive(tool, arg) : await umountOne(tool, arg);
    return Math.min(rc, 255);
  });
}
