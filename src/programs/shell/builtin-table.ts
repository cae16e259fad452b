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
