// Docker's pull/push progress display (moby pkg/jsonmessage): on a terminal every layer keeps
// one line that is rewritten in place (cursor up to it, erase, write, cursor back down), with a
// 50-column bar when the terminal is wider than 110 columns; elsewhere only the status lines are
// written, one per event, and the byte counts are left out.

import { isSysError } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import { humanSize } from '../go-style.ts';

export { humanSize };

/** jsonmessage.JSONProgress.String(). */
export function progressString(current: number, total: number, width: number): string {
  if (current <= 0 && total <= 0) return '';
  if (total <= 0) return humanSize(current).padStart(8);
  let pct = Math.floor(Math.floor((current / total) * 100) / 2);
  if (pct > 50) pct = 50;
  let bar = '';
  if (width > 110) bar = `[${'='.repeat(pct)}>${' '.repeat(Math.max(0, 50 - pct))}] `;
  const numbers = current > total ? '' : `${humanSize(current).padStart(8)}/${humanSize(total)}`;
  return bar + numbers;
}

export type Write = (text: string) => Promise<void>;

export class ProgressDisplay {
  private ids = new Map<string, number>();

  /** `tty`: write as to a terminal; `width`: its columns. */
  constructor(private readonly write: Write, private readonly tty: boolean, private readonly width = 80) {}

  /** A line that is not about one layer ("Digest: ..."): it also ends the current group of layer lines. */
  async message(text: string): Promise<void> {
    this.ids.clear();
    await this.write(`${text}\n`);
  }

  /** A layer's status, with byte counts when it is moving (shown on a terminal only). */
  async layer(id: string, status: string, current = 0, total = 0): Promise<void> {
    const progress = progressString(current, total, this.width);
    if (!this.tty) {
      if (progress !== '') return;
      await this.write(`${id}: ${status}\n`);
      return;
    }
    let line = this.ids.get(id);
    let out = '';
    if (line === undefined) {
      line = this.ids.size;
      this.ids.set(id, line);
      out += '\n';
    }
    const diff = this.ids.size - line;
    out += `\x1b[${diff}A\x1b[2K\r${id}: ${status} ${progress}\r\x1b[${diff}B`;
    await this.write(out);
  }
}

/** Whether stdout is a terminal and how wide, which decides how progress is drawn. */
export async function stdoutTerminal(sys: Sys): Promise<{ tty: boolean; width: number }> {
  try {
    await sys.tcgetattr(1);
    return { tty: true, width: (await sys.getWinsize(1)).col };
  } catch (e) {
    if (!isSysError(e)) throw e;
    return { tty: false, width: 80 };
  }
}
