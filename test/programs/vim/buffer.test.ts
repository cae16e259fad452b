// The editing core without a terminal: undo records cover only the lines a change touched and
// toggle (vi-compatible u), word motions, and vim patterns turned into JavaScript ones.

import { describe, expect, it } from 'vitest';
import { TextBuffer } from '../../../src/programs/vim/buffer.ts';
import { wordBack, wordEnd, wordForward } from '../../../src/programs/vim/motions.ts';
import { searchFrom, vimPattern } from '../../../src/programs/vim/pattern.ts';

describe('TextBuffer undo', () => {
  it('undoes and then redoes the last change only', () => {
    const b = new TextBuffer(['a', 'b', 'c']);
    b.begin(0, 0, 0);
    b.setLine(1, 'B');
    b.remove(2, 1);
    b.insert(0, ['new']);
    expect(b.end()).toBe(true);
    expect(b.lines).toEqual(['new', 'a', 'B']);
    const u = b.undo()!;
    expect(b.lines).toEqual(['a', 'b', 'c']);
    expect(u.undone).toBe(true);
    expect(u.delta).toBe(0);
    expect(b.modified).toBe(false);
    b.undo();
    expect(b.lines).toEqual(['new', 'a', 'B']);
    expect(b.modified).toBe(true);
  });

  it('keeps one empty line when everything is deleted, and undo brings it back', () => {
    const b = new TextBuffer(['x', 'y']);
    b.begin(0, 0, 0);
    b.remove(0, 2);
    b.end();
    expect(b.lines).toEqual(['']);
    b.undo();
    expect(b.lines).toEqual(['x', 'y']);
  });

  it('records only the touched lines of a large buffer', () => {
    const lines = Array.from({ length: 10000 }, (_, i) => `line ${i}`);
    const b = new TextBuffer(lines);
    b.begin(5000, 0, 0);
    for (let i = 0; i < 100; i++) b.setLine(5000, `typed ${i}`);
    b.end();
    const saved = (b as unknown as { last: { saved: string[] } }).last.saved;
    expect(saved).toEqual(['line 5000']);
  });
});

describe('word motions', () => {
  const lines = ['The quick, brown', '', '  fox'];
  it('w stops at punctuation, empty lines and the next line\'s first word', () => {
    expect(wordForward(lines, { line: 0, col: 4 }, false)).toEqual({ line: 0, col: 9 });
    expect(wordForward(lines, { line: 0, col: 9 }, false)).toEqual({ line: 0, col: 11 });
    expect(wordForward(lines, { line: 0, col: 11 }, false)).toEqual({ line: 1, col: 0 });
    expect(wordForward(lines, { line: 1, col: 0 }, false)).toEqual({ line: 2, col: 2 });
    expect(wordForward(lines, { line: 0, col: 4 }, true)).toEqual({ line: 0, col: 11 });
  });
  it('e and b', () => {
    expect(wordEnd(lines, { line: 0, col: 0 }, false)).toEqual({ line: 0, col: 2 });
    expect(wordBack(lines, { line: 0, col: 11 }, false)).toEqual({ line: 0, col: 9 });
    expect(wordBack(lines, { line: 2, col: 2 }, false)).toEqual({ line: 1, col: 0 });
  });
});

describe('vim patterns', () => {
  it('translates the magic subset', () => {
    expect(vimPattern('^b.*d$').test('bread')).toBe(true);
    expect(vimPattern('o\\+').exec('food')![0]).toBe('oo');
    expect(vimPattern('\\<the\\>').test('other')).toBe(false);
    expect(vimPattern('a\\|b').test('b')).toBe(true);
    expect(vimPattern('x(y)').test('x(y)')).toBe(true);
    expect(vimPattern('a^b').test('a^b')).toBe(true);
    expect(vimPattern('\\cABC').test('abc')).toBe(true);
  });
  it('searches forward and backward with wrap-around', () => {
    const lines = ['fox one', 'two', 'fox three'];
    expect(searchFrom(lines, vimPattern('fox'), 0, 0, true)).toEqual({ line: 2, col: 0, wrapped: false });
    expect(searchFrom(lines, vimPattern('fox'), 2, 0, true)).toEqual({ line: 0, col: 0, wrapped: true });
    expect(searchFrom(lines, vimPattern('fox'), 0, 0, false)).toEqual({ line: 2, col: 0, wrapped: true });
  });
});
