// A subcommand's command line: flags are parsed from the command's spec in format/specs.ts (the
// one list of every command's flags, which docker.ts has already used to answer --help and flag
// errors), narrowed to the flags this subcommand does when it does not do them all, so a flag Docker has and cowbox does not is still refused as unknown, with pflag's
// words and status 125; and each command's operand count, checked with cobra's words (status 1).

import type { DockerContext } from '../command.ts';
import { type CommandSpec, type ParsedFlags, parseCommand as parseWithSpec } from '../format/cli.ts';
import { specFor } from '../format/specs.ts';
import { finish } from '../format/state.ts';

export interface CommandDef {
  /** The spec to use when the path the user typed has none: "run", "container prune". */
  name: string;
  /** The long names of the spec's flags this command does; all of them when left out. */
  flags?: readonly string[];
  /** How many operands it takes (the recorded specs leave that to the command). */
  args: NonNullable<CommandSpec['args']>;
}

/** A flag value the command refuses after parsing (an unparsable --memory), as pflag words it. */
export class FlagError extends Error {}

/** The command's spec with only the flags it does, and its operand rule. */
function specOf(ctx: DockerContext, def: CommandDef): CommandSpec {
  const spec = specFor(ctx.name, def.name);
  if (!def.flags) return { ...spec, args: def.args };
  const done = new Set(def.flags);
  const flags = spec.flags.filter((f) => done.has(f.long));
  // A name the spec lacks would be a flag nobody can give: a mistake here, not the user's.
  if (flags.length !== done.size) throw new Error(`docker ${def.name}: flags not in the spec: ${def.flags.filter((n) => !flags.some((f) => f.long === n)).join(', ')}`);
  return { ...spec, flags, args: def.args };
}

/** The error block docker prints for a bad flag (or flag value), and its status. */
export async function flagFailure(ctx: DockerContext, def: CommandDef, message: string): Promise<number> {
  const { use } = specOf(ctx, def);
  await ctx.sys.writeAll(2, `${message}\n\nUsage:  docker ${ctx.name} ${use}\n\nRun 'docker ${ctx.name} --help' for more information\n`);
  return 125;
}

/**
 * Parse and check the operand count; the result is the flags, or the status to return (after
 * printing the error as docker does).
 */
export async function parseCommand(ctx: DockerContext, def: CommandDef): Promise<ParsedFlags | number> {
  const f = parseWithSpec(specOf(ctx, def), ctx.name, ctx.args);
  return 'values' in f ? f : finish(ctx.sys, f);
}

/** "Error response from daemon: ..." on stderr. */
export async function daemonError(ctx: DockerContext, message: string): Promise<void> {
  await ctx.sys.writeAll(2, `Error response from daemon: ${message}\n`);
}
