// The one error class of the Dockerfile frontend: a message in BuildKit's words, the 1-based
// physical lines it concerns, and the phase that raised it (BuildKit prefixes only instruction
// validation errors with "dockerfile parse error on line N: ").

export type DockerfilePhase = 'parse' | 'validate' | 'stage' | 'build';

export class DockerfileError extends Error {
  readonly reason: string;
  constructor(
    reason: string,
    /** 1-based first line, or 0 when the error has no line (an unknown --target). */
    readonly line: number,
    readonly endLine: number = line,
    readonly phase: DockerfilePhase = 'parse',
  ) {
    super(phase === 'validate' && line > 0 ? `dockerfile parse error on line ${line}: ${reason}` : reason);
    this.reason = reason;
    this.name = 'DockerfileError';
  }

  /** The same error placed at an instruction's lines (when it was raised without them). */
  at(line: number, endLine = line, phase: DockerfilePhase = this.phase): DockerfileError {
    return new DockerfileError(this.reason, line, endLine, phase);
  }
}

/** An error raised by word processing (substitution, quotes) before the caller knows the line. */
export class LexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LexError';
  }
}
