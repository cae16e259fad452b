// vim.tiny as Debian starts it for vi ('compatible'): the dialect the editor core plays unless
// told otherwise, with vim's own messages and ex commands.

import type { Dialect } from './dialect.ts';
import { runEx } from './ex.ts';

export const VIM_DIALECT: Dialect = {
  wrap: true,
  colourFill: true,
  stickyMessages: true,
  multiLevelUndo: false,
  backspaceToLineStart: false,
  insertArrows: false,
  centreWithoutFill: false,
  statusLine: () => null,
  message: (_id, vimText) => vimText,
  undoMessage(_ed, r) {
    let what: string;
    if (r.delta === 1) what = '1 more line';
    else if (r.delta > 1) what = `${r.delta} more lines`;
    else if (r.delta === -1) what = '1 line less';
    else if (r.delta < -1) what = `${-r.delta} fewer lines`;
    else what = r.changed === 1 ? '1 change' : `${r.changed} changes`;
    const ago = r.ago;
    return `${what}; ${r.undone ? 'before' : 'after'} #${r.seq}  ${ago} ${ago === 1 ? 'second' : 'seconds'} ago`;
  },
  runEx,
};
