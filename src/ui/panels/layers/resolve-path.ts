// Which layer a path of the merged view comes from, and what it shadows, worked out from the
// layer listings the way overlayfs looks a name up: from the upper layer down, the first layer
// holding the name wins; a whiteout there means the name is deleted; an opaque directory on the
// way (or at the name) stops the search from reaching the layers below it.

import type { LayerSnapshot, MountCover } from '../../../protocol/kernel-api.ts';

export type LayerVerdict = 'source' | 'merged' | 'shadowed' | 'whiteout' | 'hidden-by-opaque' | 'absent';

export interface Resolution {
  /** One verdict per layer, in the order given (upper first). */
  verdicts: LayerVerdict[];
  /** The layer the merged view shows the path from, or -1 when it does not exist there. */
  source: number;
  summary: string;
}

const ancestors = (path: string): string[] => {
  const parts = path.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_, i) => '/' + parts.slice(0, i + 1).join('/'));
};

type State = 'searching' | 'dir' | 'done' | 'opaque';

export function resolvePath(layers: LayerSnapshot[], raw: string, covers: MountCover[] = []): Resolution {
  const path = '/' + raw.split('/').filter(Boolean).join('/');
  const verdicts: LayerVerdict[] = [];
  let source = -1;
  let deletedBy = -1;
  let state: State = 'searching';
  for (let i = 0; i < layers.length; i++) {
    const byPath = new Map(layers[i]!.entries.map((e) => [e.path, e]));
    const entry = byPath.get(path);
    if (!entry) {
      verdicts.push('absent');
    } else if (state === 'searching') {
      if (entry.whiteout) {
        verdicts.push('whiteout');
        deletedBy = i;
        state = 'done';
      } else {
        verdicts.push('source');
        source = i;
        state = entry.type === 'dir' ? (entry.opaque ? 'opaque' : 'dir') : 'done';
      }
    } else if (state === 'dir') {
      // A directory merges with the directories below it until one is opaque or not a directory.
      if (entry.type === 'dir' && !entry.whiteout) {
        verdicts.push('merged');
        if (entry.opaque) state = 'opaque';
      } else {
        verdicts.push('shadowed');
        state = 'done';
      }
    } else {
      verdicts.push(state === 'opaque' ? 'hidden-by-opaque' : 'shadowed');
    }
    // An opaque directory or a whiteout above the path in this layer hides the layers below.
    if (state !== 'done' && state !== 'opaque') {
      const cut = ancestors(path).find((a) => byPath.get(a)?.opaque || byPath.get(a)?.whiteout);
      if (cut !== undefined) state = byPath.get(cut)!.opaque ? 'opaque' : 'done';
    }
  }
  const name = (i: number): string => `${layers[i]!.role === 'upper' ? 'upper layer' : 'lower layer'} ${layers[i]!.label}`;
  const pick = (...v: LayerVerdict[]): string[] => verdicts.flatMap((x, i) => (v.includes(x) ? [name(i)] : []));
  const shadowed = pick('shadowed', 'hidden-by-opaque');
  const merged = pick('merged');
  let summary: string;
  if (source >= 0) {
    summary = `${path} comes from the ${name(source)}`;
    if (merged.length) summary += `, merged with the ${merged.join(', ')}`;
    if (shadowed.length) summary += `; it shadows the ${shadowed.join(', ')}`;
    summary += '.';
  } else if (deletedBy >= 0) {
    summary = `${path} is deleted: a whiteout in the ${name(deletedBy)} hides ${shadowed.length ? `the ${shadowed.join(', ')}` : 'it'}.`;
  } else {
    summary = `${path} is in no layer${shadowed.length ? ` it can be seen from (the ${shadowed.join(', ')} copy is hidden)` : ''}.`;
  }
  // A mount over the path (the deepest one) decides what is seen there, whatever the layers hold.
  const cover = covers.filter((c) => path === c.path || path.startsWith(`${c.path}/`)).pop();
  if (cover) {
    const under = source >= 0 ? ` The copy in the ${name(source)} is hidden under it.` : '';
    summary = `${path} is not from the overlay: ${mountText(cover)} is mounted at ${cover.path}.${under}`;
  }
  return { verdicts, source, summary };
}

/** A mount as a learner knows it: a docker volume by its name, a bind mount by its source. */
function mountText(c: MountCover): string {
  const volume = /^\/var\/lib\/docker\/volumes\/([^/]+)\/_data$/.exec(c.root);
  if (volume) return `docker volume ${volume[1]}`;
  if (c.root !== '/') return `a bind mount of ${c.root} (${c.fsType})`;
  return `a ${c.fsType} filesystem`;
}
