// The recorded terminfo entries (terminfo-caps.ts) as tput and tset read them: a type's whole
// capability set, built once from the chain of types it is stored against, and the kind of a
// capability name (extended names such as E3 or Ms exist only in the entries that have them).

import { BOOL_NAMES, ENTRIES, NUM_NAMES, STR_NAMES, type CapValue } from './terminfo-caps.ts';

export type Entry = ReadonlyMap<string, CapValue>;

const built = new Map<string, Map<string, CapValue>>();
for (const [type, parent, changes] of ENTRIES) {
  const caps = new Map(parent ? built.get(parent)! : []);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) caps.delete(k);
    else caps.set(k, v);
  }
  built.set(type, caps);
}

/** The terminal type's capabilities, or null when terminfo has no such type. */
export function terminfoEntry(type: string): Entry | null {
  return built.get(type) ?? null;
}

const KINDS = new Map<string, 'bool' | 'num' | 'str'>();
for (const [names, kind] of [[BOOL_NAMES, 'bool'], [NUM_NAMES, 'num'], [STR_NAMES, 'str']] as const) {
  for (const n of names.split(' ')) KINDS.set(n, kind);
}

/** A capability's kind for this entry, or null when neither terminfo nor the entry knows the name. */
export function capKind(entry: Entry, name: string): 'bool' | 'num' | 'str' | null {
  const v = entry.get(name);
  if (v !== undefined && !name.startsWith('@')) return typeof v === 'boolean' ? 'bool' : typeof v === 'number' ? 'num' : 'str';
  return KINDS.get(name) ?? null;
}

/** What tputs sends for a string with no baud rate to pad for: the $<delay> marks go. */
export function withoutPadding(s: string): string {
  return s.replace(/\$<[\d.]+[*/]*>/g, '');
}
