// The page's one notice area: a plain message with buttons for the ways on (retry, reset, run in
// memory only, take over). It sits over the workspace, never replaces it, so the page is never
// blank; focus moves to its first button so a keyboard user can act at once.

import { h } from '../panels/shared/dom.ts';

export interface NoticeAction {
  label: string;
  run(): void;
}

export type NoticeKind = 'error' | 'wait' | 'info';

export function showNotice(area: HTMLElement, kind: NoticeKind, title: string, text: string, actions: NoticeAction[] = []): void {
  const buttons = actions.map((a) => {
    const b = h('button', { type: 'button' }, a.label);
    b.addEventListener('click', () => a.run());
    return b;
  });
  area.replaceChildren(h('div', { class: 'notice-card' },
    h('h2', {}, title), h('p', {}, text), buttons.length ? h('div', { class: 'notice-actions' }, ...buttons) : null));
  area.dataset['kind'] = kind;
  area.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  area.hidden = false;
  buttons[0]?.focus();
}

export function hideNotice(area: HTMLElement): void {
  area.hidden = true;
  area.replaceChildren();
}

/** What a boot failure means for the learner, from the error the worker sent back. */
export function explainBootError(error: unknown): { title: string; text: string; storage: boolean } {
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? error.name : '';
  if (/quota/i.test(message) || name === 'QuotaExceededError') {
    return { title: 'The browser’s storage for this site is full', text: `The machine’s disk could not be written (${message}). Free space by resetting the machine, or run a machine in memory only.`, storage: true };
  }
  if (/indexeddb|idb|database|denied|InvalidStateError|UnknownError|SecurityError/i.test(`${name} ${message}`)) {
    return { title: 'This browser will not keep a disk for the page', text: `IndexedDB is not available here (${message}); private windows often block it. You can retry, or run a machine in memory only (nothing is kept after the tab closes).`, storage: true };
  }
  return { title: 'The machine did not start', text: message, storage: false };
}
