// ls (GNU coreutils 9.1): list directory contents. This file reads the command line into a
// configuration the way ls.c's decode_switches does (options apply in order, so `-lf` is not
// long but `-fl` is); ls-list.ts gathers, sorts and prints. Exit status 2 for a name that cannot
// be accessed or a bad option, 1 for smaller problems inside directories.

import type { Sys } from '../../sys/sys.ts';
import { argmatch, blockSizeMessage, HUMAN_H, HUMAN_SI_OPTS, humanOptions } from '../lib/human.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { localeIsUtf8 } from '../lib/locale.ts';
import { QUOTING_STYLES, quotearg, type QuotingStyle } from '../lib/quotearg.ts';
import { runTool, type Tool } from '../lib/tool.ts';
import { LsColors } from './ls-colors.ts';
import { listAll, type Format, type LsConfig, type SortType, type TimeType } from './ls-list.ts';

export const meta: ProgramMeta = {
  name: 'ls', package: 'GNU coreutils', version: '9.1',
  exitFailure: 2,
  usage: ['[OPTION]... [FILE]...'],
  summary: 'Show what each FILE is, and the contents of each directory among them (the current directory when no FILE is given).\nEntries are sorted by name unless one of -cftuvSUX or --sort asks otherwise.',
  usageStatus: 2,
  options: [
    { short: 'a', long: 'all', help: "include names that start with '.'" },
    { short: 'A', long: 'almost-all', help: "like -a, but leave out '.' and '..'" },
    { long: 'author', help: 'with -l, show the author (the owner on Linux) too' },
    { short: 'b', long: 'escape', help: 'write unprintable characters as C escapes' },
    { long: 'block-size', arg: 'required', argName: 'SIZE', help: 'count sizes in units of SIZE (e.g. K, M, 1000)' },
    { short: 'B', long: 'ignore-backups', help: "skip names that end with '~'" },
    { short: 'c', help: 'use the status-change time (ctime): show it with -l, sort by it with -t or alone' },
    { short: 'C', help: 'list names in columns, top to bottom' },
    { long: 'color', arg: 'optional', argName: 'WHEN', help: "colour names by type: 'always' (default), 'auto' or 'never'" },
    { short: 'd', long: 'directory', help: 'list directories themselves, not what they contain' },
    { short: 'f', help: 'list in directory order with all entries (-aU), without -l, -s or colour' },
    { short: 'F', help: 'append an indicator (one of */=>@|) to names' },
    { long: 'classify', arg: 'optional', argName: 'WHEN', help: "like -F when WHEN is 'always' (default) or 'auto' on a terminal" },
    { long: 'file-type', help: "like -F, but without '*' for executables" },
    { long: 'format', arg: 'required', argName: 'WORD', help: 'across (-x), commas (-m), horizontal (-x), long (-l),\nsingle-column (-1), verbose (-l) or vertical (-C)' },
    { long: 'full-time', help: 'like -l --time-style=full-iso' },
    { short: 'g', help: 'like -l, without the owner' },
    { long: 'group-directories-first', help: 'put directories before files' },
    { short: 'G', long: 'no-group', help: 'with -l, leave out the group' },
    { short: 'h', long: 'human-readable', help: 'with -l and -s, sizes like 1K 234M 2G' },
    { long: 'si', help: 'like -h, in powers of 1000' },
    { short: 'H', long: 'dereference-command-line', help: 'follow symbolic links named on the command line' },
    { long: 'dereference-command-line-symlink-to-dir', help: 'follow command-line links that point to directories' },
    { long: 'hide', arg: 'required', argName: 'PATTERN', help: 'skip names matching PATTERN (unless -a or -A)' },
    { long: 'indicator-style', arg: 'required', argName: 'WORD', help: 'none, slash (-p), file-type (--file-type) or classify (-F)' },
    { short: 'i', long: 'inode', help: 'show the inode number of each file' },
    { short: 'I', long: 'ignore', arg: 'required', argName: 'PATTERN', help: 'skip names matching PATTERN' },
    { short: 'k', long: 'kibibytes', help: 'count blocks in 1024-byte units' },
    { short: 'l', help: 'long listing: type, permissions, links, owner, group, size, time' },
    { short: 'L', long: 'dereference', help: 'show what symbolic links point to instead of the links' },
    { short: 'm', help: 'names across the width, separated by commas' },
    { short: 'n', long: 'numeric-uid-gid', help: 'like -l, with numeric user and group IDs' },
    { short: 'N', long: 'literal', help: 'print names as they are, without quoting' },
    { short: 'o', help: 'like -l, without the group' },
    { short: 'p', help: "append '/' to directories" },
    { short: 'q', long: 'hide-control-chars', help: "print '?' for unprintable characters" },
    { long: 'show-control-chars', help: 'print unprintable characters as they are' },
    { short: 'Q', long: 'quote-name', help: 'put names in double quotes' },
    { long: 'quoting-style', arg: 'required', argName: 'WORD', help: 'literal, locale, shell, shell-always, shell-escape,\nshell-escape-always, c or escape' },
    { short: 'r', long: 'reverse', help: 'reverse the order' },
    { short: 'R', long: 'recursive', help: 'list subdirectories too, one after another' },
    { short: 's', long: 'size', help: 'show the space each file takes, in blocks' },
    { short: 'S', help: 'sort by size, largest first' },
    { long: 'sort', arg: 'required', argName: 'WORD', help: 'none (-U), size (-S), time (-t), version (-v),\nextension (-X) or width' },
    { long: 'time', arg: 'required', argName: 'WORD', help: 'which time to show and sort by: atime, access, use,\nctime, status, birth or creation' },
    { long: 'time-style', arg: 'required', argName: 'TIME_STYLE', help: 'full-iso, long-iso, iso, locale or +FORMAT' },
    { short: 't', help: 'sort by time, newest first' },
    { short: 'T', long: 'tabsize', arg: 'required', argName: 'COLS', help: 'assume tab stops every COLS columns (0: no tabs)' },
    { short: 'u', help: 'use the access time (atime): show it with -l, sort by it with -t or alone' },
    { short: 'U', help: 'do not sort; keep directory order' },
    { short: 'v', help: 'sort by version numbers within names' },
    { short: 'w', long: 'width', arg: 'required', argName: 'COLS', help: 'assume a screen COLS columns wide (0: no limit)' },
    { short: 'x', help: 'list names in rows, left to right' },
    { short: 'X', help: 'sort by extension' },
    { short: 'Z', long: 'context', help: "show each file's security context ('?' here)" },
    { long: 'zero', help: 'end each line with NUL, not newline' },
    { short: '1', help: 'one name per line' },
  ],
};

