// docker tag: give a local image another name (a new reference in repositories.json).

import type { DockerCommand } from '../command.ts';
import { daemonError, parseCommand, type CommandDef } from './command-line.ts';
import { ImageStore } from '../../../runtime/images/image-store.ts';
import { familiarString, parseRef, ReferenceError } from '../../../runtime/images/reference.ts';

const DEF: CommandDef = {
  name: 'tag',
  flags: [],
  args: { exact: 2 },
};

const tag: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, DEF);
  if (typeof f === 'number') return f;
  const [source, target] = f.operands as [string, string];
  let name: string;
  try {
    const r = parseRef(target);
    if (r.digest) {
      await ctx.sys.writeAll(2, 'refusing to create a tag with a digest reference\n');
      return 1;
    }
    name = familiarString(r);
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    await ctx.sys.writeAll(2, `Error parsing reference: "${target}" is not a valid repository/tag: ${e.message}\n`);
    return 1;
  }
  const images = new ImageStore(ctx.sys, ctx.root);
  const image = await images.resolve(source);
  if (!image) {
    await daemonError(ctx, `No such image: ${shownRef(source)}`);
    return 1;
  }
  await images.tag(image.id, name);
  return 0;
};

/** How the daemon names a reference it could not find: with ":latest" added to a bare name. */
export function shownRef(ref: string): string {
  if (/^(sha256:)?[0-9a-f]{1,64}$/.test(ref)) return ref;
  try {
    return familiarString(parseRef(ref));
  } catch {
    return ref;
  }
}

export default tag;
