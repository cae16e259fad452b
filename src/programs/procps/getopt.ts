// getopt_long as glibc runs it for the procps tools: options and operands mixed (operands are
// moved to the end, as GNU permutation does), bundled short options, optional arguments ("l::")
// taken only when attached, unambiguous abbreviations of long options, and glibc's messages
// with argv[0] as the name (so `/usr/bin/free -x` says "/usr/bin/free: invalid option -- 'x'").
// With `quiet` (opterr = 0) nothing is printed and the caller looks at `optopt`.

export type ArgKind = 'none' | 'required' | 'optional';

export interface LongOption {
  name: string;
  arg: ArgKind;
  /** What next() returns for it: a short letter, or a name of the caller's choosing. */
  val: string;
}

export interface Found {
  /** The option's letter or long value; '?' for an error (message already printed unless quiet). */
  opt: string;
  arg?: string;
}

export class Getopt {
  /** Index of the next word to look at. */
  optind = 1;
  /** The unknown letter, after '?'. */
  optopt = '';
  /** Messages to print on standard error, in order. */
  readonly errors: string[] = [];
  readonly argv: string[];
  private nextChar = 0;
  private readonly skipped: string[] = [];
  private readonly shorts = new Map<string, ArgKind>();

  constructor(argv: string[], shortopts: string, private readonly longopts: LongOption[] = [], private readonly quiet = false) {
    this.argv = [...argv];
    for (let i = 0; i < shortopts.length; i++) {
      const c = shortopts[i]!;
      let kind: ArgKind = 'none';
      if (shortopts[i + 1] === ':') {
        kind = shortopts[i + 2] === ':' ? 'optional' : 'required';
        i += kind === 'optional' ? 2 : 1;
      }
      this.shorts.set(c, kind);
    }
  }

  private get name(): string {
    return this.argv[0] ?? '';
  }

  private fail(message: string): Found {
    if (!this.quiet) this.errors.push(message);
    return { opt: '?' };
  }

  /** The next option, or null when only operands are left (see operands()). */
  next(): Found | null {
    const argv = this.argv;
    if (this.nextChar === 0) {
      // GNU permutation: operands met before an option are set aside and come first later.
      while (this.optind < argv.length && !isOption(argv[this.optind]!)) this.skipped.push(argv[this.optind++]!);
      if (this.optind >= argv.length) return null;
      const word = argv[this.optind]!;
      if (word === '--') {
        this.optind++;
        return null;
      }
      if (word.startsWith('--')) {
        this.optind++;
        return this.long(word);
      }
      this.nextChar = 1;
    }
    const word = argv[this.optind]!;
    const c = word[this.nextChar++]!;
    const kind = this.shorts.get(c);
    const atEnd = this.nextChar >= word.length;
    if (kind === undefined || c === ':') {
      this.optopt = c;
      if (atEnd) this.advance();
      return this.fail(`${this.name}: invalid option -- '${c}'`);
    }
    if (kind === 'none') {
      if (atEnd) this.advance();
      return { opt: c };
    }
    if (!atEnd) {
      const arg = word.slice(this.nextChar);
      this.advance();
      return { opt: c, arg };
    }
    this.advance();
    if (kind === 'optional') return { opt: c };
    if (this.optind >= argv.length) {
      this.optopt = c;
      return this.fail(`${this.name}: option requires an argument -- '${c}'`);
    }
    return { opt: c, arg: argv[this.optind++] };
  }

  /** The word after the option just returned (what argv[optind] is in C at that point). */
  peek(): string | undefined {
    return this.argv[this.optind];
  }

  private advance(): void {
    this.optind++;
    this.nextChar = 0;
  }

  private long(word: string): Found {
    const eq = word.indexOf('=');
    const name = word.slice(2, eq < 0 ? undefined : eq);
    let spec = this.longopts.find((o) => o.name === name);
    if (!spec) {
      const matches = this.longopts.filter((o) => o.name.startsWith(name));
      const distinct = new Set(matches.map((o) => `${o.val}/${o.arg}`));
      if (matches.length === 0) return this.fail(`${this.name}: unrecognized option '${word}'`);
      if (distinct.size > 1) {
        return this.fail(`${this.name}: option '${word.slice(0, eq < 0 ? undefined : eq)}' is ambiguous; possibilities:${matches.map((o) => ` '--${o.name}'`).join('')}`);
      }
      spec = matches[0]!;
    }
    if (eq >= 0) {
      if (spec.arg === 'none') return this.fail(`${this.name}: option '--${spec.name}' doesn't allow an argument`);
      return { opt: spec.val, arg: word.slice(eq + 1) };
    }
    if (spec.arg === 'required') {
      if (this.optind >= this.argv.length) return this.fail(`${this.name}: option '--${spec.name}' requires an argument`);
      return { opt: spec.val, arg: this.argv[this.optind++] };
    }
    return { opt: spec.val };
  }

  /** The operands, in order, once next() has returned null. */
  operands(): string[] {
    return [...this.skipped, ...this.argv.slice(this.optind)];
  }
}

function isOption(word: string): boolean {
  return word.length > 1 && word[0] === '-';
}
