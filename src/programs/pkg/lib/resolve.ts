// Dependency resolution shared by apk, apt and dnf: the closure of what was asked for over
// dependencies (and weak dependencies, when the tool installs them by default), minus what is
// installed already, in an order where every package comes after what it needs — the order a
// package manager unpacks them in. Names that resolve to nothing are reported, not guessed.

import type { Pkg, Reason } from '../../../runtime/distro/types.ts';

export type { Reason };

export interface Planned {
  pkg: Pkg;
  reason: Reason;
}

export interface Plan {
  /** Dependencies before their dependents. */
  install: Planned[];
  /** Names asked for (or needed) that no candidate answers, with who needed them. */
  missing: Array<{ name: string; by: string | null }>;
}

export interface ResolveOptions {
  /** The package a name stands for now (module streams, provides), or null. */
  choose(name: string): Pkg | null;
  isInstalled(name: string): boolean;
  weak: boolean;
}

export function resolveInstall(requested: Pkg[], opts: ResolveOptions): Plan {
  const install: Planned[] = [];
  const missing: Plan['missing'] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const reasons = new Map<string, Reason>();
  for (const p of requested) reasons.set(p.name, 'user');
  const visit = (p: Pkg, reason: Reason): void => {
    if (state.has(p.name)) return;
    state.set(p.name, 'visiting');
    const need = (name: string, weak: boolean): void => {
      if (opts.isInstalled(name)) return;
      const dep = opts.choose(name);
      if (!dep) {
        if (!weak) missing.push({ name, by: p.name });
        return;
      }
      if (opts.isInstalled(dep.name)) return;
      if (!reasons.has(dep.name)) reasons.set(dep.name, weak ? 'weak' : 'dep');
      visit(dep, reasons.get(dep.name)!);
    };
    for (const d of p.depends) need(d, false);
    if (opts.weak) for (const d of p.recommends) need(d, true);
    state.set(p.name, 'done');
    install.push({ pkg: p, reason });
  };
  for (const p of requested) visit(p, 'user');
  return { install, missing };
}

/**
 * Packages to remove with `names`: those asked for and everything installed that depends on
 * them (apt and dnf refuse or follow; they follow here), plus, with `unused`, dependencies that
 * nothing left needs and that were not asked for by the user.
 */
export function resolveRemove(
  names: string[],
  installed: Map<string, { pkg: Pkg; reason: Reason }>,
  unused: boolean,
  provides: (name: string) => string,
): { remove: string[]; dependents: string[]; unused: string[] } {
  const remove = new Set(names);
  const dependents: string[] = [];
  let grew = true;
  while (grew) {
    grew = false;
    for (const [name, { pkg }] of installed) {
      if (remove.has(name)) continue;
      if (pkg.depends.some((d) => remove.has(provides(d)))) {
        remove.add(name);
        dependents.push(name);
        grew = true;
      }
    }
  }
  const gone: string[] = [];
  if (unused) {
    // What the user asked for and kept, and everything it needs, stays; the rest goes.
    const keep = new Set<string>();
    const visit = (name: string): void => {
      if (keep.has(name) || remove.has(name) || !installed.has(name)) return;
      keep.add(name);
      const { pkg } = installed.get(name)!;
      for (const d of [...pkg.depends, ...pkg.recommends]) visit(provides(d));
    };
    for (const [name, { reason }] of installed) if (reason === 'user') visit(name);
    for (const name of installed.keys()) {
      if (!keep.has(name) && !remove.has(name)) {
        remove.add(name);
        gone.push(name);
      }
    }
  }
  return { remove: [...remove], dependents, unused: gone };
}
