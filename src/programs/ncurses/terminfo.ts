// The terminal types Debian's ncurses-base describes, with what clearing each one's screen takes:
// its `clear` capability and, where it has one, E3 (erase the scrollback too). Recorded from
// Debian 12's terminfo (test/programs/ncurses/record-terminfo.sh; a test keeps this in step).

export interface ClearCaps {
  /** The `clear` capability: cursor home and erase the screen. */
  clear: string;
  /** E3, erase the scrollback ('' when the type has none). */
  e3: string;
}

const ESC = '\x1b';
const HOME_ERASE_BELOW = `${ESC}[H${ESC}[J`;
const HOME_ERASE_ALL = `${ESC}[H${ESC}[2J`;
const ERASE_SCROLLBACK = `${ESC}[3J`;

const TYPES: Array<[ClearCaps, string]> = [
  [{ clear: HOME_ERASE_ALL, e3: ERASE_SCROLLBACK }, 'xterm xterm-256color xterm-debian xterm-vt220'],
  [{ clear: HOME_ERASE_ALL, e3: '' }, `Eterm Eterm-color rxvt rxvt-basic rxvt-m rxvt-unicode rxvt-unicode-256color
    screen.xterm-256color xterm-color xterm-mono xterm-r5 xterm-r6 xterm-xfree86`],
  [{ clear: HOME_ERASE_BELOW, e3: ERASE_SCROLLBACK }, 'linux tmux tmux-256color'],
  [{ clear: HOME_ERASE_BELOW, e3: '' }, `ansi cons25 cons25-debian cygwin pcansi screen screen-256color screen-256color-bce
    screen-bce screen-s screen-w vt100 vt102 vt220 wsvt25 wsvt25m`],
  [{ clear: `${ESC}c`, e3: '' }, 'hurd mach mach-bold mach-color mach-gnu mach-gnu-color'],
  [{ clear: `${ESC}H${ESC}J`, e3: '' }, 'vt52'],
  [{ clear: '\f', e3: '' }, 'sun'],
  [{ clear: '', e3: '' }, 'dumb'],
];

const BY_NAME = new Map<string, ClearCaps>();
for (const [caps, names] of TYPES) for (const name of names.split(/\s+/).filter(Boolean)) BY_NAME.set(name, caps);

/** The terminal type's entry, or null when terminfo has none by that name. */
export function clearCaps(type: string): ClearCaps | null {
  return BY_NAME.get(type) ?? null;
}

/** Every type described, for the test that compares the table with the recording. */
export function terminalTypes(): string[] {
  return [...BY_NAME.keys()];
}
