// Every program cowbox ships, by command name, loaded on first use. A program is one file whose
// default export is `main(sys)`; its executable in the filesystem names it (abi/program.ts), so
// deleting /usr/bin/NAME removes the command and writing the file installs it. Each family of
// programs keeps its own list in its folder's index.ts.

import type { ProgramMain } from '../abi/program.ts';
import { onDemand } from '../base/on-demand.ts';
import { Sys } from '../sys/sys.ts';
import { ARCHIVE } from './archive/index.ts';
import { ATTR } from './attr/index.ts';
import { BUSYBOX } from './busybox/index.ts';
import { COREUTILS } from './coreutils/index.ts';
import { DAEMONS } from './daemons/index.ts';
import { DEBIANUTILS } from './debianutils/index.ts';
import { DEBUG } from './debug/index.ts';
import { DOCKER } from './docker/index.ts';
import { EXTRA } from './extra/index.ts';
import { FINDUTILS } from './findutils/index.ts';
import { NCURSES } from './ncurses/index.ts';
import type { ProgramMeta } from './lib/meta.ts';
import type { ProgramTable } from './lib/table.ts';
import { NANO } from './nano/index.ts';
import { PKG } from './pkg/index.ts';
import { PROCPS } from './procps/index.ts';
import { TEXTUTILS } from './textutils/index.ts';
import { UTIL_LINUX } from './util-linux/index.ts';
import { VIM } from './vim/index.ts';

import type { ProgramEntry } from './lib/table.ts';
export type { ProgramEntry };
// init runs at every boot, so its code comes with the registry's rather than as a chunk of its own:
// in a browser that is one request fewer before the first prompt.
import init from './init.ts';

const PROGRAMS: ProgramTable = {
  init: () => Promise.resolve({ default: init }),
  sh: () => import('./sh.ts'),
  dash: () => import('./sh.ts'),
  bash: () => import('./bash.ts'),
  ...COREUTILS, ...PROCPS, ...UTIL_LINUX, ...FINDUTILS, ...TEXTUTILS, ...ARCHIVE, ...ATTR, ...PKG,
  ...DAEMONS, ...DEBUG, ...EXTRA, ...DOCKER, ...BUSYBOX, ...DEBIANUTILS, ...NCURSES, ...VIM, ...NANO,
};

/** Every command name, for laying out /usr/bin on a fresh machine. */
export function programNames(): string[] {
  return Object.keys(PROGRAMS).sort();
}

type ProgramModule = Awaited<ReturnType<ProgramTable[string]>>;

/** Each command's module once loaded: every exec asks, and a loop may exec thousands of times. */
const loaded = new Map<string, () => Promise<ProgramModule>>();

/** A program's module: its entry point and, for tools, the metadata --help and the docs use. */
export async function programModule(name: string): Promise<ProgramModule | null> {
  const load = PROGRAMS[name];
  if (!load) return null;
  let get = loaded.get(name);
  if (!get) loaded.set(name, (get = onDemand(load)));
  return get();
}

/** A program's entry point, for tests that run it on a kernel of their own. */
export async function loadEntry(name: string): Promise<ProgramEntry | null> {
  return (await programModule(name))?.default ?? null;
}

export async function loadProgram(name: string): Promise<ProgramMain | null> {
  const entry = await loadEntry(name);
  if (!entry) return null;
  // Returning from main ends the process through exit_group, as libc's exit does after main,
  // so a trace shows the call that ended it.
  return async (port, args) => {
    const sys = new Sys(port, args);
    return sys.exit(await entry(sys));
  };
}
