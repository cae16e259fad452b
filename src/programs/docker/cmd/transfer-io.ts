// What save, load, export and import share on the CLI side: writing an archive to stdout or to
// a file the way the docker CLI does (a .docker_temp_ file, mode 0600, renamed into place), and
// reading one from a file or stdin.

import { isSysError, strerror } from '../../../abi/errno.ts';
import { O_CREAT, O_EXCL, O_WRONLY } from '../../../abi/open-flags.ts';
import { S_IFDIR, S_IFMT } from '../../../abi/stat.ts';
import { readFile } from '../../../runtime/sys-files.ts';
import type { Sys } from '../../../sys/sys.ts';

/**
 * The CLI's check of -o before it asks the daemon for anything (command.ValidateOutputPath):
 * the directory must exist and the path must not be a directory. Returns the message, or null.
 */
export async function validateOutputPath(sys: Sys, output: string): Promise<string | null> {
  const slash = output.lastIndexOf('/');
  const dir = slash < 0 ? '.' : slash === 0 ? '/' : output.slice(0, slash);
  if (dir !== '.') {
    try {
      await sys.stat(dir);
    } catch (e) {
      if (isSysError(e)) return `invalid output path: stat ${dir}: ${strerror(e.code).toLowerCase()}`;
      throw e;
    }
  }
  try {
    const st = await sys.stat(output);
    if ((st.mode & S_IFMT) === S_IFDIR) return 'cannot write to a directory';
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  return null;
}

/**
 * Write the archive and give the command's status: a failed write is reported as the daemon
 * words it ("failed to save image: no space left on device"), status 1.
 */
export async function writeArchive(sys: Sys, output: string | undefined, data: Uint8Array, failure: string): Promise<number> {
  try {
    await writeOutput(sys, output, data);
    return 0;
  } catch (e) {
    if (!isSysError(e)) throw e;
    await sys.writeAll(2, `${failure}: ${strerror(e.code).toLowerCase()}\n`);
    return 1;
  }
}

async function writeOutput(sys: Sys, output: string | undefined, data: Uint8Array): Promise<void> {
  if (!output || output === '-') {
    await sys.writeAll(1, data);
    return;
  }
  const slash = output.lastIndexOf('/');
  const dir = slash < 0 ? '.' : slash === 0 ? '/' : output.slice(0, slash);
  const tmp = `${dir}/.docker_temp_${Math.floor(Math.random() * 1e9)}`;
  const fd = await sys.open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0o600);
  try {
    await sys.writeAll(fd, data);
  } finally {
    await sys.close(fd);
  }
  await sys.rename(tmp, output);
}

/**
 * writeArchive for an archive made piece by piece (save, export of a large image): the pieces
 * are gathered into writes of about 64 KiB, so the archive is never held whole and a trace
 * shows ordinary-sized writes. Same temp file, rename and error words as writeArchive.
 */
export async function writeArchiveChunks(sys: Sys, output: string | undefined, chunks: AsyncIterable<Uint8Array>, failure: string): Promise<number> {
  try {
    const toStdout = !output || output === '-';
    const slash = toStdout ? -1 : output.lastIndexOf('/');
    const dir = slash < 0 ? '.' : slash === 0 ? '/' : output!.slice(0, slash);
    const tmp = `${dir}/.docker_temp_${Math.floor(Math.random() * 1e9)}`;
    const fd = toStdout ? 1 : await sys.open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0o600);
    let done = false;
    try {
      const buf = new Uint8Array(WRITE_SIZE);
      let used = 0;
      for await (const piece of chunks) {
        if (used + piece.length > WRITE_SIZE && used > 0) {
          await sys.writeAll(fd, buf.subarray(0, used));
          used = 0;
        }
        if (piece.length >= WRITE_SIZE) await sys.writeAll(fd, piece);
        else {
          buf.set(piece, used);
          used += piece.length;
        }
      }
      if (used > 0) await sys.writeAll(fd, buf.subarray(0, used));
      done = true;
    } finally {
      if (!toStdout) await sys.close(fd);
      // As the CLI's CopyToFile: a write that failed half way leaves no temp file behind.
      if (!toStdout && !done) await sys.unlink(tmp).catch(() => {});
    }
    if (!toStdout) await sys.rename(tmp, output!);
    return 0;
  } catch (e) {
    if (!isSysError(e)) throw e;
    await sys.writeAll(2, `${failure}: ${strerror(e.code).toLowerCase()}\n`);
    return 1;
  }
}

const WRITE_SIZE = 65536;

export async function readInput(sys: Sys, input: string | undefined): Promise<Uint8Array> {
  if (!input || input === '-') return sys.readAll(0);
  return readFile(sys, input);
}
