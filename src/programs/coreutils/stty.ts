// stty (GNU coreutils): show or change the terminal settings of standard input (or -F DEVICE)
// through the tty ioctls: with no setting, the ones that differ from `sane`; -a all of them; -g
// a form stty reads back; `size`, `speed`, rows/cols N (TIOCSWINSZ); mode words (raw, -echo,
// icanon...) and control characters (intr ^C, eof undef). Settings are checked before the
// terminal is opened, applied with one TCSETSW, and read back to confirm, as GNU does.

import { isSysError, strerror } from '../../abi/errno.ts';
import { O_NONBLOCK, O_RDONLY } from '../../abi/open-flags.ts';
import { copyTermios, NCCS, type Termios, VMIN, VTIME, ICANON, CBAUD } from '../../abi/termios.ts';
import { utf8Encode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { localeIsUtf8 } from '../lib/locale.ts';
import { quoteIfNeeded } from '../lib/quote.ts';
import { quotearg } from '../lib/quotearg.ts';
import { helpText, versionText } from '../lib/help.ts';
import { tryHelp } from '../lib/tool.ts';
import { CONTROLS, type ControlInfo, FIELD, MODES, NO_SETATTR, OMIT, REV, SANE_SET, SANE_UNSET, setMode } from './stty-modes.ts';

export const meta: ProgramMeta = {
  name: 'stty', package: 'GNU coreutils', version: '9.1',
  usage: ['[-F DEVICE | --file=DEVICE] [SETTING]...', '[-F DEVICE | --file=DEVICE] [-a|--all]', '[-F DEVICE | --file=DEVICE] [-g|--save]'],
  summary: 'Show or change the settings of the terminal on standard input.',
  options: [
    { short: 'a', long: 'all', help: 'show every setting, readably' },
    { short: 'F', long: 'file', arg: 'required', argName: 'DEVICE', help: 'work on DEVICE instead of standard input' },
    { short: 'g', long: 'save', help: 'show every setting in a form stty can read back' },
  ],
  epilog: [
    'A setting preceded by - is turned off.',
    '',
    'Control characters (CHAR is ^X for a control key, ^? for DEL, undef or ^- for none):',
    '  intr, quit, erase, kill, eof, eol, eol2, swtch, start, stop, susp, rprnt, werase,',
    '  lnext, discard CHAR;  min N, time N (for reads without icanon)',
    'Terminal size and speed: rows N, cols N (columns N), size, speed, ispeed N, ospeed N, N',
    'Input: brkint icrnl ignbrk igncr ignpar imaxbel inlcr inpck istrip iuclc iutf8 ixany',
    '  ixoff ixon parmrk tandem',
    'Output: ocrnl ofdel ofill olcuc onlcr onlret onocr opost, and the delays nl0-1 cr0-3',
    '  tab0-3 bs0-1 vt0-1 ff0-1',
    'Local: crterase crtkill ctlecho echo echoctl echoe echok echoke echonl echoprt extproc',
    '  flusho icanon iexten isig noflsh prterase tostop xcase',
    'Control: clocal cmspar cread crtscts cs5-8 cstopb hup hupcl parenb parodd',
    'Combinations: cbreak cooked crt dec decctlq ek evenp lcase LCASE litout nl oddp parity',
    '  pass8 raw sane tabs',
  ].join('\n'),
};

const TCSADRAIN = 1;
const TCSANOW = 0;
/** glibc's struct termios has 32 control characters; the ones past the kernel's 19 read 0. */
const GLIBC_NCCS = 32;

const SPEEDS: Array<[number, number]> = [
  [0, 0], [50, 1], [75, 2], [110, 3], [134, 4], [150, 5], [200, 6], [300, 7], [600, 8], [1200, 9], [1800, 10],
  [2400, 11], [4800, 12], [9600, 13], [19200, 14], [38400, 15], [57600, 0o10001], [115200, 0o10002],
  [230400, 0o10003], [460800, 0o10004], [500000, 0o10005], [576000, 0o10006], [921600, 0o10007],
  [1000000, 0o10010], [1152000, 0o10011], [1500000, 0o10012], [2000000, 0o10013], [2500000, 0o10014],
  [3000000, 0o10015], [3500000, 0o10016], [4000000, 0o10017],
];

function speedOf(t: Termios): number {
  const code = t.cflag & CBAUD;
  return SPEEDS.find(([, c]) => c === code)?.[0] ?? 0;
}

/** string_to_baud: a rate from the table ("134.5" counts as 134, "exta"/"extb" as 19200/38400). */
function baudCode(arg: string): number | null {
  if (arg === 'exta') return 14;
  if (arg === 'extb') return 15;
  if (!/^[0-9]+(\.[0-9]*)?$/.test(arg)) return null;
  const [whole, frac] = arg.split('.') as [string, string | undefined];
  let n = Number(whole);
  // GNU rounds a fraction to even: 134.5 is B134.
  if (frac !== undefined && frac !== '' && (Number(`0.${frac}`) > 0.5 || (Number(`0.${frac}`) === 0.5 && n % 2 === 1))) n++;
  return SPEEDS.find(([v]) => v === n)?.[1] ?? null;
}

/** visible(): how a control character is shown. */
function visible(ch: number): string {
  if (ch === 0) return '<undef>';
  let out = '';
  if (ch >= 128) {
    out = 'M-';
    ch -= 128;
  }
  if (ch < 32) return `${out}^${String.fromCharCode(ch + 64)}`;
  if (ch === 127) return `${out}^?`;
  return out + String.fromCharCode(ch);
}

class Stop extends Error {
  constructor(readonly status: number) {
    super('stty stops');
  }
}

/** Lines wrapped at the screen width, as GNU's wrapf builds them. */
class Wrapper {
  text = '';
  col = 0;
  constructor(readonly max: number) {}
  wrap(item: string): void {
    const rest = item.split('\n').slice(1);
    if (this.col > 0) {
      // GNU measures the whole item, a trailing newline included.
      if (this.max - this.col < item.length) {
        this.text += '\n';
        this.col = 0;
      } else {
        this.text += ' ';
        this.col++;
      }
    }
    this.text += item;
    this.col = rest.length ? rest[rest.length - 1]!.length : this.col + item.length;
  }
  newline(): void {
    this.text += '\n';
    this.col = 0;
  }
}

class Stty {
  device: string;
  fd = 0;
  constructor(readonly sys: Sys, file: string | null) {
    this.device = file ?? 'standard input';
  }

  /** GNU's quote(): the locale's quotation marks (‘x’ under UTF-8, 'x' in C). */
  quote(s: string): string {
    return quotearg(s, { style: 'locale', utf8: localeIsUtf8((n) => this.sys.getenv(n)) });
  }

  async fail(message: string, status = 1): Promise<never> {
    await this.sys.writeAll(2, `stty: ${message}\n`);
    throw new Stop(status);
  }

  async usage(message: string): Promise<never> {
    await this.sys.writeAll(2, `stty: ${message}\n${tryHelp(meta)}`);
    throw new Stop(1);
  }

  async sysFail(e: unknown, what: string): Promise<never> {
    if (!isSysError(e)) throw e;
    return this.fail(`${what}: ${strerror(e.code)}`);
  }

  /** screen_columns: the width of the terminal on stdout, else $COLUMNS, else 80. */
  async screenColumns(): Promise<number> {
    try {
      const ws = await this.sys.getWinsize(1);
      if (ws.col > 0) return ws.col;
    } catch {
      // stdout is no terminal
    }
    const env = this.sys.getenv('COLUMNS');
    const n = env !== undefined && /^[0-9]+$/.test(env.trim()) ? Number(env.trim()) : 0;
    return n > 0 && n <= 2 ** 31 - 1 ? n : 80;
  }

  speedText(t: Termios, fancy: boolean): string {
    return fancy ? `speed ${speedOf(t)} baud;` : `${speedOf(t)}\n`;
  }

  async windowSize(fancy: boolean, w: Wrapper | null): Promise<string | null> {
    try {
      const ws = await this.sys.getWinsize(this.fd);
      const text = fancy ? `rows ${ws.row}; columns ${ws.col};` : `${ws.row} ${ws.col}\n`;
      if (w) w.wrap(text);
      return text;
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (fancy && e.code === 'EINVAL') return null;
      return this.sysFail(e, quoteIfNeeded(this.device));
    }
  }

  /** stty with no setting: what differs from sane. */
  displayChanged(t: Termios, w: Wrapper): void {
    w.wrap(this.speedText(t, true));
    w.wrap(`line = ${t.line};`);
    w.newline();
    let empty = true;
    for (const c of CONTROLS) {
      if (c.name === 'min') break;
      if (t.cc[c.index] === c.sane) continue;
      empty = false;
      w.wrap(`${c.name} = ${visible(t.cc[c.index]!)};`);
    }
    if (!(t.lflag & ICANON)) w.wrap(`min = ${t.cc[VMIN]}; time = ${t.cc[VTIME]};\n`);
    else if (!empty) w.newline();
    w.col = 0;
    this.modeLines(t, w, false);
  }

  displayAll(t: Termios, w: Wrapper, size: string | null): void {
    w.wrap(this.speedText(t, true));
    if (size !== null) w.wrap(size);
    w.wrap(`line = ${t.line};`);
    w.newline();
    for (const c of CONTROLS) {
      if (c.name === 'min') break;
      w.wrap(`${c.name} = ${visible(t.cc[c.index]!)};`);
    }
    w.wrap(`min = ${t.cc[VMIN]}; time = ${t.cc[VTIME]};`);
    if (w.col !== 0) w.newline();
    this.modeLines(t, w, true);
  }

  /** The mode words, one line (or more) per field: all of them (-a), or those off their sane value. */
  modeLines(t: Termios, w: Wrapper, all: boolean): void {
    let prev = 'control';
    let empty = true;
    for (const m of MODES) {
      if (m.flags & OMIT || m.type === 'combination') continue;
      if (m.type !== prev) {
        if (all || !empty) {
          w.newline();
          empty = true;
        }
        prev = m.type;
      }
      const mask = m.mask || m.bits;
      const on = ((t[FIELD[m.type]] & mask) >>> 0) === m.bits;
      if (on) {
        if (all || m.flags & SANE_UNSET) {
          w.wrap(m.name);
          empty = false;
        }
      } else if (m.flags & REV && (all || m.flags & SANE_SET)) {
        w.wrap(`-${m.name}`);
        empty = false;
      }
    }
    if (all || !empty) w.newline();
  }

  displayRecoverable(t: Termios): string {
    const cc: number[] = [];
    for (let i = 0; i < GLIBC_NCCS; i++) cc.push(i < NCCS ? (t.cc[i] ?? 0) : 0);
    return `${[t.iflag, t.oflag, t.cflag, t.lflag].map((n) => (n >>> 0).toString(16)).join(':')}:${cc.map((c) => c.toString(16)).join(':')}\n`;
  }
}

/** recover_mode: the -g form read back (four flag words and 32 control characters, in hex). */
function recoverMode(arg: string, t: Termios): boolean {
  const parts = arg.split(':');
  if (parts.length !== 4 + GLIBC_NCCS || !parts.every((p) => /^[0-9a-fA-F]+$/.test(p))) return false;
  const nums = parts.map((p) => parseInt(p, 16));
  if (nums.slice(0, 4).some((n) => n > 0xffffffff) || nums.slice(4).some((n) => n > 255)) return false;
  [t.iflag, t.oflag, t.cflag, t.lflag] = nums as [number, number, number, number];
  for (let i = 0; i < NCCS; i++) t.cc[i] = nums[4 + i]!;
  return true;
}

/** integer_arg: a number (0x hex, 0 octal, b/B suffixes as xstrtoul reads them) up to `max`. */
function integerArg(s: string, max: number): number | null {
  const m = /^[ \t]*\+?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)([bB]?)$/.exec(s);
  if (!m) return null;
  const digits = m[1]!;
  let n = /^0[xX]/.test(digits) ? parseInt(digits.slice(2), 16) : digits.startsWith('0') ? parseInt(digits, 8) : Number(digits);
  if (m[2] === 'b') n *= 512;
  if (m[2] === 'B') n *= 1024;
  return n <= max ? n : null;
}

