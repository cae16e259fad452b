// ps (procps-ng 4.0.2): report a snapshot of the processes in /proc. Its command line mixes
// three syntaxes as procps's parser does: Unix options with a dash (-e -f -o -p -u), BSD
// options without one (aux, x, f, o), GNU long options (--forest --sort --no-headers), and
// trailing PIDs; a line that fails as Unix is tried again as BSD. Selection (processes of this
// terminal and user by default, -e/ax everything, lists by PID/user/tty/session/command),
// formats (default, -f, -F, -l, -j, u, j, l, s, v, -o lists with NAME=HEADER and NAME:WIDTH),
// sorting and the process forest follow procps's select.c, sortformat.c and display.c; the
// columns themselves are in ps-format.ts.

import { isSysError } from '../../abi/errno.ts';
import { O_NOCTTY, O_NONBLOCK, O_RDONLY } from '../../abi/open-flags.ts';
import { S_IFCHR, S_IFMT } from '../../abi/stat.ts';
import { SIG } from '../../abi/signals.ts';
import type { Sys } from '../../sys/sys.ts';
import {
  type Ctx, type FormatNode, type Row, OUTBUF_SIZE, activeColumns, findFormat, formatSpecifierList, oneSpec, showOneProc,
} from './ps-format.ts';
import { sectionHelp, shortHelp } from './ps-help.ts';
import {
  Names, type Proc, memSummary, pidLength, procMissing, procMounted, readAllProcs, readEnviron, readMeminfo, readStat,
  readText, readUptime,
} from './proc.ts';
import { helpText } from '../lib/help.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { versionLine } from './usage.ts';
import { procpsOutput } from './close-stdout.ts';

// format_flags
const FF_Uf = 0x1, FF_Ul = 0x2, FF_Bj = 0x8, FF_Bl = 0x10, FF_Bs = 0x20, FF_Bu = 0x40, FF_Bv = 0x80, FF_LX = 0x100, FF_Lm = 0x200, FF_Fc = 0x400;
// format_modifiers
const FM_c = 0x1, FM_j = 0x2, FM_y = 0x4, FM_P = 0x10, FM_M = 0x20, FM_F = 0x80;
// thread_flags
const TF_B_H = 0x1, TF_B_m = 0x2, TF_U_m = 0x4, TF_U_T = 0x8, TF_U_L = 0x10;
const TF_show_proc = 0x100, TF_loose_tasks = 0x200, TF_show_task = 0x400, TF_show_both = 0x800, TF_must_use = 0x1000;
// simple_select
const SS_B_x = 0x1, SS_B_g = 0x2, SS_U_d = 0x4, SS_U_a = 0x8, SS_B_a = 0x10;

type SelType = 'RUID' | 'EUID' | 'RGID' | 'EGID' | 'PGRP' | 'PID' | 'PID_QUICK' | 'PPID' | 'TTY' | 'SESS' | 'COMM';
interface Selection {
  type: SelType;
  values: Array<number | string>;
}
type SfCode = 'U_o' | 'U_O' | 'B_o' | 'B_O' | 'G_format' | 'G_sort' | 'B_m';
interface SortNode {
  key: (c: Ctx, r: Row) => number | string;
  reverse: boolean;
}

class Fail extends Error {}

/** Everything ps decides from its command line (procps's globals). */
class Settings {
  allProcesses = false;
  bsdC = false;
  bsdE = false;
  forestType: '' | 'u' | 'b' | 'g' = '';
  formatFlags = 0;
  formatModifiers = 0;
  formatList: FormatNode[] = [];
  headerType: 'single' | 'none' | 'multi' = 'single';
  headerSet = false;
  deadChildren = false;
  negate = false;
  runningOnly = false;
  preferBsd = false;
  selections: Selection[] = [];
  simpleSelect = 0;
  sortList: SortNode[] = [];
  threadFlags = 0;
  unixF = false;
  userIsNumber = false;
  wchanIsNumber = false;
  lstartFormat: string | null = null;
  sf: Array<{ sf: string; code: SfCode }> = [];
  wCount = 0;
  screenCols = 80;
  screenRows = 24;
  listFormats = false;
  quit: string | null = null;
}

interface Env {
  sys: Sys;
  names: Names;
  pidLen: number;
  cachedTty: number;
  cachedEuid: number;
  screenCols: number;
  screenRows: number;
}

export const meta: ProgramMeta = {
  name: 'ps', package: 'procps-ng', version: '4.0.2', style: 'procps',
  usage: ['[options]'],
  summary: 'Report the processes in /proc. Options come in three styles that may be mixed: Unix (-e, -f, -o LIST), BSD without a dash (aux, x, o LIST) and GNU long options; PIDs may follow. Without options: this user\'s processes on this terminal. `ps --help all` lists every option by topic.',
  standardOptions: false,
  options: [
    { short: 'e', help: 'every process (also -A; BSD: ax)' },
    { short: 'a', help: 'processes with a terminal, less session leaders (BSD a: any user\'s)' },
    { short: 'd', help: 'every process but session leaders' },
    { short: 'N', long: 'deselect', help: 'turn the selection around' },
    { short: 'p', long: 'pid', arg: 'required', argName: 'PIDLIST', help: 'these processes (also p, or PIDs alone)' },
    { long: 'ppid', arg: 'required', argName: 'PIDLIST', help: 'children of these processes' },
    { short: 'C', arg: 'required', argName: 'NAMES', help: 'processes with these command names' },
    { short: 'u', long: 'user', arg: 'required', argName: 'USERLIST', help: 'processes of these effective users (also U)' },
    { short: 'U', long: 'User', arg: 'required', argName: 'USERLIST', help: 'processes of these real users' },
    { short: 'g', long: 'group', arg: 'required', argName: 'GROUPLIST', help: 'these sessions, or effective groups' },
    { short: 'G', long: 'Group', arg: 'required', argName: 'GROUPLIST', help: 'processes of these real groups' },
    { short: 's', long: 'sid', arg: 'required', argName: 'SIDLIST', help: 'processes in these sessions' },
    { short: 't', long: 'tty', arg: 'required', argName: 'TTYLIST', help: 'processes on these terminals (also t)' },
    { short: 'f', help: 'full format: UID PID PPID C STIME TTY TIME CMD' },
    { short: 'F', help: 'extra full format, with SZ RSS PSR' },
    { short: 'l', help: 'long format (BSD l: the old Linux long format)' },
    { short: 'j', help: 'jobs format (BSD j: PPID PID PGID SID TTY TPGID STAT UID)' },
    { short: 'o', long: 'format', arg: 'required', argName: 'FORMAT', help: 'only these columns: pid,user,comm... NAME=HEADER, NAME:WIDTH' },
    { short: 'O', arg: 'required', argName: 'FORMAT', help: 'the default columns with these added after PID' },
    { short: 'H', help: 'indent children under their parents' },
    { long: 'forest', help: 'draw the process tree (also f)' },
    { long: 'sort', arg: 'required', argName: 'KEYS', help: 'sort by [+|-]key[,...] (also k)' },
    { long: 'no-headers', help: 'print no header line' },
    { long: 'headers', help: 'print the header again every screenful' },
    { long: 'cols', arg: 'required', argName: 'N', help: 'assume a screen N columns wide (also --width)' },
    { short: 'w', help: 'wider output (twice: unlimited)' },
    { short: 'L', help: 'show threads, with LWP and NLWP columns' },
    { short: 'V', long: 'version', help: 'output version information and exit' },
    { long: 'help', arg: 'optional', argName: 'TOPIC', help: 'display help (TOPIC: simple, list, output, threads, misc, all)' },
  ],
};

