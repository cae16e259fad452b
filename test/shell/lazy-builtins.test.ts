// The shell registers some builtins before their module is loaded (builtins/index.ts lists them
// with their special flags). This checks each list against what the module defines when it runs,
// so a builtin added to a lazy module without its stand-in cannot go missing until first use.

import { describe, expect, it } from 'vitest';
import { BUILTINS, type BuiltinFn } from '../../src/programs/shell/builtin-table.ts';
import '../../src/programs/shell/builtins/index.ts';

const LAZY_MODULES = ['misc', 'printf', 'read', 'test', 'trap'];

describe('builtins loaded on first use', () => {
  it('every builtin a lazy module defines stands in the table beforehand, with the same special flag', async () => {
    const before = new Map([...BUILTINS].map(([name, b]) => [name, { special: b.special, fn: b.fn as BuiltinFn }]));
    for (const m of LAZY_MODULES) await import(`../../src/programs/shell/builtins/${m}.ts`);
    const replaced: string[] = [];
    for (const [name, b] of BUILTINS) {
      const old = before.get(name);
      expect(old, `${name} has no stand-in`).toBeDefined();
      expect(b.special, `${name}'s special flag`).toBe(old!.special);
      if (b.fn !== old!.fn) replaced.push(name);
    }
    // The stand-ins builtins/index.ts lists, each replaced by its module's own definition.
    expect(replaced.sort()).toEqual(['[', 'alias', 'command', 'echo', 'hash', 'kill', 'printf', 'read', 'test', 'times', 'trap', 'type', 'ulimit', 'umask', 'unalias']);
  });
});
