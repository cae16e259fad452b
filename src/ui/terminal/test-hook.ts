// Exposes the active terminal as window.__cowbox so browser tests read the screen as the user sees
// it, through xterm's buffer, rather than by scraping the DOM; the app adds a few handles of its
// own (how many tabs, a way to crash the worker) under `app`.

import type { Terminal } from '@xterm/xterm';

export interface CowboxTestHook {
  /** The terminal of the active tab (null before the first tab opens). */
  readonly terminal: Terminal | null;
  /** Every line of the active buffer (scrollback included), trailing blank lines dropped. */
  lines(): string[];
  app: Record<string, unknown>;
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

export function exposeForTests(active: () => Terminal | null, app: Record<string, unknown> = {}): void {
  window.__cowbox = {
    get terminal() {
      return active();
    },
    lines: () => {
      const t = active();
      return t ? readLines(t) : [];
    },
    app,
  };
}
