// Keys from the terminal. vim puts the terminal in application cursor mode, so arrows arrive as
// ESC O A..D (ESC [ A..D is taken too). In vi-compatible mode ('noesckeys') Insert mode does not
// wait for key codes: ESC there is ESC at once and the rest of an arrow's bytes are typed as
// commands, which is why an arrow in Insert mode opens a line with a letter in it.

export const ARROWS: Record<string, string> = {
  '\x1bOA': 'Up', '\x1bOB': 'Down', '\x1bOC': 'Right', '\x1bOD': 'Left',
  '\x1b[A': 'Up', '\x1b[B': 'Down', '\x1b[C': 'Right', '\x1b[D': 'Left',
  '\x1bOH': 'Home', '\x1bOF': 'End', '\x1b[H': 'Home', '\x1b[F': 'End',
  '\x1b[1~': 'Home', '\x1b[4~': 'End', '\x1b[3~': 'Del', '\x1b[5~': 'PageUp', '\x1b[6~': 'PageDown',
  '\x1b[2~': 'Insert',
};

/** Pending typed characters; `take` returns one key, whole key codes grouped when `codes`. */
export class KeyQueue {
  private chars: string[] = [];

  get empty(): boolean {
    return this.chars.length === 0;
  }

  push(text: string): void {
    for (const ch of text) this.chars.push(ch);
  }

  /** Put keys back in front (for `.`, which replays a change's keys). */
  unshift(keys: string[]): void {
    this.chars.unshift(...[...keys.join('')]);
  }

  take(codes: boolean): string | undefined {
    const ch = this.chars.shift();
    if (ch !== '\x1b' || !codes || this.chars.length === 0) return ch;
    for (const len of [2, 3]) {
      const seq = '\x1b' + this.chars.slice(0, len).join('');
      if (ARROWS[seq]) {
        this.chars.splice(0, len);
        return ARROWS[seq];
      }
    }
    return ch;
  }
}
