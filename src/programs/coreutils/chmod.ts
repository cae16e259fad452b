// chmod (GNU coreutils): change permission bits by an octal or symbolic MODE (u+x, go-w, a=r,
// g=u, +t, X, comma lists) or to a reference file's. -R walks directories without following
// the symbolic links it meets (a link named on the command line is followed; links inside are
// left alone), -v/-c report, -f stays quiet. A mode written as an option (`chmod -w f`) works,
// and then a result the umask kept from matching the mode is reported, as GNU does.

import { isSysError, strerror } from '../../abi/errno.ts';
import { S_IFDIR, S_IFLNK, S_IFMT } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import { withArgv } from '../lib/argv.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { adjustMode, CHMOD_MODE_BITS, compileMode, octal4, permString, type ModeChange } from '../lib/mode.ts';
import { quote, quoteIfNeeded } from '../lib/quote.ts';
import { localeQuote, report } from '../lib/report.ts';
import { runTool, type Tool } from '../lib/tool.ts';
import { rootWarning, walk, type WalkEntry } from '../lib/walk.ts';

export const meta: ProgramMeta = {
  name: 'chmod', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... MODE[,MODE]... FILE...', '[OPTION]... OCTAL-MODE FILE...', '[OPTION]... --reference=RFILE FILE...'],
  summary: "Set the permission bits of each FILE to MODE.\nWith --reference, copy RFILE's permission bits instead.",
  epilog: "Each MODE is of the form '[ugoa]*([-+=]([rwxXst]*|[ugo]))+|[-+=][0-7]+'.",
  options: [
    { short: 'c', long: 'changes', help: 'like verbose, but only for files whose mode changed' },
    { short: 'f', long: 'silent', key: 'silent', help: 'leave out most error messages' },
    { long: 'quiet', key: 'silent', help: '' },
    { short: 'v', long: 'verbose', help: 'say what was done to every file' },
    { long: 'no-preserve-root', help: "treat '/' like any other directory (the default)" },
    { long: 'preserve-root', help: "refuse to work recursively on '/'" },
    { long: 'reference', arg: 'required', argName: 'RFILE', help: "take the mode from RFILE instead of MODE" },
    { short: 'R', long: 'recursive', help: 'work on directories and everything below them' },
  ],
};

/** Letters that make an option word a mode (`-w`, `-rwx`, `-644`); GNU lists them as options. */
const MODE_LETTERS = 'rwxXstugoa,+=01234567';
/** chmod's own letters, which may come first in a word that then turns into a mode (`-Rw`). */
const FLAG_LETTERS = 'cfvR';

/** Pull modes written as options out of argv; GNU joins several with commas. */
function splitModeOptions(argv: string[]): { argv: string[]; mode: string | null } {
  const rest = [argv[0]!];
  let mode: string | null = null;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (/^-[^-]/.test(a)) {
      let j = 1;
      while (j < a.length && FLAG_LETTERS.includes(a[j]!)) j++;
      if (j < a.length && MODE_LETTERS.includes(a[j]!)) {
        // getopt takes the rest of the word as the mode option's argument; chmod takes the word.
        if (j > 1) rest.push(a.slice(0, j));
        mode = mode === null ? a : `${mode},${a}`;
        continue;
      }
    }
    rest.push(a);
    const word = a.startsWith('--') && !a.includes('=') ? a.slice(2) : '';
    if (word.length >= 3 && 'reference'.startsWith(word) && i + 1 < argv.length) rest.push(argv[++i]!);
  }
  return { argv: rest, mode };
}

type Status = 'no-stat' | 'failed' | 'not-applied' | 'no-change' | 'succeeded';
const RANK: Record<Status, number> = { 'no-stat': 0, failed: 1, 'not-applied': 2, 'no-change': 3, succeeded: 4 };

interface Job {
  changes: ModeChange[];
  umask: number;
  recursive: boolean;
  verbosity: 'off' | 'changes' | 'high';
  silent: boolean;
  diagnoseSurprises: boolean;
  preserveRoot: { dev: number; ino: number } | null;
}

async function describe(tool: Tool, name: string, status: Status, oldMode: number, newMode: number): Promise<void> {
  const q = quote(name);
  if (status === 'not-applied') return tool.out.write(`neither symbolic link ${q} nor referent has been changed\n`);
  if (status === 'no-stat') return tool.out.write(`${q} could not be accessed\n`);
  const now = `${octal4(newMode)} (${permString(newMode)})`;
  const before = `${octal4(oldMode)} (${permString(oldMode)})`;
  if (status === 'no-change') return tool.out.write(`mode of ${q} retained as ${now}\n`);
  if (status === 'succeeded') return tool.out.write(tool.busybox ? `mode of ${q} changed to ${now}\n` : `mode of ${q} changed from ${before} to ${now}\n`);
  return tool.out.write(`failed to change mode of ${q} from ${before} to ${now}\n`);
}

