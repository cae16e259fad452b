// The welcome banner, written to the terminal before the machine's login shell starts: in two
// lines, what this is and what to try first. Lines stay under 48 columns (a phone screen).

const bold = (s: string) => `\x1b[1m${s}\x1b[22m`;
const dim = (s: string) => `\x1b[2m${s}\x1b[22m`;

export const BANNER =
  `${bold('cowbox')}: Linux containers in this browser tab.\r\n` +
  `${dim('Try: cat /proc/1/status; echo /proc/self/ns/*')}\r\n`;
