// The pure half of building a stage: the variables in scope (base Env, ENV, ARG with build args
// and global ARGs), the image config that ENV/LABEL/USER/WORKDIR/CMD/ENTRYPOINT/SHELL/EXPOSE/
// VOLUME/STOPSIGNAL/HEALTHCHECK/ONBUILD/MAINTAINER produce, the argv and environment of a RUN,
// and the history entries in BuildKit's words (convert.go's commitToHistory). The builder adds
// the filesystem; everything here is deterministic and needs no kernel.

import { SIG } from '../../../abi/signals.ts';
import type { DockerContainerConfig, HealthConfig, HistoryEntry } from '../../oci/types.ts';
import { DockerfileError, LexError } from './errors.ts';
import { formatGoDuration, goList, goQuoteList, goQuoteRune } from './go-format.ts';
import type { ArgInstruction, CmdInstruction, CopyInstruction, EnvInstruction, Instruction, RunInstruction } from './instructions.ts';
import { chompHeredoc } from './parser.ts';
import { expandHeredocBody, expandWord, expandWords, type EnvLookup } from './shell-lex.ts';

export const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
export const DEFAULT_SHELL = ['/bin/sh', '-c'];
export const HISTORY_COMMENT = 'buildkit.dockerfile.v0';

export const PROXY_ARGS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'];

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

/** BuildKit's automatic platform ARGs for a build on and for `platform`. */
export function builtinArgs(platform: Platform = { os: 'linux', architecture: 'amd64' }, targetStage = ''): Map<string, string> {
  const p = `${platform.os}/${platform.architecture}${platform.variant ? '/' + platform.variant : ''}`;
  const m = new Map<string, string>();
  for (const side of ['TARGET', 'BUILD']) {
    m.set(`${side}PLATFORM`, p);
    m.set(`${side}OS`, platform.os);
    m.set(`${side}ARCH`, platform.architecture);
    m.set(`${side}VARIANT`, platform.variant ?? '');
  }
  m.set('TARGETSTAGE', targetStage);
  return m;
}

/** Rewraps a lexer error as a DockerfileError at the instruction's lines. */
export function atLine<T>(line: number, endLine: number, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof LexError) throw new DockerfileError(e.message, line, endLine, 'build');
    if (e instanceof DockerfileError && e.line === 0) throw e.at(line, endLine, 'build');
    throw e;
  }
}

/**
 * The global ARGs (before the first FROM), evaluated in order: a --build-arg replaces a
 * default, each default sees the globals before it. Unset globals are absent from the map but
 * listed in `declared`.
 */
export function evaluateGlobalArgs(args: readonly ArgInstruction[], buildArgs: ReadonlyMap<string, string>, builtins: ReadonlyMap<string, string> = builtinArgs()): { values: Map<string, string>; declared: Set<string> } {
  const values = new Map<string, string>();
  const declared = new Set<string>();
  const lookup: EnvLookup = (n) => values.get(n) ?? builtins.get(n);
  for (const instr of args) {
    atLine(instr.line, instr.endLine, () => {
      for (const a of instr.args) {
        const key = expandWord(a.key, lookup);
        declared.add(key);
        const b = buildArgs.get(key);
        if (b !== undefined) values.set(key, b);
        else if (a.value !== undefined) values.set(key, expandWord(a.value, lookup));
      }
    });
  }
  return { values, declared };
}

/** The image name of a FROM after substitution with global ARGs (and the builtin ones). */
export function expandFromImage(image: string, globals: ReadonlyMap<string, string>, line: number, builtins: ReadonlyMap<string, string> = builtinArgs()): string {
  const name = atLine(line, line, () => expandWord(image, (n) => globals.get(n) ?? builtins.get(n)));
  if (name === '') throw new DockerfileError(`base name (${image}) should not be blank`, line, line, 'build');
  return name;
}

export interface ArgValue {
  key: string;
  /** The value, or undefined when declared without one. */
  value: string | undefined;
  /** The default as written after substitution (what history shows). */
  shown?: string;
}

export interface BuildConfig extends DockerContainerConfig {
  Env: string[];
}

/** A copy of a base image's config with BuildKit's defaults applied (PATH, WorkingDir "/"). */
export function stageConfig(base: DockerContainerConfig | undefined): BuildConfig {
  const c: BuildConfig = JSON.parse(JSON.stringify(base ?? {}));
  c.Env = c.Env ?? [];
  if (!c.Env.some((e) => e.startsWith('PATH='))) c.Env = [DEFAULT_PATH, ...c.Env];
  if (c.WorkingDir === undefined || c.WorkingDir === '') c.WorkingDir = '/';
  return c;
}

