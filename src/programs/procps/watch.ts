// watch (procps-ng 4.0.2): run a command with `sh -c` (or, with -x, exec it) every -n seconds
// (0.1 at least, 2 by default) and show its output full screen, on the alternate screen as
// watch's curses does, under the title "Every 2.0s: COMMAND" with "HOST: DATE" at the right edge
// (-t leaves the title out). -d shows the characters that changed since the last run in reverse
// video (-d=permanent: every character that ever changed), -g stops once the output changes,
// -q N once it has stayed the same N times, -e stops (after a key) when the command fails,
// -b beeps then; -w cuts long lines rather than wrapping them, -c obeys the command's colour
// codes, -p keeps runs on the interval's beat. ^C (or SIGTERM, SIGHUP) ends it with status 0.
// Like curses, it needs a terminal type: without TERM it stops before drawing anything.

import { isSysError, strerror, isOutputFailure } from '../../abi/errno.ts';
import { SIG } from '../../abi/signals.ts';
import { ECHO, ICANON, type Termios } from '../../abi/termios.ts';
import { utf8Decode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import { inLongoptsOrder, type ProgramMeta } from '../lib/meta.ts';
import { ctime } from './proc.ts';
import { parseProcps, printUsage, shortName, versionLine } from './usage.ts';
import { ScreenBuffer } from './watch-screen.ts';
import { procpsOutput } from './close-stdout.ts';

export const meta: ProgramMeta = {
  name: 'watch', package: 'procps-ng', version: '4.0.2', style: 'procps',
  usage: ['[options] command'],
  summary: 'Run a command again and again, showing its latest output full screen.',
  standardOptions: false,
  options: [
    { short: 'b', long: 'beep', help: 'beep when the command fails' },
    { short: 'c', long: 'color', help: 'show the colours and styles the command asks for' },
    { short: 'd', long: 'differences', arg: 'optional', argName: '<permanent>', help: 'highlight what changed since the last run\n(with "permanent": everything that has ever changed)' },
    { short: 'e', long: 'errexit', help: 'stop, after a key is pressed, when the command fails' },
    { short: 'g', long: 'chgexit', help: 'stop when the output changes' },
    { short: 'q', long: 'equexit', arg: 'required', argName: '<cycles>', help: 'stop when the output has not changed for this many runs' },
    { short: 'n', long: 'interval', arg: 'required', argName: '<secs>', help: 'seconds between runs (at least 0.1)' },
    { short: 'p', long: 'precise', help: 'start runs on the beat of the interval, however long they take' },
    { short: 't', long: 'no-title', help: 'leave out the title line' },
    { short: 'w', long: 'no-wrap', help: 'cut long lines rather than wrapping them' },
    { short: 'x', long: 'exec', help: 'run the command with exec rather than "sh -c"' },
    { short: 'h', long: 'help', help: 'display this help and exit' },
    { short: 'v', long: 'version', help: 'output version information and exit' },
  ],
};

/** The options in procps's longopts order, for getopt's list of possibilities. */
const PARSE_META = inLongoptsOrder(meta, [
  'color', 'differences', 'help', 'interval', 'beep', 'errexit', 'chgexit', 'equexit', 'exec', 'precise', 'no-title', 'no-wrap', 'version',
]);

/** strtod_nol_or_err: a decimal number, '.' or ',' as the point, nothing after it. */
function parseSeconds(text: string): number | null {
  const t = text.replace(',', '.');
  return /^[ \t]*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : null;
}

/** "Every 2.0s: CMD ... HOST: DATE", laid out as output_header() lays it out in `width` columns. */
export function titleLine(interval: number, command: string, host: string, date: string, width: number): string {
  const left = `Every ${interval.toFixed(1)}s: `;
  // ctime's newline counts in the right part's length, as it does in watch.
  const right = `${host}: ${date}\n`;
  const hlen = left.length;
  const rhlen = right.length;
  const row = new Array<string>(width).fill(' ');
  const put = (at: number, s: string): void => {
    for (let i = 0; i < s.length && at + i < width; i++) if (at + i >= 0) row[at + i] = s[i]!;
  };
  if (width < rhlen) return '';
  if (rhlen + hlen + 1 <= width) {
    put(0, left);
    if (rhlen + hlen + 2 <= width) {
      if (width < rhlen + hlen + 4) put(width - rhlen - 4, '... ');
      else if (width < rhlen + hlen + command.length) {
        put(hlen, command.slice(0, width - rhlen - hlen - 4));
        put(width - rhlen - 4, '... ');
      } else put(hlen, command.slice(0, width - rhlen - hlen));
    }
  }
  put(width - rhlen + 1, right.slice(0, -1));
  return row.join('').replace(/ +$/, '');
}

export default function watch(sys: Sys): Promise<number> {
  return procpsOutput(sys, 'watch', () => run(sys));
}

async function run(sys: Sys): Promise<number> {
  const name = shortName(sys.argv[0], 'watch');
  // getopt stops at the command: its own options are not watch's ("+" in watch's optstring).
  const parsed = parseProcps({ ...PARSE_META, stopAtOperand: true }, sys.argv);
  let interval = 2;
  const env = sys.getenv('WATCH_INTERVAL');
  if (env !== undefined) {
    const v = parseSeconds(env);
    if (v === null) {
      await sys.writeAll(2, `${name}: Could not parse interval from WATCH_INTERVAL: '${env}': Invalid argument\n`);
      return 1;
    }
    interval = v;
  }
  const opt = { beep: false, color: false, diff: false, permanent: false, errexit: false, chgexit: false, equexit: 0, precise: false, title: true, wrap: true, exec: false };
  for (const o of parsed.options) {
    switch (o.key) {
      case 'beep': opt.beep = true; break;
      case 'color': opt.color = true; break;
      case 'differences':
        opt.diff = true;
        if (o.value !== undefined) opt.permanent = true;
        break;
      case 'errexit': opt.errexit = true; break;
      case 'chgexit': opt.chgexit = true; break;
      case 'equexit': {
        const n = parseSeconds(o.value!);
        if (n === null) {
          await sys.writeAll(2, `${name}: failed to parse argument: '${o.value}': Invalid argument\n`);
          return 1;
        }
        opt.equexit = Math.max(1, n);
        break;
      }
      case 'interval': {
        const v = parseSeconds(o.value!);
        if (v === null) {
          await sys.writeAll(2, `${name}: failed to parse argument: '${o.value}': Invalid argument\n`);
          return 1;
        }
        interval = v;
        break;
      }
      case 'precise': opt.precise = true; break;
      case 'no-title': opt.title = false; break;
      case 'no-wrap': opt.wrap = false; break;
      case 'exec': opt.exec = true; break;
      case 'help':
        return printUsage(sys, meta, false);
      case 'version':
        await sys.writeAll(1, versionLine(name));
        return 0;
    }
  }
  if (parsed.error) {
    await sys.writeAll(2, `${parsed.error.text}\n`);
    return printUsage(sys, meta, true);
  }
  const words = parsed.operands;
  if (!words.length) return printUsage(sys, meta, true);
  interval = Math.min(Math.max(interval, 0.1), 0xffffffff);
  const command = words.join(' ');

  const term = sys.getenv('TERM');
  if (!term) {
    await sys.writeAll(2, 'Error opening terminal: unknown.\n');
    return 1;
  }
  return new Watcher(sys, opt, interval, command, words).run();
}

interface Options {
  beep: boolean;
  color: boolean;
  diff: boolean;
  permanent: boolean;
  errexit: boolean;
  chgexit: boolean;
  equexit: number;
  precise: boolean;
  title: boolean;
  wrap: boolean;
  exec: boolean;
}

class Watcher {
  private stop = false;
  private screen: ScreenBuffer | null = null;
  private saved: Termios | null = null;

  constructor(private readonly sys: Sys, private readonly opt: Options, private readonly interval: number,
    private readonly command: string, private readonly words: string[]) {}

  async run(): Promise<number> {
    const { sys } = this;
    const onSignal = (): void => {
      this.stop = true;
    };
    for (const sig of [SIG.SIGINT, SIG.SIGTERM, SIG.SIGHUP]) await sys.sigaction(sig, onSignal);
    // curses' cbreak and noecho, so a key pressed for -e is taken at once and not shown.
    try {
      this.saved = await sys.tcgetattr(0);
      await sys.tcsetattr(0, 0, { ...this.saved, lflag: this.saved.lflag & ~(ICANON | ECHO), cc: [...this.saved.cc] });
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    await this.draw('\x1b[?1049h');
    let status = 0;
    try {
      let sameRuns = 0;
      let next = await this.monotonic();
      while (!this.stop) {
        const { rows, cols } = await this.size();
        if (!this.screen || this.screen.rows !== rows || this.screen.cols !== cols) {
          this.screen = new ScreenBuffer(rows, cols);
          await this.draw('\x1b[H\x1b[2J');
        }
        if (this.opt.precise) next += this.interval * 1000;
        const output = await this.runCommand();
        if (this.stop) break;
        const screen = this.screen;
        screen.begin();
        if (this.opt.title) {
          const host = (await sys.uname()).nodename;
          const title = titleLine(this.interval, this.command, host, ctime(Number((await sys.clockGettime(0)) / 1_000_000_000n)), cols);
          screen.putTitle(title);
        }
        const changed = screen.fill(output.text, this.opt.title ? 2 : 0, this.opt);
        await this.draw(screen.render(this.opt.diff));
        if (output.status !== 0) {
          if (this.opt.beep) await this.draw('\x07');
          if (this.opt.errexit) {
            await this.draw(`\x1b[${rows};1Hcommand exit with a non-zero status, press a key to exit`);
            await this.waitKey();
            status = 8;
            break;
          }
        }
        if (this.opt.chgexit && changed) break;
        sameRuns = changed ? 0 : sameRuns + 1;
        if (this.opt.equexit && !screen.first && sameRuns >= this.opt.equexit) break;
        screen.settle();
        const wait = this.opt.precise ? next - (await this.monotonic()) : this.interval * 1000;
        if (wait > 0) await this.pause(wait);
      }
    } finally {
      if (this.saved) {
        try {
          await sys.tcsetattr(0, 0, this.saved);
        } catch (e) {
          if (!isSysError(e)) throw e;
        }
      }
      await this.draw('\x1b[?1049l');
    }
    return status;
  }

  /** curses draws through its own buffer and does not look at a write that fails: nor does watch. */
  private async draw(text: string): Promise<void> {
    try {
      await this.sys.writeAll(1, text);
    } catch (e) {
      if (!isOutputFailure(e)) throw e;
    }
  }

  private async monotonic(): Promise<number> {
    return Number((await this.sys.clockGettime(1)) / 1_000_000n);
  }

  /** LINES and COLUMNS win over the terminal's size, as in watch; 24 by 80 when neither says. */
  private async size(): Promise<{ rows: number; cols: number }> {
    let rows = 24;
    let cols = 80;
    try {
      const ws = await this.sys.getWinsize(2);
      if (ws.row > 0) rows = ws.row;
      if (ws.col > 0) cols = ws.col;
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    const lines = Number(this.sys.getenv('LINES'));
    const columns = Number(this.sys.getenv('COLUMNS'));
    if (lines > 0) rows = lines;
    if (columns > 0) cols = columns;
    return { rows, cols };
  }

  private async pause(ms: number): Promise<void> {
    try {
      await this.sys.sleep(ms);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }

  private async waitKey(): Promise<void> {
    while (!this.stop) {
      try {
        if ((await this.sys.read(0, 1)).length === 0) return;
        return;
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
    }
  }

  /** The command's output (standard output and error together) and its exit status. */
  private async runCommand(): Promise<{ text: string; status: number }> {
    const { sys } = this;
    const [r, w] = await sys.pipe();
    const child = await sys.fork(async (c) => {
      await c.close(r);
      await c.dup2(w, 1);
      await c.dup2(w, 2);
      await c.close(w);
      const what = this.opt.exec ? this.words[0]! : '/bin/sh';
      try {
        if (!this.opt.exec) return await c.execve('/bin/sh', ['sh', '-c', this.command], c.envp);
        return await execvp(c, this.words);
      } catch (e) {
        if (!isSysError(e)) throw e;
        // Shown on the screen, since standard error goes there too.
        await c.writeAll(2, `watch: unable to execute '${what}': ${strerror(e.code)}\n`);
        return 4;
      }
    });
    await sys.close(w);
    let bytes: Uint8Array;
    try {
      bytes = await sys.readAll(r);
    } catch (e) {
      if (!isSysError(e)) throw e;
      bytes = new Uint8Array(0);
    } finally {
      await sys.close(r);
    }
    let status = 0;
    for (;;) {
      try {
        const [, st] = await sys.wait4(child);
        status = (st & 0x7f) === 0 ? (st >> 8) & 0xff : 0;
        break;
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (e.code !== 'EINTR') break;
      }
    }
    return { text: utf8Decode(bytes), status };
  }
}

/** execvp: the command's PATH lookup, as -x runs it. */
async function execvp(c: Sys, words: string[]): Promise<number> {
  const file = words[0]!;
  if (file.includes('/')) return c.execve(file, words, c.envp);
  let last: unknown = null;
  for (const dir of (c.getenv('PATH') ?? '/usr/bin:/bin').split(':')) {
    try {
      return await c.execve(`${dir || '.'}/${file}`, words, c.envp);
    } catch (e) {
      if (!isSysError(e)) throw e;
      last = e;
    }
  }
  throw last;
}