interface Applied {
  requireSetAttr: boolean;
  drain: number;
}

/** apply_settings: check every word (checking) or apply them to `t`, as GNU's two passes do. */
async function applySettings(st: Stty, checking: boolean, args: string[], t: Termios): Promise<Applied> {
  const out: Applied = { requireSetAttr: false, drain: TCSADRAIN };
  const needArg = async (k: number, name: string): Promise<void> => {
    if (k === args.length - 1) await st.usage(`missing argument to ${st.quote(name)}`);
  };
  const integer = async (s: string, max: number): Promise<number> => {
    const n = integerArg(s, max);
    if (n === null) await st.fail(`invalid integer argument: ${st.quote(s)}`);
    return n!;
  };
  for (let k = 0; k < args.length; k++) {
    let arg = args[k]!;
    let reversed = false;
    if (arg.startsWith('-')) {
      arg = arg.slice(1);
      reversed = true;
    }
    if (arg === 'drain') {
      out.drain = reversed ? TCSANOW : TCSADRAIN;
      continue;
    }
    const mode = MODES.find((m) => m.name === arg);
    let matched = false;
    if (mode && !(mode.flags & NO_SETATTR)) {
      matched = setMode(mode, reversed, t);
      out.requireSetAttr = true;
    }
    if (!matched && reversed) await st.usage(`invalid argument ${st.quote(args[k]!)}`);
    if (matched) continue;
    const control: ControlInfo | undefined = CONTROLS.find((c) => c.name === arg);
    if (control) {
      await needArg(k, arg);
      const value = args[++k]!;
      t.cc[control.index] = await controlValue(control, value, integer);
      out.requireSetAttr = true;
      continue;
    }
    if (arg === 'ispeed' || arg === 'ospeed') {
      await needArg(k, arg);
      const value = args[++k]!;
      if (checking) continue;
      const code = baudCode(value);
      if (code === null) await st.usage(`invalid ${arg} ${st.quote(value)}`);
      // The pty keeps one speed: both directions share the CBAUD bits here.
      if (code !== 0 || arg === 'ospeed') t.cflag = ((t.cflag & ~CBAUD) | code!) >>> 0;
      out.requireSetAttr = true;
    } else if (arg === 'rows' || arg === 'cols' || arg === 'columns') {
      await needArg(k, arg);
      const value = args[++k]!;
      if (checking) continue;
      const n = await integer(value, 2 ** 31 - 1);
      let ws;
      try {
        ws = await st.sys.getWinsize(st.fd);
      } catch (e) {
        return st.sysFail(e, quoteIfNeeded(st.device));
      }
      const next = arg === 'rows' ? { ...ws, row: n } : { ...ws, col: n };
      try {
        await st.sys.setWinsize(st.fd, next);
      } catch (e) {
        return st.sysFail(e, quoteIfNeeded(st.device));
      }
    } else if (arg === 'size') {
      if (checking) continue;
      await st.sys.writeAll(1, (await st.windowSize(false, null))!);
    } else if (arg === 'line') {
      await needArg(k, arg);
      const value = args[++k]!;
      const n = await integer(value, 2 ** 64);
      t.line = n & 0xff;
      if (t.line !== n) await st.sys.writeAll(2, `stty: invalid line discipline ${st.quote(value)}\n`);
      out.requireSetAttr = true;
    } else if (arg === 'speed') {
      if (checking) continue;
      await st.sys.writeAll(1, st.speedText(t, false));
    } else if (baudCode(arg) !== null) {
      t.cflag = ((t.cflag & ~CBAUD) | baudCode(arg)!) >>> 0;
      out.requireSetAttr = true;
    } else {
      if (!recoverMode(arg, t)) await st.usage(`invalid argument ${st.quote(arg)}`);
      out.requireSetAttr = true;
    }
  }
  return out;
}

