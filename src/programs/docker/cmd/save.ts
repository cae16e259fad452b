// docker save: images as an OCI layout tar with manifest.json (Docker 25+), to stdout or -o,
// planned first (so a bad name writes nothing) and then streamed, never held whole.

import { ImageStore } from '../../../runtime/images/image-store.ts';
import { LayerStore } from '../../../runtime/layers/layer-store.ts';
import { planSave, SaveError, type SavePlan, saveChunks, selectImages } from '../../../runtime/transfer/save.ts';
import type { DockerCommand } from '../command.ts';
import { daemonError, parseCommand } from './command-line.ts';
import { validateOutputPath, writeArchiveChunks } from './transfer-io.ts';

const save: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, { name: 'save', args: { min: 1 } });
  if (typeof f === 'number') return f;
  const { sys } = ctx;
  const output = f.opt('output');
  if (!output && (await sys.isatty(1))) {
    await sys.writeAll(2, 'cowardly refusing to save to a terminal. Use the -o flag or redirect\n');
    return 1;
  }
  const bad = output ? await validateOutputPath(sys, output) : null;
  if (bad) {
    await sys.writeAll(2, `failed to save image: ${bad}\n`);
    return 1;
  }
  const images = new ImageStore(sys, ctx.root);
  const layers = new LayerStore(sys, ctx.root);
  let plan: SavePlan;
  try {
    plan = await planSave(layers, await selectImages(images, f.operands));
  } catch (e) {
    if (e instanceof SaveError) {
      await daemonError(ctx, e.message);
      return 1;
    }
    throw e;
  }
  const now = Number((await sys.clockGettime(0)) / 1_000_000_000n);
  return writeArchiveChunks(sys, output, saveChunks(plan, now), 'failed to save image');
};

export default save;
