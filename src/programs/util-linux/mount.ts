// mount (util-linux 2.38): with no arguments, list the mount table as `SOURCE on TARGET type
// TYPE (OPTIONS)` from /proc/self/mountinfo; otherwise mount a filesystem (-t TYPE -o OPTS SOURCE
// TARGET), bind a directory elsewhere (--bind, --rbind), or a line of /etc/fstab (one operand,
// -a). Failures are worded as libmount words them, with its dmesg(1) hint after a failed call.

import { isSysError, strerror, type ErrnoName } from '../../abi/errno.ts';
import { S_IFBLK, S_IFMT } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { runTool, tryHelp, type Tool } from '../lib/tool.ts';
import {
  DMESG_HINT, MNT_EX, PSEUDO_FS, type FstabEntry, type MountAttempt, canonicalize, mountAt, mountErrorText, optionsText,
  readFstab, readMountTable, shownPath,
} from './libmount.ts';

export const meta: ProgramMeta = {
  name: 'mount', package: 'util-linux', version: '2.38.1', style: 'util-linux',
  usage: ['[-lhV]', '-a [options]', '[options] [--source] <source> | [--target] <directory>', '[options] <source> <directory>'],
  summary: 'Attach a filesystem to the directory tree, or list what is attached.',
  usageStatus: MNT_EX.USAGE,
  options: [
    // util-linux's short spellings of --help and --version (listed with them in --help).
    { short: 'h', key: '--help', help: '' },
    { short: 'V', key: '--version', help: '' },
    { short: 'a', long: 'all', help: 'mount every filesystem listed in fstab' },
    { short: 'c', long: 'no-canonicalize', help: 'use paths as given, without resolving them' },
    { short: 'l', long: 'show-labels', help: 'with the listing, also show filesystem labels' },
    { short: 'm', long: 'mkdir', arg: 'optional', argName: 'mode', help: 'create the target directory if it is missing' },
    { short: 'n', long: 'no-mtab', help: 'do not write /etc/mtab (there is none: it is /proc/self/mounts)' },
    { short: 'o', long: 'options', arg: 'required', argName: 'list', help: 'comma-separated mount options' },
    { short: 'r', long: 'read-only', help: 'mount the filesystem read-only (the same as -o ro)' },
    { long: 'ro', key: 'read-only', help: '' },
    { short: 't', long: 'types', arg: 'required', argName: 'list', help: 'the filesystem type (with no operands: list only these types)' },
    { short: 'T', long: 'fstab', arg: 'required', argName: 'path', help: 'another file instead of /etc/fstab' },
    { short: 'v', long: 'verbose', help: 'say what is being done' },
    { short: 'w', long: 'rw', help: 'mount the filesystem read-write (the default)' },
    { long: 'read-write', key: 'rw', help: '' },
    { short: 'B', long: 'bind', help: 'mount a directory (or file) somewhere else too' },
    { short: 'R', long: 'rbind', help: 'the same, with everything mounted below it' },
    { long: 'make-private', help: 'mark a mount private (mounts here always are)' },
    { long: 'make-rprivate', help: 'the same, for every mount below it too' },
  ],
};

/** Options only mount(8) reads; the kernel never sees them. */
const USERSPACE = /^(defaults|auto|noauto|user|nouser|users|owner|group|nofail|_netdev|loop|x-.*|X-.*|comment=.*)$/;

function splitOptions(list: string): string[] {
  return list.split(',').filter((o) => o !== '');
}

function hasOption(words: string[], name: string): boolean {
  return words.includes(name);
}

interface Request {
  source: string | null;
  target: string;
  fstype: string | null;
  options: string[];
  bind: boolean;
  rbind: boolean;
}

async function listMounts(tool: Tool): Promise<number> {
  const types = tool.args.value('types');
  let table;
  try {
    table = await readMountTable(tool.sys);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await tool.sysError(e, 'failed to read mtab', MNT_EX.SYSERR);
    return MNT_EX.SYSERR;
  }
  for (const e of table) {
    if (types && !typeMatches(e.fstype, types)) continue;
    // Control characters in a path are shown as '?', as util-linux does.
    const target = e.target.replace(/[\x00-\x1f\x7f]/g, '?');
    await tool.out.write(`${e.source} on ${target} type ${e.fstype} (${optionsText(e)})\n`);
  }
  return MNT_EX.SUCCESS;
}

/** -t's list: `tmpfs,proc` matches either; `notmpfs` or `no...` excludes. */
function typeMatches(type: string, pattern: string): boolean {
  let negate = false;
  let p = pattern;
  if (p.startsWith('no')) {
    negate = true;
    p = p.slice(2);
  }
  const hit = p.split(',').some((t) => (t.startsWith('no') ? false : t === type));
  return negate ? !hit : hit;
}

async function fail(tool: Tool, target: string, text: string, syscall: boolean, status: number = MNT_EX.FAIL): Promise<number> {
  await tool.out.flush();
  await tool.sys.writeAll(2, `mount: ${target}: ${text}.\n${syscall ? DMESG_HINT : ''}`);
  return status;
}

