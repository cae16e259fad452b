// docker export: a container's merged filesystem (image layers, -init layer, its own changes)
// as one tar without whiteouts, to stdout or -o, streamed as it is read.

import { ContainerStore, isDaemonError } from '../../../runtime/containers/index.ts';
import { LayerStore } from '../../../runtime/layers/layer-store.ts';
import { tarOfMergedChunks } from '../../../runtime/transfer/export.ts';
import type { DockerCommand } from '../command.ts';
import { daemonError, parseCommand } from './command-line.ts';
import { validateOutputPath, writeArchiveChunks } from './transfer-io.ts';

const exportCmd: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, { name: 'export', args: { exact: 1 } });
  if (typeof f === 'number') return f;
  const { sys } = ctx;
  const output = f.opt('output');
  if (!output && (await sys.isatty(1))) {
    await sys.writeAll(2, 'cowardly refusing to save to a terminal. Use the -o flag or redirect\n');
    return 1;
  }
  const bad = output ? await validateOutputPath(sys, output) : null;
  if (bad) {
    await sys.writeAll(2, `failed to export container: ${bad}\n`);
    return 1;
  }
  let dirs: string[];
  try {
    const rec = await new ContainerStore(sys, ctx.root).lookup(f.operands[0]!);
    const rw = await new LayerStore(sys, ctx.root).getRW(rec.Id);
    if (!rw) {
      await daemonError(ctx, `No such container: ${f.operands[0]}`);
      return 1;
    }
    dirs = [rw.upperDir, ...rw.lowerDirs];
  } catch (e) {
    if (isDaemonError(e)) {
      await daemonError(ctx, e.message);
      return 1;
    }
    throw e;
  }
  return writeArchiveChunks(sys, output, tarOfMergedChunks(sys, dirs), 'failed to export container');
};

export default exportCmd;
