// The Processes panel: the process tree (children under their parent) with each process's PID on
// the host and in its own PID namespace, its user, cgroup and command, and (under its command) a
// badge for every namespace it does not share with PID 1. Badges of one namespace have one colour, so processes
// that share a namespace are seen at a glance.

import './process-panel.css';
import type { KernelSnapshot, ProcessSnapshot, WireEvent } from '../../../protocol/kernel-api.ts';
import { h, nsHue, nsTag } from '../shared/dom.ts';
import type { Panel } from '../shared/panel.ts';

const NS_TYPES = ['pid', 'mnt', 'uts', 'ipc', 'net', 'user', 'cgroup'] as const;

function order(processes: ProcessSnapshot[]): Array<{ p: ProcessSnapshot; depth: number }> {
  const byPid = new Map(processes.map((p) => [p.pid, p]));
  const children = new Map<number, ProcessSnapshot[]>();
  for (const p of processes) {
    const parent = byPid.has(p.ppid) ? p.ppid : 0;
    const list = children.get(parent) ?? [];
    list.push(p);
    children.set(parent, list);
  }
  const out: Array<{ p: ProcessSnapshot; depth: number }> = [];
  const walk = (pid: number, depth: number): void => {
    for (const c of (children.get(pid) ?? []).sort((a, b) => a.pid - b.pid)) {
      out.push({ p: c, depth });
      walk(c.pid, depth + 1);
    }
  };
  walk(0, 0);
  return out;
}

export function createProcessPanel(): Panel {
  const tbody = h('tbody');
  const summary = h('p', { class: 'hint' });
  const table = h('table', { class: 'proc-table' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', title: 'PID on the host (the root PID namespace)' }, 'PID'),
      h('th', { scope: 'col', title: 'PID inside its own PID namespace' }, 'NS PID'),
      h('th', { scope: 'col' }, 'USER'),
      h('th', { scope: 'col' }, 'S'),
      h('th', { scope: 'col' }, 'COMMAND'),
      h('th', { scope: 'col' }, 'CGROUP'))),
    tbody);
  const body = h('div', { class: 'processes' }, summary, h('div', { class: 'table-scroll' }, table));
  let lastKey = '';

  return {
    id: 'processes',
    title: 'Processes',
    short: 'Processes',
    body,
    update(snap: KernelSnapshot) {
      const key = JSON.stringify(snap.processes);
      if (key === lastKey) return;
      lastKey = key;
      const init = snap.processes.find((p) => p.pid === 1);
      const rows = order(snap.processes);
      const own = new Set<string>();
      tbody.replaceChildren(...rows.map(({ p, depth }) => {
        const badges = NS_TYPES.filter((t) => init && p.ns[t] !== init.ns[t]).map((t) => {
          own.add(`${t}:${p.ns[t]}`);
          const ino = p.ns[t]!;
          return h('span', { class: 'ns-badge', style: `--hue: ${nsHue(ino)}`, title: `${t}:[${ino}]` }, nsTag(t, ino));
        });
        const nsPid = p.nspid.length > 1 ? String(p.nspid.at(-1)) : '';
        const command = p.argv.length > 0 ? p.argv.join(' ') : p.comm;
        return h('tr', { 'data-pid': p.pid, class: p.state === 'Z' ? 'zombie' : '' },
          h('td', { class: 'num' }, String(p.pid)),
          h('td', { class: 'num' }, nsPid),
          h('td', {}, p.user),
          h('td', { title: 'state' }, p.state),
          h('td', { class: 'cmd', style: `--depth: ${depth}` },
            h('div', { class: 'cmd-text', title: command }, depth > 0 ? h('span', { class: 'branch', 'aria-hidden': 'true' }, '└ ') : null, command),
            badges.length > 0 ? h('div', { class: 'ns-line', 'aria-label': 'namespaces of its own' }, ...badges) : null),
          h('td', { class: 'cg' }, p.cgroup));
      }));
      summary.textContent = `${rows.length} processes · ${own.size} namespaces of their own beside the host's`;
    },
    events(_batch: readonly WireEvent[]) {},
  };
}
