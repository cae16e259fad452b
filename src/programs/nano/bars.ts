// The fixed parts of nano's screen: the title bar and the two help lines under the status bar.
// nano shows as many of a menu's shortcuts as fit, ((COLS + 40) / 20) * 2 at most, in columns of
// COLS / ceil(n / 2) cells, the last two items taking the leftover cells; a description is cut
// to its column. The lists are nano 7.2's, in the order it shows them (measured at 40 to 200
// columns).

export type Item = [key: string, tag: string];

export const MAIN_MENU: Item[] = [
  ['^G', 'Help'], ['^X', 'Exit'], ['^O', 'Write Out'], ['^R', 'Read File'], ['^W', 'Where Is'],
  ['^\\', 'Replace'], ['^K', 'Cut'], ['^U', 'Paste'], ['^T', 'Execute'], ['^J', 'Justify'],
  ['^C', 'Location'], ['^/', 'Go To Line'], ['M-U', 'Undo'], ['M-E', 'Redo'], ['M-A', 'Set Mark'],
  ['M-6', 'Copy'], ['M-]', 'To Bracket'], ['^Q', 'Where Was'], ['M-Q', 'Previous'], ['M-W', 'Next'],
  ['^B', 'Back'], ['^F', 'Forward'], ['^\u25c2', 'Prev Word'], ['^\u25b8', 'Next Word'],
];

export const WRITE_MENU: Item[] = [
  ['^G', 'Help'], ['^C', 'Cancel'], ['M-D', 'DOS Format'], ['M-M', 'Mac Format'],
  ['M-A', 'Append'], ['M-P', 'Prepend'], ['M-B', 'Backup File'], ['^T', 'Browse'],
];

export const SEARCH_MENU: Item[] = [
  ['^G', 'Help'], ['^C', 'Cancel'], ['M-C', 'Case Sens'], ['M-R', 'Reg.exp.'], ['M-B', 'Backwards'],
  ['^R', 'Replace'], ['^P', 'Older'], ['^N', 'Newer'], ['^T', 'Go To Line'],
];

export const GOTO_MENU: Item[] = [
  ['^G', 'Help'], ['^C', 'Cancel'], ['^W', 'Begin of Paragr.'], ['^O', 'End of Paragraph'],
  ['^Y', 'First Line'], ['^V', 'Last Line'], ['^T', 'Go To Text'],
];

export const CANCEL_MENU: Item[] = [['^G', 'Help'], ['^C', 'Cancel']];

/** One cell of a help line: text and whether it is drawn in reverse video (the keys). */
export type Span = [text: string, reverse: boolean];

/** The two help lines for `menu` at `cols` columns. */
export function helpLines(menu: Item[], cols: number): [Span[], Span[]] {
  const rows: [Span[], Span[]] = [[], []];
  const used = [0, 0];
  const number = Math.min(menu.length, Math.floor((cols + 40) / 20) * 2);
  const itemWidth = Math.floor(cols / Math.floor((number + 1) / 2));
  if (itemWidth === 0) return rows;
  for (let i = 0; i < number; i++) {
    const [key, tag] = menu[i]!;
    const row = i % 2;
    const at = Math.floor(i / 2) * itemWidth;
    let width = itemWidth;
    if (number % 2 === 1 && i + 2 === number) width += itemWidth;
    if (i + 2 >= number) width += cols % itemWidth;
    if (at > used[row]!) rows[row]!.push([' '.repeat(at - used[row]!), false]);
    const k = [...key].slice(0, width).join('');
    rows[row]!.push([k, true]);
    let len = [...k].length;
    const room = width - len - 1;
    if (room > 0) {
      const t = [...tag].slice(0, room).join('');
      rows[row]!.push([' ' + t, false]);
      len += 1 + [...t].length;
    }
    used[row] = at + len;
  }
  return rows;
}

/** The Yes/No(/Cancel) lines of a yes-no question: fixed 16-cell columns. */
export function yesNoLines(): [Span[], Span[]] {
  return [
    [[' Y', true], [' Yes', false]],
    [[' N', true], [' No', false], [' '.repeat(11), false], ['^C', true], [' Cancel', false]],
  ];
}

/**
 * The title bar: "GNU nano 7.2" at the left, the file name centred in what is left after
 * reserving room for the state flags (Debian sets `stateflags`, so "Modified" becomes a " *"
 * after the name).
 */
export function titleBar(cols: number, name: string, modified: boolean): string {
  const brand = 'GNU nano 7.2';
  let verlen = brand.length + 3;
  const statelen = 10;
  let path = name;
  let pathlen = [...path].length;
  let showBrand = true;
  if (verlen + pathlen + statelen > cols) {
    showBrand = false;
    verlen = 2;
  }
  if (pathlen + statelen > cols - verlen && pathlen > 3) {
    const room = Math.max(4, cols - verlen - statelen);
    path = '...' + [...path].slice(pathlen - (room - 3)).join('');
    pathlen = [...path].length;
  }
  const offset = Math.max(verlen, verlen + Math.floor((cols - (verlen + statelen) - pathlen) / 2));
  let text = (showBrand ? `  ${brand}` : '').padEnd(offset) + path + (modified ? ' *' : '');
  const chars = [...text];
  text = chars.length > cols ? chars.slice(0, cols).join('') : text + ' '.repeat(cols - chars.length);
  return text;
}
