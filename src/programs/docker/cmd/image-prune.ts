// docker image prune: delete dangling images (no tag, no child image), or with -a every image no
// container uses, after asking unless -f; prints what went and the space it freed.

import type { DockerCommand } from '../command.ts';
import { parseCommand, type CommandDef } from './command-line.ts';
import { deleteImage, imageUsers, type DeleteRecord } from './rmi.ts';
import { ImageStore } from '../../../runtime/images/image-store.ts';
import { LayerStore } from '../../../runtime/layers/layer-store.ts';
import { humanSize } from '../format/units.ts';
import type { Sys } from '../../../sys/sys.ts';

const DEF: CommandDef = {
  name: 'image prune',
  flags: ['all', 'filter', 'force'],
  args: { exact: 0 },
};

const WARN_DANGLING = 'WARNING! This will remove all dangling images.';
const WARN_ALL = 'WARNING! This will remove all images without at least one container associated to them.';

const prune: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, DEF);
  if (typeof f === 'number') return f;
  const all = f.bool('all');
  const filters = f.list('filter');
  for (const flt of filters) {
    if (!/^(until|label!?)=/.test(flt)) {
      await ctx.sys.writeAll(2, `Error response from daemon: invalid filter '${flt.split('=')[0]}'\n`);
      return 1;
    }
  }
  if (!f.bool('force')) {
    await ctx.sys.writeAll(1, `${all ? WARN_ALL : WARN_DANGLING}\nAre you sure you want to continue? [y/N] `);
    const answer = await readLine(ctx.sys);
    if (answer.trim().toLowerCase() !== 'y') return 0; // only y or Y, as the CLI's prompt takes
  }
  const images = new ImageStore(ctx.sys, ctx.root);
  const layers = new LayerStore(ctx.sys, ctx.root);
  const users = await imageUsers(ctx);
  const out: DeleteRecord[] = [];
  let freed = 0;
  const until = filters.find((x) => x.startsWith('until='))?.slice(6);
  const untilTime = until === undefined ? null : /^\d+$/.test(until) ? Number(until) * 1000 : Date.parse(until);
  for (const img of await images.list()) {
    if (!(await images.resolve(img.id))) continue; // went with a child pruned earlier
    if (!all && img.repoTags.length > 0) continue;
    if (users.has(img.id)) continue;
    if ((await images.children(img.id)).length > 0) continue;
    if (untilTime !== null && Date.parse(img.created) >= untilTime) continue;
    if (!labelsMatch(img.config.config?.Labels ?? {}, filters)) continue;
    freed += await deleteImage(images, layers, img, true, out);
  }
  let text = '';
  if (out.length) text += `Deleted Images:\n${out.map((o) => `${o.kind.toLowerCase()}: ${o.ref}\n`).join('')}\n`;
  await ctx.sys.writeAll(1, `${text}Total reclaimed space: ${humanSize(freed)}\n`);
  return 0;
};

function labelsMatch(labels: Record<string, string>, filters: string[]): boolean {
  for (const flt of filters) {
    const m = /^label(!?)=([^=]*)(?:=(.*))?$/.exec(flt);
    if (!m) continue;
    const has = m[2]! in labels && (m[3] === undefined || labels[m[2]!] === m[3]);
    if (m[1] === '!' ? has : !has) return false;
  }
  return true;
}

async function readLine(sys: Sys): Promise<string> {
  let s = '';
  for (;;) {
    const b = await sys.read(0, 1);
    if (b.length === 0) return s;
    const c = String.fromCharCode(b[0]!);
    if (c === '\n') return s;
    s += c;
  }
}

export default prune;