const WHEN_ARGS = ['always', 'yes', 'force', 'never', 'no', 'none', 'auto', 'tty', 'if-tty'];
const WHEN_VALS = [0, 0, 0, 1, 1, 1, 2, 2, 2];
const FORMAT_ARGS = ['verbose', 'long', 'commas', 'horizontal', 'across', 'vertical', 'single-column'];
const FORMAT_VALS: Format[] = ['long', 'long', 'commas', 'horizontal', 'horizontal', 'many', 'one'];
const SORT_ARGS = ['none', 'time', 'size', 'extension', 'version', 'width'];
const SORT_VALS: SortType[] = ['none', 'time', 'size', 'extension', 'version', 'width'];
const TIME_ARGS = ['atime', 'access', 'use', 'ctime', 'status', 'birth', 'creation'];
const TIME_VALS: TimeType[] = ['atime', 'atime', 'atime', 'ctime', 'ctime', 'btime', 'btime'];
const INDICATOR_ARGS = ['none', 'slash', 'file-type', 'classify'];
const TIME_STYLES = ['full-iso', 'long-iso', 'iso', 'locale'];

/** Thrown to end the run with a status after the message is out. */
class Quit {
  constructor(readonly status: number) {}
}

/** quote() in messages: 'x' in C, ‘x’ in a UTF-8 locale. */
function lquote(s: string, utf8: boolean): string {
  return quotearg(s, { style: 'locale', utf8 });
}

