// Build-cache keys (reference section 8, BuildKit's model): only steps that change the
// filesystem (RUN, COPY, ADD, WORKDIR) have a key; each key hashes its parent key, the
// instruction after substitution and the context that affects it (RUN: argv, environment with
// ARGs, WORKDIR, USER, network; COPY/ADD: flags, destination, WORKDIR and a checksum of the
// copied files' contents and metadata, never mtimes). Metadata-only instructions matter only
// through the context they change, so editing a LABEL does not invalidate a later RUN.

import { digestOf } from '../../oci/digest.ts';

export function hashParts(parts: readonly unknown[]): string {
  return digestOf(JSON.stringify(parts));
}

/** A stage's starting key: the base image's id, or the parent stage's final key. */
export function baseKey(imageIdOrStageKey: string): string {
  return hashParts(['base', imageIdOrStageKey]);
}

export interface RunKeyInput {
  argv: readonly string[];
  env: readonly string[];
  workdir: string;
  user: string;
  network?: string;
  mounts?: readonly string[];
  /** The body of a heredoc script run as a file. */
  script?: string;
}

export function runKey(parent: string, r: RunKeyInput): string {
  return hashParts(['run', parent, r.argv, r.env, r.workdir, r.user, r.network ?? '', r.mounts ?? [], r.script ?? null]);
}

export interface CopyKeyInput {
  kind: 'copy' | 'add';
  dest: string;
  workdir: string;
  chown?: string;
  chmod?: string;
  from?: string;
  link?: boolean;
  /** Checksum of the selected sources (see checksumEntries). */
  sources: string;
}

export function copyKey(parent: string, c: CopyKeyInput): string {
  // COPY --link does not depend on what is below it.
  return hashParts([c.kind, c.link ? 'link' : parent, c.dest, c.workdir, c.chown ?? '', c.chmod ?? '', c.from ?? '', c.sources]);
}

export function workdirKey(parent: string, path: string, user: string): string {
  return hashParts(['workdir', parent, path, user]);
}

/** One copied file as the cache sees it: no mtime. */
export interface ChecksumEntry {
  path: string;
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  uid: number;
  gid: number;
  /** sha256 of the data, for files. */
  digest?: string;
  linkname?: string;
}

export function checksumEntries(entries: readonly ChecksumEntry[]): string {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return hashParts(sorted.map((e) => [e.path, e.type, e.mode, e.uid, e.gid, e.digest ?? '', e.linkname ?? '']));
}
