// The seam between the editor core and the vi it plays: vim.tiny (the default here) or another
// vi that shares the core's commands but differs in its screen, messages, undo and ex commands
// (busybox's vi applet, src/programs/busybox/vi/). The core asks the dialect only at these points.

import type { Editor } from './editor.ts';
import type { UndoResult } from './buffer.ts';

export interface Dialect {
  /** Lines longer than the screen wrap onto more rows (vim), or are cut and scrolled sideways. */
  wrap: boolean;
  /** `~` rows past the end in colour (vim's NonText) or plain. */
  colourFill: boolean;
  /** A message lasts until something clears it (vim), or only until the next key. */
  stickyMessages: boolean;
  /** Every `u` goes one change further back (no redo by `u`), instead of vi's undo-the-undo. */
  multiLevelUndo: boolean;
  /** Backspace in Insert mode stops at the line's start, not where the insert began. */
  backspaceToLineStart: boolean;
  /** Arrow keys move the cursor in Insert mode instead of ending it at once. */
  insertArrows: boolean;
  /** A far jump centres the cursor line even when that leaves rows empty below the text. */
  centreWithoutFill: boolean;
  /** The bottom line when no message shows (null: blank). */
  statusLine(ed: Editor): string | null;
  /**
   * A message the core is about to show, by id, with vim's text: the dialect's text instead,
   * or null to show nothing.
   */
  message(id: MessageId, vimText: string, info: MessageInfo): string | null;
  /** The message after `u` undid something. */
  undoMessage(ed: Editor, r: UndoResult): string;
  /** Ex commands typed after `:`. */
  runEx(ed: Editor, text: string): Promise<void>;
}

export type MessageId = 'ex-echo' | 'interrupt' | 'readonly-change' | 'file-info' | 'no-pattern' | 'not-found' | 'search-echo'
  | 'deleted' | 'yanked' | 'put' | 'nothing-to-undo';

export interface MessageInfo {
  /** Lines and characters the command moved (for deleted/yanked/put). */
  lines?: number;
  chars?: number;
  /** The register's lines were whole lines. */
  linewise?: boolean;
}