/** XARGMATCH: the value's index, or the argmatch_die report (status 1). */
async function xargmatch<T>(tool: Tool, context: string, value: string, args: string[], vals: T[], utf8: boolean): Promise<T> {
  const i = argmatch(value, args);
  if (i >= 0) return vals[i]!;
  let msg = `${tool.name}: ${i === -1 ? 'invalid' : 'ambiguous'} argument ${lquote(value, utf8)} for ${lquote(context, utf8)}\nValid arguments are:`;
  args.forEach((a, k) => {
    msg += k === 0 || vals[k] !== vals[k - 1] ? `\n  - ${lquote(a, utf8)}` : `, ${lquote(a, utf8)}`;
  });
  await tool.sys.writeAll(2, `${msg}\nTry '${tool.name} --help' for more information.\n`);
  throw new Quit(1);
}

/** A decimal (or 0x/0 prefixed) count as xstrtoumax reads -w and -T; null if invalid, Infinity if huge. */
function decodeCount(spec: string): number | null {
  if (!/^\s*\+?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.test(spec)) return null;
  const t = spec.trim().replace(/^\+/, '');
  const n = /^0[xX]/.test(t) ? parseInt(t, 16) : /^0[0-7]/.test(t) ? parseInt(t, 8) : Number(t);
  return Number.isSafeInteger(n) ? n : Infinity;
}

