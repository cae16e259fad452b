// Fuzzing the shell's parser (and the other pieces that read untrusted text: patterns and
// arithmetic) with random and mutated scripts. Any input must end in a parsed command or a
// SyntaxError_ (the shell prints it as dash does); never another JavaScript exception, and the
// parser must always move on (a bounded number of commands per input). Seeded, so repeatable.

import { describe, expect, it } from 'vitest';
import { evalArith } from '../../src/programs/shell/arith.ts';
import { SyntaxError_ } from '../../src/programs/shell/errors.ts';
import { EOF_NODE, Parser } from '../../src/programs/shell/parser.ts';
import { compilePattern, trimPattern } from '../../src/programs/shell/pattern.ts';
import { caseNames, loadCase } from '../conformance/shell/replay.ts';

/** mulberry32: a small seeded generator. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'if', 'then', 'else', 'elif', 'fi', 'for', 'in', 'do', 'done', 'while', 'until', 'case', 'esac', '{', '}',
  '(', ')', ';', ';;', '&', '&&', '|', '||', '!', '\n', ' ', '\t', '<', '>', '>>', '<<', '<<-', '<&', '>&',
  '<>', '>|', '2>&1', "'", '"', '`', '\\', '$', '${', '}', '$(', '$((', '))', '#', '=', 'x=1', 'echo',
  'a', 'b*', '?', '[a-z]', '~', ':', '-', '$@', '$*', '$#', '${x:-y}', '${#x}', '${x%%*}', 'EOF', 'f()',
  '\\\n', '$1', '0', '9', '${', '"$(', '`echo`', '<<EOF\nbody\nEOF\n', '\u00e9', '\x00', '\x7f',
];

function randomScript(r: () => number): string {
  const n = 1 + Math.floor(r() * 40);
  let s = '';
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(r() * PIECES.length)]!;
  return s;
}

function mutate(r: () => number, text: string): string {
  let s = text;
  const edits = 1 + Math.floor(r() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(r() * (s.length + 1));
    switch (Math.floor(r() * 4)) {
      case 0: s = s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 5)); break;
      case 1: s = s.slice(0, at) + PIECES[Math.floor(r() * PIECES.length)]! + s.slice(at); break;
      case 2: s = s.slice(0, at); break;
      default: s = s.slice(0, at) + String.fromCharCode(Math.floor(r() * 256)) + s.slice(at + 1);
    }
  }
  return s;
}

/** Parse all of `text`; returns how it ended. Throws anything that is not a SyntaxError_. */
function parseAll(text: string, withAlias = true): 'ok' | 'syntax' {
  const p = new Parser(text, { final: true, aliases: (n) => (withAlias && n === 'a' ? 'echo alias ' : undefined) });
  for (let guard = 0; guard <= text.length + 2; guard++) {
    try {
      if (p.parseTop() === EOF_NODE) return 'ok';
    } catch (e) {
      if (e instanceof SyntaxError_) return 'syntax';
      throw e;
    }
  }
  throw new Error(`parser did not advance on ${JSON.stringify(text)}`);
}

describe('parser fuzz', () => {
  it('survives random scripts', () => {
    const r = rng(1);
    const seen = { ok: 0, syntax: 0 };
    for (let i = 0; i < 4000; i++) {
      const s = randomScript(r);
      try {
        seen[parseAll(s)]++;
      } catch (e) {
        throw new Error(`input ${JSON.stringify(s)}: ${String(e)}`);
      }
    }
    // Both outcomes happen, so the generator exercises the grammar rather than one error.
    expect(seen.ok).toBeGreaterThan(100);
    expect(seen.syntax).toBeGreaterThan(100);
  });

  it('survives mutated conformance scripts', () => {
    const r = rng(2);
    const scripts = caseNames().map((n) => loadCase(n).script);
    for (let i = 0; i < 3000; i++) {
      const s = mutate(r, scripts[Math.floor(r() * scripts.length)]!);
      try {
        parseAll(s);
      } catch (e) {
        throw new Error(`input ${JSON.stringify(s)}: ${String(e)}`);
      }
    }
  });

  it('parses every conformance script that dash parsed', () => {
    // Scripts whose recording shows no syntax error must parse completely.
    for (const name of caseNames()) {
      const { script, recording } = loadCase(name);
      if (recording.stderr.includes('Syntax error') || recording.stderr.includes('Bad substitution')) continue;
      // Aliases are defined while the script runs; parsing alone cannot know them.
      if (script.includes('alias ')) continue;
      expect(parseAll(script, false), name).toBe('ok');
    }
  });
});

describe('pattern and arithmetic fuzz', () => {
  it('compiles any pattern', () => {
    const r = rng(3);
    const chars = 'ab*?[]!^-\\:.]x[:alpha:][:nosuch:]/';
    for (let i = 0; i < 5000; i++) {
      let p = '';
      const n = Math.floor(r() * 12);
      for (let j = 0; j < n; j++) p += r() < 0.9 ? chars[Math.floor(r() * chars.length)] : String.fromCharCode(Math.floor(r() * 256));
      expect(() => compilePattern(p), JSON.stringify(p)).not.toThrow();
      expect(typeof trimPattern('ab*c]d', p, '##')).toBe('string');
    }
  });

  it('evaluates or rejects any arithmetic', () => {
    const r = rng(4);
    const parts = ['1', '0', 'x', 'y', '+', '-', '*', '/', '%', '(', ')', '?', ':', '=', '+=', '<<', '>>', '&&', '||', '!', '~', ' ', '0x', '08', '9223372036854775808', ',', '"', '++'];
    class Fail extends Error {}
    for (let i = 0; i < 5000; i++) {
      let e = '';
      const n = Math.floor(r() * 10);
      for (let j = 0; j < n; j++) e += parts[Math.floor(r() * parts.length)];
      const vars = new Map([['x', '3'], ['y', '0']]);
      try {
        evalArith(e, { get: (k) => vars.get(k), set: (k, v) => void vars.set(k, v), fail: (m) => { throw new Fail(m); } });
      } catch (err) {
        if (!(err instanceof Fail) && !(err instanceof Error && err.name === 'ArithTrap')) throw new Error(`${JSON.stringify(e)}: ${String(err)}`);
      }
    }
  });
});
