// tput's and tset's data and machinery against Debian 12's ncurses 6.4 (tput.json, recorded by
// record-tput.py beside this file): every capability of every type, `tput -T TYPE CAP ARGS` for
// each parameterized string, the init/reset strings, and the modes reset and tset leave.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { terminfoEntry, withoutPadding } from '../../../src/programs/ncurses/terminfo-db.ts';
import { paramCount, tparm, tparmArgs } from '../../../src/programs/ncurses/tparm.ts';
import { saneModes, usableModes, REPORTED } from '../../../src/programs/ncurses/tty-modes.ts';
import { defaultTermios } from '../../../src/abi/termios.ts';

interface Modes { iflag: number; oflag: number; cflag: number; lflag: number; cc: number[] }
const rec = JSON.parse(readFileSync(new URL('./tput.json', import.meta.url), 'utf8')) as {
  terminals: Record<string, Record<string, string | number | boolean>>;
  tparm: Array<{ type: string; cap: string; args: number[]; out: string; err: string; status: number }>;
  sessions: Array<{ argv: string[]; term: string; out: string; status: number; garbled?: string;
    before?: { iflag: number; oflag: number; lflag: number; cc: number[] }; termios: Modes }>;
};

describe('terminfo entries', () => {
  for (const [type, caps] of Object.entries(rec.terminals)) {
    it(`${type} has Debian's capabilities`, () => {
      const entry = terminfoEntry(type)!;
      const got = Object.fromEntries([...entry].filter(([k]) => k !== '@init' && k !== '@reset'));
      expect(got).toEqual(caps);
    });
  }
});

describe('tparm, as tput -T TYPE CAP ARGS', () => {
  // What tput does with the words after a capability: as many as it has parameters, the rest
  // are further capabilities (here only ever unknown ones, status 4).
  // (A negative first argument is taken by getopt as an option: that is usage, not tparm.)
  for (const c of rec.tparm.filter((x) => x.status !== 2)) {
    it(`${c.type} ${c.cap} ${c.args.join(' ')}`, () => {
      const value = String(terminfoEntry(c.type)!.get(c.cap));
      const words = c.args.map(String);
      const n = paramCount(value);
      const out = withoutPadding(tparm(value, tparmArgs(value, words.slice(0, n))));
      const extra = words.slice(n);
      expect(out).toBe(c.out);
      expect(c.status).toBe(extra.length > 0 ? 4 : 0);
      if (extra.length > 0) expect(c.err).toBe(`tput: unknown terminfo capability '${extra[0]}'\n`);
    });
  }
});

describe('init and reset strings', () => {
  for (const s of rec.sessions.filter((x) => !x.garbled && x.argv.length === 2 && x.argv[0] === 'tput')) {
    it(`tput ${s.argv[1]} for ${s.term}`, () => {
      expect(terminfoEntry(s.term)!.get(`@${s.argv[1]}`)).toBe(s.out);
    });
  }
});

describe('modes left by reset and tset', () => {
  for (const s of rec.sessions.filter((x) => x.garbled && x.argv[0] !== 'busybox')) {
    it(`${s.argv.join(' ')} on ${s.term} after ${s.garbled}`, () => {
      const t = defaultTermios();
      t.iflag = s.before!.iflag; t.oflag = s.before!.oflag; t.lflag = s.before!.lflag;
      s.before!.cc.forEach((v, i) => { t.cc[i] = v; });
      const after = usableModes(s.argv[0] === 'reset' ? saneModes(t) : t);
      for (const [, index, dflt] of REPORTED) if (after.cc[index] === 0) after.cc[index] = dflt;
      expect({ iflag: after.iflag, oflag: after.oflag, cflag: after.cflag, lflag: after.lflag, cc: after.cc.slice(0, 17) }).toEqual(s.termios);
    });
  }
});
