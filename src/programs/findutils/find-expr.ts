// find's expression: the words after the starting points parsed as GNU findutils 4.9 parses
// them (options, tests, actions, `!` > `-a` (or nothing) > `-o` > `,`, parentheses) into a tree
// of nodes evaluated against each file. Tests that need the inode ask the entry for its stat,
// which is fetched once and only when some test wants it, so `find / -name x` never stats.

import type { Stat } from '../../abi/stat.ts';
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK } from '../../abi/stat.ts';
import { adjustMode, compileMode } from '../lib/mode.ts';
import { compileFnmatch } from '../lib/fnmatch.ts';

export class FindUsageError extends Error {}

/** One file as the walk meets it. */
export interface Entry {
  /** The name to print: the starting point, then `/name` per level. */
  path: string;
  /** The starting point this entry was found under. */
  root: string;
  depth: number;
  /** The type getdents gave (of the link itself), or null when not known. */
  dtype: string | null;
  /** stat as the follow mode says (lstat for -P); null when it failed. */
  stat(): Promise<Stat | null>;
  /** lstat, whatever the follow mode. */
  lstat(): Promise<Stat | null>;
  /** stat following links (for -xtype and -L style questions). */
  statFollow(): Promise<Stat | null>;
}

export type Eval = (e: Entry) => boolean | Promise<boolean>;

export interface Node {
  kind: 'and' | 'or' | 'comma' | 'not' | 'pred';
  a?: Node;
  b?: Node;
  name?: string;
  eval?: Eval;
  /** An action that suppresses the default -print. */
  action?: boolean;
}

/** What the walk offers the expression (output, exec, and the run's settings). */
export interface FindHost {
  now: number;
  nowNs: bigint;
  print(e: Entry, text: string): Promise<void>;
  /** -fprint and friends: an output opened (and truncated) before the walk. */
  openOutput(name: string): Promise<(text: string) => Promise<void>>;
  lsLine(e: Entry): Promise<string | null>;
  formatLine(e: Entry, format: CompiledFormat): Promise<string>;
  printf(e: Entry, format: CompiledFormat): Promise<void>;
  ls(e: Entry): Promise<void>;
  exec(e: Entry, argv: string[], opts: { dir: boolean; batch: boolean; id: number }): Promise<boolean>;
  deleteEntry(e: Entry): Promise<boolean>;
  prune(): void;
  quit(): void;
  readdirEmpty(e: Entry): Promise<boolean>;
  access(e: Entry, mode: number): Promise<boolean>;
  readlink(e: Entry): Promise<string | null>;
  userId(name: string): Promise<number | null>;
  groupId(name: string): Promise<number | null>;
  userExists(uid: number): Promise<boolean>;
  groupExists(gid: number): Promise<boolean>;
  statPath(path: string): Promise<Stat | null>;
  warn(message: string): void;
  /** Turn the run's -daystart on: times are counted from the start of tomorrow. */
  daystart(): void;
  basename(e: Entry): string;
}

export interface CompiledFormat {
  parts: (string | { directive: string; flags: string; width: string; prec: string })[];
}

export interface Options {
  maxdepth: number;
  mindepth: number;
  depthFirst: boolean;
  follow: 'P' | 'H' | 'L';
  xdev: boolean;
  warn: boolean | null;
}

const GLOBAL_OPTIONS = new Set(['-maxdepth', '-mindepth', '-depth', '-d', '-xdev', '-mount', '-noleaf', '-ignore_readdir_race', '-noignore_readdir_race', '-follow', '-regextype', '-nowarn', '-warn', '-help', '--help', '-version', '--version']);

const TYPE_BITS: Record<string, number> = { f: S_IFREG, d: S_IFDIR, l: S_IFLNK, c: S_IFCHR, b: S_IFBLK, p: S_IFIFO, s: S_IFSOCK };
const DTYPE_LETTER: Record<string, string> = { file: 'f', dir: 'd', symlink: 'l', chardev: 'c', blockdev: 'b', fifo: 'p', socket: 's' };

interface NumArg {
  cmp: -1 | 0 | 1;
  n: number;
}

function parseNum(s: string): NumArg | null {
  const m = /^([+-]?)(\d+)$/.exec(s);
  if (!m) return null;
  return { cmp: m[1] === '+' ? 1 : m[1] === '-' ? -1 : 0, n: Number(m[2]) };
}

function cmpNum(v: number, a: NumArg): boolean {
  return a.cmp === 1 ? v > a.n : a.cmp === -1 ? v < a.n : v === a.n;
}

