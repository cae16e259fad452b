// What a daemon knows about its own binary: the package and version its executable file names
// (a package manager writes "package: NAME VERSION" after the program line), read through
// /proc/self/exe as a real program reads its own build facts from its ELF image.

import { isSysError } from '../../../abi/errno.ts';
import { PROGRAM_MAGIC } from '../../../abi/program.ts';
import { utf8Decode } from '../../../base/text.ts';
import type { Sys } from '../../../sys/sys.ts';

export interface ExeInfo {
  path: string;
  package: string;
  /** The package version (7.3.5-5.module+el8...), or '' when the executable does not say. */
  version: string;
}

export async function exeInfo(sys: Sys): Promise<ExeInfo> {
  // /proc/self/exe when /proc is mounted; else argv[0] found the way the shell found it.
  const candidates: string[] = [];
  try {
    candidates.push(await sys.readlink('/proc/self/exe'));
  } catch (e) {
    if (!isSysError(e)) throw e;
    const name = sys.argv[0] ?? '';
    if (name.includes('/')) candidates.push(name);
    else for (const dir of (sys.getenv('PATH') ?? '/usr/bin:/bin').split(':')) candidates.push(`${dir || '.'}/${name}`);
  }
  for (const path of candidates) {
    try {
      const fd = await sys.open(path, 0);
      try {
        const head = utf8Decode(await sys.read(fd, 512));
        if (!head.startsWith(PROGRAM_MAGIC)) continue;
        const m = /\npackage: (\S+) (\S+)\n/.exec(head);
        return m ? { path, package: m[1]!, version: m[2]! } : { path, package: '', version: '' };
      } finally {
        await sys.close(fd);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
  return { path: '', package: '', version: '' };
}

/** Whether the package is Red Hat's build (its release names el8). */
export function isRhel(version: string): boolean {
  return /(^|[.+])el\d/.test(version);
}

/** The upstream part of a package version: 7.3.5 of 7.3.5-5.module+el8..., 8.2.36 of 8.2.36-1~deb12u1. */
export function upstream(version: string): string {
  return version.replace(/^\d+:/, '').replace(/[-+~].*$/, '').replace(/_.*$/, '');
}
