// docker import: a tar (file or "-" for stdin) as a one-layer image, with --change lines and
// a commit message; prints the new image's id.

import { isSysError, strerror } from '../../../abi/errno.ts';
import { ImageStore } from '../../../runtime/images/image-store.ts';
import { ReferenceError } from '../../../runtime/images/reference.ts';
import { LayerStore } from '../../../runtime/layers/layer-store.ts';
import { importImage, ImportError } from '../../../runtime/transfer/import.ts';
import type { DockerCommand } from '../command.ts';
import { daemonError, parseCommand } from './command-line.ts';
import { readInput } from './transfer-io.ts';

const importCmd: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, { name: 'import', args: { min: 1 } });
  if (typeof f === 'number') return f;
  const { sys } = ctx;
  const [source, ref] = f.operands as [string, string | undefined];
  let data: Uint8Array;
  try {
    data = await readInput(sys, source);
  } catch (e) {
    if (isSysError(e)) {
      await sys.writeAll(2, `open ${source}: ${strerror(e.code).toLowerCase()}\n`);
      return 1;
    }
    throw e;
  }
  try {
    const image = await importImage(new ImageStore(sys, ctx.root), new LayerStore(sys, ctx.root), data, {
      changes: f.list('change'), message: f.opt('message'), ref, source: '-', nowNs: await sys.clockGettime(0),
    });
    await sys.writeAll(1, `${image.id}\n`);
  } catch (e) {
    if (e instanceof ImportError || e instanceof ReferenceError) {
      await daemonError(ctx, e.message);
      return 1;
    }
    throw e;
  }
  return 0;
};

export default importCmd;
