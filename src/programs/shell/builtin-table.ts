// The builtin table: name, whether it is a POSIX special builtin (assignments before it stay,
// its errors end a non-interactive shell), and its function. Builtins register themselves from
// builtins/*.ts; the evaluator only looks names up here.

import type { Shell } from './shell.ts';

export type BuiltinFn = (sh: Shell, argv: string[]) => Promise<number>;

export interface Builtin {
  name: string;
  special: boolean;
  fn: BuiltinFn;
}

export const BUILTINS = new Map<string, Builtin>();

export function defineBuiltin(name: string, special: boolean, fn: BuiltinFn): void {
  BUILTINS.set(name, { name, special, fn });
}

/**
 * Builtins whose module is loaded on first use (a shell shows its prompt without them): each name
 * stands in the table at once, with its special flag, so `type`, `command -v` and the parser's
 * rules see it; the first call loads the module, whose defineBuiltin calls replace the stand-ins.
 */
export function defineLazyBuiltins(load: () => Promise<unknown>, names: ReadonlyArray<readonly [name: string, special: boolean]>): void {
  let loading: Promise<unknown> | undefined;
  for (const [name, special] of names) {
    const standIn: BuiltinFn = async (sh, argv) => {
      // A failed load (a network error in the page) is tried again on the next call.
      await (loading ??= load().catch((e: unknown) => {
        loading = undefined;
        throw e;
      }));
      const real = BUILTINS.get(name)!;
      if (real.fn === standIn) throw new Error(`shell builtin ${name}: its module does not define it`);
      return real.fn(sh, argv);
    };
    defineBuiltin(name, special, standIn);
  }
}
