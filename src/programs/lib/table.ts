// The shape of a family's program list: command name -> a lazy import of its file, so a page
// downloads a program's code the first time someone runs it.

import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from './meta.ts';

export type ProgramEntry = (sys: Sys) => Promise<number>;
export type ProgramTable = Record<string, () => Promise<{ default: ProgramEntry; meta?: ProgramMeta }>>;