/** set_control_char: one character, ^X, ^?, undef or ^-, or a number. */
async function controlValue(c: ControlInfo, arg: string, integer: (s: string, max: number) => Promise<number>): Promise<number> {
  if (c.name === 'min' || c.name === 'time') return integer(arg, 255);
  const bytes = utf8Encode(arg);
  if (bytes.length <= 1) return bytes[0] ?? 0;
  if (arg === '^-' || arg === 'undef') return 0;
  // ^X: the key's control code (non-letters give what the bit arithmetic gives, as in GNU).
  if (bytes[0] === 0x5e) return bytes[1] === 0x3f ? 127 : bytes[1]! & ~0o140;
  return integer(arg, 255);
}

/** The first pass over argv: -a, -g and -F are options; every other word is a setting. */
function scanOptions(argv: string[]): { all: boolean; save: boolean; file: string | null; settings: string[]; help: boolean; version: boolean; error: string | null } {
  const r = { all: false, save: false, file: null as string | null, settings: [] as string[], help: false, version: false, error: null as string | null };
  const setFile = (f: string): void => {
    if (r.file !== null) r.error ??= 'only one device may be specified';
    r.file = f;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const long = /^--([^=]+)(=(.*))?$/.exec(a);
    if (long) {
      const name = long[1]!;
      const pick = ['all', 'save', 'file', 'help', 'version'].filter((n) => n.startsWith(name));
      if (pick.length === 1) {
        const n = pick[0]!;
        if (n === 'file') setFile(long[2] !== undefined ? long[3]! : (argv[++i] ?? ''));
        else if (n === 'all') r.all = true;
        else if (n === 'save') r.save = true;
        else if (n === 'help') r.help = true;
        else r.version = true;
        continue;
      }
    }
    const short = /^-([ag]*)(F(.*))?$/.exec(a);
    // A bare -F at the end has no device: getopt skips it, and it is then read as a setting.
    const lacksDevice = short?.[2] !== undefined && short[3] === '' && i + 1 >= argv.length;
    if (short && a.length > 1 && !lacksDevice) {
      if (short[1]!.includes('a')) r.all = true;
      if (short[1]!.includes('g')) r.save = true;
      if (short[2] !== undefined) setFile(short[3] !== '' ? short[3]! : (argv[++i] ?? ''));
      continue;
    }
    r.settings.push(a);
  }
  return r;
}

