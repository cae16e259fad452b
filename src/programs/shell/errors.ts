// The shell's own ways of unwinding, kept apart from the kernel's (exit and execve unwind a
// program with TaskUnwind, which the shell never catches). Each is caught by exactly the frame
// that dash's longjmp would reach: a syntax error or a fatal error ends a non-interactive shell
// (or subshell) with status 2, `exit` ends it with its status.

/**
 * A syntax error found by the parser, at input line `line`; the shell prints and raises it.
 * An unexpected token also keeps the token's name (`got`) and what was wanted (`expecting`),
 * which ash puts in another order than dash's `msg`.
 */
export class SyntaxError_ extends Error {
  constructor(readonly msg: string, readonly line: number, readonly got?: string, readonly expecting?: string) {
    super(msg);
    this.name = 'SyntaxError_';
  }
}

/** dash's EXERROR: a fatal error whose message has already been printed. */
export class ShellError extends Error {
  constructor(readonly status = 2) {
    super('shell error');
    this.name = 'ShellError';
  }
}

/** The `exit` builtin (or the end of a subshell's work): unwind to the top with `status`. */
export class ShellExit extends Error {
  constructor(readonly status: number) {
    super('shell exit');
    this.name = 'ShellExit';
  }
}

/** An interactive shell's ^C: abandon the current command and go back to the prompt. */
export class ShellInterrupt extends Error {
  constructor() {
    super('interrupt');
    this.name = 'ShellInterrupt';
  }
}
