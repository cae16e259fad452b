// busybox clear: cursor home and erase the screen, whatever $TERM says; arguments are ignored
// (busybox 1.35 has no -x and leaves the scrollback alone).

import type { Sys } from '../../sys/sys.ts';

export default async function clear(sys: Sys): Promise<number> {
  await sys.writeAll(1, '\x1b[H\x1b[J');
  return 0;
}
