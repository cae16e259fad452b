// The docker CLI's detach keys (ctrl-p, ctrl-q) on a terminal's input: `docker attach` and
// `docker run -it` watch what is typed for them and let go of the container when they come.

/** The exit status of a relay process that saw the detach keys. */
export const DETACHED = 2;

/** The file in the task state directory that says an attached `docker run -it` was let go. */
export const DETACH_MARKER = 'detached';

/** Docker's default detach keys: ctrl-p, ctrl-q. */
const DETACH_KEYS = [0x10, 0x11];

/**
 * The CLI's escape proxy: bytes that could begin the detach keys are held back until the keys
 * are complete (then null: detach) or something else follows (then they pass on with it).
 */
export class EscapeProxy {
  private held = 0;
  feed(chunk: Uint8Array): Uint8Array | null {
    const out: number[] = [];
    for (const b of chunk) {
      if (b === DETACH_KEYS[this.held]) {
        this.held++;
        if (this.held === DETACH_KEYS.length) return null;
        continue;
      }
      out.push(...DETACH_KEYS.slice(0, this.held));
      this.held = 0;
      if (b === DETACH_KEYS[0]) this.held = 1;
      else out.push(b);
    }
    return Uint8Array.from(out);
  }
}
