// Short options as glibc's getopt reads them for programs without long options (ncurses's clear,
// tput, tset): options anywhere among the operands until `--`, letters bundled (-xV), and a
// letter that takes an argument takes the rest of its word or else the next word. The caller
// meets each option in order, as a getopt loop does, and decides what an unknown letter or a
// missing argument means.

export type ShortOption = { letter: string; value?: string } | { operand: string };

/** `takesArg`: the letters that take an argument; `value` is undefined when no word is left for one. */
export function* shortOptions(args: readonly string[], takesArg: string): Generator<ShortOption> {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      for (const operand of args.slice(i + 1)) yield { operand };
      return;
    }
    if (!arg.startsWith('-') || arg === '-') {
      yield { operand: arg };
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j]!;
      if (!takesArg.includes(letter)) {
        yield { letter };
        continue;
      }
      const rest = arg.slice(j + 1);
      yield { letter, value: rest !== '' ? rest : i + 1 < args.length ? args[++i] : undefined };
      break;
    }
  }
}