export interface StageOptions {
  buildArgs: ReadonlyMap<string, string>;
  globals: ReadonlyMap<string, string>;
  builtins?: ReadonlyMap<string, string>;
  escape?: string;
  /** The clock for history entries (RFC 3339). */
  now?: () => string;
}

/**
 * One stage's build state: config, variables, ARGs in scope, history. `apply` takes a
 * config-only instruction; the filesystem instructions use the helpers and then `commit`.
 */
export class StageState {
  config: BuildConfig;
  author?: string;
  history: HistoryEntry[];
  /** ARGs declared in this stage (and inherited from a parent stage), in order. */
  args: ArgValue[] = [];
  /** Variables for substitution: Env, then ENV and ARG definitions, the most recent winning. */
  vars = new Map<string, string>();
  cmdSet = false;
  /** Build args some ARG consumed. */
  readonly consumed = new Set<string>();
  readonly opts: StageOptions;

  constructor(base: DockerContainerConfig | undefined, history: HistoryEntry[], opts: StageOptions, parent?: StageState) {
    this.opts = opts;
    this.config = stageConfig(base);
    this.history = history.map((h) => ({ ...h }));
    if (parent) {
      this.args = parent.args.map((a) => ({ ...a }));
      this.vars = new Map(parent.vars);
      this.author = parent.author;
    } else {
      for (const e of this.config.Env) {
        const eq = e.indexOf('=');
        if (eq > 0) this.vars.set(e.slice(0, eq), e.slice(eq + 1));
      }
    }
    // Triggers of the base run now (the builder does that) and are not inherited.
    this.onBuildTriggers = this.config.OnBuild ?? [];
    this.config.OnBuild = null;
  }

  /** The base image's or parent stage's ONBUILD triggers, to run right after FROM. */
  readonly onBuildTriggers: string[];

  get escape(): string {
    return this.opts.escape ?? '\\';
  }

  lookup: EnvLookup = (name) => this.vars.get(name);

  private now(): string {
    return this.opts.now ? this.opts.now() : new Date(0).toISOString().replace('.000Z', 'Z');
  }

  /** Appends a history entry; `layer` entries get BuildKit's " # buildkit" mark when `mark`. */
  addHistory(createdBy: string, layer: boolean, mark = layer): void {
    const h: HistoryEntry = { created: this.now(), created_by: mark ? `${createdBy} # buildkit` : createdBy, comment: HISTORY_COMMENT };
    if (!layer) h.empty_layer = true;
    this.history.push(h);
  }

  private word(text: string): string {
    return expandWord(text, this.lookup, this.escape);
  }

  /** One word substituted with the current variables, errors placed at `line`. */
  expandWordAt(text: string, line: number): string {
    return atLine(line, line, () => this.word(text));
  }

  private setEnv(key: string, value: string): void {
    const entry = `${key}=${value}`;
    const i = this.config.Env.findIndex((e) => e.slice(0, e.indexOf('=') < 0 ? e.length : e.indexOf('=')) === key);
    if (i >= 0) this.config.Env[i] = entry;
    else this.config.Env.push(entry);
    this.vars.set(key, value);
  }

  /** Applies a config-only instruction (everything except RUN, COPY, ADD and WORKDIR). */
  apply(instr: Instruction): void {
    atLine(instr.line, instr.endLine, () => this.applyInner(instr));
  }