/** busybox's words for a failed mount(2), naming source and target as typed; status 255. */
async function busyboxFail(tool: Tool, source: string, target: string, code: ErrnoName): Promise<number> {
  await tool.out.flush();
  await tool.sys.writeAll(2, `mount: mounting ${source} on ${target} failed: ${strerror(code)}\n`);
  return 255;
}

/** The path a message names: canonical unless -c. */
async function shown(tool: Tool, path: string): Promise<string> {
  return tool.args.has('no-canonicalize') ? path : shownPath(tool.sys, path);
}

async function makeTarget(tool: Tool, target: string): Promise<void> {
  if (!tool.args.has('mkdir')) return;
  const mode = tool.args.value('mkdir');
  const perm = mode && /^[0-7]+$/.test(mode) ? parseInt(mode, 8) : 0o755;
  const parts = target.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const p = parts.slice(0, i).join('/');
    if (p === '') continue;
    try {
      await tool.sys.mkdir(p, perm);
    } catch (e) {
      if (!isSysError(e, 'EEXIST')) throw e;
    }
  }
}

/** mount(2) once, and libmount's message if it fails. */
async function mountOne(tool: Tool, r: Request): Promise<number> {
  const { sys } = tool;
  await makeTarget(tool, r.target).catch(() => {});
  const kernelOptions = r.options.filter((o) => !USERSPACE.test(o));
  const readOnly = hasOption(kernelOptions, 'ro');
  const attempt: MountAttempt = {
    target: await shown(tool, r.target), source: r.source, fstype: r.fstype, readOnly,
    remount: hasOption(kernelOptions, 'remount'), bind: r.bind,
  };
  if (r.bind && !attempt.remount) {
    if (r.source !== null) attempt.source = await shown(tool, r.source);
    try {
      await sys.bindMount(r.source ?? '', r.target);
      if (r.rbind) await bindBelow(tool, r.source ?? '', r.target);
      // `--bind -o ro` (or nosuid...) is a bind and then a remount of the new mount, as mount(8) does.
      const flags = kernelOptions.filter((o) => o !== 'rw' && o !== 'defaults');
      if (flags.length > 0) await sys.mount('none', r.target, '', ['remount', 'bind', ...flags].join(','));
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (tool.busybox) return busyboxFail(tool, r.source ?? 'none', r.target, e.code);
      return fail(tool, attempt.target, await mountErrorText(sys, e.code, attempt), true);
    }
    return success(tool, attempt);
  }
  if (attempt.remount) {
    // remount changes a mount in place: the type is the mount's own, so none is passed.
    try {
      await sys.mount(r.source ?? 'none', r.target, '', [...kernelOptions, ...(r.bind ? ['bind'] : [])].join(','));
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (tool.busybox) return busyboxFail(tool, r.source ?? 'none', r.target, e.code);
      return fail(tool, attempt.target, await mountErrorText(sys, e.code, attempt), true);
    }
    return success(tool, attempt);
  }
  let fstype = r.fstype;
  if (!fstype || fstype === 'auto') {
    // No type: only a block device could say what it holds, and this machine has none.
    const src = r.source ?? '';
    const st = await sys.stat(src).catch(() => null);
    if (!st) return fail(tool, attempt.target, `special device ${src} does not exist`, false);
    if ((st.mode & S_IFMT) !== S_IFBLK) return fail(tool, attempt.target, `${await shown(tool, src)} is not a block device`, true);
    fstype = 'auto';
  }
  if (r.source && !PSEUDO_FS.has(fstype) && r.source.includes('/')) attempt.source = await shown(tool, r.source);
  try {
    await sys.mount(r.source ?? 'none', r.target, fstype, kernelOptions.filter((o) => o !== 'rw').join(','));
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (tool.busybox) return busyboxFail(tool, r.source ?? 'none', r.target, e.code);
    return fail(tool, attempt.target, await mountErrorText(sys, e.code, attempt), true);
  }
  return success(tool, attempt);
}

async function success(tool: Tool, m: MountAttempt): Promise<number> {
  if (tool.args.has('verbose')) {
    await tool.out.write(`mount: ${m.source ?? 'none'} ${m.bind ? 'bound on' : 'mounted on'} ${m.target}.\n`);
  }
  return MNT_EX.SUCCESS;
}

/** --rbind: the mounts below the source are bound below the target too, in the order made. */
async function bindBelow(tool: Tool, source: string, target: string): Promise<void> {
  const from = await canonicalize(tool.sys, source);
  const to = await canonicalize(tool.sys, target);
  if (!('path' in from) || !('path' in to)) return;
  const table = await readMountTable(tool.sys);
  const prefix = from.path === '/' ? '/' : `${from.path}/`;
  for (const e of table) {
    if (!e.target.startsWith(prefix) || e.target.startsWith(`${to.path}/`) || e.target === to.path) continue;
    await tool.sys.bindMount(e.target, `${to.path}/${e.target.slice(prefix.length)}`);
  }
}

