// The Events panel: a timeline of kernel events (newest at the bottom), filterable by category
// chips (toggle buttons) and by text. Keeps the last MAX events; a notable one (OOM kill, refused
// fork, whiteout) is marked so it stands out in the list.

import './event-panel.css';
import type { KernelSnapshot, WireEvent } from '../../../protocol/kernel-api.ts';
import { h } from '../shared/dom.ts';
import type { Panel } from '../shared/panel.ts';
import { CATEGORIES, type EventCategory, categoryOf, describeEvent } from './describe-event.ts';

const MAX = 400;

interface Row {
  category: EventCategory;
  text: string;
  el: HTMLLIElement;
}

export function createEventPanel(): Panel {
  const rows: Row[] = [];
  const shown = new Set<EventCategory>(CATEGORIES);
  let query = '';
  let seq = 0;
  const list = h('ol', { class: 'event-list', 'aria-live': 'off' });
  const empty = h('p', { class: 'hint' }, 'Nothing yet: run a command in the terminal.');
  const search = h('input', { type: 'search', class: 'event-search', placeholder: 'filter…', 'aria-label': 'filter events' });
  const chips = CATEGORIES.map((c) => {
    const b = h('button', { type: 'button', class: 'chip', 'aria-pressed': 'true', 'data-category': c }, c);
    b.addEventListener('click', () => {
      if (shown.has(c)) shown.delete(c);
      else shown.add(c);
      b.setAttribute('aria-pressed', String(shown.has(c)));
      applyFilter();
    });
    return b;
  });
  const clear = h('button', { type: 'button', class: 'chip quiet' }, 'clear');
  clear.addEventListener('click', () => {
    rows.splice(0).forEach((r) => r.el.remove());
    empty.hidden = false;
  });
  const body = h('div', { class: 'events' }, h('div', { class: 'event-tools', role: 'group', 'aria-label': 'event categories' }, ...chips, search, clear), empty, list);

  const visible = (r: Row): boolean => shown.has(r.category) && (query === '' || r.text.toLowerCase().includes(query));
  const applyFilter = (): void => {
    for (const r of rows) r.el.hidden = !visible(r);
  };
  search.addEventListener('input', () => {
    query = search.value.trim().toLowerCase();
    applyFilter();
  });

  return {
    id: 'events',
    title: 'Events',
    short: 'Events',
    body,
    update(_s: KernelSnapshot) {},
    events(batch: readonly WireEvent[]) {
      if (batch.length === 0) return;
      const stick = list.scrollTop + list.clientHeight >= list.scrollHeight - 4;
      const now = new Date();
      const time = now.toTimeString().slice(0, 8);
      for (const e of batch) {
        const category = categoryOf(e);
        const text = describeEvent(e);
        const notable = e.type === 'cgroup.oom' || e.type === 'cgroup.fork-refused' ? 'bad' : e.type.startsWith('fs.') ? 'fs' : '';
        const el = h('li', { class: `event ${notable}`, 'data-type': e.type, 'data-seq': ++seq },
          h('time', {}, time), h('span', { class: 'event-type' }, e.type), h('span', { class: 'event-text' }, text));
        const row = { category, text: `${e.type} ${text}`, el };
        el.hidden = !visible(row);
        rows.push(row);
        list.append(el);
      }
      while (rows.length > MAX) rows.shift()!.el.remove();
      empty.hidden = rows.length > 0;
      if (stick) list.scrollTop = list.scrollHeight;
    },
  };
}
