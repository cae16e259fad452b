// The welcome banner, written to the first terminal before the machine's login shell starts: in
// two lines, what this is and what to try first. Lines stay under 48 columns (a phone screen).

// Bold rather than dim: faint text falls under AA contrast in the light theme.
const bold = (s: string) => `\x1b[1m${s}\x1b[22m`;

export const BANNER =
  `${bold('cowbox')}: Linux containers in this browser tab.\r\n` +
  `${bold('Try:')} ls /proc/self/ns; cat /proc/self/cgroup\r\n`;
