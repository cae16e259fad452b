// The intro screen vim shows when started without a file, in vi-compatible mode, and the version
// each distribution's package reports (the patch level vim prints is the highest patch included).

export interface Flavour {
  /** As vim's intro prints it, e.g. "9.0.2142". */
  version: string;
  modifiedBy: string | null;
}

const FLAVOURS: Record<string, Flavour> = {
  debian: { version: '9.0.2142', modifiedBy: 'team+vim@tracker.debian.org' },
  ubuntu: { version: '9.1.16', modifiedBy: 'team+vim@tracker.debian.org' },
  alpine: { version: '9.1.707', modifiedBy: null },
};

/** The flavour for a machine's /etc/os-release ID (the host is Debian-like). */
export function flavourOf(osId: string): Flavour {
  return FLAVOURS[osId] ?? FLAVOURS.debian!;
}

/** [text, row offset from the block's top]; each line is centred as vim centres it. */
export function introLines(f: Flavour): Array<[string, number]> {
  const out: Array<[string, number]> = [['VIM - Vi IMproved', 0], [`version ${f.version}`, 2], ['by Bram Moolenaar et al.', 3]];
  let r = 4;
  if (f.modifiedBy) out.push([`Modified by ${f.modifiedBy}`, r++]);
  out.push(['Vim is open source and freely distributable', r++]);
  r++;
  out.push(['Sponsor Vim development!', r++]);
  out.push(['type  :help sponsor<Enter>    for information ', r++]);
  r++;
  out.push(['type  :q<Enter>               to exit         ', r++]);
  out.push(['type  :help<Enter>  or  <F1>  for on-line help', r++]);
  out.push(['type  :help version9<Enter>   for version info', r++]);
  r++;
  out.push(['Running in Vi compatible mode', r++]);
  out.push(['type  :set nocp<Enter>        for Vim defaults', r++]);
  out.push(['type  :help cp-default<Enter> for info on this', r++]);
  return out;
}

/** The intro laid over `rows` text rows of `cols` columns (vim starts it a little above centre). */
export function introRows(f: Flavour, rows: number, cols: number): Map<number, string> {
  const lines = introLines(f);
  const height = lines[lines.length - 1]![1] + 1;
  const shown = new Map<number, string>();
  if (height > rows || cols < 47) return shown;
  const top = Math.floor((rows - height) / 2);
  for (const [text, off] of lines) {
    // vim centres on the text's own width, padding lines it aligns to a common column.
    const col = Math.floor((cols - text.trimEnd().length) / 2) - (text.startsWith('type') ? 0 : 0);
    const start = text.startsWith('type') ? Math.floor((cols - 46) / 2) + 0 : col;
    shown.set(top + off, '~' + ' '.repeat(Math.max(0, start - 1)) + text);
  }
  return shown;
}