/** One entry of the walk, as GNU's process_file; false when it counts as a failure. */
async function processEntry(tool: Tool, job: Job, e: WalkEntry): Promise<{ ok: boolean; skip?: boolean; stop?: boolean }> {
  const { sys } = tool;
  let status: Status = 'no-stat';
  const complain = async (msg: string): Promise<void> => {
    if (!job.silent) await report(tool, msg);
    else tool.status = 1;
  };
  switch (e.kind) {
    case 'post':
      return { ok: true };
    case 'no-stat':
      await complain(`${tool.busybox ? e.path : `cannot access ${quote(e.path)}`}: ${strerror(e.error!.code)}`);
      break;
    case 'unreadable':
      await complain(`cannot read directory ${quote(e.path)}: ${strerror(e.error!.code)}`);
      break;
    case 'dangling':
      await complain(`cannot operate on dangling symlink ${quote(e.path)}`);
      break;
    case 'cycle':
      await report(tool, `WARNING: Circular directory structure.\nThis almost certainly means that you have a corrupted file system.\nNOTIFY YOUR SYSTEM MANAGER.\nThe following directory is part of the cycle:\n  ${quote(e.path)}\n`);
      return { ok: false };
    default:
      status = 'not-applied';
  }
  const st = e.stat;
  if (status === 'not-applied' && job.preserveRoot && job.recursive && st && st.dev === job.preserveRoot.dev && st.ino === job.preserveRoot.ino) {
    for (const line of rootWarning(e.path)) await report(tool, line);
    return { ok: false, skip: true };
  }
  let oldMode = 0;
  let newMode = 0;
  if (status === 'not-applied' && st && (st.mode & S_IFMT) !== S_IFLNK) {
    oldMode = st.mode;
    newMode = adjustMode(oldMode, (oldMode & S_IFMT) === S_IFDIR, job.umask, job.changes).mode;
    try {
      await sys.chmod(e.path, newMode);
      status = 'succeeded';
    } catch (err) {
      if (!isSysError(err)) throw err;
      await complain(`changing permissions of ${quote(e.path)}: ${strerror(err.code)}`);
      status = 'failed';
    }
  }
  if (job.verbosity !== 'off') {
    if (status === 'succeeded' && !(await modeChanged(tool, e.path, oldMode, newMode))) status = 'no-change';
    if (status === 'succeeded' || job.verbosity === 'high') await describe(tool, e.path, status, oldMode, newMode);
  }
  if (RANK[status] >= RANK['no-change'] && job.diagnoseSurprises) {
    const naive = adjustMode(oldMode, (oldMode & S_IFMT) === S_IFDIR, 0, job.changes).mode;
    if (newMode & ~naive & CHMOD_MODE_BITS) {
      await report(tool, `${quoteIfNeeded(e.path)}: new permissions are ${permString(newMode)}, not ${permString(naive)}`);
      return { ok: false, skip: !job.recursive };
    }
  }
  return { ok: RANK[status] >= RANK['not-applied'], skip: !job.recursive };
}

/** chmod may silently drop set-ID bits; only a fresh stat tells whether anything changed. */
async function modeChanged(tool: Tool, path: string, oldMode: number, newMode: number): Promise<boolean> {
  let mode = newMode;
  if (newMode & 0o7000) {
    try {
      mode = (await tool.sys.stat(path)).mode;
    } catch (e) {
      if (!isSysError(e)) throw e;
      await report(tool, `getting new attributes of ${quote(path)}: ${strerror(e.code)}`);
      return false;
    }
  }
  return ((oldMode ^ mode) & CHMOD_MODE_BITS) !== 0;
}

export default function chmod(sys: Sys): Promise<number> {
  const split = splitModeOptions(sys.argv);
  return runTool(withArgv(sys, split.argv), meta, async (tool) => {
    const a = tool.args;
    const operands = [...a.operands];
    const reference = a.value('reference');
    let modeText = split.mode;
    if (reference === undefined && modeText === null) modeText = operands.shift() ?? null;
    if (operands.length === 0) {
      if (modeText === null || split.mode !== null || reference !== undefined) return tool.usage('chmod: missing operand');
      return tool.usage(`chmod: missing operand after ${localeQuote(sys, modeText)}`);
    }
    let changes: ModeChange[];
    if (reference !== undefined) {
      try {
        const st = await sys.stat(reference);
        changes = [{ op: '=', flag: 'ordinary', affected: CHMOD_MODE_BITS, value: st.mode & CHMOD_MODE_BITS, mentioned: CHMOD_MODE_BITS }];
      } catch (e) {
        if (!isSysError(e)) throw e;
        await report(tool, `failed to get attributes of ${quote(reference)}: ${strerror(e.code)}`);
        return 1;
      }
    } else {
      const compiled = compileMode(modeText!);
      if (!compiled) {
        if (tool.busybox) return tool.error(`invalid mode '${modeText!}'`);
        return tool.usage(`chmod: invalid mode: ${localeQuote(sys, modeText!)}`);
      }
      changes = compiled;
    }
    const umask = await sys.umask(0);
    await sys.umask(umask);
    const recursive = a.has('recursive');
    let preserveRoot: Job['preserveRoot'] = null;
    if (recursive && a.last('preserve-root', 'no-preserve-root') === 'preserve-root') {
      const root = await sys.lstat('/');
      preserveRoot = { dev: root.dev, ino: root.ino };
    }
    const verbose = a.last('verbose', 'changes');
    const job: Job = {
      changes, umask, recursive, preserveRoot,
      verbosity: verbose === 'verbose' ? 'high' : verbose === 'changes' ? 'changes' : 'off',
      silent: a.has('silent'),
      diagnoseSurprises: split.mode !== null && reference === undefined,
    };
    let ok = true;
    for (const name of operands) {
      await walk(sys, name, { follow: 'H' }, async (e) => {
        const r = await processEntry(tool, job, e);
        if (!r.ok) ok = false;
        return r.skip ? 'skip' : undefined;
      });
    }
    return ok ? 0 : 1;
  });
}