/** The words that make find's expression, parsed. */
export class ExprParser {
  private i = 0;
  readonly opts: Options = { maxdepth: Infinity, mindepth: 0, depthFirst: false, follow: 'P', xdev: false, warn: null };
  /** Whether some action other than -prune/-quit appears (else -print is added). */
  hasAction = false;
  usesDelete = false;
  private seenNonOption: string | null = null;
  private execCount = 0;
  readonly warnings: string[] = [];

  constructor(private readonly args: string[], private readonly host: FindHost, follow: 'P' | 'H' | 'L') {
    this.opts.follow = follow;
  }

  private fail(msg: string): never {
    throw new FindUsageError(msg);
  }

  parse(): Node | null {
    if (this.args.length === 0) return null;
    const node = this.comma();
    if (this.i < this.args.length) {
      const w = this.args[this.i]!;
      if (w === ')') this.fail("you have too many ')'");
      this.fail(`paths must precede expression: \`${w}'`);
    }
    return node;
  }

  private peek(): string | undefined {
    return this.args[this.i];
  }

  private comma(): Node | null {
    let a = this.or();
    while (this.peek() === ',') {
      this.i++;
      if (!a) this.fail("invalid expression; you have used a binary operator ',' with nothing before it.");
      const b = this.or();
      if (!b) this.fail("expected an expression after ','");
      a = { kind: 'comma', a, b };
    }
    return a;
  }

  private or(): Node | null {
    let a = this.and();
    while (this.peek() === '-o' || this.peek() === '-or') {
      const op = this.args[this.i++]!;
      if (!a) this.fail(`invalid expression; you have used a binary operator '${op}' with nothing before it.`);
      const b = this.and();
      if (!b) this.fail(`expected an expression after '${op}'`);
      a = { kind: 'or', a, b };
    }
    return a;
  }

  private and(): Node | null {
    let a = this.not();
    for (;;) {
      const w = this.peek();
      if (w === undefined || w === ')' || w === ',' || w === '-o' || w === '-or') return a;
      if (w === '-a' || w === '-and') {
        this.i++;
        if (!a) this.fail(`invalid expression; you have used a binary operator '${w}' with nothing before it.`);
        const b = this.not();
        if (!b) this.fail(`expected an expression after '${w}'`);
        a = { kind: 'and', a, b };
        continue;
      }
      const b = this.not();
      if (!b) return a;
      a = a ? { kind: 'and', a, b } : b;
    }
  }

  private not(): Node | null {
    const w = this.peek();
    if (w === '!' || w === '-not') {
      this.i++;
      const a = this.not();
      if (!a) this.fail(`expected an expression after '${w}'`);
      return { kind: 'not', a };
    }
    return this.primary();
  }

