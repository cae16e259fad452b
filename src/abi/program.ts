// How programs and the kernel meet. An executable file's content starts with PROGRAM_MAGIC and
// names a program in the registry; the kernel loads that program and runs its main with a
// SysPort, the one door through which every system call passes.

export const PROGRAM_MAGIC = '\x7fCOWBOX ';

/** The bytes of an executable file that runs program `name`. */
export function programFile(name: string): string {
  return `${PROGRAM_MAGIC}${name}\n`;
}

/** The program an executable's content names, or null if it is not one of ours. */
export function programName(content: string): string | null {
  if (!content.startsWith(PROGRAM_MAGIC)) return null;
  const end = content.indexOf('\n');
  return content.slice(PROGRAM_MAGIC.length, end < 0 ? undefined : end).trim() || null;
}

export interface SysPort {
  call(name: string, ...args: unknown[]): Promise<unknown>;
}

export interface ProgramArgs {
  argv: string[];
  envp: string[];
}

export type ProgramMain = (port: SysPort, args: ProgramArgs) => Promise<number>;

/** Finds a program by name (the registry lazily imports it). */
export type ProgramLoader = (name: string) => Promise<ProgramMain | null>;
