// Pathname expansion, as dash's expmeta: the pattern is walked one path component at a time,
// reading directories with getdents through sys; a leading `.` must be matched explicitly (so
// `.*` finds `.` and `..`); a final literal component must exist (lstat). Matches of one word
// are sorted bytewise.

import { isSysError } from '../../abi/errno.ts';
import { O_DIRECTORY, O_RDONLY, O_CLOEXEC } from '../../abi/open-flags.ts';
import { fromBytes, toBytes } from './bytes.ts';
import { compilePattern, isGlobPattern, unescapePattern } from './pattern.ts';
import type { Shell } from './shell.ts';

export async function expandPathname(sh: Shell, pattern: string): Promise<string[]> {
  const out: string[] = [];
  const comps = splitComponents(pattern);
  const absolute = pattern.startsWith('/');
  await walk(sh, absolute ? '/' : '', absolute ? comps.slice(1) : comps, out);
  return out.sort(byteCompare);
}

/** Split on unescaped slashes, keeping escapes inside components. */
function splitComponents(p: string): string[] {
  const comps: string[] = [];
  let cur = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\' && i + 1 < p.length) {
      if (p[i + 1] === '/') {
        comps.push(cur);
        cur = '';
        i++;
        continue;
      }
      cur += c + p[++i];
      continue;
    }
    if (c === '/') {
      comps.push(cur);
      cur = '';
    } else cur += c;
  }
  comps.push(cur);
  return comps;
}

async function walk(sh: Shell, prefix: string, comps: string[], out: string[]): Promise<void> {
  // Literal components are appended without looking, as dash does, until one has a pattern.
  let i = 0;
  let path = prefix;
  while (i < comps.length && !isGlobPattern(comps[i]!)) {
    path += unescapePattern(comps[i]!);
    if (i + 1 < comps.length) path += '/';
    i++;
  }
  if (i === comps.length) {
    if (await exists(sh, path)) out.push(path);
    return;
  }
  const comp = comps[i]!;
  const last = i + 1 === comps.length;
  const names = await readDir(sh, path === '' ? '.' : path);
  if (!names) return;
  const re = compilePattern(comp);
  const matchDot = comp.startsWith('.') || comp.startsWith('\\.');
  for (const name of names) {
    if (name.startsWith('.') && !matchDot) continue;
    if (!re.test(name)) continue;
    if (last) out.push(path + name);
    else await walk(sh, `${path}${name}/`, comps.slice(i + 1), out);
  }
}

async function exists(sh: Shell, path: string): Promise<boolean> {
  try {
    await sh.sys.lstat(fromBytes(path));
    return true;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return false;
  }
}

/** Entry names of a directory, with `.` and `..` as getdents gives them on Linux. */
async function readDir(sh: Shell, dir: string): Promise<string[] | null> {
  let fd: number;
  try {
    fd = await sh.sys.open(fromBytes(dir), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return null;
  }
  try {
    const entries = await sh.sys.getdents(fd);
    const names = entries.map((e) => toBytes(e.name));
    if (!names.includes('.')) names.push('.');
    if (!names.includes('..')) names.push('..');
    return names;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return null;
  } finally {
    try {
      await sh.sys.close(fd);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
}

/** strcmp order on byte strings. */
export function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
