// docker import: a tar (file or "-" for stdin) as a one-layer image, with --change lines and
// a commit message; prints the new image's id.

import { isSysError, strerror } from '../../../abi/errno.ts';
import { ImageStore } from '../../../runtime/images/image-store.ts';
import { ReferenceError } from '../../../runtime/images/reference.ts';
import { LayerStore } from '../../../runtime/layers/layer-store.ts';
import { importImage, ImportError } from '../../../runtime/transfer/import.ts';
import type { DockerCommand } from '../command.ts';
import { type CommandDef, daemonError } from './container-flags.ts';
import { parseTransferCommand, readInput } from './transfer-io.ts';

/** `docker import --help` as docker 28.2.2 prints it. */
const HELP = `Usage:  docker import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]

Import the contents from a tarball to create a filesystem image

Aliases:
  docker image import, docker import

Options:
  -c, --change list       Apply Dockerfile instruction to the created image
  -m, --message string    Set commit message for imported image
      --platform string   Set platform if server is multi-platform capable
`;

const DEF: CommandDef = {
  name: 'import',
  usage: 'import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]',
  summary: 'Import the contents from a tarball to create a filesystem image',
  flags: [
    { long: 'change', short: 'c', kind: 'list', help: 'Apply Dockerfile instruction to the created image' },
    { long: 'message', short: 'm', kind: 'string', help: 'Set commit message for imported image' },
    { long: 'platform', kind: 'string', help: 'Set platform if server is multi-platform capable' },
  ],
  minArgs: 1,
};

const importCmd: DockerCommand = async (ctx) => {
  const f = await parseTransferCommand(ctx, DEF, HELP);
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
      changes: f.list('change'), message: f.str('message'), ref, source: '-', nowNs: await sys.clockGettime(0),
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