async function decodeSwitches(tool: Tool): Promise<LsConfig> {
  const { sys } = tool;
  const getenv = (n: string): string | undefined => sys.getenv(n);
  const utf8 = localeIsUtf8(getenv);
  let stdoutTty: boolean | null = null;
  const isTty = async (): Promise<boolean> => (stdoutTty ??= await sys.isatty(1));

  let format: Format | null = null;
  let ignoreMode: LsConfig['ignoreMode'] = 'default';
  const ignorePatterns: string[] = [];
  const hidePatterns: string[] = [];
  let immediateDirs = false;
  let recursive = false;
  let dirsFirst = false;
  let sortOpt: SortType | null = null;
  let sortReverse = false;
  let timeType: TimeType = 'mtime';
  let explicitTime = false;
  let printOwner = true;
  let printGroup = true;
  let printAuthor = false;
  let numericIds = false;
  let printInode = false;
  let printBlockSize = false;
  let printScontext = false;
  let humanOpts = 0;
  let outputBlockSize = 0;
  let fileHumanOpts = 0;
  let fileOutputBlockSize = 1;
  let kibibytes = false;
  let indicatorStyle = 0;
  let color = false;
  let dereference: LsConfig['dereference'] | null = null;
  let hideControl: boolean | null = null;
  let quotingOpt: QuotingStyle | null = null;
  let tabsizeOpt = -1;
  let widthOpt = -1;
  let timeStyleOpt: string | null = null;
  let eol = '\n';

  for (const o of tool.args.options) {
    const v = o.value;
    switch (o.key) {
      case 'all': ignoreMode = 'minimal'; break;
      case 'escape': quotingOpt = 'escape'; break;
      case 'c': timeType = 'ctime'; explicitTime = true; break;
      case 'directory': immediateDirs = true; break;
      case 'f':
        ignoreMode = 'minimal';
        sortOpt = 'none';
        if (format === 'long') format = (await isTty()) ? 'many' : 'one';
        printBlockSize = false;
        color = false;
        break;
      case 'file-type': indicatorStyle = 2; break;
      case 'g': format = 'long'; printOwner = false; break;
      case 'human-readable':
        fileHumanOpts = humanOpts = HUMAN_H;
        fileOutputBlockSize = outputBlockSize = 1;
        break;
      case 'inode': printInode = true; break;
      case 'kibibytes': kibibytes = true; break;
      case 'l': format = 'long'; break;
      case 'm': format = 'commas'; break;
      case 'numeric-uid-gid': numericIds = true; format = 'long'; break;
      case 'o': format = 'long'; printGroup = false; break;
      case 'p': indicatorStyle = 1; break;
      case 'hide-control-chars': hideControl = true; break;
      case 'reverse': sortReverse = true; break;
      case 'size': printBlockSize = true; break;
      case 't': sortOpt = 'time'; break;
      case 'u': timeType = 'atime'; explicitTime = true; break;
      case 'v': sortOpt = 'version'; break;
      case 'width': {
        const n = decodeCount(v!);
        if (n === null) {
          await tool.error(`invalid line width: ${lquote(v!, utf8)}`);
          throw new Quit(2);
        }
        widthOpt = n === Infinity ? 0 : n;
        break;
      }
      case 'x': format = 'horizontal'; break;
      case 'almost-all': ignoreMode = 'dotdot'; break;
      case 'ignore-backups': ignorePatterns.push('*~', '.*~'); break;
      case 'C': format = 'many'; break;
      case 'F': indicatorStyle = 3; break;
      case 'classify': {
        const w = v === undefined ? 0 : await xargmatch(tool, '--classify', v, WHEN_ARGS, WHEN_VALS, utf8);
        if (w === 0 || (w === 2 && (await isTty()))) indicatorStyle = 3;
        break;
      }
      case 'no-group': printGroup = false; break;
      case 'dereference-command-line': dereference = 'cmdline'; break;
      case 'dereference-command-line-symlink-to-dir': dereference = 'cmdline-dir'; break;
      case 'ignore': ignorePatterns.push(v!); break;
      case 'dereference': dereference = 'always'; break;
      case 'literal': quotingOpt = 'literal'; break;
      case 'quote-name': quotingOpt = 'c'; break;
      case 'recursive': recursive = true; break;
      case 'S': sortOpt = 'size'; break;
      case 'tabsize': {
        const n = decodeCount(v!);
        if (n === null || n === Infinity) {
          await tool.error(`invalid tab size: ${lquote(v!, utf8)}`);
          throw new Quit(2);
        }
        tabsizeOpt = n;
        break;
      }
      case 'U': sortOpt = 'none'; break;
      case 'X': sortOpt = 'extension'; break;
      case '1': if (format !== 'long') format = 'one'; break;
      case 'author': printAuthor = true; break;
      case 'hide': hidePatterns.push(v!); break;
      case 'sort': sortOpt = await xargmatch(tool, '--sort', v!, SORT_ARGS, SORT_VALS, utf8); break;
      case 'group-directories-first': dirsFirst = true; break;
      case 'time': timeType = await xargmatch(tool, '--time', v!, TIME_ARGS, TIME_VALS, utf8); explicitTime = true; break;
      case 'format': format = await xargmatch(tool, '--format', v!, FORMAT_ARGS, FORMAT_VALS, utf8); break;
      case 'full-time': format = 'long'; timeStyleOpt = 'full-iso'; break;
      case 'color': {
        const w = v === undefined ? 0 : await xargmatch(tool, '--color', v, WHEN_ARGS, WHEN_VALS, utf8);
        color = w === 0 || (w === 2 && (await isTty()));
        break;
      }
      case 'indicator-style':
        indicatorStyle = await xargmatch(tool, '--indicator-style', v!, INDICATOR_ARGS, [0, 1, 2, 3], utf8);
        break;
      case 'quoting-style':
        quotingOpt = await xargmatch(tool, '--quoting-style', v!, QUOTING_STYLES, QUOTING_STYLES, utf8);
        break;
      case 'time-style': timeStyleOpt = v!; break;
      case 'show-control-chars': hideControl = false; break;
      case 'block-size': {
        const r = humanOptions(v!, getenv);
        if (typeof r === 'string') {
          await tool.error(blockSizeMessage(r, o.spelled, v!));
          throw new Quit(2);
        }
        fileHumanOpts = humanOpts = r.opts;
        fileOutputBlockSize = outputBlockSize = r.size;
        break;
      }
      case 'si':
        fileHumanOpts = humanOpts = HUMAN_SI_OPTS;
        fileOutputBlockSize = outputBlockSize = 1;
        break;
      case 'context': printScontext = true; break;
      case 'zero':
        eol = '\0';
        hideControl = false;
        if (format !== 'long') format = 'one';
        color = false;
        quotingOpt = 'literal';
        break;
    }
  }

  if (!outputBlockSize) {
    const lsBlockSize = getenv('LS_BLOCK_SIZE');
    const r = humanOptions(lsBlockSize, getenv);
    const bs = typeof r === 'string' ? { opts: 0, size: 1024 } : r;
    humanOpts = bs.opts;
    outputBlockSize = bs.size;
    if (lsBlockSize !== undefined || getenv('BLOCK_SIZE') !== undefined) {
      fileHumanOpts = humanOpts;
      fileOutputBlockSize = outputBlockSize;
    }
    if (kibibytes) {
      humanOpts = 0;
      outputBlockSize = 1024;
    }
  }

  // alpine's busybox colours names on a terminal unless --color says otherwise.
  if (tool.busybox && !tool.args.has('color')) color = await isTty();
  const fmt: Format = format ?? ((await isTty()) ? 'many' : 'one');

  let lineLength = widthOpt;
  if (fmt === 'many' || fmt === 'horizontal' || fmt === 'commas' || color) {
    if (lineLength < 0 && (await isTty())) {
      try {
        const ws = await sys.getWinsize(1);
        if (ws.col > 0) lineLength = ws.col;
      } catch {
        // Not a terminal after all: fall back to COLUMNS.
      }
    }
    if (lineLength < 0) {
      const p = getenv('COLUMNS');
      if (p) {
        const n = decodeCount(p);
        if (n === null) await tool.error(`ignoring invalid width in environment variable COLUMNS: ${lquote(p, utf8)}`, 0);
        else lineLength = n === Infinity ? 0 : n;
      }
    }
  }
  if (lineLength < 0) lineLength = 80;

  let tabsize = 0;
  if (fmt === 'many' || fmt === 'horizontal' || fmt === 'commas') {
    if (tabsizeOpt >= 0) tabsize = tabsizeOpt;
    else {
      tabsize = 8;
      const p = getenv('TABSIZE');
      if (p !== undefined) {
        const n = decodeCount(p);
        if (n === null || n === Infinity) await tool.error(`ignoring invalid tab size in environment variable TABSIZE: ${lquote(p, utf8)}`, 0);
        else tabsize = n;
      }
    }
  }

  // busybox prints names as they are (control characters as ? on a terminal), never quoted.
  if (tool.busybox && quotingOpt === null) quotingOpt = 'literal';
  const qmarkFunny = hideControl ?? (await isTty());

  let qs: QuotingStyle | null = quotingOpt;
  if (qs === null) {
    const env = getenv('QUOTING_STYLE');
    if (env !== undefined) {
      const i = argmatch(env, QUOTING_STYLES);
      if (i >= 0) qs = QUOTING_STYLES[i]!;
      else await tool.error(`ignoring invalid value of environment variable QUOTING_STYLE: ${lquote(env, utf8)}`, 0);
    }
  }
  if (qs === null) qs = (await isTty()) ? 'shell-escape' : 'literal';
  const alignOuterQuotes = (fmt === 'long' || ((fmt === 'many' || fmt === 'horizontal') && lineLength > 0)) &&
    (qs === 'shell' || qs === 'shell-escape' || qs === 'c-maybe');
  let quoteTheseToo = qs === 'escape' ? ' ' : '';
  if (indicatorStyle >= 2) quoteTheseToo += '*=>@|'.slice(indicatorStyle - 2);

  const sortType: SortType = sortOpt ?? (fmt !== 'long' && explicitTime ? 'time' : 'name');

  let timeFormats: [string, string] = ['%b %e  %Y', '%b %e %H:%M'];
  if (fmt === 'long') {
    let style = timeStyleOpt ?? getenv('TIME_STYLE') ?? 'locale';
    // posix-STYLE means STYLE only where the locale has time formats of its own (hard_locale).
    const timeLocale = [getenv('LC_ALL'), getenv('LC_TIME'), getenv('LANG')].find((x) => x) ?? 'C';
    const hard = timeLocale !== 'C' && timeLocale !== 'POSIX';
    let posixDefault = false;
    while (style.startsWith('posix-')) {
      if (!hard) {
        posixDefault = true;
        break;
      }
      style = style.slice(6);
    }
    if (posixDefault) {
      // keep the default formats
    } else if (style.startsWith('+')) {
      const body = style.slice(1);
      const nl = body.indexOf('\n');
      if (nl >= 0) {
        if (body.indexOf('\n', nl + 1) >= 0) {
          await tool.error(`invalid time style format ${lquote(body, utf8)}`);
          throw new Quit(2);
        }
        timeFormats = [body.slice(0, nl), body.slice(nl + 1)];
      } else timeFormats = [body, body];
    } else {
      const i = argmatch(style, TIME_STYLES);
      if (i < 0) {
        let msg = `${tool.name}: ${i === -1 ? 'invalid' : 'ambiguous'} argument ${lquote(style, utf8)} for ${lquote('time style', utf8)}\nValid arguments are:\n`;
        for (const s of TIME_STYLES) msg += `  - [posix-]${s}\n`;
        msg += "  - +FORMAT (e.g., +%H:%M) for a 'date'-style format\n";
        await sys.writeAll(2, `${msg}Try '${tool.name} --help' for more information.\n`);
        throw new Quit(2);
      }
      if (i === 0) timeFormats = ['%Y-%m-%d %H:%M:%S.%N %z', '%Y-%m-%d %H:%M:%S.%N %z'];
      else if (i === 1) timeFormats = ['%Y-%m-%d %H:%M', '%Y-%m-%d %H:%M'];
      else if (i === 2) timeFormats = ['%Y-%m-%d ', '%m-%d %H:%M'];
    }
  }

  let colors: LsColors | null = null;
  if (color) {
    const warnings: string[] = [];
    colors = LsColors.fromEnv(getenv, (msg) => warnings.push(msg));
    for (const w of warnings) await tool.error(w, 0);
  }
  if (colors) tabsize = 0;

  const deref = dereference ?? (immediateDirs || indicatorStyle === 3 || fmt === 'long' ? 'never' : 'cmdline-dir');

  return {
    format: fmt, ignoreMode, ignorePatterns, hidePatterns, immediateDirs, recursive, dirsFirst, sortType,
    sortReverse, timeType, printOwner, printGroup, printAuthor, numericIds, printInode, printBlockSize,
    printScontext, humanOpts, outputBlockSize, fileHumanOpts, fileOutputBlockSize, indicatorStyle, colors,
    dereference: deref, qmarkFunny, quoting: { style: qs, quoteTheseToo, utf8 },
    dirQuoting: { style: qs, quoteTheseToo: ':', utf8 }, alignOuterQuotes, tabsize, lineLength, timeFormats, eol,
    tz: getenv('TZ'),
  };
}

export default function ls(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    let config: LsConfig;
    try {
      config = await decodeSwitches(tool);
    } catch (e) {
      if (e instanceof Quit) return e.status;
      throw e;
    }
    return listAll(tool, config, tool.args.operands);
  });
}
