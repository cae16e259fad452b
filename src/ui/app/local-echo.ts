// A stand-in line editor until the kernel's tty takes over: echoes what is typed, edits with
// Backspace, ^U and ^C, and on Enter answers that nothing ran. It holds only the current line.

import { notWiredNote, PROMPT } from './banner.ts';

export class LocalEcho {
  private line: string[] = [];

  constructor(private readonly write: (data: string) => void) {}

  /** Shows a fresh prompt; call once after the banner. */
  start(): void {
    this.write(PROMPT);
  }

  get currentLine(): string {
    return this.line.join('');
  }

  /** Input as a tty receives it: one key, or a whole paste. */
  handle(data: string): void {
    // Cursor keys, function keys and the like arrive as escape sequences: nothing to edit yet.
    if (data.startsWith('\x1b')) return;
    for (const ch of data) this.key(ch);
  }

  private key(ch: string): void {
    switch (ch) {
      case '\r':
      case '\n': {
        const typed = this.currentLine.trim();
        this.line = [];
        this.write('\r\n');
        if (typed !== '') this.write(notWiredNote(typed));
        this.write(PROMPT);
        return;
      }
      case '\x7f':
      case '\b':
        if (this.line.pop() !== undefined) this.write('\b \b');
        return;
      case '\x03': // ^C: drop the line, as a shell does
        this.line = [];
        this.write('^C\r\n' + PROMPT);
        return;
      case '\x15': // ^U: erase the whole line
        this.write('\b \b'.repeat(this.line.length));
        this.line = [];
        return;
      default:
        if (ch < ' ' || ch === '\x7f') return; // other control characters have no meaning here
        this.line.push(ch);
        this.write(ch);
    }
  }
}
