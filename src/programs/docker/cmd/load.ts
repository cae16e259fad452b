// docker load: images from a `docker save` tar, an old docker-archive or an OCI layout; a
// broken archive is reported and nothing is changed.

import { isSysError, strerror } from '../../../abi/errno.ts';
import { ImageStore } from '../../../runtime/images/image-store.ts';
import { LayerStore } from '../../../runtime/layers/layer-store.ts';
import { ProgressDisplay, stdoutTerminal } from '../../../runtime/registry/progress.ts';
import { applyLoad, LoadError, planLoad } from '../../../runtime/transfer/load.ts';
import type { DockerCommand } from '../command.ts';
import { parseCommand } from './command-line.ts';
import { readInput } from './transfer-io.ts';

const load: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, { name: 'load', args: { exact: 0 } });
  if (typeof f === 'number') return f;
  const { sys } = ctx;
  const input = f.opt('input');
  if (!input && (await sys.isatty(0))) {
    await sys.writeAll(2, 'requested load from stdin, but stdin is empty\n');
    return 1;
  }
  let data: Uint8Array;
  try {
    data = await readInput(sys, input);
  } catch (e) {
    if (isSysError(e)) {
      await sys.writeAll(2, `open ${input}: ${strerror(e.code).toLowerCase()}\n`);
      return 1;
    }
    throw e;
  }
  try {
    const plans = planLoad(data, String(Math.floor(Math.random() * 1e9)));
    // The CLI shows the daemon's "Loading layer" progress only on a terminal and without -q.
    let progress: ProgressDisplay | null = null;
    const term = f.bool('quiet') ? null : await stdoutTerminal(sys);
    if (term?.tty) progress = new ProgressDisplay((t) => sys.writeAll(1, t), true, term.width);
    const lines = await applyLoad(new ImageStore(sys, ctx.root), new LayerStore(sys, ctx.root), plans,
      progress ? (id, size) => progress.layer(id, 'Loading layer', size, size) : undefined);
    if (progress) for (const l of lines) await progress.message(l);
    else if (lines.length) await sys.writeAll(1, `${lines.join('\n')}\n`);
  } catch (e) {
    if (e instanceof LoadError) {
      // The daemon reports a failed load inside its JSON stream, which the CLI prints bare.
      await sys.writeAll(2, `${e.message}\n`);
      return 1;
    }
    throw e;
  }
  return 0;
};

export default load;
