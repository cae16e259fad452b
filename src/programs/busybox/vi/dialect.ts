// busybox vi's differences from vim.tiny, as the editor core (../../vim/editor.ts) asks for them:
// a status line at the bottom ("- FILE [Modified] 3/10 30%", I in Insert mode) under any message
// that lasts one key, lines cut at the width instead of wrapped, plain `~` rows, multi-level undo
// with busybox's "Undo [N] ..." messages, and its own words for deletes, puts and searches.

import type { UndoResult } from '../../vim/buffer.ts';
import type { Dialect } from '../../vim/dialect.ts';
import type { Editor } from '../../vim/editor.ts';
import { type BbFiles, runBusyboxEx } from './ex.ts';

/** Undos done per editor: busybox's change counter goes down by one with each. */
const undos = new WeakMap<Editor, number>();

function statusLine(ed: Editor): string {
  const total = ed.buf.length;
  const line = ed.cur.line + 1;
  const pct = Math.floor((line * 100) / total);
  const flags = (ed.readonly ? ' [Readonly]' : '') + (ed.buf.modified ? ' [Modified]' : '');
  return `${ed.inInsert ? 'I' : '-'} ${ed.name ?? 'No file'}${flags} ${line}/${total} ${pct}%`;
}

/** Lines as the file holds them, each with its newline. */
const asText = (lines: string[]): string => lines.map((l) => `${l}\n`).join('');

function undoMessage(ed: Editor, r: UndoResult): string {
  const done = undos.get(ed) ?? 0;
  undos.set(ed, done + 1);
  // busybox names the characters the undo put back or took out and where, as a file offset.
  const before = asText(r.removed);
  const after = asText(r.restored);
  let same = 0;
  while (same < before.length && same < after.length && before[same] === after[same]) same++;
  const offset = asText(ed.buf.lines.slice(0, r.top)).length + same;
  const restored = after.length >= before.length;
  const chars = Math.abs(after.length - before.length);
  // The cursor goes to where the text changed.
  const lead = after.slice(0, same).split('\n');
  const line = Math.min(r.top + lead.length - 1, ed.buf.length - 1);
  ed.cur = { line, col: lead[lead.length - 1]!.length };
  return `Undo [${ed.buf.changes - done}] ${restored ? 'restored' : 'deleted'} ${chars} chars at position ${offset}`;
}

/** The dialect for one applet run, with the file access its ex commands use. */
export const busyboxVi = (files: BbFiles): Dialect => ({
  wrap: false,
  colourFill: false,
  stickyMessages: false,
  multiLevelUndo: true,
  backspaceToLineStart: true,
  insertArrows: true,
  centreWithoutFill: true,
  statusLine,
  message(id, vimText, info) {
    switch (id) {
      case 'deleted': return `Delete ${info.lines} lines (${info.chars} chars) from [D]`;
      case 'yanked': return `Yank ${info.lines} lines (${info.chars} chars) into [D]`;
      case 'put': return `Put ${info.lines} lines (${info.chars} chars) from [D]`;
      case 'not-found': return 'Pattern not found';
      case 'no-pattern': return 'No previous search';
      case 'nothing-to-undo': return 'Already at oldest change';
      case 'ex-echo': case 'interrupt': case 'readonly-change': case 'file-info': case 'search-echo': return null;
      default: return vimText;
    }
  },
  undoMessage,
  runEx: (ed, text) => runBusyboxEx(ed, text, files),
});
