// The frame every panel lives in: a titled, collapsible section (the header is a real button, so
// Enter and Space toggle it and it sits in the tab order), plus what a panel must offer the app.

import { h } from './dom.ts';
import type { KernelSnapshot, WireEvent } from '../../../protocol/kernel-api.ts';

export interface Panel {
  readonly id: string;
  readonly title: string;
  /** The title on a phone's view tab. */
  readonly short: string;
  /** The panel's body, placed inside its frame. */
  readonly body: HTMLElement;
  update(snapshot: KernelSnapshot): void;
  events(batch: readonly WireEvent[]): void;
}

export interface PanelFrame {
  readonly section: HTMLElement;
  readonly toggle: HTMLButtonElement;
  setCollapsed(collapsed: boolean): void;
}

export function framePanel(panel: Panel): PanelFrame {
  const bodyId = `panel-${panel.id}-body`;
  const toggle = h('button', { class: 'panel-toggle', type: 'button', 'aria-expanded': 'true', 'aria-controls': bodyId },
    h('span', { class: 'chevron', 'aria-hidden': 'true' }), panel.title);
  const section = h('section', { class: 'panel', id: `panel-${panel.id}`, 'aria-label': panel.title, 'data-panel': panel.id },
    h('h2', { class: 'panel-title' }, toggle));
  panel.body.id = bodyId;
  panel.body.classList.add('panel-body');
  section.append(panel.body);
  const key = `cowbox.panel.${panel.id}.collapsed`;
  const setCollapsed = (collapsed: boolean): void => {
    section.dataset['collapsed'] = String(collapsed);
    toggle.setAttribute('aria-expanded', String(!collapsed));
    try {
      localStorage.setItem(key, collapsed ? '1' : '0');
    } catch {
      // Storage may be blocked; the choice then lasts for this page only.
    }
  };
  toggle.addEventListener('click', () => setCollapsed(section.dataset['collapsed'] !== 'true'));
  let saved = false;
  try {
    saved = localStorage.getItem(key) === '1';
  } catch {
    saved = false;
  }
  setCollapsed(saved);
  return { section, toggle, setCollapsed };
}