/** --make-private: every mount here is private already; the target must be a mount point. */
async function propagation(tool: Tool, target: string): Promise<number> {
  const c = await canonicalize(tool.sys, target);
  if (!('path' in c)) return fail(tool, target, 'mount point does not exist', true);
  const table = await readMountTable(tool.sys).catch(() => []);
  if (!mountAt(table, c.path)) return fail(tool, c.path, 'not mount point or bad option', true);
  if (tool.args.has('verbose')) await tool.out.write(`mount: ${c.path} propagation flags changed.\n`);
  return MNT_EX.SUCCESS;
}

function fromFstab(e: FstabEntry, extra: string[]): Request {
  const options = [...splitOptions(e.options), ...extra];
  const bind = hasOption(options, 'bind') || hasOption(options, 'rbind');
  return {
    source: e.source, target: e.target, fstype: e.fstype === 'none' && bind ? null : e.fstype,
    options: options.filter((o) => o !== 'bind' && o !== 'rbind'), bind, rbind: hasOption(options, 'rbind'),
  };
}

async function mountAll(tool: Tool, fstab: FstabEntry[], extra: string[]): Promise<number> {
  const types = tool.args.value('types');
  let rc: number = MNT_EX.SUCCESS;
  let ok = 0;
  let failed = 0;
  for (const e of fstab) {
    const opts = splitOptions(e.options);
    if (opts.includes('noauto') || e.fstype === 'swap' || (types && !typeMatches(e.fstype, types))) continue;
    const target = await canonicalize(tool.sys, e.target);
    const table = await readMountTable(tool.sys).catch(() => []);
    if ('path' in target && table.some((m) => m.target === target.path)) continue;
    const r = await mountOne(tool, fromFstab(e, extra));
    if (r === MNT_EX.SUCCESS) ok++;
    else {
      failed++;
      rc = r;
    }
  }
  if (failed && ok) return MNT_EX.SOMEOK;
  return rc;
}

export default function mount(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    const ops = ['bind', 'rbind'].filter((k) => a.has(k));
    if (ops.length > 1) {
      await sys.writeAll(2, 'mount: mutually exclusive arguments: --bind --move --rbind\n');
      return MNT_EX.USAGE;
    }
    const oper = ops.length > 0;
    const propa = a.has('make-private') || a.has('make-rprivate');
    const extra: string[] = [];
    for (const o of a.options) {
      if (o.key === 'options') extra.push(...splitOptions(o.value ?? ''));
      else if (o.key === 'read-only') extra.push('ro');
      else if (o.key === 'rw') extra.push('rw');
    }
    const badUsage = async (): Promise<number> => {
      await sys.writeAll(2, `mount: bad usage\n${tryHelp(meta)}`);
      return MNT_EX.USAGE;
    };
    const ops1 = a.operands;
    if (ops1.length === 0 && !a.has('all')) {
      if (oper || propa || a.has('options')) return badUsage();
      return listMounts(tool);
    }
    if (oper && (a.has('types') || a.has('all'))) return badUsage();
    const fstabFile = a.value('fstab') ?? '/etc/fstab';
    if (a.has('all')) {
      if (ops1.length > 0) return badUsage();
      return mountAll(tool, await readFstab(sys, fstabFile), extra);
    }
    if (ops1.length > 2) return badUsage();
    if (propa) {
      if (ops1.length !== 1) return badUsage();
      return propagation(tool, ops1[0]!);
    }
    if (ops1.length === 1 && extra.includes('remount')) {
      // remount: the mount is found in the mount table, not in fstab.
      const c = await canonicalize(sys, ops1[0]!);
      const table = await readMountTable(sys).catch(() => []);
      const e = 'path' in c ? mountAt(table, c.path) : undefined;
      return mountOne(tool, { source: e?.source ?? null, target: ops1[0]!, fstype: null, options: extra, bind: false, rbind: false });
    }
    if (ops1.length === 1) {
      // One operand: the rest comes from fstab, found by its mount point or its source.
      const arg = ops1[0]!;
      const c = await canonicalize(sys, arg);
      const canon = 'path' in c ? c.path : arg;
      const fstab = await readFstab(sys, fstabFile);
      const e = fstab.find((x) => x.target === canon || x.target === arg) ?? fstab.find((x) => x.source === arg || x.source === canon);
      if (!e) {
        await sys.writeAll(2, `mount: ${arg}: can't find in ${fstabFile}.\n`);
        return MNT_EX.USAGE;
      }
      const r = fromFstab(e, extra);
      if (a.has('types')) r.fstype = a.value('types')!;
      if (oper) {
        r.bind = true;
        r.rbind = a.has('rbind');
      }
      return mountOne(tool, r);
    }
    const options = extra;
    return mountOne(tool, {
      source: ops1[0]!, target: ops1[1]!, fstype: oper ? null : a.value('types') ?? null,
      options: options.filter((o) => o !== 'bind' && o !== 'rbind'), bind: oper || hasOption(options, 'bind') || hasOption(options, 'rbind'),
      rbind: a.has('rbind') || hasOption(options, 'rbind'),
    });
  });
}
