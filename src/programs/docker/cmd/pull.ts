// docker pull: fetch an image from the simulated registry (src/runtime/registry/pull.ts does the
// work and draws Docker's progress), then print the reference it pulled, as the CLI does.

import type { DockerCommand } from '../command.ts';
import { parseCommand, type CommandDef } from './command-line.ts';
import { bundledTags, parseRef, pullImage, PullError, ReferenceError, stdoutTerminal, type ImageRef } from '../../../runtime/registry/index.ts';

const DEF: CommandDef = {
  name: 'pull',
  flags: ['all-tags', 'disable-content-trust', 'platform', 'quiet'],
  args: { exact: 1 },
};

const pull: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, DEF);
  if (typeof f === 'number') return f;
  const name = f.operands[0]!;
  const platform = f.opt('platform');
  if (platform !== undefined && platform !== 'linux/amd64' && platform !== 'linux' && platform !== 'amd64') {
    await ctx.sys.writeAll(2, `Error response from daemon: no matching manifest for ${platform} in the manifest list entries\n`);
    return 1;
  }
  let ref: ImageRef;
  try {
    ref = parseRef(name);
  } catch (e) {
    if (e instanceof ReferenceError) {
      await ctx.sys.writeAll(2, `${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const quiet = f.bool('quiet');
  const all = f.bool('all-tags');
  if (all && !ref.defaultTag) {
    await ctx.sys.writeAll(2, 'tag can\'t be used with --all-tags/-a\n');
    return 1;
  }
  const { tty, width } = await stdoutTerminal(ctx.sys);
  const out = async (text: string): Promise<void> => {
    if (!quiet) await ctx.sys.writeAll(1, text);
  };
  const tags = all ? bundledTags(ref.full) : [null];
  if (!all && ref.defaultTag && !quiet) await ctx.sys.writeAll(1, 'Using default tag: latest\n');
  try {
    for (const tag of tags) {
      const target = tag === null ? name : `${ref.familiar}:${tag}`;
      await pullImage(ctx.sys, target, out, { root: ctx.root, tty, width });
    }
  } catch (e) {
    if (e instanceof PullError) {
      await ctx.sys.writeAll(2, `Error response from daemon: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const shown = all ? ref.full : `${ref.full}${ref.digest ? `@${ref.digest}` : `:${ref.tag}`}`;
  await ctx.sys.writeAll(1, `${shown}\n`);
  return 0;
};

export default pull;
