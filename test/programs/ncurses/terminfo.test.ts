// cowbox's table of terminal types against what Debian 12's terminfo makes `clear` write for each
// (terminfo.json, recorded by record-terminfo.sh beside it): the same types, the same bytes, with
// and without -x.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clearCaps, terminalTypes } from '../../../src/programs/ncurses/terminfo.ts';

const recorded = JSON.parse(readFileSync(new URL('./terminfo.json', import.meta.url), 'utf8')) as {
  terminals: Record<string, { clear: string; keepingScrollback: string }>;
};
const hex = (s: string): string => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join(' ');

describe('terminfo table', () => {
  it('describes the terminal types Debian describes', () => {
    expect(terminalTypes().sort()).toEqual(Object.keys(recorded.terminals).sort());
  });

  for (const [type, want] of Object.entries(recorded.terminals)) {
    it(`clears ${type} as Debian does`, () => {
      const caps = clearCaps(type)!;
      expect(hex(caps.clear + caps.e3)).toBe(want.clear);
      expect(hex(caps.clear)).toBe(want.keepingScrollback);
    });
  }
});
