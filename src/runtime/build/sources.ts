// COPY/ADD sources: which files a source argument names inside a root (the build context, or a
// mounted stage or image), with Go filepath.Match wildcards per component, .dockerignore for the
// context, and BuildKit's "not found" error; and the checksum the build cache keys them by
// (contents and metadata, never mtimes).

import { sha256Hex } from '../../base/sha256.ts';
import { utf8Encode } from '../../base/text.ts';
import type { Stat } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import { checksumEntries, type ChecksumEntry } from './dockerfile/cache-key.ts';
import { DockerfileError } from './dockerfile/errors.ts';
import type { DockerIgnore } from './dockerignore.ts';
import { isDir, isFile, isLink, listNames, lstatOrNull, readFile } from '../sys-files.ts';
import { cleanRel, scopedPath } from './fs-scope.ts';

export interface SourceItem {
  /** Host path of the file or directory to copy. */
  host: string;
  /** Its name at the destination (the basename of what was written or matched). */
  name: string;
  st: Stat;
  /** Path relative to the root, for .dockerignore checks below a directory. */
  rel: string;
}

export interface SourceRoot {
  sys: Sys;
  /** Host path of the root. */
  root: string;
  /** .dockerignore of a local context. */
  ignore?: DockerIgnore | null;
  /** Names the ref in BuildKit's "failed to calculate checksum of ref" message. */
  refId: string;
}

const GLOB = /[*?[\\]/;

/** filepath.Match for one path component. */
export function matchComponent(pattern: string, name: string): boolean {
  let re = '^';
  const cs = Array.from(pattern);
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\' && i + 1 < cs.length) re += cs[++i]!.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
    else if (c === '[') {
      let j = i + 1;
      let cls = '[';
      if (cs[j] === '^' || cs[j] === '!') {
        cls += '^';
        j++;
      }
      for (; j < cs.length && (cs[j] !== ']' || j === i + 1); j++) cls += cs[j] === '\\' && j + 1 < cs.length ? '\\' + cs[++j] : cs[j]!.replace(/[\\^\]]/g, '\\$&');
      if (j >= cs.length) return false;
      re += cls + ']';
      i = j;
    } else re += c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  }
  return new RegExp(re + '$', 'su').test(name);
}

export function notFound(refId: string, rel: string, line: number): DockerfileError {
  return new DockerfileError(`failed to compute cache key: failed to calculate checksum of ref ${refId}::${refId.slice(0, 25)}: "/${rel}": not found`, line, line, 'build');
}

function excluded(src: SourceRoot, rel: string): boolean {
  return !!src.ignore && rel !== '' && src.ignore.excluded(rel);
}

/** The items one source argument names; throws BuildKit's not-found error. */
export async function selectSources(src: SourceRoot, arg: string, line: number): Promise<{ items: SourceItem[]; wildcard: boolean }> {
  const parts = cleanRel(arg);
  const rel = parts.join('/');
  const wildcard = parts.some((p) => GLOB.test(p));
  if (!wildcard) {
    const host = await scopedPath(src.sys, src.root, rel, true);
    const st = await lstatOrNull(src.sys, host);
    const hostRel = host === src.root ? '' : host.slice(src.root.length + 1);
    if (!st || excluded(src, rel) || excluded(src, hostRel)) throw notFound(src.refId, rel, line);
    return { items: [{ host, name: parts[parts.length - 1] ?? '', st: await src.sys.stat(host), rel: hostRel }], wildcard };
  }
  // Walk component by component; a wildcard component lists its directory.
  let current: Array<{ host: string; rel: string }> = [{ host: src.root, rel: '' }];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const last = i === parts.length - 1;
    const next: Array<{ host: string; rel: string }> = [];
    for (const c of current) {
      const st = await lstatOrNull(src.sys, c.host);
      if (!st || !isDir(st)) {
        if (current.length === 1) throw notFound(src.refId, parts.slice(0, i).join('/') || rel, line);
        continue;
      }
      if (GLOB.test(p)) {
        for (const n of await listNames(src.sys, c.host)) {
          const r = c.rel ? `${c.rel}/${n}` : n;
          if (matchComponent(p, n) && !excluded(src, r)) next.push({ host: `${c.host}/${n}`, rel: r });
        }
      } else {
        const r = c.rel ? `${c.rel}/${p}` : p;
        const host = await scopedPath(src.sys, src.root, r, !last);
        if (await lstatOrNull(src.sys, host)) next.push({ host, rel: r });
        else if (current.length === 1 && !last) throw notFound(src.refId, r, line);
      }
    }
    current = next;
  }
  const items: SourceItem[] = [];
  for (const c of current) {
    const st = await src.sys.lstat(c.host);
    items.push({ host: c.host, name: c.rel.split('/').pop()!, st, rel: c.rel });
  }
  return { items, wildcard };
}

/** Every file below a directory item (paths relative to it), .dockerignore applied. */
export async function walkItem(src: SourceRoot, item: SourceItem, visit: (rel: string, host: string, st: Stat) => Promise<void>): Promise<void> {
  const walk = async (host: string, rel: string, rootRel: string): Promise<void> => {
    for (const n of await listNames(src.sys, host)) {
      const r = rel ? `${rel}/${n}` : n;
      const rr = rootRel ? `${rootRel}/${n}` : n;
      const h = `${host}/${n}`;
      const st = await src.sys.lstat(h);
      const skip = excluded(src, rr);
      if (skip && !(isDir(st) && src.ignore?.mayIncludeBelow(rr))) continue;
      if (!skip) await visit(r, h, st);
      if (isDir(st)) await walk(h, r, rr);
    }
  };
  await walk(item.host, '', item.rel);
}

/** The cache checksum of the selected items (and the inline heredoc files). */
export async function checksumSources(src: SourceRoot, items: readonly SourceItem[], inline: ReadonlyArray<{ path: string; data: string }>): Promise<string> {
  const entries: ChecksumEntry[] = [];
  const add = async (path: string, host: string, st: Stat): Promise<void> => {
    const e: ChecksumEntry = { path, type: isDir(st) ? 'dir' : isLink(st) ? 'symlink' : 'file', mode: st.mode & 0o7777, uid: st.uid, gid: st.gid };
    if (isFile(st)) e.digest = sha256Hex(await readFile(src.sys, host));
    else if (isLink(st)) e.linkname = await src.sys.readlink(host);
    entries.push(e);
  };
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const base = `${i}:${it.name}`;
    await add(base, it.host, it.st);
    if (isDir(it.st)) await walkItem(src, it, (rel, host, st) => add(`${base}/${rel}`, host, st));
  }
  for (const h of inline) entries.push({ path: `<<${h.path}`, type: 'file', mode: 0o644, uid: 0, gid: 0, digest: sha256Hex(utf8Encode(h.data)) });
  return checksumEntries(entries);
}
