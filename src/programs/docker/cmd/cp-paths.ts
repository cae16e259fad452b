// The path rules of `docker cp`, as Docker's client and go-archive apply them: which side names
// a container (`CONTAINER:PATH`, but `./a:b` and `/a:b` are local), Go's path.Clean/Dir/Base,
// keeping a trailing "/" or "/." that the user wrote (it means "a directory" / "its contents"),
// and PrepareArchiveCopy's decision of where an archive is unpacked and what its top entry is
// renamed to. Pure string work; the files are looked at by the callers.

/** `CONTAINER:PATH` or a local path (absolute, or with no ':' before, or starting with '.'). */
export function splitCpArg(arg: string): { container: string; path: string } {
  if (arg.startsWith('/')) return { container: '', path: arg };
  const colon = arg.indexOf(':');
  if (colon < 0 || arg.startsWith('.')) return { container: '', path: arg };
  return { container: arg.slice(0, colon), path: arg.slice(colon + 1) };
}

/** Go's path.Clean. */
export function goClean(p: string): string {
  if (p === '') return '.';
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
      continue;
    }
    out.push(part);
  }
  const s = out.join('/');
  return abs ? `/${s}` : s || '.';
}

/** Go's path.Base. */
export function goBase(p: string): string {
  if (p === '') return '.';
  const t = p.replace(/\/+$/, '');
  if (t === '') return '/';
  return t.slice(t.lastIndexOf('/') + 1);
}

/** Go's path.Dir. */
export function goDir(p: string): string {
  return goClean(p.slice(0, p.lastIndexOf('/') + 1));
}

export const specifiesCurrentDir = (p: string): boolean => goBase(p) === '.';
export const hasTrailingSeparator = (p: string): boolean => p.endsWith('/');

/** go-archive's PreserveTrailingDotOrSeparator: put back the "/." or "/" Clean took off. */
export function preserveTrailingDotOrSeparator(cleaned: string, original: string): string {
  let out = cleaned;
  if (!specifiesCurrentDir(out) && specifiesCurrentDir(original)) {
    if (!hasTrailingSeparator(out)) out += '/';
    out += '.';
  }
  if (!hasTrailingSeparator(out) && hasTrailingSeparator(original)) out += '/';
  return out;
}

/** go-archive's SplitPathDirEntry: "/a/b/." is ("/a/b", "."), "/a/b/" is ("/a", "b"). */
export function splitPathDirEntry(p: string): [string, string] {
  let cleaned = goClean(p);
  if (specifiesCurrentDir(p)) cleaned += '/.';
  return [goDir(cleaned), goBase(cleaned)];
}

/** A local path made absolute against the working directory, trailing "/" or "/." kept. */
export function absLocal(cwd: string, p: string): string {
  return preserveTrailingDotOrSeparator(goClean(p.startsWith('/') ? p : `${cwd}/${p}`), p);
}

/** go-archive's GetRebaseName: the followed path, and the name its top entry must take back. */
export function getRebaseName(path: string, resolved: string): [string, string] {
  let out = resolved;
  if (specifiesCurrentDir(path) && !specifiesCurrentDir(out)) out += '/.';
  if (hasTrailingSeparator(path) && !hasTrailingSeparator(out)) out += '/';
  return [out, goBase(path) !== goBase(out) ? goBase(path) : ''];
}

export interface CopyInfo {
  path: string;
  exists: boolean;
  isDir: boolean;
  /** The name the source's top entry must carry (set when a followed link changed it). */
  rebaseName: string;
}

/** The go-archive errors the client prints as they are. */
export const ERR_CANNOT_COPY_DIR = 'cannot copy directory';
export const ERR_DIR_NOT_EXISTS = 'no such directory';
export const ERR_NOT_DIRECTORY = 'not a directory';

/**
 * PrepareArchiveCopy: the directory the archive is unpacked in, and the rename of its top entry
 * (from, to) or null; or an error's words. An existing directory takes the archive as it is; a
 * new name (or an existing file, for a file) takes the top entry renamed, unpacked in its parent.
 */
export function prepareArchiveCopy(src: CopyInfo, dst: CopyInfo): { dir: string; rebase: [string, string] | null } | { error: string } {
  const [dstDir, dstBase] = splitPathDirEntry(dst.path);
  let [, srcBase] = splitPathDirEntry(src.path);
  if (dst.exists && dst.isDir) return { dir: dst.path, rebase: null };
  if (dst.exists && src.isDir) return { error: ERR_CANNOT_COPY_DIR };
  // a file cannot make the directory that "DEST/" or "DEST/." asks for
  if (!dst.exists && !src.isDir && (hasTrailingSeparator(dst.path) || specifiesCurrentDir(dst.path))) return { error: ERR_DIR_NOT_EXISTS };
  if (src.rebaseName) srcBase = src.rebaseName;
  return { dir: dstDir, rebase: [srcBase, dstBase] };
}

/** RebaseArchiveEntries: the first occurrence of `from` in a name (and a hard link's target) becomes `to`. */
export function rebaseName(name: string, from: string, to: string): string {
  const i = name.indexOf(from);
  return i < 0 ? name : name.slice(0, i) + to + name.slice(i + from.length);
}