export default function ps(sys: Sys): Promise<number> {
  return procpsOutput(sys, 'ps', () => run(sys));
}

/**
 * ps catches SIGPIPE: a reader that goes away ends it quietly with status 0. The catch is set
 * as the output goes out, after the processes' figures are read.
 */
async function writeOut(sys: Sys, text: string): Promise<void> {
  await sys.sigaction(SIG.SIGPIPE, 'ignore');
  await sys.writeAll(1, text);
}

async function run(sys: Sys): Promise<number> {
  // Help is given even where /proc is missing.
  if (sys.argv[1] === '--help' && sys.argv.length <= 3) {
    await writeOut(sys, sys.argv.length === 2 ? helpText(meta) : sectionHelp(sys.argv[2]));
    return 0;
  }
  if (!(await procMounted(sys))) return procMissing(sys);
  const selfStat = (await readText(sys, '/proc/self/stat')) ?? '';
  const fields = selfStat.slice(selfStat.lastIndexOf(')') + 2).split(' ');
  const env: Env = {
    sys, names: await Names.load(sys), pidLen: await pidLength(sys),
    cachedTty: Number(fields[4] ?? 0), cachedEuid: await sys.geteuid(), ...(await screenSize(sys)),
  };
  const args = sys.argv.slice(1);
  let s: Settings;
  try {
    s = await argParse(env, args);
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    await sys.writeAll(2, `error: ${e.message}\n${shortHelp()}`);
    return 1;
  }
  if (s.quit !== null) {
    await writeOut(sys, s.quit);
    return 0;
  }
  const conflict = quickPidConflict(s);
  if (conflict) {
    await sys.writeAll(2, `${conflict}\n`);
    return 1;
  }
  return display(env, s);
}