export default async function stty(sys: Sys): Promise<number> {
  const opts = scanOptions(sys.argv.slice(1));
  if (opts.help) {
    await sys.writeAll(1, helpText(meta));
    return 0;
  }
  if (opts.version) {
    await sys.writeAll(1, versionText(meta));
    return 0;
  }
  const st = new Stty(sys, opts.file);
  try {
    if (opts.error) await st.fail(opts.error);
    const noargs = opts.settings.every((s) => s === 'drain' || s === '-drain');
    if (opts.all && opts.save) await st.fail('the options for verbose and stty-readable output styles are\nmutually exclusive');
    if (!noargs && (opts.all || opts.save)) await st.fail('when specifying an output style, modes may not be set');
    const settings = opts.settings;
    if (!noargs) await applySettings(st, true, settings, { iflag: 0, oflag: 0, cflag: 0, lflag: 0, line: 0, cc: new Array<number>(NCCS).fill(0) });
    if (opts.file !== null) {
      try {
        st.fd = await sys.open(opts.file, O_RDONLY | O_NONBLOCK);
      } catch (e) {
        await st.sysFail(e, quoteIfNeeded(opts.file));
      }
    }
    let mode: Termios;
    try {
      mode = copyTermios(await sys.tcgetattr(st.fd));
    } catch (e) {
      return await st.sysFail(e, quoteIfNeeded(st.device));
    }
    if (opts.all || opts.save || noargs) {
      const w = new Wrapper(await st.screenColumns());
      if (opts.save) w.text = st.displayRecoverable(mode);
      else if (opts.all) st.displayAll(mode, w, await st.windowSize(true, null));
      else st.displayChanged(mode, w);
      await sys.writeAll(1, w.text);
      return 0;
    }
    const applied = await applySettings(st, false, settings, mode);
    if (applied.requireSetAttr) {
      try {
        await sys.tcsetattr(st.fd, applied.drain, mode);
        const back = await sys.tcgetattr(st.fd);
        const same = back.iflag === mode.iflag && back.oflag === mode.oflag && back.cflag === mode.cflag && back.lflag === mode.lflag &&
          mode.cc.every((c, i) => (back.cc[i] ?? 0) === c);
        if (!same) await st.fail(`${quoteIfNeeded(st.device)}: unable to perform all requested operations`);
      } catch (e) {
        if (e instanceof Stop) throw e;
        await st.sysFail(e, quoteIfNeeded(st.device));
      }
    }
    return 0;
  } catch (e) {
    if (e instanceof Stop) return e.status;
    throw e;
  }
}
