// rm (GNU coreutils): remove files; -r removes directories with everything below them (deepest
// first, never following symbolic links), -d empty directories. -i asks before each removal,
// -I once for more than three names or a recursive run, -f never asks and is quiet about
// missing names. "." and ".." are refused, and so is "/" unless --no-preserve-root is given.

import { isSysError } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import { argmatch } from '../lib/argmatch.ts';
import { localeIsUtf8 } from '../lib/locale.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { parseArgs, UsageError } from '../lib/options.ts';
import { quote } from '../lib/quote.ts';
import { Remover, RM_ERROR, RM_OK, type RemoveOptions } from '../lib/remove.ts';
import { runTool, tryHelp, type Tool } from '../lib/tool.ts';
import { YesNo } from '../lib/yesno.ts';

export const meta: ProgramMeta = {
  name: 'rm', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [FILE]...'],
  summary: 'Remove (unlink) each FILE.',
  epilog: "By default directories are not removed: use -r for a directory and everything in it,\nor -d for an empty one. To remove a file whose name starts with '-', write it as\n'./-name' or put '--' before it.",
  options: [
    { short: 'f', long: 'force', help: 'never ask, and say nothing about files that do not exist' },
    { short: 'i', help: 'ask before each removal' },
    { short: 'I', help: 'ask once before removing more than three files or removing\nrecursively' },
    { long: 'interactive', arg: 'optional', argName: 'WHEN', help: 'when to ask: never, once (-I) or always (-i, the\ndefault WHEN)' },
    { long: 'one-file-system', help: 'when removing recursively, leave alone directories on\nanother file system than their parent' },
    { long: 'no-preserve-root', help: "treat '/' like any other directory" },
    { long: 'preserve-root', arg: 'optional', argName: 'all', help: "refuse to remove '/' (the default); with 'all', also\nrefuse a mount point named on the command line" },
    { short: 'r', long: 'recursive', key: 'recursive', help: 'remove directories and what they hold' },
    { short: 'R', key: 'recursive', help: '' },
    { short: 'd', long: 'dir', help: 'remove empty directories' },
    { short: 'v', long: 'verbose', help: 'say what is removed' },
  ],
};

interface ParsedRm {
  opts: Omit<RemoveOptions, 'root' | 'stdinTty'>;
  preserveRoot: boolean;
}

function readOptions(tool: Tool): ParsedRm | string {
  const o: ParsedRm['opts'] = {
    interactive: 'sometimes', ignoreMissing: false, promptOnce: false,
    recursive: false, emptyDirs: false, verbose: false, oneFileSystem: false, preserveAll: false,
  };
  let preserveRoot = true;
  for (const opt of tool.args.options) {
    switch (opt.key) {
      case 'force': Object.assign(o, { interactive: 'never', ignoreMissing: true, promptOnce: false }); break;
      case 'i': Object.assign(o, { interactive: 'always', ignoreMissing: false, promptOnce: false }); break;
      case 'I': Object.assign(o, { interactive: 'sometimes', ignoreMissing: false, promptOnce: true }); break;
      case 'interactive': {
        const m = argmatch('rm', '--interactive', opt.value ?? 'always', [
          ['never', 'never'], ['no', 'never'], ['none', 'never'], ['once', 'once'], ['always', 'always'], ['yes', 'always'],
        ], localeIsUtf8((n) => tool.sys.getenv(n)));
        if ('error' in m) return m.error;
        if (m.value === 'never') Object.assign(o, { interactive: 'never', promptOnce: false });
        else if (m.value === 'once') Object.assign(o, { interactive: 'sometimes', ignoreMissing: false, promptOnce: true });
        else Object.assign(o, { interactive: 'always', ignoreMissing: false, promptOnce: false });
        break;
      }
      case 'recursive': o.recursive = true; break;
      case 'dir': o.emptyDirs = true; break;
      case 'verbose': o.verbose = true; break;
      case 'one-file-system': o.oneFileSystem = true; break;
      case 'no-preserve-root': preserveRoot = false; break;
      case 'preserve-root':
        if (opt.value !== undefined && opt.value !== 'all') return `rm: unrecognized --preserve-root argument: ${quote(opt.value)}`;
        preserveRoot = true;
        o.preserveAll = opt.value === 'all';
        break;
    }
  }
  return { opts: o, preserveRoot };
}

/** GNU's hint for `rm -foo` when a file of that name exists: how to name it instead. */
async function leadingHyphenHint(sys: Sys, args: string[]): Promise<string> {
  let hint = '';
  for (const a of args) {
    if (!a.startsWith('-') || a.length < 2) continue;
    try {
      await sys.lstat(a);
      hint += `Try 'rm ./${a}' to remove the file ${quote(a)}.\n`;
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
  return hint;
}

export default async function rm(sys: Sys): Promise<number> {
  try {
    parseArgs(meta, sys.argv.slice(1));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    await sys.writeAll(2, `${e.text}\n${await leadingHyphenHint(sys, sys.argv.slice(1))}${tryHelp(meta)}`);
    return 1;
  }
  return runTool(sys, meta, async (tool) => {
    const parsed = readOptions(tool);
    if (typeof parsed === 'string') {
      await sys.writeAll(2, parsed.includes('\n') ? `${parsed}\n${tryHelp(meta)}` : `${parsed}\n`);
      return 1;
    }
    const files = tool.args.operands;
    if (files.length === 0) {
      if (parsed.opts.ignoreMissing) return 0;
      return tool.usage('rm: missing operand');
    }
    const opts: RemoveOptions = {
      ...parsed.opts,
      root: parsed.opts.recursive && parsed.preserveRoot ? await sys.lstat('/') : null,
      stdinTty: await sys.isatty(0),
    };
    const answers = new YesNo(sys);
    if (opts.promptOnce && (opts.recursive || files.length > 3)) {
      const n = files.length;
      const plural = n === 1 ? 'argument' : 'arguments';
      await sys.writeAll(2, opts.recursive ? `rm: remove ${n} ${plural} recursively? ` : `rm: remove ${n} ${plural}? `);
      if (!(await answers.ask())) return 0;
    }
    const remover = new Remover(tool, opts, answers);
    let worst = RM_OK;
    for (const name of files) worst = Math.max(worst, await remover.remove(name));
    return worst === RM_ERROR ? 1 : 0;
  });
}