  private applyInner(instr: Instruction): void {
    const c = this.config;
    switch (instr.kind) {
      case 'env': {
        const pairs = this.expandPairs(instr);
        for (const [k, v] of pairs) this.setEnv(k, v);
        this.addHistory('ENV ' + pairs.map(([k, v]) => `${k}=${v}`).join(' '), false);
        return;
      }
      case 'label': {
        const pairs = this.expandPairs(instr);
        c.Labels = { ...(c.Labels ?? {}) };
        for (const [k, v] of pairs) c.Labels[k] = v;
        this.addHistory('LABEL ' + pairs.map(([k, v]) => `${k}=${v}`).join(' '), false);
        return;
      }
      case 'arg': {
        const shown: string[] = [];
        for (const a of instr.args) {
          const key = this.word(a.key);
          const dflt = a.value !== undefined ? this.word(a.value) : undefined;
          shown.push(dflt !== undefined ? `${key}=${dflt}` : key);
          let value = this.opts.buildArgs.get(key);
          if (value !== undefined) this.consumed.add(key);
          else if (dflt !== undefined) value = dflt;
          else value = this.opts.globals.get(key) ?? (this.opts.builtins ?? builtinArgs()).get(key);
          const existing = this.args.findIndex((x) => x.key === key);
          const rec: ArgValue = { key, value, shown: dflt };
          if (existing >= 0) this.args[existing] = rec;
          else this.args.push(rec);
          if (value !== undefined) this.vars.set(key, value);
        }
        this.addHistory('ARG ' + shown.join(' '), false);
        return;
      }
      case 'user':
        c.User = this.word(instr.value);
        this.addHistory('USER ' + c.User, false);
        return;
      case 'stopsignal': {
        const sig = this.word(instr.value);
        validateSignal(sig);
        c.StopSignal = sig;
        this.addHistory('STOPSIGNAL ' + sig, false);
        return;
      }
      case 'maintainer':
        this.author = instr.value;
        this.addHistory('MAINTAINER ' + instr.value, false);
        return;
      case 'expose': {
        const ports: string[] = [];
        for (const p of instr.ports) for (const w of expandWords(p, this.lookup, this.escape)) ports.push(...parsePorts(w));
        c.ExposedPorts = { ...(c.ExposedPorts ?? {}) };
        for (const p of ports) c.ExposedPorts[p] = {};
        const set = [...new Set(ports)].sort(comparePortKeys);
        this.addHistory(`EXPOSE map[${set.map((p) => `${p}:{}`).join(' ')}]`, false);
        return;
      }
      case 'volume': {
        const paths = instr.paths.map((p) => this.word(p));
        for (const p of paths) if (p === '') throw new LexError('VOLUME specified can not be an empty string');
        c.Volumes = { ...(c.Volumes ?? {}) };
        for (const p of paths) c.Volumes[p] = {};
        this.addHistory('VOLUME ' + goList(paths), false);
        return;
      }
      case 'cmd': {
        const argv = this.commandArgv(instr);
        c.Cmd = argv;
        c.ArgsEscaped = true;
        this.cmdSet = true;
        this.addHistory('CMD ' + goQuoteList(argv), false);
        return;
      }
      case 'entrypoint': {
        const argv = this.commandArgv(instr);
        c.Entrypoint = instr.json && argv.length === 0 ? null : argv;
        if (!this.cmdSet) c.Cmd = null;
        c.ArgsEscaped = true;
        this.addHistory('ENTRYPOINT ' + goQuoteList(argv), false);
        return;
      }
      case 'shell':
        c.Shell = [...instr.shell];
        this.addHistory('SHELL ' + goList(instr.shell), false);
        return;
      case 'healthcheck': {
        const h: HealthConfig = { ...instr.health };
        c.Healthcheck = h;
        this.addHistory('HEALTHCHECK ' + healthcheckString(h), false);
        return;
      }
      case 'onbuild':
        c.OnBuild = [...(c.OnBuild ?? []), instr.expression];
        return;
      default:
        throw new Error(`${instr.kind} changes the filesystem: the builder runs it`);
    }
  }

  private expandPairs(instr: EnvInstruction): Array<[string, string]> {
    return instr.pairs.map((p) => [this.word(p.key), this.word(p.value)]);
  }

  /** The shell prefix for shell forms: SHELL, or /bin/sh -c. */
  get shell(): string[] {
    return this.config.Shell && this.config.Shell.length > 0 ? this.config.Shell : DEFAULT_SHELL;
  }

  /** CMD/ENTRYPOINT argv as stored: exec form as is, shell form wrapped. */
  commandArgv(instr: CmdInstruction): string[] {
    if (instr.json) return [...instr.args];
    return [...this.shell, instr.args[0] ?? ''];
  }

  /** The argv of a RUN, heredoc cases included (reference 1.5). */
  runArgv(instr: RunInstruction): { argv: string[]; script?: { name: string; data: string } } {
    if (instr.json) return { argv: [...instr.args] };
    const cmdline = instr.args[0] ?? '';
    const docs = instr.heredocs;
    if (docs.length === 1 && /^\d*<<-?/.test(cmdline.trim()) && cmdline.trim().split(/\s+/).length === 1) {
      const body = docs[0]!.chomp ? chompHeredoc(docs[0]!.content) : docs[0]!.content;
      if (body.startsWith('#!')) return { argv: [`/dev/pipes/${docs[0]!.name}`], script: { name: docs[0]!.name, data: body } };
      return { argv: [...this.shell, body] };
    }
    if (docs.length > 0) {
      let text = cmdline;
      for (const d of docs) text += '\n' + d.content + d.name;
      return { argv: [...this.shell, text] };
    }
    return { argv: [...this.shell, cmdline] };
  }

