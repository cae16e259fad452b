// Names of path components, shared between everything that keeps one. A thousand containers
// each keep "dev", "etc", "hostname", "resolv.conf"... dozens of times over: in directory
// entries, in the chains of names of their mount points, in overlay objects. Splitting a path
// makes a new string for every component each time, so without this each keeps its own copy.
//
// Short names are kept once in a bounded table. Longer ones are not worth a table slot (most
// are unique, like a container's id), but a long component is a slice of the whole path it
// came from, and a slice keeps that path alive for as long as the name is kept: those are
// copied out on their own instead.

/** V8 makes a slice (which holds its parent string) of 13 characters or more. */
const SHORT = 12;
/** Enough for every name a machine's image and containers use over and over. */
const MAX_SHARED = 4096;

const shared = new Map<string, string>();

/** The one kept copy of a short `name`; a copy that holds no other string for a long one. */
export function sharedName(name: string): string {
  if (name.length > SHORT) return detached(name);
  const hit = shared.get(name);
  if (hit !== undefined) return hit;
  if (shared.size < MAX_SHARED) shared.set(name, name);
  return name;
}

/** A flat copy of `s`, not a slice of whatever string it was cut from. */
function detached(s: string): string {
  return s.split('').join('');
}