/** The window size procps assumes: the terminal's, else 80x24; unlimited width into a pipe. */
async function screenSize(sys: Sys): Promise<{ screenCols: number; screenRows: number }> {
  let cols = 0;
  let rows = 0;
  for (const fd of [1, 2, 0]) {
    try {
      const ws = await sys.getWinsize(fd);
      if (ws.col > 0 && ws.row > 0) {
        cols = ws.col;
        rows = ws.row;
        break;
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
  if (!cols) {
    try {
      const fd = await sys.open('/dev/tty', O_RDONLY | O_NOCTTY | O_NONBLOCK);
      try {
        const ws = await sys.getWinsize(fd);
        if (ws.col > 0 && ws.row > 0) {
          cols = ws.col;
          rows = ws.row;
        }
      } finally {
        await sys.close(fd);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
  if (!cols) {
    cols = 80;
    rows = 24;
  }
  if (!(await sys.isatty(1))) cols = OUTBUF_SIZE;
  const num = (v: string | undefined): number | null => {
    if (!v) return null;
    const n = /^(0x[0-9a-f]+|0[0-7]*|[1-9][0-9]*)$/i.test(v) ? Number(v.startsWith('0') && !/^0x/i.test(v) && v.length > 1 ? parseInt(v, 8) : v) : NaN;
    return n > 0 && n < OUTBUF_SIZE ? n : null;
  };
  cols = num(sys.getenv('COLUMNS')) ?? cols;
  rows = num(sys.getenv('LINES')) ?? rows;
  if (cols < 9 || rows < 2) await sys.writeAll(2, `your ${cols}x${rows} screen size is bogus. expect trouble\n`);
  return { screenCols: cols, screenRows: rows };
}

// ---- parsing ----------------------------------------------------------------------------------

class Parser {
  s = new Settings();
  private i = 0;
  private flag = 0;
  constructor(private readonly env: Env, private readonly argv: string[], private readonly forceBsd: boolean) {
    this.s.screenCols = env.screenCols;
    this.s.screenRows = env.screenRows;
    if (forceBsd) this.s.preferBsd = true;
  }

  /** get_opt_arg: the rest of this word, else the next word (not an empty one). */
  private optArg(): string | null {
    const word = this.argv[this.i]!;
    if (this.flag + 1 < word.length) return word.slice(this.flag + 1);
    if (this.i + 1 >= this.argv.length) return null;
    if (this.argv[this.i + 1] === '') return null;
    return this.argv[++this.i]!;
  }

  private async list(arg: string, parse: (item: string) => Promise<number | string> | number | string, type: SelType): Promise<void> {
    const items = splitList(arg);
    if (!items) throw new Fail('improper list');
    const values: Array<number | string> = [];
    for (const item of items) values.push(await parse(item));
    this.s.selections.push({ type, values });
  }

  private pid = (text: string): number => {
    const n = strtoul(text);
    if (n === null) throw new Fail('process ID list syntax error');
    if (n < 1 || n > 0x7fffffff) throw new Fail('process ID out of range');
    return n;
  };

  private uid = (text: string): number => {
    let n = strtoul(text);
    if (n === null) {
      const id = this.env.names.uidOf(text);
      if (id === undefined) {
        if (!this.s.negate) throw new Fail('user name does not exist');
        n = -1;
      } else n = id;
    }
    if (!this.s.negate && n > 0xfffffffe) throw new Fail('user ID out of range');
    return n;
  };

  private gid = (text: string): number => {
    let n = strtoul(text);
    if (n === null) {
      const id = this.env.names.gidOf(text);
      if (id === undefined) {
        if (!this.s.negate) throw new Fail('group name does not exist');
        n = -1;
      } else n = id;
    }
    if (!this.s.negate && n > 0xfffffffe) throw new Fail('group ID out of range');
    return n;
  };

  private tty = async (text: string): Promise<number> => {
    const sys = this.env.sys;
    const tryPath = async (path: string): Promise<number | null | 'notchr'> => {
      try {
        const st = await sys.stat(path);
        return (st.mode & S_IFMT) === S_IFCHR ? st.rdev : 'notchr';
      } catch (e) {
        if (!isSysError(e)) throw e;
        return null;
      }
    };
    const candidates = text.startsWith('/') ? [text]
      : [`/dev/pts/${text}`, `/dev/${text}`, `/dev/tty${text}`, `/dev/pty${text}`, `/dev/${text}nsole`];
    for (const path of candidates) {
      const r = await tryPath(path);
      if (r === 'notchr') throw new Fail('list member was not a TTY');
      if (r !== null) return r;
      if (text.startsWith('/')) throw new Fail('TTY could not be found');
    }
    if (text === '-' || text === '?') return 0;
    if (text.length === 1 && (await tryPath(text)) !== null) return 0;
    throw new Fail('TTY could not be found');
  };

  async parseAll(): Promise<void> {
    for (this.i = 0; this.i < this.argv.length; this.i++) {
      const word = this.argv[this.i]!;
      const type = argType(word);
      if (type === 'gnu') await this.gnu();
      else if (type === 'sysv' && !this.forceBsd) await this.sysv();
      else if (type === 'sysv' || type === 'bsd') {
        this.s.preferBsd = true;
        await this.bsd();
      } else if (type === 'pid' || type === 'pgrp' || type === 'sess') {
        this.s.preferBsd = true;
        this.trailingPids();
        return;
      } else throw new Fail('garbage option');
    }
  }

  private async sysv(): Promise<void> {
    const word = this.argv[this.i]!;
    const s = this.s;
    for (this.flag = 1; this.flag < word.length; this.flag++) {
      const c = word[this.flag]!;
      const need = async (what: string, parse: (t: string) => Promise<number | string> | number | string, type: SelType): Promise<true> => {
        const arg = this.optArg();
        if (arg === null) throw new Fail(what);
        await this.list(arg, parse, type);
        return true;
      };
      switch (c) {
        case 'A': case 'e': s.allProcesses = true; break;
        case 'C': await need('list of command names must follow -C', (t) => t.slice(0, 63), 'COMM'); return;
        case 'D': {
          const arg = this.optArg();
          if (arg === null) throw new Fail('date format must follow -D');
          s.lstartFormat = arg;
          break;
        }
        case 'F': s.formatModifiers |= FM_F; s.formatFlags |= FF_Uf; s.unixF = true; break;
        case 'G': await need('list of real groups must follow -G', this.gid, 'RGID'); return;
        case 'H': s.forestType = 'u'; break;
        case 'L': s.threadFlags |= TF_U_L; break;
        case 'M': case 'Z': s.formatModifiers |= FM_M; break;
        case 'N': s.negate = true; break;
        case 'O': {
          const arg = this.optArg();
          if (arg === null) throw new Fail('format or sort specification must follow -O');
          s.sf.push({ sf: arg, code: 'U_O' });
          return;
        }
        case 'P': s.formatModifiers |= FM_P; break;
        case 'T': s.threadFlags |= TF_U_T; break;
        case 'U': await need('list of real users must follow -U', this.uid, 'RUID'); return;
        case 'V':
          if (this.argv.length !== 1 || this.argv[0] !== '-V') throw new Fail('the option is exclusive: -V');
          s.quit = versionLine('ps');
          return;
        case 'a': s.simpleSelect |= SS_U_a; break;
        case 'c': s.formatModifiers |= FM_c; break;
        case 'd': s.simpleSelect |= SS_U_d; break;
        case 'f': s.formatFlags |= FF_Uf; s.unixF = true; break;
        case 'g': {
          const arg = this.optArg();
          if (arg === null) throw new Fail('list of session leaders OR effective group names must follow -g');
          try {
            await this.list(arg, this.pid, 'SESS');
          } catch (e) {
            if (!(e instanceof Fail)) throw e;
            try {
              await this.list(arg, this.gid, 'EGID');
            } catch (e2) {
              if (!(e2 instanceof Fail)) throw e2;
              throw new Fail('list of session leaders OR effective group IDs was invalid');
            }
          }
          return;
        }
        case 'j': s.formatModifiers |= FM_j; break;
        case 'l': s.formatFlags |= FF_Ul; break;
        case 'm': s.threadFlags |= TF_U_m; break;
        case 'o': {
          const arg = this.optArg();
          if (arg === null) throw new Fail('format specification must follow -o');
          s.sf.push({ sf: arg, code: 'U_o' });
          return;
        }
        case 'p': await need('list of process IDs must follow -p', this.pid, 'PID'); return;
        case 'q': await need('List of process IDs must follow -q.', this.pid, 'PID_QUICK'); return;
        case 's': await need('list of session IDs must follow -s', this.pid, 'SESS'); return;
        case 't': await need('list of terminals (pty, tty...) must follow -t', this.tty, 'TTY'); return;
        case 'u': await need('list of users must follow -u', this.uid, 'EUID'); return;
        case 'w': s.wCount++; break;
        case 'x': throw new Fail('must set personality to get -x option');
        case 'y': s.formatModifiers |= FM_y; break;
        case '-': throw new Fail("embedded '-' among SysV options makes no sense");
        default: throw new Fail('unsupported SysV option');
      }
    }
  }

  private async bsd(): Promise<void> {
    const word = this.argv[this.i]!;
    const s = this.s;
    const start = word.startsWith('-') ? 1 : 0;
    for (this.flag = start; this.flag < word.length; this.flag++) {
      const c = word[this.flag]!;
      const need = async (what: string, parse: (t: string) => Promise<number | string> | number | string, type: SelType): Promise<void> => {
        const arg = this.optArg();
        if (arg === null) throw new Fail(what);
        await this.list(arg, parse, type);
      };
      if (c >= '0' && c <= '9') {
        await this.list(word.slice(this.flag), this.pid, 'PID');
        return;
      }
      switch (c) {
        case 'H': s.threadFlags |= TF_B_H; break;
        case 'L':
          if (this.argv.length !== 1 || this.argv[0] !== 'L') throw new Fail('the option is exclusive: L');
          s.quit = formatSpecifierList();
          return;
        case 'M': s.threadFlags |= TF_B_m; break;
        case 'O': {
          const arg = this.optArg();
          if (arg === null) throw new Fail('format or sort specification must follow O');
          s.sf.push({ sf: arg, code: 'B_O' });
          return;
        }
        case 'S': s.deadChildren = true; break;
        case 'T': s.selections.push({ type: 'TTY', values: [this.env.cachedTty] }); break;
        case 'U': await need('list of users must follow U', this.uid, 'EUID'); return;
        case 'V':
          if (this.argv.length !== 1 || this.argv[0] !== 'V') throw new Fail('the option is exclusive: V');
          s.quit = versionLine('ps');
          return;
        case 'W': throw new Fail('obsolete W option not supported (you have a /dev/drum?)');
        case 'X': s.formatFlags |= FF_LX; break;
        case 'Z': s.formatModifiers |= FM_M; break;
        case 'a': s.simpleSelect |= SS_B_a; break;
        case 'c': s.bsdC = true; break;
        case 'e': s.bsdE = true; break;
        case 'f': s.forestType = 'b'; break;
        case 'g': s.simpleSelect |= SS_B_g; break;
        case 'h':
          if (s.headerSet) throw new Fail('only one heading option may be specified');
          s.headerSet = true;
          s.headerType = 'none';
          break;
        case 'j': s.formatFlags |= FF_Bj; break;
        case 'k': {
          const arg = this.optArg();
          if (arg === null) throw new Fail("long sort specification must follow 'k'");
          s.sf.push({ sf: arg, code: 'G_sort' });
          return;
        }
        case 'l': s.formatFlags |= FF_Bl; break;
        // The Linux personality's m shows threads; on the second (BSD) pass procps prefers old Linux m.
        case 'm':
          if (this.forceBsd) s.formatFlags |= FF_Lm;
          else s.threadFlags |= TF_B_m;
          break;
        case 'n': s.wchanIsNumber = true; s.userIsNumber = true; break;
        case 'o': {
          const arg = this.optArg();
          if (arg === null) throw new Fail('format specification must follow o');
          s.sf.push({ sf: arg, code: 'B_o' });
          return;
        }
        case 'p': await need('list of process IDs must follow p', this.pid, 'PID'); return;
        case 'q': await need('List of process IDs must follow q.', this.pid, 'PID_QUICK'); return;
        case 'r': s.runningOnly = true; break;
        case 's': s.formatFlags |= FF_Bs; break;
        case 't': {
          const arg = this.optArg();
          if (arg === null) s.selections.push({ type: 'TTY', values: [this.env.cachedTty] });
          else await this.list(arg, this.tty, 'TTY');
          return;
        }
        case 'u': s.formatFlags |= FF_Bu; break;
        case 'v': s.formatFlags |= FF_Bv; break;
        case 'w': s.wCount++; break;
        case 'x': s.simpleSelect |= SS_B_x; break;
        case '-': throw new Fail("embedded '-' among BSD options makes no sense");
        default: throw new Fail('unsupported option (BSD syntax)');
      }
    }
  }

  /** grab_gnu_arg: after '=' or ':', else the next word. */
  private gnuArg(rest: string): string | null {
    if (rest.startsWith('=') || rest.startsWith(':')) return rest.length > 1 ? rest.slice(1) : null;
    if (rest !== '') return null;
    if (this.i + 1 >= this.argv.length) return null;
    if (this.argv[this.i + 1] === '') return null;
    return this.argv[++this.i]!;
  }

  private async gnu(): Promise<void> {
    const word = this.argv[this.i]!.slice(2);
    const len = word.search(/[:=]|$/);
    if (len > 15) throw new Fail('unknown gnu long option');
    const name = word.slice(0, len);
    const rest = word.slice(len);
    const s = this.s;
    const listOf = async (what: string, parse: (t: string) => Promise<number | string> | number | string, type: SelType): Promise<void> => {
      const arg = this.gnuArg(rest);
      if (arg === null) throw new Fail(what);
      await this.list(arg, parse, type);
    };
    const noArg = (what: string): void => {
      if (rest) throw new Fail(`option --${what} does not take an argument`);
    };
    switch (name) {
      case 'Group': return listOf('list of real groups must follow --Group', this.gid, 'RGID');
      case 'User': return listOf('list of real users must follow --User', this.uid, 'RUID');
      case 'cols': case 'width': case 'columns': {
        const arg = this.gnuArg(rest);
        const n = arg ? strtol0(arg) : null;
        if (n !== null && n > 0 && n < 2000000000) {
          s.screenCols = n;
          return;
        }
        throw new Fail('number of columns must follow --cols, --width, or --columns');
      }
      case 'context': s.formatFlags |= FF_Fc; return;
      case 'cumulative': noArg('cumulative'); s.deadChildren = true; return;
      case 'date-format': {
        const arg = this.gnuArg(rest);
        if (arg === null) throw new Fail('date format must follow --date-format');
        s.lstartFormat = arg;
        return;
      }
      case 'deselect': noArg('deselect'); s.negate = true; return;
      case 'no-header': case 'no-headers': case 'no-heading': case 'no-headings':
      case 'noheader': case 'noheaders': case 'noheading': case 'noheadings':
        if (rest) throw new Fail('option --no-heading does not take an argument');
        if (s.headerSet) throw new Fail('only one heading option may be specified');
        s.headerSet = true;
        s.headerType = 'none';
        return;
      case 'header': case 'headers': case 'heading': case 'headings':
        if (rest) throw new Fail('option --heading does not take an argument');
        if (s.headerSet) throw new Fail('only one heading option may be specified');
        s.headerSet = true;
        s.headerType = 'multi';
        return;
      case 'forest': noArg('forest'); s.forestType = 'g'; return;
      case 'format': {
        const arg = this.gnuArg(rest);
        if (arg === null) throw new Fail('format specification must follow --format');
        s.sf.push({ sf: arg, code: 'G_format' });
        return;
      }
      case 'group': return listOf('list of effective groups must follow --group', this.gid, 'EGID');
      case 'help': {
        const arg = this.gnuArg(rest);
        s.quit = arg === null ? helpText(meta) : sectionHelp(arg);
        return;
      }
      case 'info':
        if (this.argv.length !== 1 || this.argv[0] !== '--info') throw new Fail('the option is exclusive: --info');
        s.quit = `EUID ${this.env.cachedEuid}, TTY ${this.env.cachedTty}\n`;
        return;
      case 'lines': case 'rows': {
        const arg = this.gnuArg(rest);
        const n = arg ? strtol0(arg) : null;
        if (n !== null && n > 0 && n < 2000000000) {
          s.screenRows = n;
          return;
        }
        throw new Fail('number of rows must follow --rows or --lines');
      }
      case 'pid': return listOf('list of process IDs must follow --pid', this.pid, 'PID');
      case 'quick-pid': return listOf('List of process IDs must follow --quick-pid.', this.pid, 'PID_QUICK');
      case 'ppid': return listOf('list of process IDs must follow --ppid', this.pid, 'PPID');
      case 'sid': return listOf('some sid thing(s) must follow --sid', this.pid, 'SESS');
      case 'sort': {
        const arg = this.gnuArg(rest);
        if (arg === null) throw new Fail('long sort specification must follow --sort');
        s.sf.push({ sf: arg, code: 'G_sort' });
        return;
      }
      case 'tty': return listOf('list of ttys must follow --tty', this.tty, 'TTY');
      case 'user': return listOf('list of effective users must follow --user', this.uid, 'EUID');
      case 'version':
        if (this.argv.length !== 1 || this.argv[0] !== '--version') throw new Fail('the option is exclusive: --version');
        s.quit = versionLine('ps');
        return;
      default:
        throw new Fail('unknown gnu long option');
    }
  }

  private trailingPids(): void {
    const pids: number[] = [];
    const grps: number[] = [];
    const sids: number[] = [];
    for (; this.i < this.argv.length; this.i++) {
      const data = this.argv[this.i]!;
      if (data.startsWith('-')) grps.push(this.pid(data.slice(1)));
      else if (data.startsWith('+')) sids.push(this.pid(data.slice(1)));
      else pids.push(this.pid(data));
    }
    if (pids.length) this.s.selections.push({ type: 'PID', values: pids });
    if (grps.length) this.s.selections.push({ type: 'PGRP', values: grps });
    if (sids.length) this.s.selections.push({ type: 'SESS', values: sids });
  }

  threadCheck(): void {
    const s = this.s;
    if (!s.threadFlags) {
      s.threadFlags = TF_show_proc;
      return;
    }
    if (s.forestType) throw new Fail('thread display conflicts with forest display');
    if (s.threadFlags & TF_B_H && s.threadFlags & (TF_B_m | TF_U_m)) throw new Fail("thread flags conflict; can't use H with m or -m");
    if (s.threadFlags & TF_B_m && s.threadFlags & TF_U_m) throw new Fail("thread flags conflict; can't use both m and -m");
    if (s.threadFlags & TF_U_L && s.threadFlags & TF_U_T) throw new Fail("thread flags conflict; can't use both -L and -T");
    if (s.threadFlags & TF_B_H) s.threadFlags |= TF_show_proc | TF_loose_tasks;
    if (s.threadFlags & (TF_B_m | TF_U_m)) s.threadFlags |= TF_show_proc | TF_show_task | TF_show_both;
    if (s.threadFlags & (TF_U_T | TF_U_L)) {
      if (s.threadFlags & (TF_B_m | TF_U_m | TF_B_H)) s.threadFlags |= TF_must_use;
      else s.threadFlags |= TF_show_task;
    }
  }

  selectSetup(): void {
    const s = this.s;
    switch (s.simpleSelect & ~SS_B_g) {
      case 0: case SS_U_a: case SS_U_d: case SS_U_a | SS_U_d: case SS_B_a: case SS_B_x: break;
      case SS_B_a | SS_B_x:
        s.simpleSelect = 0;
        s.allProcesses = true;
        break;
      default: throw new Fail('process selection options conflict');
    }
    s.simpleSelect &= ~SS_B_g;
  }

  finish(): void {
    const s = this.s;
    if (s.wCount && s.screenCols < 132) s.screenCols = 132;
    if (s.wCount > 1) s.screenCols = OUTBUF_SIZE;
  }

  // ---- formats and sorting (sortformat.c) ---------------------------------------------------------

  processSf(): void {
    const s = this.s;
    let parsedFormat = false;
    let parsedSort = false;
    const haveGnuSort = s.sf.some((x) => x.code === 'G_sort');
    const formats: FormatNode[] = [];
    const sorts: SortNode[] = [];
    for (const node of s.sf) {
      switch (node.code) {
        case 'U_o': case 'B_o': case 'G_format':
          formats.push(...this.formatParse(node.sf));
          parsedFormat = true;
          break;
        case 'U_O':
          if (parsedFormat) throw new Fail('option -O can not follow other format options');
          formats.push(...this.wrap(this.formatParse(node.sf), 'END_SYS5'));
          parsedFormat = true;
          break;
        case 'B_O': {
          const sortErr = haveGnuSort || parsedSort ? 'multiple sort options' : verifyShortSort(node.sf, s.forestType);
          if (!sortErr) {
            sorts.unshift(...shortSort(node.sf));
            parsedSort = true;
            break;
          }
          if (parsedFormat) throw new Fail('option O is neither first format nor sort order');
          formats.push(...this.wrap(this.formatParse(node.sf), 'END_BSD'));
          parsedFormat = true;
          break;
        }
        case 'G_sort': case 'B_m':
          if (parsedSort) throw new Fail('multiple sort options');
          sorts.unshift(...longSort(node.sf));
          parsedSort = true;
          break;
      }
    }
    s.sortList = sorts;
    if (formats.length) {
      if (s.formatFlags) throw new Fail('conflicting format options');
      if (s.formatModifiers) throw new Fail('can not use output modifiers with user-defined output');
      if (s.threadFlags & TF_must_use) throw new Fail('-L/-T with H/m/-m and -o/-O/o/O is nonsense');
      s.formatList = formats;
      return;
    }
    const spec = ((): string | null => {
      switch (s.formatFlags) {
        case 0: case FF_Uf: case FF_Ul: case FF_Uf | FF_Ul: return null;
        case FF_Bj: return 'OL_j';
        case FF_Bl: return 'OL_l';
        case FF_Bs: return 'OL_s';
        case FF_Bu: return 'OL_u';
        case FF_Bv: return 'OL_v';
        case FF_LX: return 'OL_X';
        case FF_Lm: return 'OL_m';
        case FF_Fc: return 'FLASK';
        default: throw new Fail('conflicting format options');
      }
    })();
    if (spec === null) {
      s.formatList = this.sysvList();
      return;
    }
    s.formatList = spec === 'FLASK' ? this.specs('pid,label,command') : this.spec(spec);
    const add = (after: string[], spec2: string): boolean => {
      for (const name of after) {
        const at = s.formatList.findIndex((f) => f.name === name);
        if (at >= 0) {
          s.formatList.splice(at + 1, 0, ...this.spec(spec2));
          return true;
        }
      }
      return false;
    };
    const del = (name: string): void => {
      const at = s.formatList.findIndex((f) => f.name === name);
      if (at >= 0) s.formatList.splice(at, 1);
    };
    if (s.formatModifiers & FM_j) {
      if (!add(['PPID', 'PID'], 'pgid')) throw new Fail('internal error: no PID or PPID for -j option');
      if (!add(['PGID'], 'sid')) throw new Fail('lost my PGID');
    }
    if (s.formatModifiers & FM_y) {
      del('F');
      if (add(['ADDR'], 'rss')) del('ADDR');
    }
    if (s.formatModifiers & FM_c) {
      for (const n of ['%CPU', 'CPU', 'CP', 'C', 'NI']) del(n);
      if (!add(['PRI'], 'class')) throw new Fail('internal error: no PRI for -c option');
      del('PRI');
      if (!add(['CLS'], 'pri')) throw new Fail('lost my CLS');
    }
    if (s.threadFlags & TF_U_T) {
      if (!add(['PID'], 'spid') && s.threadFlags & TF_must_use) throw new Fail('-T with H/-m/m but no PID for SPID to follow');
    }
    if (s.threadFlags & TF_U_L) {
      if (!add(['SID', 'SESS', 'PGID', 'PGRP', 'PPID', 'PID'], 'lwp') && s.threadFlags & TF_must_use) {
        throw new Fail('-L with H/-m/m but no PID/PGID/SID/SESS for NLWP to follow');
      }
      add(['%CPU'], 'nlwp');
    }
    if (s.formatModifiers & FM_M) s.formatList.unshift(...this.spec('label'));
  }

  private spec(name: string): FormatNode[] {
    return oneSpec(name, null, this.env.pidLen)!;
  }

  private specs(names: string): FormatNode[] {
    return names.split(',').flatMap((n) => this.spec(n));
  }

  private wrap(list: FormatNode[], trailer: string): FormatNode[] {
    return [...this.spec('pid'), ...list, ...this.spec(trailer)];
  }

  /** generate_sysv_list: the default, -f, -F, -l, -j columns. */
  private sysvList(): FormatNode[] {
    const s = this.s;
    if (s.formatModifiers & FM_y && !(s.formatFlags & FF_Ul)) throw new Fail('modifier -y without format -l makes no sense');
    const out: string[] = [];
    const push = (n: string): void => {
      out.unshift(n);
    };
    if (s.preferBsd) {
      push(s.formatFlags ? 'cmd' : 'args');
      push('bsdtime');
      if (!(s.formatFlags & FF_Ul)) push('stat');
    } else {
      push(s.formatFlags & FF_Uf ? 'cmd' : 'ucmd');
      push('time');
    }
    push('tname');
    if (s.formatFlags & FF_Uf) push('stime');
    if (s.formatModifiers & FM_F) {
      if (!(s.formatModifiers & FM_P)) push('psr');
      if (!(s.formatFlags & FF_Ul && s.formatModifiers & FM_y)) push('rss');
    }
    if (s.formatFlags & FF_Ul) push('wchan');
    if (s.formatModifiers & FM_F || s.formatFlags & FF_Ul) push('sz');
    if (s.formatFlags & FF_Ul) push(s.formatModifiers & FM_y ? 'rss' : 'addr_1');
    if (s.formatModifiers & FM_c) {
      push('pri');
      push('class');
    } else if (s.formatFlags & FF_Ul) {
      push('ni');
      push('opri');
    }
    if (s.threadFlags & TF_U_L && s.formatFlags & FF_Uf) push('nlwp');
    if (s.formatFlags & (FF_Uf | FF_Ul) && !(s.formatModifiers & FM_c)) push('c');
    if (s.formatModifiers & FM_P) push('psr');
    if (s.threadFlags & TF_U_L) push('lwp');
    if (s.formatModifiers & FM_j) {
      push('sid');
      push('pgid');
    }
    if (s.formatFlags & (FF_Uf | FF_Ul)) push('ppid');
    if (s.threadFlags & TF_U_T) push('spid');
    push('pid');
    if (s.formatFlags & FF_Uf) push('uid_hack');
    else if (s.formatFlags & FF_Ul) push('uid');
    if (s.formatFlags & FF_Ul) {
      push('s');
      if (!(s.formatModifiers & FM_y)) push('f');
    }
    if (s.formatModifiers & FM_M) push('label');
    return out.flatMap((n) => this.spec(n));
  }

  /** format_parse: "a,b c", "name=HEADER" (to the end of the list for the last item), "name:WIDTH". */
  private formatParse(sf: string): FormatNode[] {
    const items = countItems(sf);
    if (items === null) throw new Fail('improper format list');
    if (items.count === 0) throw new Fail('empty format list');
    let buf = items.trimmed;
    const out: FormatNode[] = [];
    let left = items.count;
    while (left--) {
      const sep = buf.search(/[ ,\t\n]/);
      let item: string;
      if (left && sep >= 0) {
        item = buf.slice(0, sep);
        buf = buf.slice(sep + 1);
      } else {
        item = buf;
        buf = '';
      }
      let override: string | null = null;
      const eq = item.indexOf('=');
      if (eq >= 0) {
        override = item.slice(eq + 1);
        item = item.slice(0, eq);
      }
      let width: number | null = null;
      const colon = item.indexOf(':');
      if (colon >= 0) {
        const w = item.slice(colon + 1);
        item = item.slice(0, colon);
        if (!/^[0-9]+$/.test(w) || w.startsWith('0') || Number(w) <= 0) throw new Fail('column widths must be unsigned decimal numbers');
        width = Number(w);
      }
      const nodes = oneSpec(item, override, this.env.pidLen);
      if (!nodes) throw new Fail(`unknown user-defined format specifier "${item}"`);
      if (width !== null) {
        if (nodes.length > 1) throw new Fail('can not set width for a macro (multi-column) format specifier');
        nodes[0]!.width = width;
      }
      out.push(...nodes);
    }
    return out;
  }
}

function argType(word: string): 'gnu' | 'end' | 'pgrp' | 'sysv' | 'pid' | 'bsd' | 'fail' | 'sess' {
  const a = word[0] ?? '';
  if (/[a-zA-Z]/.test(a)) return 'bsd';
  if (/[0-9]/.test(a)) return 'pid';
  if (a === '+') return 'sess';
  if (a !== '-') return 'fail';
  const b = word[1] ?? '';
  if (/[a-zA-Z]/.test(b)) return 'sysv';
  if (/[0-9]/.test(b)) return 'pgrp';
  if (b !== '-') return 'fail';
  const c = word[2] ?? '';
  if (/[a-zA-Z]/.test(c)) return 'gnu';
  if (c === '') return 'end';
  return 'fail';
}

/** Items of a list separated by blanks or commas; null if an item is empty. */
function splitList(arg: string): string[] | null {
  const parts = arg.split(/[ ,\t]/);
  if (parts.some((p) => p === '')) return null;
  return parts;
}

/** Counting as format_parse does: one trailing separator allowed, none doubled or leading. */
function countItems(sf: string): { count: number; trimmed: string } | null {
  let need = true;
  let count = 0;
  for (let i = 0; i <= sf.length; i++) {
    const c = sf[i];
    if (c === undefined && i > 0) {
      // The terminating NUL is checked only when the string is empty (do ... while (*++walk)).
      break;
    }
    if (c === undefined || c === ' ' || c === ',' || c === '\t' || c === '\n') {
      if (need) return null;
      need = true;
    } else {
      if (need) count++;
      need = false;
    }
  }
  if (count === 0) return { count: 0, trimmed: sf };
  return { count, trimmed: need ? sf.slice(0, -1) : sf };
}

/** strtoul(…, 0): decimal, 0x hex or 0 octal, all of the text. */
function strtoul(text: string): number | null {
  const t = text.trim();
  let m = /^\+?0[xX]([0-9a-fA-F]+)$/.exec(t);
  if (m) return parseInt(m[1]!, 16);
  m = /^\+?(0[0-7]*)$/.exec(t);
  if (m) return parseInt(m[1]!, 8);
  m = /^\+?([1-9][0-9]*)$/.exec(t);
  if (m) return Number(m[1]);
  return null;
}

function strtol0(text: string): number | null {
  const m = /^[ \t]*([+-]?)(.*)$/.exec(text)!;
  const n = strtoul(m[2]!);
  return n === null ? null : m[1] === '-' ? -n : n;
}

const SHORT_SORT: Record<string, string> = {
  C: 'pcpu', G: 'tpgid', J: 'cstime', M: 'maj_flt', N: 'cmaj_flt', P: 'ppid', R: 'resident', S: 'share', T: 'start_time',
  U: 'uid', c: 'cmd', f: 'flags', g: 'pgrp', j: 'cutime', k: 'utime', m: 'min_flt', n: 'cmin_flt', o: 'session', p: 'pid',
  r: 'rss', s: 'size', t: 'tty', u: 'user', v: 'vsize', y: 'priority',
};

function verifyShortSort(arg: string, forestType: string): string | null {
  if (!/^[CGJKMNPRSTUcfgjkmnoprstuvy+-]*$/.test(arg)) return 'bad sorting code';
  const seen = new Set<string>();
  for (let i = 0; i < arg.length; i++) {
    const c = arg[i]!;
    if (c === '+' || c === '-') {
      const n = arg[i + 1];
      if (!n || n === '+' || n === '-') return 'bad sorting code';
      continue;
    }
    if (c === 'P' && forestType) return 'PPID sort and forest output conflict';
    if (seen.has(c)) return 'bad sorting code';
    seen.add(c);
  }
  return null;
}

function sortNode(spec: string, reverse: boolean): SortNode {
  const f = findFormat(spec);
  if (!f?.key) throw new Fail('unknown sort specifier');
  return { key: f.key, reverse };
}

/** Nodes in the order they are applied: the last one decides first among equals... */
function shortSort(arg: string): SortNode[] {
  const out: SortNode[] = [];
  let reverse = false;
  for (const c of arg) {
    if (c === '+') reverse = false;
    else if (c === '-') reverse = true;
    else {
      out.unshift(sortNode(SHORT_SORT[c]!, reverse));
      reverse = false;
    }
  }
  return out;
}

function longSort(arg: string): SortNode[] {
  const items = countItems(arg);
  if (items === null) throw new Fail('improper sort list');
  if (items.count === 0) throw new Fail('empty sort list');
  const out: SortNode[] = [];
  for (const item of items.trimmed.split(/[ ,\t\n]/)) {
    let spec = item;
    let reverse = false;
    if (spec.startsWith('-')) {
      reverse = true;
      spec = spec.slice(1);
    } else if (spec.startsWith('+')) spec = spec.slice(1);
    out.unshift(sortNode(spec, reverse));
  }
  return out;
}

async function argParse(env: Env, args: string[]): Promise<Settings> {
  const attempt = async (forceBsd: boolean): Promise<Settings> => {
    const p = new Parser(env, args, forceBsd);
    await p.parseAll();
    if (p.s.quit !== null) return p.s;
    p.threadCheck();
    p.processSf();
    p.selectSetup();
    p.finish();
    return p.s;
  };
  try {
    return await attempt(false);
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    try {
      return await attempt(true);
    } catch (e2) {
      if (!(e2 instanceof Fail)) throw e2;
      throw e;
    }
  }
}

/** arg_check_conflicts: -q reads only the PIDs given, so it mixes with nothing that needs them all. */
function quickPidConflict(s: Settings): string | null {
  const quick = s.selections.filter((x) => x.type === 'PID_QUICK').length;
  if (!quick) return null;
  if (quick > 1) return 'q/-q/--quick-pid can only be used once.';
  if (s.selections.length > quick) return 'q/-q/--quick-pid cannot be combined with other selection options.';
  if (s.forestType) return 'q/-q/--quick-pid cannot be used together with forest type listings.';
  if (s.sortList.length) return 'q/-q,--quick-pid cannot be used together with sort options.';
  if (s.negate) return 'q/-q/--quick-pid cannot be used together with negation switches.';
  return null;
}

// ---- selection and output ---------------------------------------------------------------------

function wanted(env: Env, s: Settings, p: Proc): boolean {
  let ok = true;
  check: {
    if (s.allProcesses) break check;
    if (s.simpleSelect || s.selections.length === 0) {
      if (simpleAccept(env, s, p)) break check;
    }
    if (listed(s, p)) break check;
    ok = false;
  }
  if (s.runningOnly && p.state !== 'R' && p.state !== 'D') ok = false;
  return s.negate ? !ok : ok;
}

function simpleAccept(env: Env, s: Settings, p: Proc): boolean {
  const sel = s.simpleSelect;
  const myEuid = sel === 0 || sel === SS_B_x;
  const myTty = sel === 0 && !s.preferBsd;
  const hasTty = (sel === 0 && s.preferBsd) || sel === SS_U_a || sel === SS_B_a;
  const noLeader = sel === SS_U_a || sel === SS_U_d || sel === (SS_U_a | SS_U_d);
  if (myEuid && p.euid !== env.cachedEuid) return false;
  if (myTty && p.ttyNr !== env.cachedTty) return false;
  if (noLeader && p.session === p.pid) return false;
  if (hasTty && p.ttyNr === 0) return false;
  return true;
}

function listed(s: Settings, p: Proc): boolean {
  for (const sel of s.selections) {
    const has = (v: number): boolean => sel.values.includes(v);
    switch (sel.type) {
      case 'RUID': if (has(p.ruid)) return true; break;
      case 'EUID': if (has(p.euid)) return true; break;
      case 'RGID': if (has(p.rgid)) return true; break;
      case 'EGID': if (has(p.egid)) return true; break;
      case 'PGRP': if (has(p.pgrp)) return true; break;
      case 'PID': case 'PID_QUICK': if (has(p.pid)) return true; break;
      case 'PPID': if (has(p.ppid)) return true; break;
      case 'TTY': if (has(p.ttyNr)) return true; break;
      case 'SESS': if (has(p.session)) return true; break;
      case 'COMM':
        for (const v of sel.values as string[]) {
          if (p.comm.length === 15 && v.length >= 15 && p.comm === v.slice(0, 15)) return true;
          if (p.comm === v) return true;
        }
        break;
    }
  }
  return false;
}

async function loadExtras(sys: Sys, rows: Row[], list: FormatNode[], bsdE: boolean): Promise<void> {
  const needs = new Set(list.map((f) => f.need).filter(Boolean));
  if (bsdE) needs.add('environ');
  if (needs.size === 0) return;
  for (const r of rows) {
    const pid = r.p.pid;
    if (needs.has('environ')) r.environ = await readEnviron(sys, pid);
    if (needs.has('cgroup')) {
      const text = await readText(sys, `/proc/${pid}/cgroup`);
      r.cgroup = text ? text.replace(/\n$/, '').split('\n').join(';') : '-';
    }
    if (needs.has('exe')) {
      try {
        r.exe = await sys.readlink(`/proc/${pid}/exe`);
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
    }
    if (needs.has('oom')) {
      r.oomScore = Number((await readText(sys, `/proc/${pid}/oom_score`)) ?? 0) || 0;
      r.oomAdj = Number((await readText(sys, `/proc/${pid}/oom_adj`)) ?? 0) || 0;
    }
    if (needs.has('ns')) {
      r.ns = {};
      for (const ns of ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts']) {
        try {
          const link = await sys.readlink(`/proc/${pid}/ns/${ns}`);
          const m = /\[(\d+)\]/.exec(link);
          if (m) r.ns[ns] = Number(m[1]);
        } catch (e) {
          if (!isSysError(e)) throw e;
        }
      }
    }
  }
}

async function display(env: Env, s: Settings): Promise<number> {
  const sys = env.sys;
  const mem = await readMeminfo(sys);
  const memTotal = mem ? memSummary(mem).total : 0;
  const { btime } = await readStat(sys);
  const { cols, wideSignals } = activeColumns(s.formatList, s.screenCols);
  const ctx: Ctx = {
    names: env.names, memTotal, btime, now: Number((await sys.clockGettime(0)) / 1_000_000_000n), uptime: await readUptime(sys),
    bsdC: s.bsdC, bsdE: s.bsdE, unixF: s.unixF, userIsNumber: s.userIsNumber, wchanIsNumber: s.wchanIsNumber,
    deadChildren: s.deadChildren, wideSignals, lstartFormat: s.lstartFormat, forestType: s.forestType, forestPrefix: '',
  };

  // lists_and_needs: with m/-m, process lines leave thread columns out and thread lines the reverse.
  let procList = s.formatList;
  let taskList = s.formatList;
  if (s.threadFlags & TF_show_both) {
    const blank = (f: FormatNode): FormatNode => ({ ...f, pr: () => '-' });
    procList = s.formatList.map((f) => (f.when === 'TO' ? blank(f) : f));
    taskList = s.formatList.map((f) => (f.when === 'PO' ? blank(f) : f));
  }
  // check_headers: no header when every column's header is empty.
  let linesToNext = 1;
  let headerGap = -1;
  if (s.headerType === 'multi') headerGap = s.screenRows - 1;
  else if (s.headerType === 'none' || !s.formatList.some((f) => f.name !== '' && f.pr)) linesToNext = -1;

  let out = '';
  let printed = false;
  const show = (row: Row, list: FormatNode[]): void => {
    if (!--linesToNext) {
      linesToNext = headerGap;
      out += showOneProc(ctx, null, list, cols);
    }
    printed = true;
    out += showOneProc(ctx, row, list, cols);
  };
  const flush = async (): Promise<void> => {
    if (out.length > 65536) {
      await writeOut(sys, out);
      out = '';
    }
  };

  const rows = (await readAllProcs(sys)).map((p) => ({ p }) as Row);
  const chosen = rows.filter((r) => wanted(env, s, r.p));
  await loadExtras(sys, chosen, s.formatList, s.bsdE);
  if (s.forestType || s.sortList.length) {
    let list = chosen;
    const sorts = [...s.sortList];
    if (s.forestType) {
      if (!sorts.length) sorts.push({ key: (_c, r) => r.p.start, reverse: false });
      sorts.push({ key: (_c, r) => r.p.ppid, reverse: false });
    }
    for (const node of sorts) {
      list = [...list].sort((a, b) => {
        const x = node.key(ctx, a);
        const y = node.key(ctx, b);
        const d = typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
        return node.reverse ? -d : d;
      });
    }
    if (s.forestType) showForest(ctx, list, (r) => show(r, s.formatList));
    else for (const r of list) show(r, procList);
  } else {
    for (const r of chosen) {
      if (s.threadFlags & TF_show_both) {
        show(r, procList);
        show(r, taskList);
      } else show(r, s.threadFlags & (TF_show_task | TF_loose_tasks) ? taskList : procList);
      await flush();
    }
  }
  if (!printed) {
    if (!--linesToNext) out += showOneProc(ctx, null, s.formatList, cols);
    await writeOut(sys, out);
    return 1;
  }
  await writeOut(sys, out);
  return 0;
}

/** show_forest/show_tree: roots from the end of the sorted list, children under them. */
function showForest(ctx: Ctx, list: Row[], show: (r: Row) => void): void {
  const prefix: string[] = [];
  const tree = (self: number, level: number, haveSibling: boolean): void => {
    if (level) prefix[level - 1] = haveSibling ? '+' : 'L';
    prefix.length = level;
    ctx.forestPrefix = prefix.join('');
    show(list[self]!);
    const selfPid = list[self]!.p.pid;
    let i = list.findIndex((r) => r.p.ppid === selfPid);
    if (i < 0) return;
    if (level) prefix[level - 1] = haveSibling ? '|' : ' ';
    prefix.length = level;
    for (; i < list.length; i++) {
      const more = i + 1 < list.length && list[i + 1]!.p.ppid === selfPid;
      // Children of init stay at its level, except in the -H style (ps's "adopted" rule).
      tree(i, selfPid === 1 && ctx.forestType !== 'u' ? level : level + 1, more);
      if (!more) break;
    }
    prefix.length = level;
  };
  for (let i = list.length - 1; i >= 0; i--) {
    const ppid = list[i]!.p.ppid;
    if (list.some((r) => r.p.pid === ppid)) continue;
    tree(i, 0, false);
  }
  ctx.forestPrefix = '';
}
