// Several terminals on one machine: a tab bar (a "+" opens another login shell, each its own
// kernel session on its own pty), one terminal shown at a time, and a search box over the active
// terminal's scrollback. Arrow keys move between tabs (the ARIA tabs pattern); a tab's × hangs its
// session up. Each terminal's resize reaches its own pty (SIGWINCH to its foreground job).

import type { TerminalSession } from '../client/kernel-client.ts';
import { mountTerminal, type TerminalView } from '../terminal/terminal-view.ts';
import { h } from '../panels/shared/dom.ts';

export interface TerminalTab {
  readonly index: number;
  readonly view: TerminalView;
  session: TerminalSession | null;
  readonly button: HTMLButtonElement;
  readonly host: HTMLElement;
  /** Settles a moment after the session's first output (the prompt) is on screen and the page is idle. */
  readonly shown: Promise<void>;
}

/**
 * Two frames after now (what was written is drawn), then when the page is idle (at most 1 s on),
 * and a little longer: the first keystrokes after the prompt come before the code it did not need.
 */
const SETTLE_MS = 250;
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const later = (): void => void setTimeout(resolve, SETTLE_MS);
    const idle = (): void => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(later, { timeout: 1000 });
      else setTimeout(later, 50);
    };
    requestAnimationFrame(() => requestAnimationFrame(idle));
  });
}

/** The size a session is asked for with, before its terminal is fitted (the worker's early shell has it). */
const UNFITTED = { cols: 80, rows: 24 };

export interface TerminalTabs {
  readonly active: TerminalTab | null;
  readonly tabs: readonly TerminalTab[];
  /** Open a tab with a new session; `banner` is written before the shell's first prompt. */
  open(banner?: string): Promise<TerminalTab>;
  onActiveChange(listener: (tab: TerminalTab) => void): void;
  /** Write a line of the page's own to every terminal (the machine stopped, a failure). */
  announce(text: string): void;
  /**
   * A full-screen program (vi, nano, less, top) holds a terminal whose shell still runs: it has
   * switched to the alternate screen. Leaving the page would lose what it has not written.
   */
  editing(): boolean;
}

export function createTerminalTabs(
  bar: HTMLElement,
  stack: HTMLElement,
  openSession: (cols: number, rows: number) => Promise<TerminalSession>,
): TerminalTabs {
  const tabs: TerminalTab[] = [];
  let active: TerminalTab | null = null;
  let counter = 0;
  const listeners: Array<(tab: TerminalTab) => void> = [];
  const encoder = new TextEncoder();

  const list = h('div', { class: 'term-tablist', role: 'tablist', 'aria-label': 'terminals' });
  const plus = h('button', { type: 'button', class: 'term-new', title: 'open another shell on this machine', 'aria-label': 'open another terminal' }, '+');
  const find = h('input', { type: 'search', class: 'term-find', placeholder: 'search', 'aria-label': 'search the terminal', spellcheck: 'false' });
  bar.append(list, plus, find);

  const select = (tab: TerminalTab, focus = true): void => {
    active = tab;
    for (const t of tabs) {
      const on = t === tab;
      t.button.setAttribute('aria-selected', String(on));
      t.button.tabIndex = on ? 0 : -1;
      t.host.hidden = !on;
    }
    tab.view.refit();
    if (focus) tab.view.focus();
    for (const l of listeners) l(tab);
  };

  const close = (tab: TerminalTab): void => {
    tab.session?.close();
    tab.view.dispose();
    tab.host.remove();
    tab.button.parentElement?.remove();
    const i = tabs.indexOf(tab);
    tabs.splice(i, 1);
    if (tabs.length === 0) void api.open();
    else if (active === tab) select(tabs[Math.max(0, i - 1)]!);
  };

  list.addEventListener('keydown', (e) => {
    if (!active || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
    const i = tabs.indexOf(active);
    const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
    select(next, false);
    next.button.focus();
    e.preventDefault();
  });
  plus.addEventListener('click', () => void api.open());
  find.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      void active?.view.find(find.value, e.shiftKey).catch(() => undefined);
      e.preventDefault();
    } else if (e.key === 'Escape') {
      find.value = '';
      active?.view.clearFind();
      active?.view.focus();
    }
  });

  const api: TerminalTabs = {
    get active() {
      return active;
    },
    get tabs() {
      return tabs;
    },
    async open(banner?: string) {
      const index = ++counter;
      const host = h('div', { class: 'term-host', role: 'tabpanel', id: `term-${index}`, 'aria-label': `terminal ${index}` });
      stack.append(host);
      let output!: () => void;
      const shown = new Promise<void>((resolve) => (output = resolve)).then(afterPaint);
      // The session is asked for before xterm mounts, which is one long task: the worker answers
      // meanwhile (the first tab's shell is already running there), and the session takes the
      // terminal's own size once it is fitted.
      const asked = openSession(UNFITTED.cols, UNFITTED.rows);
      asked.catch(() => undefined); // awaited below
      // The addons the prompt does not need load once it is up.
      const view = mountTerminal(host, { extrasAfter: shown });
      const button = h('button', { type: 'button', role: 'tab', class: 'term-tab', id: `term-tab-${index}`, 'aria-controls': `term-${index}`, 'aria-selected': 'false' }, `shell ${index}`);
      const closeBtn = h('button', { type: 'button', class: 'term-close', 'aria-label': `close shell ${index}`, title: 'close (hangs the shell up)' }, '×');
      list.append(h('span', { class: 'term-tab-wrap' }, button, closeBtn));
      host.setAttribute('aria-labelledby', button.id);
      const tab: TerminalTab = { index, view, session: null, button, host, shown };
      tabs.push(tab);
      button.addEventListener('click', () => select(tab));
      closeBtn.addEventListener('click', () => close(tab));
      select(tab);
      if (banner) view.write(banner);
      let session: TerminalSession;
      try {
        session = await asked;
      } catch (e) {
        output(); // no prompt is coming: load the rest now
        throw e;
      }
      tab.session = session;
      button.title = session.tty;
      session.onOutput((data) => {
        view.write(data);
        output();
      });
      view.onInput((data) => session.send(encoder.encode(data)));
      view.onResize(({ cols, rows }) => session.resize(cols, rows));
      // The grid was fitted after the session was asked for (and may have changed since).
      if (view.cols > 0) session.resize(view.cols, view.rows);
      session.onExit((code) => {
        view.write(`\r\n[shell ended with status ${code}; press + for another]\r\n`);
        button.classList.add('ended');
      });
      return tab;
    },
    onActiveChange(listener) {
      listeners.push(listener);
    },
    announce(text) {
      for (const t of tabs) t.view.write(`\r\n\x1b[1m[${text}]\x1b[22m\r\n`);
    },
    editing() {
      return tabs.some((t) => t.session && !t.button.classList.contains('ended') && t.view.terminal.buffer.active.type === 'alternate');
    },
  };
  return api;
}
