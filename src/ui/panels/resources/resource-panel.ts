// The Resources panel: one card per cgroup worth watching (those under system.slice and any with a
// memory or pids limit): memory.current against memory.max with the page-cache part drawn apart,
// pids.current against pids.max, CPU time and its rate. An OOM kill or a refused fork is flagged on
// the card where it happened (from memory.events / pids.events, and flashed as the event arrives).

import './resource-panel.css';
import type { CgroupSnapshot, KernelSnapshot, WireEvent } from '../../../protocol/kernel-api.ts';
import { bytes, h, seconds } from '../shared/dom.ts';
import type { Panel } from '../shared/panel.ts';

const watched = (c: CgroupSnapshot): boolean =>
  c.path === '/system.slice' || c.path.startsWith('/system.slice/') || c.memory?.max != null || c.pids?.max != null;

function gauge(label: string, used: number, max: number | null, text: string, cache = 0): HTMLElement {
  // Without a limit a bar would have nothing to measure against: say so instead.
  if (max === null) {
    return h('div', { class: 'gauge-row' }, h('span', { class: 'gauge-label' }, label), h('span', { class: 'gauge-none' }, 'no limit'), h('span', { class: 'gauge-text' }, text));
  }
  const scale = max ?? Math.max(used, 1);
  const pct = (n: number): string => `${Math.min(100, (n / scale) * 100).toFixed(1)}%`;
  const bar = h('div', { class: `gauge${max === null ? ' unlimited' : ''}`, role: 'meter', 'aria-label': label,
    'aria-valuemin': 0, 'aria-valuemax': scale, 'aria-valuenow': used, 'aria-valuetext': text },
    h('div', { class: 'gauge-fill', style: `width: ${pct(used - cache)}` }),
    cache > 0 ? h('div', { class: 'gauge-cache', style: `width: ${pct(cache)}` }) : null);
  return h('div', { class: 'gauge-row' }, h('span', { class: 'gauge-label' }, label), bar, h('span', { class: 'gauge-text' }, text));
}

export function createResourcePanel(): Panel {
  const cards = h('div', { class: 'cg-cards' });
  const hint = h('p', { class: 'hint' });
  const body = h('div', { class: 'resources' }, hint, cards);
  const lastCpu = new Map<string, { us: number; at: number }>();
  const flashed = new Map<string, string>();
  let last: KernelSnapshot | null = null;

  const render = (snap: KernelSnapshot): void => {
    const now = performance.now();
    const list = snap.cgroups.filter(watched);
    hint.textContent = list.length > 0
      ? `${list.length} cgroup${list.length === 1 ? '' : 's'} with limits or under system.slice`
      : 'No cgroup has a limit yet. Try: echo +memory +pids > /sys/fs/cgroup/cgroup.subtree_control; mkdir /sys/fs/cgroup/demo; echo 5 > /sys/fs/cgroup/demo/pids.max';
    cards.replaceChildren(...list.map((c) => {
      const prev = lastCpu.get(c.path);
      const rate = prev && now > prev.at ? Math.max(0, (c.cpu.usageUs - prev.us) / ((now - prev.at) * 10)) : 0;
      lastCpu.set(c.path, { us: c.cpu.usageUs, at: now });
      const flags: HTMLElement[] = [];
      if (c.memory && c.memory.oomKill > 0) flags.push(h('span', { class: 'flag bad' }, `OOM kill ×${c.memory.oomKill}`));
      if (c.pids && c.pids.eventsMax > 0) flags.push(h('span', { class: 'flag bad' }, `fork refused ×${c.pids.eventsMax}`));
      const card = h('article', { class: 'cg-card', 'data-cgroup': c.path },
        h('header', {}, h('span', { class: 'cg-path' }, c.path), h('span', { class: 'cg-procs' }, `${c.procs.length} proc`), ...flags),
        c.memory ? gauge('memory', c.memory.current, c.memory.max, `${bytes(c.memory.current)} / ${c.memory.max === null ? 'max' : bytes(c.memory.max)}${c.memory.file ? ` (cache ${bytes(c.memory.file)})` : ''}`, Math.min(c.memory.file, c.memory.current)) : null,
        c.pids ? gauge('pids', c.pids.current, c.pids.max, `${c.pids.current} / ${c.pids.max ?? 'max'}`) : null,
        h('div', { class: 'gauge-row' }, h('span', { class: 'gauge-label' }, 'cpu'), h('span', { class: 'cpu-text' }, `${seconds(c.cpu.usageUs)} used · ${rate.toFixed(0)}% now`)));
      const why = flashed.get(c.path);
      if (why) {
        card.classList.add('flash');
        card.title = why;
      }
      return card;
    }));
    flashed.clear();
  };

  return {
    id: 'resources',
    title: 'Resources',
    short: 'Resources',
    body,
    update(snap: KernelSnapshot) {
      last = snap;
      render(snap);
    },
    events(batch: readonly WireEvent[]) {
      let any = false;
      for (const e of batch) {
        if (e.type === 'cgroup.oom') flashed.set(String(e['cgroup']), 'OOM kill');
        else if (e.type === 'cgroup.fork-refused') flashed.set(String(e['limitedBy']), 'fork refused');
        else continue;
        any = true;
      }
      if (any && last) render(last);
    },
  };
}
