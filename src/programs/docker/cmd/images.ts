// docker images (image ls): one row per repository tag, newest image first; intermediate
// images of classic builds only with -a; -f dangling=true|false and reference=PATTERN (also
// the REPOSITORY[:TAG] operand); --digests adds the DIGEST column; -q ids only.

import type { DockerCommand } from '../command.ts';
import { type CliExit, type ParsedFlags, parseCommand } from '../format/cli.ts';
import { FormatError, render } from '../format/formatter.ts';
import { IMAGE_HEADERS, type ImageView, imageCreated, imageRows, listImages } from '../format/images.ts';
import { unixOf } from '../format/units.ts';
import { specFor } from '../format/specs.ts';
import { finish, imageViews, nowSeconds } from '../format/state.ts';

const KNOWN = ['dangling', 'reference', 'label', 'before', 'since', 'until'];

export function renderImages(images: ImageView[], now: number, flags: ParsedFlags): CliExit {
  // the tree view lists the platform variants of multi-platform images, which only the
  // containerd image store keeps; cowbox keeps Docker's classic store, one platform per image
  if (flags.bool('tree')) return { stderr: 'the --tree view needs the containerd image store; cowbox keeps images in the classic overlay2 store\n', status: 1 };
  let dangling: boolean | undefined;
  const references: string[] = [...flags.operands];
  const labels: string[] = [];
  let before: number | undefined;
  let since: number | undefined;
  for (const f of flags.list('filter')) {
    const eq = f.indexOf('=');
    // the name=value form was checked while the flags were parsed
    const k = f.slice(0, eq).toLowerCase();
    const v = f.slice(eq + 1);
    if (!KNOWN.includes(k)) return { stderr: `Error response from daemon: invalid filter '${k}'\n`, status: 1 };
    if (k === 'dangling') {
      if (!['true', 'false', '1', '0'].includes(v.toLowerCase())) return { stderr: `Error response from daemon: invalid filter 'dangling=${v}'\n`, status: 1 };
      dangling = v === 'true' || v === '1';
    }
    if (k === 'reference') references.push(v);
    if (k === 'label') labels.push(v);
    if (k === 'before' || k === 'since') {
      const ref = images.find((i) => i.repoTags.includes(v) || i.repoTags.includes(`${v}:latest`) || i.id === v || (v.length >= 4 && i.id.slice(7).startsWith(v.replace(/^sha256:/, ''))));
      if (!ref) return { stderr: `Error response from daemon: No such image: ${v}\n`, status: 1 };
      if (k === 'before') before = imageCreated(ref);
      else since = imageCreated(ref);
    }
    if (k === 'until') {
      const t = /^\d+$/.test(v) ? Number(v) : unixOf(v);
      before = before === undefined ? t : Math.min(before, t);
    }
  }
  const list = listImages(images, { all: flags.bool('all'), dangling, references, labels, before, since });
  const format = flags.bool('quiet') ? '{{.ID}}' : flags.str('format');
  const digests = flags.bool('digests');
  // a template naming .Digest gets digest rows too, as the CLI does
  const rows = imageRows(list, digests || format.includes('{{.Digest}}'), !flags.bool('no-trunc'), Math.floor(now));
  const defaultTable = digests
    ? 'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}'
    : 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';
  try {
    return { stdout: render({ format, defaultTable, headers: IMAGE_HEADERS }, rows), status: 0 };
  } catch (e) {
    if (e instanceof FormatError) return { stderr: `${e.message}\n`, status: 1 };
    throw e;
  }
}

const images: DockerCommand = async (ctx) => {
  const flags = parseCommand(specFor(ctx.name, 'images'), ctx.name, ctx.args);
  if (!('values' in flags)) return finish(ctx.sys, flags);
  return finish(ctx.sys, renderImages(await imageViews(ctx.sys, ctx.root), await nowSeconds(ctx.sys), flags));
};

export default images;