  private primary(): Node | null {
    const w = this.peek();
    if (w === undefined) return null;
    if (w === '(') {
      this.i++;
      if (this.peek() === ')') this.fail('invalid expression; empty parentheses are not allowed.');
      const a = this.comma();
      if (this.peek() !== ')') this.fail("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
      this.i++;
      return a;
    }
    if (w === ')' || w === ',' || w === '-o' || w === '-or' || w === '-a' || w === '-and') return null;
    this.i++;
    return this.predicate(w);
  }

  private arg(name: string): string {
    const v = this.args[this.i];
    if (v === undefined) this.fail(`missing argument to \`${name}'`);
    this.i++;
    return v;
  }

  private pred(name: string, ev: Eval, action = false): Node {
    if (action) this.hasAction = true;
    return { kind: 'pred', name, eval: ev, action };
  }

  private option(name: string): Node {
    if (this.seenNonOption && this.opts.warn !== false) {
      this.warnings.push(`warning: you have specified the global option ${name} after the argument ${this.seenNonOption}, but global options are not positional, i.e., ${name} affects tests specified before it as well as those specified after it.  Please specify global options before other arguments.`);
    }
    return this.pred(name, () => true);
  }

  private predicate(name: string): Node {
    const host = this.host;
    if (!name.startsWith('-') || name === '-') this.fail(`paths must precede expression: \`${name}'`);
    const isOption = GLOBAL_OPTIONS.has(name);
    let node: Node;
    switch (name) {
      case '-maxdepth':
      case '-mindepth': {
        const v = this.arg(name);
        if (!/^\d+$/.test(v)) this.fail(`Expected a positive decimal integer argument to ${name}, but got '${v}'`);
        if (name === '-maxdepth') this.opts.maxdepth = Number(v);
        else this.opts.mindepth = Number(v);
        node = this.option(name);
        break;
      }
      case '-depth':
      case '-d':
        this.opts.depthFirst = true;
        node = this.option(name);
        break;
      case '-xdev':
      case '-mount':
        this.opts.xdev = true;
        node = this.option(name);
        break;
      case '-follow':
        this.opts.follow = 'L';
        node = this.option(name);
        break;
      case '-noleaf':
      case '-ignore_readdir_race':
      case '-noignore_readdir_race':
        node = this.option(name);
        break;
      case '-warn':
        this.opts.warn = true;
        node = this.pred(name, () => true);
        break;
      case '-nowarn':
        this.opts.warn = false;
        node = this.pred(name, () => true);
        break;
      case '-regextype': {
        const t = this.arg(name);
        if (!['emacs', 'posix-basic', 'posix-extended', 'posix-egrep', 'egrep', 'findutils-default', 'grep', 'sed', 'gnu-awk', 'awk', 'posix-awk', 'posix-minimal-basic'].includes(t)) {
          this.fail(`Unknown regular expression type '${t}'; valid types are 'findutils-default', 'ed', 'emacs', 'gnu-awk', 'grep', 'posix-awk', 'awk', 'posix-basic', 'posix-egrep', 'egrep', 'posix-extended', 'posix-minimal-basic', 'sed'.`);
        }
        this.regexType = t;
        node = this.option(name);
        break;
      }
      case '-daystart':
        host.daystart();
        node = this.pred(name, () => true);
        break;
      case '-true': node = this.pred(name, () => true); break;
      case '-false': node = this.pred(name, () => false); break;
      case '-name':
      case '-iname': {
        const pat = this.arg(name);
        const m = compileFnmatch(pat, { caseFold: name === '-iname' });
        node = this.pred(name, (e) => m(host.basename(e)));
        break;
      }
      case '-path':
      case '-wholename':
      case '-ipath':
      case '-iwholename': {
        const pat = this.arg(name);
        const m = compileFnmatch(pat, { caseFold: name.startsWith('-i') });
        node = this.pred(name, (e) => m(e.path));
        break;
      }
      case '-lname':
      case '-ilname': {
        const pat = this.arg(name);
        const m = compileFnmatch(pat, { caseFold: name === '-ilname' });
        node = this.pred(name, async (e) => {
          const t = await host.readlink(e);
          return t !== null && m(t);
        });
        break;
      }
      case '-regex':
      case '-iregex': {
        const pat = this.arg(name);
        const re = emacsRegex(pat, name === '-iregex', this.regexType);
        node = this.pred(name, (e) => re.test(e.path));
        break;
      }
      case '-type':
      case '-xtype': {
        const v = this.arg(name);
        const letters = v.split(',');
        if (v === '') this.fail(`Arguments to ${name} should contain at least one letter`);
        for (let k = 0; k < v.length; k++) {
          const ch = v[k]!;
          if (k % 2 === 0) {
            if (!'fdlcbps'.includes(ch)) this.fail(`Unknown argument to ${name}: ${ch}`);
          } else if (ch !== ',') this.fail(`Must separate multiple arguments to ${name} using: ','`);
        }
        if (v.endsWith(',')) this.fail(`Last file type in list argument to ${name} is missing, i.e., list is ending on: ','`);
        const want = new Set(letters);
        const bits = new Set(letters.map((l) => TYPE_BITS[l]!));
        if (name === '-type') {
          node = this.pred(name, async (e) => {
            // getdents's type answers for -P (and for anything that is not a link).
            if (e.dtype && (this.opts.follow === 'P' || (e.dtype !== 'symlink' && e.depth > 0))) return want.has(DTYPE_LETTER[e.dtype] ?? '?');
            const st = await e.stat();
            return st !== null && bits.has(st.mode & S_IFMT);
          });
        } else {
          node = this.pred(name, async (e) => {
            const st = this.opts.follow === 'L' ? await e.lstat() : await e.statFollow() ?? await e.lstat();
            return st !== null && bits.has(st.mode & S_IFMT);
          });
        }
        break;
      }
      case '-size': {
        const v = this.arg(name);
        const m = /^([+-]?)(\d+)([bcwkMG]?)$/.exec(v);
        if (!m) {
          const t = /^[+-]?\d+(.)/.exec(v);
          if (t) this.fail(`invalid -size type \`${t[1]}'`);
          this.fail(`invalid argument \`${v}' to \`-size'`);
        }
        const unit = { b: 512, c: 1, w: 2, k: 1024, M: 1048576, G: 1073741824, '': 512 }[m[3] as 'b']!;
        const arg: NumArg = { cmp: m[1] === '+' ? 1 : m[1] === '-' ? -1 : 0, n: Number(m[2]) };
        node = this.pred(name, async (e) => {
          const st = await e.stat();
          if (!st) return false;
          return cmpNum(Math.ceil(st.size / unit), arg);
        });
        break;
      }
      case '-empty':
        node = this.pred(name, async (e) => {
          const st = await e.stat();
          if (!st) return false;
          if ((st.mode & S_IFMT) === S_IFDIR) return host.readdirEmpty(e);
          return (st.mode & S_IFMT) === S_IFREG && st.size === 0;
        });
        break;
      case '-perm': {
        const v = this.arg(name);
        let kind: 'exact' | 'all' | 'any' = 'exact';
        let text = v;
        if (v.startsWith('-')) {
          kind = 'all';
          text = v.slice(1);
        } else if (v.startsWith('/')) {
          kind = 'any';
          text = v.slice(1);
        } else if (v.startsWith('+') && /^\+[0-7]+$/.test(v)) {
          this.fail(`invalid mode '${v}'`);
        }
        const changes = compileMode(text);
        if (!changes) this.fail(`invalid mode '${v}'`);
        const mode = adjustMode(0, false, 0, changes).mode;
        const modeDir = adjustMode(0, true, 0, changes).mode;
        node = this.pred(name, async (e) => {
          const st = await e.stat();
          if (!st) return false;
          const want = (st.mode & S_IFMT) === S_IFDIR ? modeDir : mode;
          const have = st.mode & 0o7777;
          if (kind === 'exact') return have === want;
          if (kind === 'all') return (have & want) === want;
          return want === 0 || (have & want) !== 0;
        });
        break;
      }
      case '-user':
      case '-group': {
        const v = this.arg(name);
        let id: number | null | undefined;
        node = this.pred(name, async (e) => {
          const st = await e.stat();
          return st !== null && (name === '-user' ? st.uid : st.gid) === id;
        });
        const resolve = async (): Promise<void> => {
          const byName = name === '-user' ? await host.userId(v) : await host.groupId(v);
          if (byName !== null) id = byName;
          else if (/^\d+$/.test(v)) id = Number(v);
          else if (name === '-user') throw new FindUsageError(`'${v}' is not the name of a known user`);
          else throw new FindUsageError(`'${v}' is not the name of an existing group`);
        };
        this.pending.push(resolve);
        break;
      }
      case '-uid':
      case '-gid':
      case '-inum':
      case '-links': {
        const v = this.arg(name);
        const a = parseNum(v);
        if (!a) this.fail(`invalid argument \`${v}' to \`${name}'`);
        const field = { '-uid': 'uid', '-gid': 'gid', '-inum': 'ino', '-links': 'nlink' }[name] as 'uid';
        node = this.pred(name, async (e) => {
          const st = await e.stat();
          return st !== null && cmpNum(st[field], a);
        });
        break;
      }
      case '-nouser':
      case '-nogroup':
        node = this.pred(name, async (e) => {
          const st = await e.stat();
          if (!st) return false;
          return name === '-nouser' ? !(await host.userExists(st.uid)) : !(await host.groupExists(st.gid));
        });
        break;
      case '-mtime': case '-atime': case '-ctime':
      case '-mmin': case '-amin': case '-cmin': {
        const v = this.arg(name);
        const a = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)$/.exec(v);
        if (!a) this.fail(`invalid argument \`${v}' to \`${name}'`);
        const arg = { cmp: a[1] === '+' ? 1 : a[1] === '-' ? -1 : 0, n: Number(a[2]) } as NumArg;
        const unit = name.endsWith('min') ? 60 : 86400;
        const field = name[1] === 'm' ? 'mtimeNs' : name[1] === 'a' ? 'atimeNs' : 'ctimeNs';
        node = this.pred(name, async (e) => {
          const st = await e.stat();
          if (!st) return false;
          const t = Number(st[field]) / 1e9;
          const diff = (host.now - t) / unit;
          // GNU compares whole units for days (fractions dropped) and exact minutes.
          if (unit === 86400) {
            const days = Math.floor(diff);
            return arg.cmp === 1 ? days > arg.n : arg.cmp === -1 ? days < arg.n : days === arg.n;
          }
          return arg.cmp === 1 ? diff > arg.n : arg.cmp === -1 ? diff < arg.n : Math.ceil(diff) === arg.n;
        });
        break;
      }
      case '-newer':
      case '-anewer':
      case '-cnewer': {
        const ref = this.arg(name);
        let refTime: bigint | null = null;
        const field = name === '-newer' ? 'mtimeNs' : name === '-anewer' ? 'atimeNs' : 'ctimeNs';
        this.pending.push(async () => {
          const st = await host.statPath(ref);
          if (!st) throw new FindUsageError(`'${ref}': No such file or directory`);
          refTime = st.mtimeNs;
        });
        node = this.pred(name, async (e) => {
          const st = await e.stat();
          return st !== null && refTime !== null && st[field] > refTime;
        });
        break;
      }
      case '-readable':
      case '-writable':
      case '-executable': {
        const mode = name === '-readable' ? 4 : name === '-writable' ? 2 : 1;
        node = this.pred(name, (e) => host.access(e, mode));
        break;
      }
      case '-samefile': {
        const ref = this.arg(name);
        let refSt: Stat | null = null;
        this.pending.push(async () => {
          refSt = await host.statPath(ref);
          if (!refSt) throw new FindUsageError(`'${ref}': No such file or directory`);
        });
        node = this.pred(name, async (e) => {
          const st = await e.stat();
          return st !== null && refSt !== null && st.ino === refSt.ino && st.dev === refSt.dev;
        });
        break;
      }
      case '-print':
        node = this.pred(name, async (e) => {
          await host.print(e, `${e.path}\n`);
          return true;
        }, true);
        break;
      case '-print0':
        node = this.pred(name, async (e) => {
          await host.print(e, `${e.path}\0`);
          return true;
        }, true);
        break;
      case '-printf': {
        const fmt = compileFormat(this.arg(name), (w) => this.warnings.push(w));
        node = this.pred(name, async (e) => {
          await host.printf(e, fmt);
          return true;
        }, true);
        break;
      }
      case '-fprint':
      case '-fprint0':
      case '-fprintf':
      case '-fls': {
        const file = this.arg(name);
        const fmt = name === '-fprintf' ? compileFormat(this.arg(name), (w) => this.warnings.push(w)) : null;
        let write: ((text: string) => Promise<void>) | null = null;
        this.pending.push(async () => {
          write = await host.openOutput(file);
        });
        node = this.pred(name, async (e) => {
          let text: string | null;
          if (name === '-fprint') text = `${e.path}\n`;
          else if (name === '-fprint0') text = `${e.path}\0`;
          else if (name === '-fls') text = await host.lsLine(e);
          else text = await host.formatLine(e, fmt!);
          if (text !== null) await write!(text);
          return true;
        }, true);
        break;
      }
      case '-ls':
        node = this.pred(name, async (e) => {
          await host.ls(e);
          return true;
        }, true);
        break;
      case '-exec':
      case '-execdir':
      case '-ok':
      case '-okdir': {
        if (name === '-ok' || name === '-okdir') this.fail(`${name} is not supported here: use ${name === '-ok' ? '-exec' : '-execdir'}`);
        const argv: string[] = [];
        let batch = false;
        for (;;) {
          const w = this.args[this.i];
          if (w === undefined) this.fail(`missing argument to \`${name}'`);
          this.i++;
          if (w === ';') break;
          if (w === '+' && argv.length > 0 && argv[argv.length - 1] === '{}') {
            batch = true;
            argv.pop();
            break;
          }
          argv.push(w);
        }
        if (argv.length === 0) this.fail(`missing argument to \`${name}'`);
        const id = this.execCount++;
        const dir = name === '-execdir';
        node = this.pred(name, (e) => host.exec(e, argv, { dir, batch, id }), true);
        break;
      }
      case '-delete':
        this.usesDelete = true;
        this.opts.depthFirst = true;
        node = this.pred(name, (e) => host.deleteEntry(e), true);
        break;
      case '-prune':
        node = this.pred(name, () => {
          if (!this.opts.depthFirst) host.prune();
          return true;
        });
        break;
      case '-quit':
        node = this.pred(name, () => {
          host.quit();
          return true;
        });
        break;
      default:
        this.fail(`unknown predicate \`${name}'`);
    }
    if (!isOption && name !== '-warn' && name !== '-nowarn' && name !== '-daystart' && this.seenNonOption === null) this.seenNonOption = name;
    return node;
  }

