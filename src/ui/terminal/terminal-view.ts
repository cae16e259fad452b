// Mounts an xterm.js terminal in an element and keeps it sized to that element, with links made
// clickable, search, wide-character widths (unicode 11), copy and paste on Ctrl+Shift+C/V, and
// colours that follow the page's theme. The rest of the page sees only this small interface, so
// xterm stays inside ui/terminal. Only xterm and its fit addon load before the first prompt: the
// other addons' code loads once the terminal has shown its first output (see loadExtras).

import { FitAddon } from '@xterm/addon-fit';
import type { SearchAddon } from '@xterm/addon-search';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import './terminal.css';
import { darkTheme, fontFamily, lightTheme } from './theme.ts';

export interface TerminalView {
  readonly terminal: Terminal;
  write(data: string | Uint8Array): void;
  readonly cols: number;
  readonly rows: number;
  /** The grid changed size (the window or the layout did). */
  onResize(listener: (size: { cols: number; rows: number }) => void): { dispose(): void };
  /** Keystrokes and pastes, as the bytes a tty would receive. */
  onInput(listener: (data: string) => void): { dispose(): void };
  /** Find text in the scrollback (next match, or previous with `back`); false when none. */
  find(text: string, back?: boolean): Promise<boolean>;
  clearFind(): void;
  /** Fit to the element again (after it was hidden or moved). */
  refit(): void;
  focus(): void;
  dispose(): void;
}

const narrow = () => window.matchMedia('(max-width: 600px)').matches;
const lightScheme = () => window.matchMedia('(prefers-color-scheme: light)');

export interface MountOptions {
  /** When to load the addons the first prompt does not need; by default shortly after the first output. */
  extrasAfter?: Promise<unknown>;
}

export function mountTerminal(host: HTMLElement, opts: MountOptions = {}): TerminalView {
  const terminal = new Terminal({
    theme: lightScheme().matches ? lightTheme : darkTheme,
    fontFamily,
    fontSize: narrow() ? 12 : 14,
    lineHeight: 1.15,
    cursorBlink: true,
    scrollback: 5000,
    // The unicode addon registers its width tables through the proposed API.
    allowProposedApi: true,
  });
  const fit = new FitAddon();
  terminal.loadAddon(fit);
  terminal.open(host);

  // Search, clickable links and the unicode 11 width tables are not needed for the first prompt
  // (the banner and the prompt are ASCII): their code loads a moment after the terminal has shown
  // its first output, so the prompt does not wait for it. Wide characters written after that take
  // their unicode 11 widths; a search typed before then waits for its addon.
  let disposed = false;
  let search: Promise<SearchAddon> | null = null;
  const loadSearch = (): Promise<SearchAddon> =>
    (search ??= import('@xterm/addon-search').then((m) => {
      const addon = new m.SearchAddon();
      if (!disposed) terminal.loadAddon(addon);
      return addon;
    }));
  const loadExtras = (): void => {
    if (disposed) return;
    void loadSearch().catch(() => undefined);
    void import('@xterm/addon-web-links').then((m) => {
      if (!disposed) terminal.loadAddon(new m.WebLinksAddon((_event, uri) => window.open(uri, '_blank', 'noopener')));
    }, () => undefined);
    void import('@xterm/addon-unicode11').then((u) => {
      if (disposed) return;
      terminal.loadAddon(new u.Unicode11Addon());
      terminal.unicode.activeVersion = '11';
    }, () => undefined);
  };
  const firstOutput = terminal.onWriteParsed(() => {
    firstOutput.dispose();
    if (!opts.extrasAfter) setTimeout(loadExtras, 300);
  });
  void opts.extrasAfter?.then(loadExtras, loadExtras);

  const scheme = lightScheme();
  const onScheme = (): void => {
    terminal.options.theme = scheme.matches ? lightTheme : darkTheme;
  };
  scheme.addEventListener('change', onScheme);

  // Ctrl+Shift+C copies the selection and Ctrl+Shift+V pastes (plain Ctrl+C stays SIGINT).
  terminal.attachCustomKeyEventHandler((e) => {
    if (e.type !== 'keydown' || !e.ctrlKey || !e.shiftKey) return true;
    if (e.code === 'KeyC') {
      if (terminal.hasSelection()) void navigator.clipboard?.writeText(terminal.getSelection()).catch(() => undefined);
      e.preventDefault();
      return false;
    }
    if (e.code === 'KeyV') {
      void navigator.clipboard?.readText().then((text) => terminal.paste(text)).catch(() => undefined);
      e.preventDefault();
      return false;
    }
    return true;
  });

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
    find: (text, back = false) => loadSearch().then((s) => (back ? s.findPrevious(text) : s.findNext(text))),
    clearFind: () => void search?.then((s) => s.clearDecorations()),
    refit,
    focus: () => terminal.focus(),
    dispose() {
      disposed = true;
      firstOutput.dispose();
      scheme.removeEventListener('change', onScheme);
      observer.disconnect();
      terminal.dispose();
    },
  };
}
