// POSIX path string helpers. They only manipulate strings: resolving symlinks and mounts is
// the VFS's job, so `..` is never folded here.

export const NAME_MAX = 255;
export const PATH_MAX = 4096;

/** Split a path into its non-empty components ("/a//b/" -> ["a", "b"]). */
export function components(path: string): string[] {
  const out: string[] = [];
  let start = 0;
  // A hand-rolled split: the path walk calls this for every system call that takes a path.
  for (let i = 0; i <= path.length; i++) {
    if (i === path.length || path.charCodeAt(i) === 47) {
      if (i > start) out.push(path.slice(start, i));
      start = i + 1;
    }
  }
  return out;
}

export function basename(path: string): string {
  const parts = components(path);
  return parts.length ? parts[parts.length - 1]! : path.startsWith('/') ? '/' : '';
}

export function dirname(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return trimmed.slice(0, i).replace(/\/+$/, '') || '/';
}

export function join(...parts: string[]): string {
  return parts.filter((p) => p.length > 0).join('/').replace(/\/{2,}/g, '/');
}

/** Lexically normalise an absolute path (folds `.` and `..`); for display and keys only. */
export function normalize(path: string): string {
  const out: string[] = [];
  for (const c of components(path)) {
    if (c === '.') continue;
    if (c === '..') out.pop();
    else out.push(c);
  }
  return '/' + out.join('/');
}
