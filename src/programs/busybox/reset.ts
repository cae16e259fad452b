// busybox reset (1.35): when standard input is a terminal, writes one fixed string whatever
// $TERM says (reset the terminal, ASCII charset, plain attributes, erase below, cursor shown)
// and then does what it runs `stty sane` for: modes and control characters back to defaults.
// Measured on a pty: IXON is kept as it was, everything else gets a fixed value.

import type { Sys } from '../../sys/sys.ts';
import { BRKINT, ICRNL, IMAXBEL, IXON, defaultTermios } from '../../abi/termios.ts';

const RESET = '\x1bc\x1b(B\x1b[m\x1b[J\x1b[?25h';

export default async function reset(sys: Sys): Promise<number> {
  if (!(await sys.isatty(0))) return 0;
  await sys.writeAll(1, RESET);
  const before = await sys.tcgetattr(0);
  const sane = defaultTermios();
  sane.iflag = (before.iflag & IXON) | BRKINT | ICRNL | IMAXBEL;
  sane.cflag = before.cflag;
  sane.line = before.line;
  await sys.tcsetattr(0, 1, sane);
  return 0;
}
