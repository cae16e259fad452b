// docker volume prune: remove the volumes no container uses, after asking unless -f. Since
// Docker 23 only anonymous ones go unless -a (all=true); label= / label!= filters narrow it.
// Prints what went and the space it held.

import { volumeRefs } from '../../../runtime/volumes/volume-refs.ts';
import { isAnonymous, VolumeStore } from '../../../runtime/volumes/volume-store.ts';
import type { Sys } from '../../../sys/sys.ts';
import type { DockerCommand } from '../command.ts';
import { listContainerRecords } from '../format/state.ts';
import { humanSize } from '../format/units.ts';
import { type CommandDef, daemonError, parseCommand } from './command-line.ts';

export const VOLUME_PRUNE: CommandDef = { name: 'volume prune', flags: ['all', 'filter', 'force'], args: { exact: 0 } };

const WARN_ANONYMOUS = 'WARNING! This will remove anonymous local volumes not used by at least one container.';
const WARN_ALL = 'WARNING! This will remove all local volumes not used by at least one container.';

async function readLine(sys: Sys): Promise<string> {
  let s = '';
  for (;;) {
    const b = await sys.read(0, 1);
    if (b.length === 0 || b[0] === 0x0a) return s;
    s += String.fromCharCode(b[0]!);
  }
}

/** label=K, label=K=V, label!=K, label!=K=V against a volume's labels. */
function labelMatch(labels: Record<string, string>, spec: string, negate: boolean): boolean {
  const eq = spec.indexOf('=');
  const k = eq < 0 ? spec : spec.slice(0, eq);
  const hit = k in labels && (eq < 0 || labels[k] === spec.slice(eq + 1));
  return negate ? !hit : hit;
}

const prune: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, VOLUME_PRUNE);
  if (typeof f === 'number') return f;
  const filters = f.list('filter');
  for (const x of filters) {
    if (!/^(label!?|all)=/.test(x)) {
      await daemonError(ctx, `invalid filter '${x.split('=')[0]}'`);
      return 1;
    }
  }
  const all = f.bool('all') || filters.includes('all=true');
  if (!f.bool('force')) {
    await ctx.sys.writeAll(1, `${all ? WARN_ALL : WARN_ANONYMOUS}\nAre you sure you want to continue? [y/N] `);
    if ((await readLine(ctx.sys)).trim().toLowerCase() !== 'y') return 0;
  }
  const store = new VolumeStore(ctx.sys, ctx.root);
  const refs = volumeRefs(await listContainerRecords(ctx.sys, ctx.root));
  const gone: string[] = [];
  let space = 0;
  for (const v of await store.list()) {
    if (refs.has(v.Name) || (!all && !isAnonymous(v))) continue;
    const labels = v.Labels ?? {};
    if (!filters.every((x) => (x.startsWith('label!=') ? labelMatch(labels, x.slice(7), true) : x.startsWith('label=') ? labelMatch(labels, x.slice(6), false) : true))) continue;
    space += await store.size(v.Name);
    await store.remove(v.Name);
    gone.push(v.Name);
  }
  let out = gone.length ? `Deleted Volumes:\n${gone.join('\n')}\n\n` : '';
  out += `Total reclaimed space: ${humanSize(space)}\n`;
  await ctx.sys.writeAll(1, out);
  return 0;
};

export default prune;
