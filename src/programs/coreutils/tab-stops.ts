// What expand and unexpand share (GNU's expand-common.c): reading a -t list of tab stops
// ("4", "2,6,10", "4,/8" to repeat every 8 after the last, "4,+8" to add 8 each time), checking
// it with GNU's messages, answering "where is the next tab stop after this column", the
// obsolete -N spelling of -t N, and reading all the input files as one stream.

import type { Sys } from '../../sys/sys.ts';
import { quote, quoteIfNeeded } from '../lib/quote.ts';
import type { Tool } from '../lib/tool.ts';
import { bytesToLatin1 } from './records.ts';

class TabStopError extends Error {}

export class TabStops {
  private list: number[] = [];
  private extend = 0;
  private increment = 0;
  private size = 0;
  /** The widest gap between stops: how many blanks unexpand may have to hold. */
  maxWidth = 0;

  /** parse_tab_stops: errors go through `report`; any error ends the program (status 1). */
  async parse(stops: string, report: (msg: string) => Promise<void>): Promise<void> {
    let have = false;
    let value = 0;
    let extend = false;
    let increment = false;
    let ok = true;
    const take = async (): Promise<boolean> => {
      if (extend) return this.setExtend(value, report);
      if (increment) return this.setIncrement(value, report);
      this.add(value);
      return true;
    };
    for (let i = 0; i < stops.length; i++) {
      const c = stops[i]!;
      if (c === ',' || c === ' ' || c === '\t') {
        if (have && !(await take())) {
          ok = false;
          break;
        }
        have = false;
      } else if (c === '/' || c === '+') {
        if (have) {
          await report(`'${c}' specifier not at start of number: ${quote(stops.slice(i))}`);
          ok = false;
        }
        extend = c === '/';
        increment = c === '+';
      } else if (c >= '0' && c <= '9') {
        if (!have) {
          value = 0;
          have = true;
        }
        value = value * 10 + Number(c);
        if (value > Number.MAX_SAFE_INTEGER) {
          const start = stops.slice(0, i + 1).search(/[0-9]+$/);
          await report(`tab stop is too large ${quote(/^[0-9]+/.exec(stops.slice(start))![0])}`);
          ok = false;
          while (i + 1 < stops.length && /[0-9]/.test(stops[i + 1]!)) i++;
        }
      } else {
        await report(`tab size contains invalid character(s): ${quote(stops.slice(i))}`);
        ok = false;
        break;
      }
    }
    if (ok && have) ok = await take();
    if (!ok) throw new TabStopError();
  }

  /** The obsolete `-N` option: one more stop, as a ',' separated list would add it. */
  add(value: number): void {
    const prev = this.list.length ? this.list[this.list.length - 1]! : 0;
    this.maxWidth = Math.max(this.maxWidth, prev <= value ? value - prev : 0);
    this.list.push(value);
  }

  private async setExtend(value: number, report: (msg: string) => Promise<void>): Promise<boolean> {
    let ok = true;
    if (this.extend) {
      await report("'/' specifier only allowed with the last value");
      ok = false;
    }
    this.extend = value;
    this.maxWidth = Math.max(this.maxWidth, value);
    return ok;
  }

  private async setIncrement(value: number, report: (msg: string) => Promise<void>): Promise<boolean> {
    let ok = true;
    if (this.increment) {
      await report("'+' specifier only allowed with the last value");
      ok = false;
    }
    this.increment = value;
    this.maxWidth = Math.max(this.maxWidth, value);
    return ok;
  }

  /** finalize_tab_stops: check the list and settle on one size where there is one. */
  async finalize(report: (msg: string) => Promise<void>): Promise<void> {
    let prev = 0;
    for (const t of this.list) {
      if (t === 0) return this.die(report, 'tab size cannot be 0');
      if (t <= prev) return this.die(report, 'tab sizes must be ascending');
      prev = t;
    }
    if (this.increment && this.extend) return this.die(report, "'/' specifier is mutually exclusive with '+'");
    if (this.list.length === 0) this.size = this.maxWidth = this.extend || this.increment || 8;
    else if (this.list.length === 1 && !this.extend && !this.increment) this.size = this.list[0]!;
    else this.size = 0;
  }

  private async die(report: (msg: string) => Promise<void>, msg: string): Promise<never> {
    await report(msg);
    throw new TabStopError();
  }

  /** get_next_tab_column: the stop after `column`; null past the last one (no more stops). */
  next(column: number, at: { index: number }): number | null {
    if (this.size) return column + (this.size - (column % this.size));
    for (; at.index < this.list.length; at.index++) {
      const tab = this.list[at.index]!;
      if (column < tab) return tab;
    }
    if (this.extend) return column + (this.extend - (column % this.extend));
    if (this.increment) {
      const end = this.list[this.list.length - 1]!;
      return column + (this.increment - ((column - end) % this.increment));
    }
    return null;
  }
}

/** The stops the program's -t options give, checked; null once an error is reported (status 1). */
export async function tabStopsOf(tool: Tool): Promise<TabStops | null> {
  const stops = new TabStops();
  const report = (msg: string): Promise<void> => tool.error(msg);
  try {
    for (const v of tool.args.values('tabs')) await stops.parse(v, report);
    await stops.finalize(report);
  } catch (e) {
    if (e instanceof TabStopError) return null;
    throw e;
  }
  return stops;
}

/**
 * `-8` or `-4,8`: the old way to write -t, rewritten to --tabs. `rewritten` holds the indices
 * (in argv) of the words that were, since unexpand's old form, unlike -t, does not imply -a.
 */
export function obsoleteTabs(argv: string[]): { argv: string[]; rewritten: Set<number> } {
  const out: string[] = [];
  const rewritten = new Set<number>();
  let done = false;
  argv.forEach((arg, i) => {
    if (i > 0 && !done && /^-[0-9][0-9,]*$/.test(arg)) {
      out.push(`--tabs=${arg.slice(1)}`);
      rewritten.add(i);
    } else out.push(arg);
    if (arg === '--') done = true;
  });
  return { argv: out, rewritten };
}

/** Every operand's bytes in turn (one stream, as next_file gives it); a failure is reported. */
export async function readInputs(sys: Sys, tool: Tool, names: string[]): Promise<string> {
  let text = '';
  for (const name of names.length ? names : ['-']) {
    try {
      if (name === '-') text += bytesToLatin1(await sys.readAll(0));
      else {
        const fd = await sys.open(name, 0);
        try {
          text += bytesToLatin1(await sys.readAll(fd));
        } finally {
          await sys.close(fd);
        }
      }
    } catch (e) {
      await tool.sysError(e, quoteIfNeeded(name));
    }
  }
  // next_file closes a standard input it read; a closed one fails there too.
  if (!tool.busybox && (names.length === 0 || names.includes('-'))) await tool.closeStdin();
  return text;
}
