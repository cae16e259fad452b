// Flag parsing for the container subcommands, with pflag's rules and words (what docker's cobra
// commands print): --name=v, --name v, -n v, -nv, grouped booleans (-it), --rm=false, `--`,
// flags stop at the first operand for run/create/exec. The error texts are docker 28.2.2's (checked
// against the real CLI): a flag error shows the usage line and status 125, a wrong operand count
// starts "docker: 'docker CMD' requires ..." and has status 1.

import type { DockerContext } from '../command.ts';

export interface FlagDef {
  long: string;
  short?: string;
  /** bool flags take no value; list flags collect every use. */
  kind: 'bool' | 'string' | 'list' | 'int';
  help: string;
  argName?: string;
  def?: string;
}

export interface CommandDef {
  /** "run", as in "docker run"; "container prune" for a command with no top-level alias. */
  name: string;
  /** The usage line after the command's name: "[OPTIONS] IMAGE [COMMAND] [ARG...]". */
  usage: string;
  summary: string;
  flags: FlagDef[];
  /** Flags end at the first operand (run, create, exec). */
  stopAtOperand?: boolean;
  minArgs?: number;
  maxArgs?: number;
  exactArgs?: number;
}

export class Flags {
  readonly values = new Map<string, string[]>();
  readonly operands: string[] = [];

  has(long: string): boolean {
    return this.values.has(long);
  }
  bool(long: string): boolean {
    const v = this.values.get(long);
    return v !== undefined && v[v.length - 1] !== 'false';
  }
  str(long: string): string | undefined {
    const v = this.values.get(long);
    return v?.[v.length - 1];
  }
  list(long: string): string[] {
    return this.values.get(long) ?? [];
  }
}

export class FlagError extends Error {}

/** The error block docker prints for a bad flag (or flag value), and its status. */
export async function flagFailure(ctx: DockerContext, def: CommandDef, message: string): Promise<number> {
  await ctx.sys.writeAll(2, `${message}\n\nUsage:  docker ${ctx.name} ${def.usage}\n\nRun 'docker ${ctx.name} --help' for more information\n`);
  return 125;
}

export function parseFlags(def: CommandDef, args: string[]): Flags | 'help' {
  const f = new Flags();
  const byLong = new Map(def.flags.map((d) => [d.long, d]));
  const byShort = new Map(def.flags.filter((d) => d.short).map((d) => [d.short!, d]));
  const set = (d: FlagDef, v: string): void => {
    if (d.kind === 'int' && !/^-?\d+$/.test(v)) throw new FlagError(`invalid argument "${v}" for "${d.short ? `-${d.short}, ` : ''}--${d.long}" flag: strconv.ParseInt: parsing "${v}": invalid syntax`);
    if (d.kind === 'bool' && !/^(true|false|1|0|t|f|TRUE|FALSE|True|False)$/.test(v)) throw new FlagError(`invalid argument "${v}" for "${d.short ? `-${d.short}, ` : ''}--${d.long}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`);
    const value = d.kind === 'bool' ? (/^(true|1|t|TRUE|True)$/.test(v) ? 'true' : 'false') : v;
    const cur = f.values.get(d.long) ?? [];
    cur.push(value);
    f.values.set(d.long, cur);
  };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (name === 'help') return 'help';
      const d = byLong.get(name);
      if (!d) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(d, a.slice(eq + 1));
      else if (d.kind === 'bool') set(d, 'true');
      else {
        if (i + 1 >= args.length) throw new FlagError(`flag needs an argument: --${name}`);
        set(d, args[++i]!);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === 'h' && !byShort.has('h')) return 'help';
        const d = byShort.get(c);
        if (!d) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        if (d.kind === 'bool') {
          if (a[j + 1] === '=') {
            set(d, a.slice(j + 2));
            break;
          }
          set(d, 'true');
          continue;
        }
        let rest = a.slice(j + 1);
        if (rest.startsWith('=')) rest = rest.slice(1);
        if (rest !== '') set(d, rest);
        else {
          if (i + 1 >= args.length) throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
          set(d, args[++i]!);
        }
        break;
      }
      continue;
    }
    f.operands.push(a);
    if (def.stopAtOperand) {
      i++;
      break;
    }
  }
  for (; i < args.length; i++) f.operands.push(args[i]!);
  return f;
}

/** `docker CMD --help`. */
export function helpText(def: CommandDef, shown: string): string {
  const rows = def.flags.map((d) => {
    const left = `${d.short ? `-${d.short}, ` : '    '}--${d.long}${d.kind === 'bool' ? '' : ` ${d.argName ?? (d.kind === 'int' ? 'int' : d.kind === 'list' ? 'list' : 'string')}`}`;
    return [left, d.help + (d.def ? ` (default ${d.def})` : '')] as const;
  });
  const width = Math.max(0, ...rows.map((r) => r[0].length));
  const opts = rows.map(([l, h]) => `  ${l.padEnd(width)}   ${h}`).join('\n');
  const aliases = def.name.includes(' ') ? '' : `\nAliases:\n  docker container ${def.name}, docker ${def.name}\n`;
  return `Usage:  docker ${shown} ${def.usage}\n\n${def.summary}\n${aliases}${rows.length ? `\nOptions:\n${opts}\n` : ''}`;
}

/**
 * Parse, answer --help, check the operand count; the result is the flags, or the status to
 * return (after printing the error as docker does).
 */
export async function parseCommand(ctx: DockerContext, def: CommandDef): Promise<Flags | number> {
  let f: Flags | 'help';
  try {
    f = parseFlags(def, ctx.args);
  } catch (e) {
    if (e instanceof FlagError) return flagFailure(ctx, def, e.message);
    throw e;
  }
  if (f === 'help') {
    await ctx.sys.writeAll(1, helpText(def, ctx.name));
    return 0;
  }
  const n = f.operands.length;
  const plural = (k: number): string => `${k} argument${k === 1 ? '' : 's'}`;
  let problem: string | null = null;
  let verb = 'Run';
  if (def.exactArgs !== undefined && n !== def.exactArgs) problem = `requires ${plural(def.exactArgs)}`;
  else if (def.minArgs !== undefined && def.maxArgs !== undefined && (n < def.minArgs || n > def.maxArgs)) {
    problem = `requires at least ${def.minArgs} and at most ${plural(def.maxArgs)}`;
  } else if (def.minArgs !== undefined && n < def.minArgs) {
    problem = `requires at least ${plural(def.minArgs)}`;
    verb = 'See';
  } else if (def.maxArgs === 0 && n > 0) problem = 'accepts no arguments';
  else if (def.maxArgs !== undefined && n > def.maxArgs) problem = `requires at most ${plural(def.maxArgs)}`;
  if (problem) {
    await ctx.sys.writeAll(2, `docker: 'docker ${ctx.name}' ${problem}\n\nUsage:  docker ${ctx.name} ${def.usage}\n\n${verb} 'docker ${ctx.name} --help' for more information\n`);
    return 1;
  }
  return f;
}

/** "Error response from daemon: ..." on stderr. */
export async function daemonError(ctx: DockerContext, message: string): Promise<void> {
  await ctx.sys.writeAll(2, `Error response from daemon: ${message}\n`);
}
