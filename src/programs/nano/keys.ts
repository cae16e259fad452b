// Keys from the terminal as nano reads them: nano switches the keypad to application mode, so
// arrows come as ESC O A..D (ESC [ A..D is taken too), editing keys as ESC [ n ~, and Alt+key as
// ESC followed by the key (M-u undo). Bracketed paste's markers are dropped: the pasted text is
// inserted as if typed. A sequence cut across two reads waits for its rest.

const NAMED: Record<string, string> = {
  A: 'Up', B: 'Down', C: 'Right', D: 'Left', H: 'Home', F: 'End',
  '1~': 'Home', '7~': 'Home', '4~': 'End', '8~': 'End', '2~': 'Insert', '3~': 'Delete',
  '5~': 'PageUp', '6~': 'PageDown', '200~': 'PasteStart', '201~': 'PasteEnd',
};

/** Splits terminal input into keys: one character, a named key, or `M-x`. */
export class KeyDecoder {
  private pending = '';

  /** The keys complete in `input` (and anything held back from before). */
  feed(input: string): string[] {
    const s = this.pending + input;
    this.pending = '';
    const keys: string[] = [];
    let i = 0;
    while (i < s.length) {
      const ch = s[i]!;
      if (ch !== '\x1b') {
        const cp = s.codePointAt(i)!;
        const one = String.fromCodePoint(cp);
        keys.push(one);
        i += one.length;
        continue;
      }
      const next = s[i + 1];
      if (next === undefined) {
        // A lone ESC at the end of a read: nano waits briefly, then takes it as Escape.
        keys.push('Esc');
        i++;
        continue;
      }
      if (next === 'O' || next === '[') {
        const m = /^[\d;]*[@-~]/.exec(s.slice(i + 2));
        if (!m) {
          if (/^[\d;]*$/.test(s.slice(i + 2))) {
            this.pending = s.slice(i);
            break;
          }
          keys.push('Esc');
          i++;
          continue;
        }
        const body = m[0];
        const final = body[body.length - 1]!;
        const params = body.slice(0, -1).split(';');
        // Modified arrows (ESC [ 1 ; 5 C): the modifier is dropped, as for keys nano does not bind.
        const name = final === '~' ? NAMED[`${params[0]}~`] : NAMED[final];
        keys.push(name ?? 'Unknown');
        i += 2 + body.length;
        continue;
      }
      if (next === '\x1b') {
        keys.push('Esc');
        i++;
        continue;
      }
      keys.push(`M-${next.toLowerCase()}`);
      i += 2;
    }
    return keys;
  }
}