  private regexType = 'emacs';
  /** Look-ups that must happen before the walk (user names, -newer's file). */
  readonly pending: (() => Promise<void>)[] = [];
}

/** GNU find's default regex dialect (emacs) or POSIX ERE, matched against the whole path. */
function emacsRegex(pat: string, fold: boolean, type: string): RegExp {
  let src = '';
  const extended = type.includes('extended') || type.includes('egrep') || type.includes('awk');
  const basic = type === 'posix-basic' || type === 'grep' || type === 'sed' || type === 'posix-minimal-basic';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i]!;
    if (c === '\\' && i + 1 < pat.length) {
      const d = pat[++i]!;
      if (!extended && (d === '(' || d === ')' || d === '|' || d === '{' || d === '}')) src += d === '(' ? '(?:' : d;
      else if (basic && (d === '+' || d === '?')) src += d;
      else if (/[0-9]/.test(d)) src += `\\${d}`;
      else if (d === 'w') src += '[A-Za-z0-9_]';
      else if (d === 'W') src += '[^A-Za-z0-9_]';
      else src += `\\${d}`;
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      if (pat[j] === '^') j++;
      if (pat[j] === ']') j++;
      while (j < pat.length && pat[j] !== ']') {
        if (pat[j] === '[' && pat[j + 1] === ':') {
          const end = pat.indexOf(':]', j);
          j = end < 0 ? j + 1 : end + 2;
        } else j++;
      }
      const body = pat.slice(i + 1, j).replace(/\[:(\w+):\]/g, (_m, n: string) => ({ alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: '\\s', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f' } as Record<string, string>)[n] ?? '').replace(/\\/g, '\\\\');
      src += `[${body.startsWith('^') ? `^${body.slice(1).replace(/^\]/, '\\]')}` : body.replace(/^\]/, '\\]')}]`;
      i = j;
      continue;
    }
    if (!extended && (c === '(' || c === ')' || c === '|' || c === '{' || c === '}')) src += `\\${c}`;
    else if (basic && (c === '+' || c === '?')) src += `\\${c}`;
    else if (extended && c === '(') src += '(?:';
    else src += c;
  }
  try {
    return new RegExp(`^(?:${src})$`, `s${fold ? 'i' : ''}`);
  } catch {
    throw new FindUsageError(`Invalid regular expression: ${pat}`);
  }
}

