// The Layer stack panel: for the overlay mount in focus, its upper layer over its lower layers
// (the bottom one last), each with its size; a path box that says which layer a path comes from
// and what it shadows; and, as fs.* events arrive for this overlay, each copy-up slides a chip
// from its lower layer into the upper one, a whiteout drops a struck-out chip on the upper layer,
// an opaque marking shows a bar. Listings come from the kernel (overlayLayers), reloaded after
// events, never from terminal text.

import './layer-panel.css';
import type { KernelSnapshot, LayerSnapshot, MountCover, OverlayLayers, OverlaySnapshot, WireEvent } from '../../../protocol/kernel-api.ts';
import { bytes, h } from '../shared/dom.ts';
import type { Panel } from '../shared/panel.ts';
import { resolvePath } from './resolve-path.ts';

const MAX_CHIPS = 10;
/** Files of the upper layer drawn besides the ones that arrived while the page watched. */
const UPPER_CHIPS = 16;

export function createLayerPanel(loadLayers: (mountId: number) => Promise<OverlayLayers | null>): Panel {
  const select = h('select', { class: 'overlay-select', 'aria-label': 'overlay mount in focus' });
  const hint = h('p', { class: 'hint' });
  const stack = h('ol', { class: 'layer-stack', 'aria-label': 'layers, top first' });
  const pathInput = h('input', { type: 'text', class: 'path-input', list: 'layer-paths', placeholder: '/etc/hostname', 'aria-label': 'path in the merged view', spellcheck: 'false', autocomplete: 'off' });
  const datalist = h('datalist', { id: 'layer-paths' });
  const verdict = h('p', { class: 'path-verdict', role: 'status' });
  const form = h('form', { class: 'path-form' }, h('label', {}, 'Which layer? ', pathInput), h('button', { type: 'submit' }, 'Look up'), datalist);
  select.hidden = true;
  form.hidden = true;
  const covers = h('ul', { class: 'overlay-covers', 'aria-label': 'mounts over the overlay' });
  const body = h('div', { class: 'layers' }, h('div', { class: 'overlay-pick' }, select), hint, stack, covers, form, verdict);

  let overlays: OverlaySnapshot[] = [];
  let focus: OverlaySnapshot | null = null;
  let chosen: number | null = null;
  let listing: OverlayLayers | null = null;
  const chips = new Map<string, HTMLElement[]>();
  let reload: ReturnType<typeof setTimeout> | null = null;
  let drawn = false;
  /** Recent fs events of every overlay: a mount and its first copy-up often arrive before the
   * snapshot that lists the mount, so they are replayed when an overlay comes into focus. */
  const recent: WireEvent[] = [];
  let loading = false;

  const layerEl = (label: string, role: 'upper' | 'lower'): HTMLElement | null =>
    stack.querySelector<HTMLElement>(`li.layer[data-role="${role}"][data-label="${CSS.escape(label)}"]`);

  const renderStack = (): void => {
    if (!focus) {
      stack.replaceChildren();
      return;
    }
    const rows: HTMLElement[] = [];
    const layers: LayerSnapshot[] = listing?.layers ?? [
      ...(focus.upper ? [{ label: focus.upper, role: 'upper' as const, index: 0, bytes: 0, files: 0, entries: [], truncated: false }] : []),
      ...focus.lowers.map((l, i) => ({ label: l, role: 'lower' as const, index: i + 1, bytes: 0, files: 0, entries: [], truncated: false })),
    ];
    for (const l of layers) {
      const key = `${l.role}:${l.label}`;
      const live = chips.get(key) ?? [];
      const strip = h('div', { class: 'chip-strip' }, ...live);
      // What the upper layer already holds (from before this page, or past the event chips):
      // files, whiteouts and opaque directories, drawn still.
      if (l.role === 'upper') {
        const shown = new Set(live.map((c) => c.dataset['path']));
        const held = l.entries.filter((e) => (e.type !== 'dir' || e.opaque) && !shown.has(e.path)).slice(0, UPPER_CHIPS);
        for (const e of held) {
          const kind = e.whiteout ? 'whiteout' : e.opaque ? 'opaque' : 'held';
          const chip = chipFor(kind, e.path, e.whiteout ? `whiteout: hides ${e.path}` : e.opaque ? 'opaque directory' : `${e.path}: ${e.size} bytes in the upper layer`, e.opaque ? `${e.path}/` : e.path);
          chip.classList.add('settled');
          strip.append(chip);
        }
      }
      rows.push(h('li', { class: 'layer', 'data-role': l.role, 'data-label': l.label },
        h('div', { class: 'layer-head' },
          h('span', { class: 'layer-role' }, l.role === 'upper' ? 'upper' : `lower ${l.index}`),
          labelEl(l.label, l.resolved),
          h('span', { class: 'layer-size' }, listing ? `${bytes(l.bytes)} · ${l.files} file${l.files === 1 ? '' : 's'}${l.truncated ? '+' : ''}` : '…')),
        ...(l.resolved || l.about ? [aboutEl(l.resolved, l.about)] : []),
        strip));
    }
    stack.replaceChildren(...rows);
    if (focus.work) stack.append(h('li', { class: 'layer work', 'aria-label': 'workdir' }, h('div', { class: 'layer-head' }, h('span', { class: 'layer-role' }, 'work'), labelEl(focus.work))));
    renderCovers();
  };

  /**
   * What is mounted over the overlay (a container's volumes and its /etc/hostname, hosts and
   * resolv.conf binds): paths there are not the layers'. Filesystems without a source directory
   * (/proc, /sys, /dev, a tmpfs) and whatever lies under /proc, /sys and /dev share one line.
   */
  const renderCovers = (): void => {
    const all = focus ? (listing?.covers ?? []) : [];
    // /proc/sys read-only over itself and the like belong with the kernel's line.
    const listed = (c: MountCover): boolean => c.root !== '/' && !/^\/(?:proc|sys|dev)(?:\/|$)/.test(c.path);
    const binds = all.filter(listed);
    const kernel = all.filter((c) => !listed(c));
    const items = binds.map((c) => {
      const volume = /^\/var\/lib\/docker\/volumes\/([^/]+)\/_data$/.exec(c.root)?.[1];
      return h('li', { class: 'cover', 'data-path': c.path, title: `${c.path}: ${c.fsType} mount of ${c.root}` },
        h('span', { class: 'cover-path' }, c.path), ' ← ', volume ? `volume ${shortIds(volume)}` : shortIds(c.root));
    });
    if (kernel.length) items.push(h('li', { class: 'cover kernel' }, `${[...new Set(kernel.map((c) => c.fsType))].join(', ')} at ${kernel.map((c) => c.path).join(' ')}`));
    covers.replaceChildren(...(items.length ? [h('li', { class: 'covers-head' }, 'Mounted over it, not from the layers:'), ...items] : []));
  };

  /** docker's 64-hex directory names cut to the 12 characters its CLI shows. */
  const shortIds = (path: string): string => path.replace(/\b([0-9a-f]{12})[0-9a-f]{52}/g, '$1…');

  /** The label split so that, when it is too long, its directory gives way and its last parts
   * (an l/ link name, an id and "/diff") stay readable; the whole path is the tooltip. */
  const labelEl = (label: string, resolved?: string): HTMLElement => {
    const cut = /^(.*?\/)((?:l\/)?[^/]+(?:\/(?:diff|work))?)$/.exec(label);
    const title = resolved ? `${label} -> ${resolved}` : label;
    return h('span', { class: 'layer-label', title },
      ...(cut ? [h('span', { class: 'label-dir' }, cut[1]!), h('span', { class: 'label-base' }, shortIds(cut[2]!))] : [label]));
  };

  /** Where an l/ link leads (with the 64-hex id cut short) and what docker made the layer for. */
  const aboutEl = (resolved?: string, about?: string): HTMLElement => {
    const parts: string[] = [];
    if (resolved) parts.push(`→ ${shortIds(resolved.replace(/^.*\/overlay2\//, ''))}`);
    if (about) parts.push(about);
    return h('div', { class: 'layer-about' }, parts.join(' · '));
  };

  const renderPaths = (): void => {
    const paths = new Set<string>();
    for (const l of listing?.layers ?? []) for (const e of l.entries) if (!e.whiteout) paths.add(e.path);
    for (const c of listing?.covers ?? []) paths.add(c.path);
    datalist.replaceChildren(...[...paths].sort().slice(0, 500).map((p) => h('option', { value: p })));
  };

  const lookUp = (): void => {
    for (const li of stack.querySelectorAll<HTMLElement>('li.layer')) delete li.dataset['verdict'];
    const path = pathInput.value.trim();
    if (!listing || path === '') {
      verdict.textContent = '';
      return;
    }
    const r = resolvePath(listing.layers, path, listing.covers);
    const items = stack.querySelectorAll<HTMLElement>('li.layer:not(.work)');
    r.verdicts.forEach((v, i) => {
      if (items[i] && v !== 'absent') items[i]!.dataset['verdict'] = v;
    });
    verdict.textContent = r.summary;
  };

  const load = async (): Promise<void> => {
    if (!focus || loading) return;
    loading = true;
    try {
      const id = focus.mountId;
      const got = await loadLayers(id);
      if (focus?.mountId === id) listing = got;
    } catch {
      listing = null;
    } finally {
      loading = false;
    }
    renderStack();
    renderPaths();
    lookUp();
  };

  const scheduleLoad = (): void => {
    if (reload) clearTimeout(reload);
    reload = setTimeout(() => void load(), 250);
  };

  /** A chip is a button: choosing it looks its path up. */
  const chipFor = (kind: string, path: string, title: string, text = path): HTMLButtonElement => {
    const chip = h('button', { type: 'button', class: `chip-file ${kind}`, 'data-path': path, title }, text);
    chip.addEventListener('click', () => {
      pathInput.value = path;
      lookUp();
    });
    return chip;
  };

  const addChip = (key: string, chip: HTMLElement): void => {
    // Once played, an animation must not replay when the panel is shown again (display: none
    // to block restarts CSS animations).
    chip.addEventListener('animationend', () => chip.classList.add('settled'), { once: true });
    // One chip per path: the newest event replaces an older chip (or a still one) for it.
    const path = chip.dataset['path'];
    const list = (chips.get(key) ?? []).filter((c) => c.dataset['path'] !== path);
    list.push(chip);
    while (list.length > MAX_CHIPS) list.shift();
    chips.set(key, list);
    const [role, ...rest] = key.split(':');
    const strip = layerEl(rest.join(':'), role as 'upper' | 'lower')?.querySelector('.chip-strip');
    for (const old of strip?.querySelectorAll<HTMLElement>('.chip-file') ?? []) if (old.dataset['path'] === path) old.remove();
    strip?.append(chip);
  };

  function showEvents(batch: readonly WireEvent[]): void {
    if (!focus) return;
    let touched = false;
    for (const e of batch) {
      if (!e.type.startsWith('fs.') || e['overlay'] !== focus.dev) continue;
      touched = true;
      const path = String(e['path']);
      if (e.type === 'fs.copy-up') {
        addChip(`upper:${String(e['to'])}`, chipFor('copy-up', path, `copied up from ${String(e['from'])}: ${String(e['reason'])}`));
        const from = layerEl(String(e['from']), 'lower')?.querySelector('.chip-strip');
        if (from) {
          const ghost = h('span', { class: 'chip-file leaving', 'aria-hidden': 'true' }, path);
          from.append(ghost);
          setTimeout(() => ghost.remove(), 1200);
        }
      } else if (e.type === 'fs.whiteout') {
        addChip(`upper:${String(e['to'])}`, chipFor('whiteout', path, `whiteout: hides ${path} of ${String(e['hides'])}`));
      } else if (e.type === 'fs.opaque') {
        addChip(`upper:${String(e['to'])}`, chipFor('opaque', path, 'opaque directory: nothing below shows through', `${path}/`));
      }
    }
    if (touched) scheduleLoad();
  }

  select.addEventListener('change', () => {
    chosen = Number(select.value);
    setFocus();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    lookUp();
  });

  const setFocus = (): void => {
    const next = overlays.find((o) => o.mountId === chosen) ?? overlays.at(-1) ?? null;
    if (next?.mountId !== focus?.mountId) {
      focus = next;
      listing = null;
      chips.clear();
      renderStack();
      if (focus) showEvents(recent.filter((e) => e['overlay'] === focus!.dev));
      void load();
    }
  };

  return {
    id: 'layers',
    title: 'Layer stack',
    short: 'Layers',
    body,
    update(snap: KernelSnapshot) {
      const key = snap.overlays.map((o) => `${o.mountId}@${o.target}@${o.about ?? ''}`).join(',');
      const before = overlays.map((o) => `${o.mountId}@${o.target}@${o.about ?? ''}`).join(',');
      overlays = snap.overlays;
      if (key !== before || !drawn) {
        drawn = true;
        select.replaceChildren(...overlays.map((o) => h('option', { value: o.mountId, selected: o.mountId === (chosen ?? overlays.at(-1)?.mountId) },
          `${o.about ? `${o.about}: ` : ''}overlay on ${o.target} (mount ${o.mountId}${o.pids.length ? `, pid ${o.pids.slice(0, 3).join(' ')}` : ''})`)));
        select.disabled = overlays.length < 2;
        select.hidden = overlays.length === 0;
        form.hidden = overlays.length === 0;
        hint.textContent = overlays.length === 0
          ? 'No overlay is mounted. Try: mkdir /tmp/l /tmp/u /tmp/w /tmp/m && mount -t overlay overlay -o lowerdir=/etc,upperdir=/tmp/u,workdir=/tmp/w /tmp/m && echo x >> /tmp/m/hostname'
          : '';
        hint.hidden = overlays.length > 0;
        setFocus();
      }
    },
    events(batch: readonly WireEvent[]) {
      for (const e of batch) if (e.type.startsWith('fs.')) recent.push(e);
      recent.splice(0, Math.max(0, recent.length - 100));
      showEvents(batch);
    },
  };
}
