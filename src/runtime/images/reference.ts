// Image references as distribution/reference parses them: `[domain/]path[:tag][@digest]`,
// Docker Hub's defaults (docker.io, library/) and the familiar short form `docker images` prints.
// The engine's one reference parser: parseReference gives what was written; parseRef adds the
// defaults a pull needs ("latest" when there is neither tag nor digest).

export interface ParsedReference {
  domain: string;
  /** The repository path, "library/alpine" for docker.io's official images. */
  path: string;
  tag?: string;
  digest?: string;
  /** The familiar name: "alpine", "user/app", "quay.io/x/y" (no tag, no digest). */
  familiar: string;
}

export class ReferenceError extends Error {}

const DEFAULT_DOMAIN = 'docker.io';
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$/;
const DOMAIN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?$|^\[[0-9a-fA-F:]+\](?::[0-9]+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;

/** Parse a (possibly familiar) reference; throws ReferenceError with Docker's words. */
export function parseReference(ref: string): ParsedReference {
  if (/^[a-f0-9]{64}$/.test(ref)) {
    throw new ReferenceError('invalid repository name (' + ref + '), cannot specify 64-byte hexadecimal strings');
  }
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw new ReferenceError('invalid reference format');
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw new ReferenceError('invalid reference format');
  }
  if (rest === '' || rest.length > 255) throw new ReferenceError(rest === '' ? 'invalid reference format' : 'repository name must not be more than 255 characters');
  let domain: string;
  let path: string;
  const slash = rest.indexOf('/');
  const first = slash < 0 ? '' : rest.slice(0, slash);
  if (slash < 0 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) {
    domain = DEFAULT_DOMAIN;
    path = rest;
  } else {
    domain = first;
    path = rest.slice(slash + 1);
  }
  if (domain === 'index.docker.io') domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !path.includes('/')) path = `library/${path}`;
  if (!DOMAIN.test(domain)) throw new ReferenceError('invalid reference format');
  for (const c of path.split('/')) {
    if (!COMPONENT.test(c)) {
      if (COMPONENT.test(c.toLowerCase())) throw new ReferenceError(`invalid reference format: repository name (${path}) must be lowercase`);
      throw new ReferenceError('invalid reference format');
    }
  }
  let familiar = `${domain}/${path}`;
  if (domain === DEFAULT_DOMAIN) {
    familiar = path;
    if (path.startsWith('library/') && !path.slice(8).includes('/')) familiar = path.slice(8);
  }
  return { domain, path, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}), familiar };
}

/** A reference with the defaults a pull needs. */
export interface ImageRef {
  /** Registry host: "docker.io", "registry.access.redhat.com". */
  domain: string;
  /** Repository path: "library/alpine", "ubi8/ubi". */
  path: string;
  /** The tag, "latest" when none was written and there is no digest. */
  tag?: string;
  digest?: string;
  /** True when no tag and no digest were written (`Using default tag: latest`). */
  defaultTag: boolean;
  /** The repository as Docker prints it: "alpine", "user/app", "registry.access.redhat.com/ubi8/ubi". */
  familiar: string;
  /** domain/path: "docker.io/library/alpine". */
  full: string;
}

/** Parse `ref` as Docker does, with "latest" filled in; throws ReferenceError for a malformed one. */
export function parseRef(ref: string): ImageRef {
  const r = parseReference(ref);
  const defaultTag = r.tag === undefined && r.digest === undefined;
  return {
    domain: r.domain, path: r.path, tag: r.tag ?? (r.digest ? undefined : 'latest'), digest: r.digest, defaultTag,
    familiar: r.familiar, full: fullName(r),
  };
}

/** "alpine:3.20" or "alpine@sha256:..." as Docker prints a reference. */
export function familiarString(r: ImageRef | ParsedReference): string {
  return r.digest ? `${r.familiar}@${r.digest}` : `${r.familiar}:${r.tag ?? 'latest'}`;
}

/** The familiar string of a reference with "latest" added when it has neither tag nor digest. */
export function familiarTagged(ref: string): string {
  return familiarString(parseReference(ref));
}

/** The full name: "docker.io/library/alpine". */
export function fullName(r: ParsedReference): string {
  return `${r.domain}/${r.path}`;
}
