// Lays the panels out: on a wide screen a column of collapsible sections beside the terminal; on a
// narrow one (under 700px) a tab strip under the terminal with one panel shown at a time. Either
// way every control is a button in the tab order. Also fans snapshots and event batches out.

import './panels.css';
import type { KernelSnapshot, WireEvent } from '../../protocol/kernel-api.ts';
import { h } from './shared/dom.ts';
import { framePanel, type Panel, type PanelFrame } from './shared/panel.ts';

export interface PanelHost {
  update(snapshot: KernelSnapshot): void;
  events(batch: readonly WireEvent[]): void;
  /** Narrow layout: show this panel ("terminal" shows none and gives the terminal the room). */
  select(id: string): void;
}

export const NARROW_QUERY = '(max-width: 699px)';

export function mountPanels(aside: HTMLElement, tabStrip: HTMLElement, panels: Panel[], onTerminal: () => void): PanelHost {
  const frames: PanelFrame[] = panels.map(framePanel);
  const tabs = [{ id: 'terminal', title: 'Terminal', short: 'Terminal' }, ...panels].map((p) => {
    const b = h('button', { type: 'button', role: 'tab', class: 'view-tab', 'data-view': p.id, 'aria-selected': 'false', id: `view-tab-${p.id}`, title: p.title }, p.short);
    b.addEventListener('click', () => select(p.id));
    return b;
  });
  tabStrip.replaceChildren(...tabs);
  tabStrip.setAttribute('role', 'tablist');
  tabStrip.setAttribute('aria-label', 'views');
  for (const f of frames) aside.append(f.section);

  const select = (id: string): void => {
    document.body.dataset['view'] = id;
    tabs.forEach((b) => {
      const on = b.dataset['view'] === id;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
    });
    for (const f of frames) f.section.dataset['shown'] = String(f.section.dataset['panel'] === id);
    if (id === 'terminal') onTerminal();
  };
  tabStrip.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = tabs.findIndex((b) => b.getAttribute('aria-selected') === 'true');
    const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
    select(next.dataset['view']!);
    next.focus();
    e.preventDefault();
  });
  select('terminal');
  // The section toggles do nothing in the tabbed layout: keep them out of the tab order there.
  const narrow = window.matchMedia(NARROW_QUERY);
  const applyMode = (): void => frames.forEach((f) => (f.toggle.tabIndex = narrow.matches ? -1 : 0));
  narrow.addEventListener('change', applyMode);
  applyMode();

  return {
    update(snapshot) {
      for (const p of panels) {
        try {
          p.update(snapshot);
        } catch (e) {
          console.warn(`panel ${p.id}:`, e);
        }
      }
    },
    events(batch) {
      for (const p of panels) {
        try {
          p.events(batch);
        } catch (e) {
          console.warn(`panel ${p.id}:`, e);
        }
      }
    },
    select,
  };
}
