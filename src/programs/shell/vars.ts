// Shell variables: values, export and readonly flags, and `local` scopes. The environment handed
// to commands lists exported variables in the order of dash's 39-bucket hash table (dash's
// built-in variables first in each bucket), so `env` prints them as under dash.

export interface Var {
  value: string | undefined;
  exported: boolean;
  readonly: boolean;
  /** Position within its hash bucket: built-ins negative, later variables higher. */
  pos: number;
}

const VTABSIZE = 39;

/** dash's own variables, in its varinit order; they are never removed from the table. */
const FIXED = ['IFS', 'MAIL', 'MAILPATH', 'PATH', 'PS1', 'PS2', 'PS4', 'OPTIND'];

function bucket(name: string): number {
  let h = name.charCodeAt(0) << 4;
  for (let i = 0; i < name.length; i++) h += name.charCodeAt(i);
  return h % VTABSIZE;
}

export interface SavedLocal {
  name: string;
  old: Var | undefined;
}

export class Vars {
  private map = new Map<string, Var>();
  private nextPos = 0;

  constructor() {
    FIXED.forEach((name, i) => this.map.set(name, { value: undefined, exported: false, readonly: false, pos: -1 - i }));
  }

  get(name: string): string | undefined {
    return this.map.get(name)?.value;
  }

  lookup(name: string): Var | undefined {
    return this.map.get(name);
  }

  /** Set a value; the caller has checked readonly. `flags` may add export/readonly. */
  set(name: string, value: string | undefined, flags: { exported?: boolean; readonly?: boolean } = {}): Var {
    let v = this.map.get(name);
    if (!v) {
      v = { value, exported: false, readonly: false, pos: this.nextPos++ };
      this.map.set(name, v);
    } else v.value = value;
    if (flags.exported) v.exported = true;
    if (flags.readonly) v.readonly = true;
    return v;
  }

  unset(name: string): void {
    const v = this.map.get(name);
    if (!v) return;
    if (v.pos < 0) {
      v.value = undefined;
      v.exported = false;
      return;
    }
    this.map.delete(name);
  }

  /** Put back a variable exactly as it was (end of a `local` scope or a temporary assignment). */
  restore(name: string, old: Var | undefined): void {
    if (old) this.map.set(name, old);
    else this.map.delete(name);
  }

  /** A copy of a variable's current record, for restoring later. */
  snapshot(name: string): Var | undefined {
    const v = this.map.get(name);
    return v ? { ...v } : undefined;
  }

  names(): string[] {
    return [...this.map.keys()];
  }

  entries(): Array<[string, Var]> {
    return [...this.map.entries()];
  }

  /** NAME=VALUE for every exported, set variable, in dash's order. */
  environment(): string[] {
    const list: Array<{ name: string; v: Var; b: number }> = [];
    for (const [name, v] of this.map) if (v.exported && v.value !== undefined) list.push({ name, v, b: bucket(name) });
    list.sort((x, y) => x.b - y.b || x.v.pos - y.v.pos);
    return list.map((e) => `${e.name}=${e.v.value}`);
  }

  clone(): Vars {
    const c = new Vars();
    c.map = new Map();
    for (const [name, v] of this.map) c.map.set(name, { ...v });
    c.nextPos = this.nextPos;
    return c;
  }
}
