// Image references as distribution/reference parses them: `[domain/]path[:tag][@digest]`,
// Docker Hub's defaults (docker.io, library/) and the familiar short form `docker images` prints.

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

/** The familiar string of a reference with "latest" added when it has neither tag nor digest. */
export function familiarTagged(ref: string): string {
  const r = parseReference(ref);
  if (r.digest) return `${r.familiar}@${r.digest}`;
  return `${r.familiar}:${r.tag ?? 'latest'}`;
}

/** The full name: "docker.io/library/alpine". */
export function fullName(r: ParsedReference): string {
  return `${r.domain}/${r.path}`;
}
