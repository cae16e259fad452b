// docker build: build an image from a Dockerfile and a context directory, with BuildKit's
// plain progress on stderr (or its final tty frame on a terminal, or only the image id with
// -q). The work is runtime/build's builder; this file reads the command line, the Dockerfile
// and the build args, and prints the error block BuildKit prints when a build fails.

import { isSysError } from '../../../abi/errno.ts';
import { O_RDONLY } from '../../../abi/open-flags.ts';
import { utf8Decode } from '../../../base/text.ts';
import { SIG } from '../../../abi/signals.ts';
import { BuildFailure, Builder } from '../../../runtime/build/builder.ts';
import { formatWarnings } from '../../../runtime/build/dockerfile/lint.ts';
import { Progress, sourceExcerpt, type ProgressMode } from '../../../runtime/build/progress.ts';
import { parseRef, ReferenceError } from '../../../runtime/images/reference.ts';
import type { DockerCommand, DockerContext } from '../command.ts';
import { parseCommand } from './command-line.ts';

/** What --platform may name: the one platform the simulated machine runs. */
const SUPPORTED_PLATFORMS = new Set(['linux/amd64', 'linux/x86_64', 'linux/amd64/v1']);

async function readWhole(ctx: DockerContext, path: string): Promise<Uint8Array> {
  const fd = path === '-' ? 0 : await ctx.sys.open(path, O_RDONLY);
  try {
    return await ctx.sys.readAll(fd);
  } finally {
    if (fd !== 0) await ctx.sys.close(fd);
  }
}

function absolute(cwd: string, p: string): string {
  return p.startsWith('/') ? p : `${cwd === '/' ? '' : cwd}/${p}`;
}

const build: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, { name: 'build', args: { exact: 1 } });
  if (typeof f === 'number') return f;
  const sys = ctx.sys;
  const err = async (msg: string): Promise<number> => {
    await sys.writeAll(2, `ERROR: ${msg}\n`);
    return 1;
  };
  for (const p of f.list('platform').flatMap((v) => v.split(','))) {
    if (!SUPPORTED_PLATFORMS.has(p.trim())) return err(`failed to build: cowbox builds only linux/amd64 images, not "${p.trim()}"`);
  }
  const quiet = f.bool('quiet');
  const progressFlag = f.str('progress', 'auto');
  if (!['auto', 'plain', 'tty', 'quiet'].includes(progressFlag)) return err(`invalid progress mode "${progressFlag}"`);
  let mode: ProgressMode;
  if (quiet || progressFlag === 'quiet') mode = 'quiet';
  else if (progressFlag === 'plain') mode = 'plain';
  else if (progressFlag === 'tty') mode = 'tty';
  else mode = (await sys.isatty(2)) ? 'tty' : 'plain';
  const tags = f.list('tag');
  for (const t of tags) {
    try {
      parseRef(t);
    } catch (e) {
      if (e instanceof ReferenceError) return err(`invalid tag "${t}": ${e.message}`);
      throw e;
    }
  }
  const buildArgs = new Map<string, string>();
  for (const a of f.list('build-arg')) {
    const eq = a.indexOf('=');
    if (eq >= 0) buildArgs.set(a.slice(0, eq), a.slice(eq + 1));
    else {
      const v = sys.getenv(a);
      if (v !== undefined) buildArgs.set(a, v);
    }
  }
  const cwd = await sys.getcwd();
  const operand = f.operands[0]!;
  let contextDir: string;
  const fileFlag = f.opt('file');
  let dockerfilePath: string;
  let dockerfile: Uint8Array;
  if (operand === '-') {
    // The Dockerfile comes on stdin and there is no context.
    contextDir = `${ctx.root}/buildkit/empty-context`;
    try {
      await sys.mkdir(`${ctx.root}/buildkit`, 0o700);
    } catch (e) {
      if (!isSysError(e, 'EEXIST') && !isSysError(e, 'ENOENT')) throw e;
    }
    try {
      await sys.mkdir(contextDir, 0o755);
    } catch (e) {
      if (!isSysError(e, 'EEXIST')) throw e;
    }
    dockerfilePath = 'Dockerfile';
    dockerfile = await readWhole(ctx, '-');
  } else {
    contextDir = absolute(cwd, operand).replace(/\/+$/, '') || '/';
    try {
      const st = await sys.stat(contextDir);
      if ((st.mode & 0o170000) !== 0o040000) return err(`unable to prepare context: path "${operand}" not found`);
    } catch (e) {
      if (isSysError(e)) return err(`unable to prepare context: path "${operand}" not found`);
      throw e;
    }
    dockerfilePath = fileFlag !== undefined ? (fileFlag === '-' ? '-' : absolute(cwd, fileFlag)) : `${contextDir}/Dockerfile`;
    try {
      dockerfile = await readWhole(ctx, dockerfilePath);
    } catch (e) {
      if (isSysError(e)) return err(`failed to build: failed to solve: failed to read dockerfile: open ${fileFlag ?? 'Dockerfile'}: no such file or directory`);
      throw e;
    }
  }
  const name = dockerfilePath === '-' ? 'Dockerfile' : dockerfilePath.slice(dockerfilePath.lastIndexOf('/') + 1);
  const text = utf8Decode(dockerfile);
  const write = (t: string): Promise<void> => sys.writeAll(2, t);
  let width = 80;
  if (mode === 'tty') {
    try {
      width = (await sys.getWinsize(2)).col || 80;
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
  const progress = new Progress(mode, write, () => sys.clockGettime(1), width);
  const builder = new Builder(sys, {
    contextDir,
    dockerfileName: name,
    dockerfile: text,
    dockerignorePath: dockerfilePath !== '-' && fileFlag !== undefined ? `${dockerfilePath}.dockerignore` : undefined,
    tags,
    target: f.opt('target'),
    buildArgs,
    noCache: f.bool('no-cache'),
    pull: f.bool('pull'),
    progress,
    root: ctx.root,
  });
  // ^C stops the running step and cleans up instead of leaving its layer and task behind.
  for (const sig of [SIG.SIGINT, SIG.SIGTERM]) await sys.sigaction(sig, () => builder.cancel());
  try {
    const result = await builder.build();
    await progress.finish(true);
    if (mode !== 'quiet') await sys.writeAll(2, formatWarnings(result.warnings));
    if (mode === 'quiet') await sys.writeAll(1, `${result.image.id}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof BuildFailure)) throw e;
    await progress.finish(false);
    let out = '';
    if (e.vertex && mode !== 'quiet') {
      out += `------\n > ${e.vertex.name}:\n`;
      for (const l of e.vertex.lastLogs) out += `${l}\n`;
      out += '------\n';
    }
    if (e.line > 0) out += sourceExcerpt(name, text, e.line, e.endLine);
    out += `ERROR: failed to build: failed to solve: ${e.message}\n`;
    await sys.writeAll(2, out);
    return 1;
  }
};

export default build;