/** -printf's format split into literal text and directives; warnings for what GNU warns about. */
export function compileFormat(fmt: string, warn: (w: string) => void): CompiledFormat {
  const parts: CompiledFormat['parts'] = [];
  let lit = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c === '\\') {
      const d = fmt[i + 1];
      if (d === undefined) {
        lit += '\\';
        continue;
      }
      i++;
      const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
      if (simple[d] !== undefined) lit += simple[d];
      else if (d === 'c') {
        parts.push(lit);
        lit = '';
        parts.push({ directive: 'STOP', flags: '', width: '', prec: '' });
        return { parts };
      } else if (/[0-7]/.test(d)) {
        let v = 0;
        let j = i;
        while (j < fmt.length && j < i + 3 && /[0-7]/.test(fmt[j]!)) v = v * 8 + Number(fmt[j++]);
        lit += String.fromCharCode(v & 255);
        i = j - 1;
      } else {
        warn(`warning: unrecognized escape \`\\${d}'`);
        lit += `\\${d}`;
      }
      continue;
    }
    if (c !== '%') {
      lit += c;
      continue;
    }
    const m = /^%([-+ #0]*)(\d*)(?:\.(\d*))?/.exec(fmt.slice(i))!;
    let j = i + m[0].length;
    const d = fmt[j];
    if (d === undefined) {
      lit += '%';
      break;
    }
    if (d === '%') {
      lit += '%';
      i = j;
      continue;
    }
    let directive = d;
    if ('ACT'.includes(d)) {
      const k = fmt[j + 1];
      if (k === undefined) {
        lit += fmt.slice(i);
        break;
      }
      directive = d + k;
      j++;
    } else if (!'abcdDfFgGhHiklmMnpPsStuUyYZ'.includes(d)) {
      warn(`warning: unrecognized format directive \`%${d}'`);
      lit += `%${d}`;
      i = j;
      continue;
    }
    if (lit) parts.push(lit);
    lit = '';
    parts.push({ directive, flags: m[1]!, width: m[2]!, prec: m[3] ?? '' });
    i = j;
  }
  if (lit) parts.push(lit);
  return { parts };
}
