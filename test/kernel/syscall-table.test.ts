// The syscall table and the Sys facade agree: every call a program can make through Sys has a
// handler, and the printed listing comes from the table.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSyscallTable } from '../../src/kernel/syscalls/table.ts';
import { syscallListing } from '../../scripts/syscalls.ts';

describe('syscall table', () => {
  it('has a handler for every call the Sys facade makes', () => {
    const source = readFileSync(new URL('../../src/sys/sys.ts', import.meta.url), 'utf8');
    const called = new Set([...source.matchAll(/call(?:<[^>]*>)?\('([a-z0-9_]+)'/g)].map((m) => m[1]!));
    const table = buildSyscallTable();
    const missing = [...called].filter((name) => !table.get(name)?.handler);
    expect(called.size).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });

  it('prints every entry with its support level', () => {
    const listing = syscallListing();
    expect(listing).toContain('| openat | full |');
    expect(listing).toMatch(/\| socket \| none \| .+ \|/);
    expect(listing).toMatch(/\| ptrace \| partial \| .+ \|/);
    expect(listing).toMatch(/^\d+ calls: \d+ full, \d+ partial, \d+ answer ENOSYS\.$/m);
  });
});
