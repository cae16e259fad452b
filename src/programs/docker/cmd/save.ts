// docker save: images as an OCI layout tar with manifest.json (Docker 25+), to stdout or -o.

import { ImageStore } from '../../../runtime/images/image-store.ts';
import { LayerStore } from '../../../runtime/layers/layer-store.ts';
import { SaveError, saveImages, selectImages } from '../../../runtime/transfer/save.ts';
import type { DockerCommand } from '../command.ts';
import { daemonError, parseCommand } from './command-line.ts';
import { validateOutputPath, writeArchive } from './transfer-io.ts';

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
  let tar: Uint8Array;
  try {
    const selected = await selectImages(images, f.operands);
    tar = await saveImages(layers, selected, Number((await sys.clockGettime(0)) / 1_000_000_000n));
  } catch (e) {
    if (e instanceof SaveError) {
      await daemonError(ctx, e.message);
      return 1;
    }
    throw e;
  }
  return writeArchive(sys, output, tar, 'failed to save image');
};

export default save;
