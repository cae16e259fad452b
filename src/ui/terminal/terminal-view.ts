// Mounts an xterm.js terminal in an element and keeps it sized to that element. The rest of the
// page sees only this small interface, so xterm stays inside ui/terminal.

import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import './terminal.css';
import { darkTheme, fontFamily } from './theme.ts';

export interface TerminalView {
  readonly terminal: Terminal;
  write(data: string | Uint8Array): void;
  readonly cols: number;
  readonly rows: number;
  /** The grid changed size (the window or the layout did). */
  onResize(listener: (size: { cols: number; rows: number }) => void): { dispose(): void };
  /** Keystrokes and pastes, as the bytes a tty would receive. */
  onInput(listener: (data: string) => void): { dispose(): void };
  focus(): void;
  dispose(): void;
}

const narrow = () => window.matchMedia('(max-width: 600px)').matches;

export function mountTerminal(host: HTMLElement): TerminalView {
  const terminal = new Terminal({
    theme: darkTheme,
    fontFamily,
    fontSize: narrow() ? 12 : 14,
    lineHeight: 1.15,
    cursorBlink: true,
    scrollback: 5000,
    allowProposedApi: false,
  });
  const fit = new FitAddon();
  terminal.loadAddon(fit);
  terminal.open(host);

  // fit() throws on an element with no size (hidden, or not laid out yet); skip until it has one.
  const refit = () => {
    if (host.clientWidth > 0 && host.clientHeight > 0) fit.fit();
  };
  const observer = new ResizeObserver(() => {
    terminal.options.fontSize = narrow() ? 12 : 14;
    refit();
  });
  observer.observe(host);
  refit();

  return {
    terminal,
    write: (data) => terminal.write(data),
    get cols() {
      return terminal.cols;
    },
    get rows() {
      return terminal.rows;
    },
    onResize: (listener) => terminal.onResize(listener),
    onInput: (listener) => terminal.onData(listener),
    focus: () => terminal.focus(),
    dispose() {
      observer.disconnect();
      terminal.dispose();
    },
  };
}
