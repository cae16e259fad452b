// nano's buffer: the magic last line, undo/redo records named as nano names them, typing
// merged into one addition, and the saved state coming back through undo.

import { describe, expect, it } from 'vitest';
import { TextBuffer } from '../../../src/programs/nano/buffer.ts';
import { pageStart, rowText } from '../../../src/programs/nano/view.ts';

describe('nano buffer', () => {
  it('keeps an empty last line, so a file without a final newline gets one', () => {
    const b = new TextBuffer(['one', 'two']);
    expect(b.lines).toEqual(['one', 'two', '']);
    expect(b.text()).toBe('one\ntwo\n');
  });

  it('opens a new magic line when typing on the last one, and undo takes it back', () => {
    const b = new TextBuffer(['a', '']);
    b.cursor = { line: 1, x: 0 };
    b.insertText('x');
    b.insertText('y');
    expect(b.lines).toEqual(['a', 'xy', '']);
    expect(b.undo()).toBe('addition');
    expect(b.lines).toEqual(['a', '']);
    expect(b.modified).toBe(false);
    expect(b.redo()).toBe('addition');
    expect(b.lines).toEqual(['a', 'xy', '']);
  });

  it('names backspace joins, line breaks, cuts and pastes as nano does', () => {
    const b = new TextBuffer(['ab', 'cd', '']);
    b.cursor = { line: 1, x: 0 };
    b.backspace();
    expect(b.lines).toEqual(['abcd', '']);
    b.enter();
    expect(b.lines).toEqual(['ab', 'cd', '']);
    const cut = b.cutLine()!;
    expect(cut).toEqual(['cd', '']);
    b.cursor = { line: 0, x: 0 };
    b.paste(cut);
    expect(b.lines).toEqual(['cd', 'ab', '']);
    expect(b.cursor).toEqual({ line: 1, x: 0 });
    expect([b.undo(), b.undo(), b.undo(), b.undo(), b.undo()]).toEqual(['paste', 'cut', 'line break', 'deletion', null]);
    expect(b.lines).toEqual(['ab', 'cd', '']);
  });

  it('an edit after undoing past the saved state leaves the buffer modified', () => {
    const b = new TextBuffer(['a', '']);
    b.insertText('x');
    b.markSaved();
    b.undo();
    b.insertText('y');
    expect(b.modified).toBe(true);
  });
});

describe('nano sideways scrolling', () => {
  it('scrolls the cursor line by pages of COLS-8 with < and > markers', () => {
    const line = 'x'.repeat(200);
    expect(pageStart(200, 80)).toBe(144);
    expect(pageStart(77, 80)).toBe(0);
    expect(pageStart(79, 80)).toBe(72);
    expect(rowText(line, 0, 80)).toBe('x'.repeat(79) + '>');
    expect(rowText(line, 72, 80)).toBe('<' + 'x'.repeat(78) + '>');
    expect(rowText('a\tb', 0, 80)).toBe('a       b');
  });
});