  /** RUN's environment: the config Env with the ARGs in scope (and undeclared proxy args). */
  runEnv(): string[] {
    const env = [...this.config.Env];
    const set = (k: string, v: string): void => {
      const i = env.findIndex((e) => e.startsWith(k + '='));
      if (i >= 0) env[i] = `${k}=${v}`;
      else env.push(`${k}=${v}`);
    };
    for (const a of this.args) if (a.value !== undefined) set(a.key, a.value);
    for (const p of PROXY_ARGS) {
      const v = this.opts.buildArgs.get(p);
      if (v !== undefined && !this.args.some((a) => a.key === p)) set(p, v);
    }
    return env;
  }

  /** `RUN |2 A=1 B=2 /bin/sh -c cmd` (without the " # buildkit" mark). */
  runHistory(argv: readonly string[]): string {
    const parts: string[] = [];
    const seen = new Map<string, number>();
    for (const a of this.args) {
      const v = this.vars.get(a.key) ?? a.value ?? '';
      const s = `${a.key}=${v}`;
      const i = seen.get(a.key);
      if (i !== undefined) parts[i] = s;
      else {
        seen.set(a.key, parts.length);
        parts.push(s);
      }
    }
    const prefix = parts.length > 0 ? [`|${parts.length}`, ...parts] : [];
    return 'RUN ' + [...prefix, ...argv].join(' ');
  }

  /** WORKDIR's new path (relative to the current one, cleaned); sets the config. */
  workdir(path: string, line: number, endLine = line): string {
    const p = atLine(line, endLine, () => this.word(path));
    const wd = resolveWorkdir(this.config.WorkingDir ?? '/', p);
    this.config.WorkingDir = wd;
    return wd;
  }

  /** COPY/ADD with sources, destination, --chown, --chmod and inline bodies substituted. */
  expandCopy(instr: CopyInstruction): ExpandedCopy {
    return atLine(instr.line, instr.endLine, () => {
      const sources = instr.sources.map((s) => this.word(s));
      const dest = this.word(instr.dest);
      const inline = instr.inline.map((h) => ({ path: h.path, data: h.expand ? expandHeredocBody(h.data, this.lookup) : h.data }));
      const chown = instr.chown !== undefined ? this.word(instr.chown) : undefined;
      const chmod = instr.chmod !== undefined ? this.word(instr.chmod) : undefined;
      if (chmod !== undefined) parseChmod(chmod);
      const out: ExpandedCopy = { kind: instr.kind, sources, inline, dest, chown, chmod, from: instr.from };
      return out;
    });
  }

  /** `COPY a b /dst` / `ADD index.php /var/www/html` (without the mark). */
  copyHistory(c: ExpandedCopy): string {
    let s = c.kind === 'add' ? 'ADD' : 'COPY';
    for (const src of c.sources) s += ' ' + src;
    for (const h of c.inline) s += ' <<' + h.path;
    return s + ' ' + c.dest;
  }

  /** Build args given on the command line that no ARG consumed (BuildKit warns about them). */
  unconsumed(all: Iterable<StageState>): string[] {
    const used = new Set<string>();
    for (const s of all) for (const k of s.consumed) used.add(k);
    return [...this.opts.buildArgs.keys()].filter((k) => !used.has(k) && !PROXY_ARGS.includes(k) && !this.opts.globals.has(k));
  }
}

export interface ExpandedCopy {
  kind: 'copy' | 'add';
  sources: string[];
  inline: Array<{ path: string; data: string }>;
  dest: string;
  chown?: string;
  chmod?: string;
  from?: string;
}

/** WORKDIR resolution: relative to the previous one, cleaned, always absolute. */
export function resolveWorkdir(current: string, path: string): string {
  const joined = path.startsWith('/') ? path : `${current}/${path}`;
  const out: string[] = [];
  for (const c of joined.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') out.pop();
    else out.push(c);
  }
  return '/' + out.join('/');
}

const PROTOS = new Set(['tcp', 'udp', 'sctp']);

function comparePortKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One EXPOSE word as port keys ("80" -> ["80/tcp"], "8000-8002/udp" -> three). */
export function parsePorts(word: string): string[] {
  const slash = word.indexOf('/');
  const portPart = slash < 0 ? word : word.slice(0, slash);
  const proto = (slash < 0 ? 'tcp' : word.slice(slash + 1)).toLowerCase();
  if (!PROTOS.has(proto)) throw new LexError(`invalid proto: ${proto}`);
  const m = /^(\d+)(?:-(\d+))?$/.exec(portPart);
  const bad = (): LexError => new LexError(`invalid containerPort: ${portPart}`);
  if (!m) throw bad();
  const lo = Number(m[1]);
  const hi = m[2] !== undefined ? Number(m[2]) : lo;
  if (lo > 65535 || hi > 65535 || hi < lo) throw bad();
  const out: string[] = [];
  for (let p = lo; p <= hi; p++) out.push(`${p}/${proto}`);
  return out;
}

