// Every program cowbox ships, by command name, loaded on first use. A program is one file whose
// default export is `main(sys)`; its executable in the filesystem names it (abi/program.ts), so
// deleting /usr/bin/NAME removes the command and writing the file installs it.

import type { ProgramMain } from '../abi/program.ts';
import { Sys } from '../sys/sys.ts';

export type ProgramEntry = (sys: Sys) => Promise<number>;

type Module = { default: ProgramEntry };

const PROGRAMS: Record<string, () => Promise<Module>> = {
  init: () => import('./init.ts'),
  sh: () => import('./sh.ts'),
  dash: () => import('./sh.ts'),
  cat: () => import('./coreutils/cat.ts'),
  echo: () => import('./coreutils/echo.ts'),
  env: () => import('./coreutils/env.ts'),
  false: () => import('./coreutils/false.ts'),
  od: () => import('./coreutils/od.ts'),
  tr: () => import('./coreutils/tr.ts'),
  true: () => import('./coreutils/true.ts'),
};

/** Commands and the directory their executable lives in on a fresh machine. */
export function programNames(): string[] {
  return Object.keys(PROGRAMS).sort();
}

export async function loadProgram(name: string): Promise<ProgramMain | null> {
  const load = PROGRAMS[name];
  if (!load) return null;
  const entry = (await load()).default;
  return (port, args) => entry(new Sys(port, args));
}
