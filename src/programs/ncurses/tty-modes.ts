// The tty modes tset and reset leave, as measured on ncurses 6.4 (record-tput.py garbles a pty's
// termios, runs them, and reads it back): reset puts every mode to a sane value, keeping only
// the speed, hangup-on-close, IUTF8 and the extended-input bits; tset only turns on what a
// terminal needs to be usable (CR to NL, NL to CR-NL, echo), and both give back the control
// characters that were disabled.

import {
  BRKINT, CLOCAL, CREAD, CS8, CSIZE, CSTOPB, ECHO, ECHOCTL, ECHOE, ECHOK, ECHOKE, ICANON, ICRNL, IGNPAR, IMAXBEL, ISIG,
  IUTF8, IXON, ONLCR, OPOST, PARENB, PARODD, VDISCARD, VEOF, VERASE, VINTR, VKILL, VLNEXT, VQUIT, VREPRINT, VSTART,
  VSTOP, VSUSP, VWERASE, copyTermios, type Termios,
} from '../../abi/termios.ts';

/** The control characters reset restores when disabled, with their defaults. */
const RESET_CHARS: Array<[number, number]> = [
  [VINTR, 0o3], [VQUIT, 0o34], [VERASE, 0o177], [VKILL, 0o25], [VEOF, 0o4], [VSTART, 0o21], [VSTOP, 0o23],
  [VSUSP, 0o32], [VREPRINT, 0o22], [VDISCARD, 0o17], [VWERASE, 0o27], [VLNEXT, 0o26],
];

/** reset: sane modes. */
export function saneModes(t: Termios): Termios {
  const r = copyTermios(t);
  r.iflag = (t.iflag & IUTF8) | BRKINT | IGNPAR | ICRNL | IXON | IMAXBEL;
  r.oflag = OPOST | ONLCR;
  r.cflag = (t.cflag & ~(CSIZE | CSTOPB | PARENB | PARODD | CLOCAL)) | CS8 | CREAD;
  r.lflag = (t.lflag & ~0o7777) | ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE;
  for (const [index, dflt] of RESET_CHARS) if (r.cc[index] === 0) r.cc[index] = dflt;
  return r;
}

/** tset: what every terminal needs, on top of the modes it has. */
export function usableModes(t: Termios): Termios {
  const r = copyTermios(t);
  r.iflag |= ICRNL;
  r.oflag |= ONLCR;
  r.lflag |= ECHO | ECHOE | ECHOK;
  return r;
}

/** The three keys tset reports, with the value each gets when disabled. */
export const REPORTED: Array<[string, number, number]> = [['Erase', VERASE, 0o177], ['Kill', VKILL, 0o25], ['Interrupt', VINTR, 0o3]];
