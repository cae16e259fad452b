// The editor's host on a real terminal session: keys, output and the window size from the
// session, the machine's clock for undo's "N seconds ago", and files through sys (vim's :w, :e).

import type { Sys } from '../../sys/sys.ts';
import type { ScreenSession } from '../lib/screen-session.ts';
import type { Host } from './editor.ts';
import { loadFile, writeFile } from './files.ts';

export function editorHost(sys: Sys, term: ScreenSession): Host {
  return {
    read: () => term.read(),
    write: (s) => term.write(s),
    size: () => term.size(),
    now: async () => Number((await sys.clockGettime(0)) / 1_000_000n) / 1000,
    files: {
      load: (n) => loadFile(sys, n),
      write: (n, lines, range) => writeFile(sys, n, lines, range),
      exists: (n) => sys.stat(n).then(() => true, () => false),
    },
  };
}
