// Command history for the line editor, kept in a file ($HISTFILE, else ~/.sh_history) so it
// survives a reload of the page: read once when the editor starts, one line appended per
// command. Blank lines and a repeat of the previous command are not recorded.

import { isSysError } from '../../../abi/errno.ts';
import { O_APPEND, O_CREAT, O_RDONLY, O_WRONLY } from '../../../abi/open-flags.ts';
import { utf8Decode } from '../../../base/text.ts';
import type { Sys } from '../../../sys/sys.ts';

const MAX_ENTRIES = 1000;

export class History {
  entries: string[] = [];

  constructor(private readonly sys: Sys, private readonly file: string | null) {}

  async load(): Promise<void> {
    if (!this.file) return;
    try {
      const fd = await this.sys.open(this.file, O_RDONLY);
      try {
        const text = utf8Decode(await this.sys.readAll(fd));
        this.entries = text.split('\n').filter((l) => l.length > 0).slice(-MAX_ENTRIES);
      } finally {
        await this.sys.close(fd);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }

  async add(line: string): Promise<void> {
    const entry = line.replace(/\n+$/, '');
    if (!entry.trim() || entry === this.entries[this.entries.length - 1]) return;
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
    if (!this.file) return;
    try {
      const fd = await this.sys.open(this.file, O_WRONLY | O_CREAT | O_APPEND, 0o600);
      try {
        await this.sys.writeAll(fd, `${entry}\n`);
      } finally {
        await this.sys.close(fd);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }

  /** The newest entry before index `from` containing `query`, searching backwards. */
  search(query: string, from: number): number {
    for (let i = Math.min(from, this.entries.length) - 1; i >= 0; i--) if (this.entries[i]!.includes(query)) return i;
    return -1;
  }
}
