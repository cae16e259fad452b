// docker save: images as an OCI layout tar with manifest.json (Docker 25+), to stdout or -o.

import { isSysError, strerror } from '../../../abi/errno.ts';
import { ImageStore } from '../../../runtime/images/image-store.ts';
import { LayerStore } from '../../../runtime/layers/layer-store.ts';
import { SaveError, saveImages, selectImages } from '../../../runtime/transfer/save.ts';
import type { DockerCommand } from '../command.ts';
import { type CommandDef, daemonError } from './container-flags.ts';
import { parseTransferCommand, validateOutputPath, writeOutput } from './transfer-io.ts';

/** `docker save --help` as docker 28.2.2 prints it. */
const HELP = `Usage:  docker save [OPTIONS] IMAGE [IMAGE...]

Save one or more images to a tar archive (streamed to STDOUT by default)

Aliases:
  docker image save, docker save

Options:
  -o, --output string     Write to a file, instead of STDOUT
      --platform string   Save only the given platform variant. Formatted
                          as "os[/arch[/variant]]" (e.g., "linux/amd64")
`;

const DEF: CommandDef = {
  name: 'save',
  usage: 'save [OPTIONS] IMAGE [IMAGE...]',
  summary: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
  flags: [
    { long: 'output', short: 'o', kind: 'string', help: 'Write to a file, instead of STDOUT' },
    { long: 'platform', kind: 'string', help: 'Only the given platform variant' },
  ],
  minArgs: 1,
};

const save: DockerCommand = async (ctx) => {
  const f = await parseTransferCommand(ctx, DEF, HELP);
  if (typeof f === 'number') return f;
  const { sys } = ctx;
  const output = f.str('output');
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
  try {
    await writeOutput(sys, output, tar);
  } catch (e) {
    if (isSysError(e)) {
      await sys.writeAll(2, `failed to save image: ${strerror(e.code).toLowerCase()}\n`);
      return 1;
    }
    throw e;
  }
  return 0;
};

export default save;
