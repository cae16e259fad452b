// Shared by the engine's image-side tests: run a body as PID 1 of a fresh kernel, and make
// layer tars from a compact list of entries.

import { packTar, type TarEntry } from '../../../src/runtime/archive/tar.ts';
import type { Sys } from '../../../src/sys/sys.ts';
import { bootKernel, type TestProgram } from '../../helpers/kernel.ts';

export async function withSys<T>(body: (sys: Sys) => Promise<T>, programs: Record<string, TestProgram> = {}): Promise<T> {
  const { runInit } = await bootKernel(programs);
  let result: T | undefined;
  let error: unknown;
  await runInit(async (sys) => {
    // Hold 0-2 so pipes made later land above them.
    for (let i = 0; i < 3; i++) await sys.open('/tmp', 0);
    try {
      result = await body(sys);
    } catch (e) {
      error = e;
    }
    return 0;
  });
  if (error) throw error;
  return result as T;
}

type Spec = [name: string, kind: 'dir' | 'file' | 'symlink' | 'hardlink', extra?: string, mode?: number];

/** A layer tar: dirs end in '/', files carry text, links their target. */
export function layerTar(specs: Spec[], mtime = 1700000000): Uint8Array {
  const te = new TextEncoder();
  const entries: TarEntry[] = specs.map(([name, kind, extra, mode]) => {
    const data = kind === 'file' ? te.encode(extra ?? '') : undefined;
    return {
      name, type: kind, mode: mode ?? (kind === 'dir' ? 0o755 : kind === 'symlink' ? 0o777 : 0o644),
      uid: 0, gid: 0, uname: '', gname: '', mtime, size: data?.length ?? 0,
      linkname: kind === 'symlink' || kind === 'hardlink' ? extra ?? '' : '', devmajor: 0, devminor: 0, data,
    };
  });
  return packTar(entries);
}

/** A minimal image config over these diff ids. */
export function configFor(diffIds: string[], extra: Record<string, unknown> = {}): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ architecture: 'amd64', config: { Cmd: ['/bin/sh'] }, created: '2024-01-01T00:00:00Z', os: 'linux', rootfs: { type: 'layers', diff_ids: diffIds }, ...extra }));
}

export interface RunResult { stdout: Uint8Array; stderr: string; status: number }

/** Run a program from /bin with `argv`, feeding `stdin`; collects stdout bytes and stderr text. */
export async function run(sys: Sys, argv: string[], stdin: Uint8Array = new Uint8Array(0)): Promise<RunResult> {
  const [inR, inW] = await sys.pipe();
  const [outR, outW] = await sys.pipe();
  const [errR, errW] = await sys.pipe();
  const pid = await sys.fork(async (c) => {
    await c.dup2(inR, 0);
    await c.dup2(outW, 1);
    await c.dup2(errW, 2);
    for (const fd of [inR, inW, outR, outW, errR, errW]) await c.close(fd);
    return c.execve(`/bin/${argv[0]}`, argv, ['PATH=/bin']);
  });
  await sys.close(inR);
  await sys.close(outW);
  await sys.close(errW);
  const feed = (async () => {
    try {
      await sys.writeAll(inW, stdin);
    } catch {
      // The program may exit without reading everything.
    }
    await sys.close(inW);
  })();
  const [o, e] = await Promise.all([sys.readAll(outR), sys.readAll(errR), feed]);
  await sys.close(outR);
  await sys.close(errR);
  let status = -1;
  for (;;) {
    const [p, st] = await sys.wait4(pid);
    if (p === pid) {
      status = (st >> 8) & 0xff;
      break;
    }
  }
  return { stdout: o, stderr: new TextDecoder().decode(e), status };
}
