// What the terminal shows before a kernel is attached: the welcome banner and root's prompt,
// as the bytes written to the terminal (ANSI colours, CRLF line ends). Lines stay under 48
// columns, the width of a phone screen.

const bold = (s: string) => `\x1b[1m${s}\x1b[22m`;
const dim = (s: string) => `\x1b[2m${s}\x1b[22m`;
const green = (s: string) => `\x1b[32m${s}\x1b[39m`;
const blue = (s: string) => `\x1b[34m${s}\x1b[39m`;

export const BANNER =
  `${bold('cowbox')}: Linux containers in this browser tab.\r\n` +
  `${dim('Kernel not wired yet: typing echoes locally.')}\r\n`;

export const PROMPT = `${bold(green('root@cowbox'))}:${bold(blue('~'))}# `;

export function notWiredNote(line: string): string {
  return `${dim(`cowbox: kernel not wired yet; '${line}' not run`)}\r\n`;
}
