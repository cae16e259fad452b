// A program's view of its own command line, rewritten: tools that accept GNU's obsolete forms
// (`head -5`, `tail +3c`, `sort +1 -2`) turn them into the modern options first and then run
// the common parser over the result, so --help, errors and the body see one syntax.

import type { Sys } from '../../sys/sys.ts';

/** The same Sys with another argv (argv[0] included); every call still goes to the same port. */
export function withArgv(sys: Sys, argv: string[]): Sys {
  return Object.create(sys, { argv: { value: argv, enumerable: true } }) as Sys;
}
