// docker history (image history): the image's build steps newest first with the size each
// added (0B for config-only steps), the local image id where one exists along the parent
// chain and `<missing>` elsewhere; -H=false gives RFC 3339 times and raw byte counts.

import type { DockerCommand } from '../command.ts';
import { type CliExit, type ParsedFlags, parseCommand } from '../format/cli.ts';
import { FormatError, render } from '../format/formatter.ts';
import { HISTORY_HEADERS, historyContext, type ImageView, imageHistory } from '../format/images.ts';
import { specFor } from '../format/specs.ts';
import { finish, imageViews, nowSeconds, resolveImage } from '../format/state.ts';

export function renderHistory(img: ImageView | null, ref: string, all: ImageView[], now: number, flags: ParsedFlags): CliExit {
  if (!img) return { stderr: `Error response from daemon: No such image: ${ref}\n`, status: 1 };
  const platform = flags.str('platform');
  if (platform) {
    const [os, arch, variant] = platform.split('/');
    const have = `${img.config.os}/${img.config.architecture}${img.config.variant ? `/${img.config.variant}` : ''}`;
    if (os !== img.config.os || (arch && arch !== img.config.architecture) || (variant && variant !== img.config.variant)) {
      return { stderr: `Error response from daemon: image with reference ${ref} was found but does not match the specified platform: wanted ${platform}, actual: ${have}\n`, status: 1 };
    }
  }
  const human = flags.has('human') ? flags.bool('human') : true;
  const trunc = !flags.bool('no-trunc');
  const items = imageHistory(img, (id) => all.find((i) => i.id === id) ?? null);
  const rows = items.map((h) => historyContext(h, trunc, human, Math.floor(now)));
  const format = flags.bool('quiet') ? '{{.ID}}' : flags.str('format');
  const defaultTable = 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
  try {
    return { stdout: render({ format, defaultTable, headers: HISTORY_HEADERS(human) }, rows), status: 0 };
  } catch (e) {
    if (e instanceof FormatError) return { stderr: `${e.message}\n`, status: 1 };
    throw e;
  }
}

const history: DockerCommand = async (ctx) => {
  const flags = parseCommand(specFor(ctx.name, 'history'), ctx.name, ctx.args);
  if (!('values' in flags)) return finish(ctx.sys, flags);
  const ref = flags.operands[0]!;
  const img = await resolveImage(ctx.sys, ctx.root, ref);
  const all = img ? await imageViews(ctx.sys, ctx.root) : [];
  return finish(ctx.sys, renderHistory(img, ref, all, await nowSeconds(ctx.sys), flags));
};

export default history;
