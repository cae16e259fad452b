// The placeholder line editor: what it writes back for typing, editing keys, Enter and pastes.
import { describe, expect, it } from 'vitest';
import { LocalEcho } from './local-echo.ts';
import { PROMPT, notWiredNote } from './banner.ts';

function editor() {
  let written = '';
  const echo = new LocalEcho((data) => {
    written += data;
  });
  const take = () => {
    const out = written;
    written = '';
    return out;
  };
  return { echo, take };
}

describe('LocalEcho', () => {
  it('echoes printable keys and keeps the line', () => {
    const { echo, take } = editor();
    echo.start();
    expect(take()).toBe(PROMPT);
    echo.handle('e');
    echo.handle('cho hi');
    expect(take()).toBe('echo hi');
    expect(echo.currentLine).toBe('echo hi');
  });

  it('on Enter answers that nothing ran and shows a new prompt', () => {
    const { echo, take } = editor();
    echo.handle('echo hi\r');
    expect(take()).toBe(`echo hi\r\n${notWiredNote('echo hi')}${PROMPT}`);
    expect(echo.currentLine).toBe('');
    echo.handle('\r');
    expect(take()).toBe(`\r\n${PROMPT}`);
  });

  it('erases with Backspace and ^U, but never past the prompt', () => {
    const { echo, take } = editor();
    echo.handle('ab\x7f');
    expect(take()).toBe('ab\b \b');
    expect(echo.currentLine).toBe('a');
    echo.handle('\x7f\x7f');
    expect(take()).toBe('\b \b');
    echo.handle('xyz\x15');
    expect(take()).toBe('xyz' + '\b \b'.repeat(3));
    expect(echo.currentLine).toBe('');
  });

  it('drops the line on ^C and ignores escape sequences and other control keys', () => {
    const { echo, take } = editor();
    echo.handle('ls\x03');
    expect(take()).toBe(`ls^C\r\n${PROMPT}`);
    echo.handle('\x1b[A');
    echo.handle('\x01\x02');
    expect(take()).toBe('');
    expect(echo.currentLine).toBe('');
  });
});
