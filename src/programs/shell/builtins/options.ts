// Option parsing for builtins, as dash's nextopt: options come first, bundled or not, `--`
// ends them, and an unknown letter is the error "Illegal option -X" (status 2).

import type { Shell } from '../shell.ts';

export interface ParsedOpts {
  /** Each option letter in order, with its argument when the letter takes one. */
  opts: Array<[string, string | undefined]>;
  rest: string[];
}

/** Parse argv[1..] against `optstring` (letters, `:` after one that takes an argument). */
export function parseOpts(sh: Shell, argv: string[], optstring: string): ParsedOpts {
  const opts: Array<[string, string | undefined]> = [];
  let i = 1;
  while (i < argv.length) {
    const a = argv[i]!;
    if (a[0] !== '-' || a.length === 1) break;
    i++;
    if (a === '--') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      const at = optstring.indexOf(c);
      if (at < 0 || c === ':') sh.error(`Illegal option -${c}`);
      if (optstring[at + 1] === ':') {
        let arg = a.slice(j + 1);
        if (arg === '') {
          if (i >= argv.length) sh.error(`No arg for -${c} option`);
          arg = argv[i++]!;
        }
        opts.push([c, arg]);
        break;
      }
      opts.push([c, undefined]);
    }
  }
  return { opts, rest: argv.slice(i) };
}

/** Only `--` and illegal-option checking: the operands. */
export function nextopt(sh: Shell, argv: string[], optstring: string): string[] {
  return parseOpts(sh, argv, optstring).rest;
}
