// Exposes the terminal as window.__cowbox so browser tests read the screen as the user sees it,
// through xterm's buffer, rather than by scraping the DOM.

import type { Terminal } from '@xterm/xterm';

export interface CowboxTestHook {
  terminal: Terminal;
  /** Every line of the active buffer (scrollback included), trailing blank lines dropped. */
  lines(): string[];
}

declare global {
  interface Window {
    __cowbox?: CowboxTestHook;
  }
}

export function readLines(terminal: Terminal): string[] {
  const buffer = terminal.buffer.active;
  const lines: string[] = [];
  for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function exposeForTests(terminal: Terminal): void {
  window.__cowbox = { terminal, lines: () => readLines(terminal) };
}
