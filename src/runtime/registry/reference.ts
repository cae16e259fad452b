// Image references as Docker reads them (distribution/reference): an optional registry domain,
// a lowercase path, a tag or a digest. Names without a domain live on docker.io, and one-part
// names there under library/; the "familiar" spelling drops both again, as Docker prints it.
// The parsing is the image store's (src/runtime/images/reference.ts); this adds the defaults a
// pull needs.

import { parseReference, ReferenceError } from '../images/reference.ts';

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

export { ReferenceError };

/** Parse `ref` as Docker does; throws ReferenceError with Docker's words for a malformed one. */
export function parseRef(ref: string): ImageRef {
  const r = parseReference(ref);
  const defaultTag = r.tag === undefined && r.digest === undefined;
  return {
    domain: r.domain, path: r.path, tag: r.tag ?? (r.digest ? undefined : 'latest'), digest: r.digest, defaultTag,
    familiar: r.familiar, full: `${r.domain}/${r.path}`,
  };
}

/** "alpine:3.20" or "alpine@sha256:..." as Docker prints a reference. */
export function familiarString(r: ImageRef): string {
  return r.digest ? `${r.familiar}@${r.digest}` : `${r.familiar}:${r.tag ?? 'latest'}`;
}