const SIGNAL_ALIASES: Record<string, number> = { IOT: 6, CLD: 17, POLL: 29, UNUSED: 31, RTMIN: 34, RTMAX: 64 };

/** STOPSIGNAL validation (moby's signal.ParseSignal). */
export function validateSignal(sig: string): number {
  if (/^\d+$/.test(sig)) {
    const n = Number(sig);
    if (n === 0 || n > 64) throw new LexError(`invalid signal: ${sig}`);
    return n;
  }
  const name = sig.toUpperCase().replace(/^SIG/, '');
  const n = (SIG as Record<string, number>)[`SIG${name}`] ?? SIGNAL_ALIASES[name];
  if (n === undefined) {
    const rt = /^RTMIN\+(\d+)$/.exec(name) ?? /^RTMAX-(\d+)$/.exec(name);
    if (rt && Number(rt[1]) <= 30) return name.startsWith('RTMIN') ? 34 + Number(rt[1]) : 64 - Number(rt[1]);
    throw new LexError(`invalid signal: ${sig}`);
  }
  return n;
}

export type ChmodSpec = { octal: number } | { symbolic: string };

/** COPY/ADD --chmod: octal up to 07777, or a symbolic mode such as u=rwX,go=rX. */
export function parseChmod(s: string): ChmodSpec {
  if (/^[0-7]+$/.test(s)) {
    const n = parseInt(s, 8);
    if (n <= 0o7777) return { octal: n };
  } else if (/^([ugoa]*([-+=]([rwxXst]*|[ugo]))+)(,[ugoa]*([-+=]([rwxXst]*|[ugo]))+)*$/.test(s)) {
    return { symbolic: s };
  }
  throw new LexError(`invalid chmod parameter: '${s}'. it should be octal string and between 0 and 07777`);
}

/** Applies a --chmod to a file's mode (symbolic forms as chmod(1) reads them, umask 0). */
export function applyChmod(spec: ChmodSpec, mode: number, isDir: boolean): number {
  if ('octal' in spec) return spec.octal;
  let m = mode & 0o7777;
  for (const clause of spec.symbolic.split(',')) {
    const cm = /^([ugoa]*)(.*)$/.exec(clause)!;
    let who = cm[1]!.replace(/a/g, 'ugo');
    if (who === '') who = 'ugo';
    const ops = cm[2]!.match(/[-+=][^-+=]*/g) ?? [];
    for (const op of ops) {
      const o = op[0]!;
      const perms = op.slice(1);
      let bits = 0;
      const mask = (who.includes('u') ? 0o4700 : 0) | (who.includes('g') ? 0o2070 : 0) | (who.includes('o') ? 0o1007 : 0);
      for (const p of perms) {
        if (p === 'r') bits |= 0o444;
        else if (p === 'w') bits |= 0o222;
        else if (p === 'x') bits |= 0o111;
        else if (p === 'X') {
          if (isDir || (m & 0o111) !== 0) bits |= 0o111;
        } else if (p === 's') bits |= 0o6000;
        else if (p === 't') bits |= 0o1000;
        else if (p === 'u' || p === 'g' || p === 'o') {
          const shift = p === 'u' ? 6 : p === 'g' ? 3 : 0;
          const v = (m >> shift) & 7;
          bits |= (v << 6) | (v << 3) | v;
        }
      }
      bits &= mask;
      if (o === '+') m |= bits;
      else if (o === '-') m &= ~bits;
      else m = (m & ~(mask & 0o777)) | bits;
    }
  }
  return m;
}

/** HEALTHCHECK's history text: Go's %q of a *HealthcheckConfig. */
export function healthcheckString(h: HealthConfig): string {
  const d = (n: number | undefined): string => `"${formatGoDuration(n ?? 0)}"`;
  return `&{${goQuoteList(h.Test ?? [])} ${d(h.Interval)} ${d(h.Timeout)} ${d(h.StartPeriod)} ${d(h.StartInterval)} ${goQuoteRune(h.Retries ?? 0)}}`;
}

/** The container argv an image config gives: Entrypoint ++ Cmd (reference 4.3). */
export function effectiveCommand(c: DockerContainerConfig): string[] {
  return [...(c.Entrypoint ?? []), ...(c.Cmd ?? [])];
}
