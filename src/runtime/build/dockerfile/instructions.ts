// Phase 2 of the Dockerfile frontend (BuildKit's frontend/dockerfile/instructions): each parsed
// node becomes a typed instruction (flags and argument counts validated), and the instructions
// are grouped into stages, with the ARGs before the first FROM kept apart as global ARGs.
// Still no substitution and no filesystem: errors here are the ones `docker build` gives
// before anything runs.

import { DockerfileError } from './errors.ts';
import { parseFlags, suggest, type FlagSpec, type ParsedFlags } from './flags.ts';
import { formatGoDuration, parseGoDuration } from './go-format.ts';
import { chompHeredoc, parseDockerfile, parseHeredoc, type Directive, type Heredoc, type Node, type Warning } from './parser.ts';

interface Base {
  line: number;
  endLine: number;
  /** The logical line as written (continuations joined): what progress output shows. */
  original: string;
}

export interface RunInstruction extends Base {
  kind: 'run';
  /** Exec form: the argv. Shell form: one element, the command text. */
  args: string[];
  json: boolean;
  heredocs: Heredoc[];
  mounts: string[];
  network?: string;
  security?: string;
}
export interface CmdInstruction extends Base {
  kind: 'cmd' | 'entrypoint';
  args: string[];
  json: boolean;
}
export interface ShellInstruction extends Base {
  kind: 'shell';
  shell: string[];
}
export interface KeyValue {
  key: string;
  value: string;
}
export interface EnvInstruction extends Base {
  kind: 'env' | 'label';
  /** Raw (unsubstituted, quotes kept) pairs. */
  pairs: KeyValue[];
  legacy: boolean;
}
export interface ArgDecl {
  key: string;
  value?: string;
}
export interface ArgInstruction extends Base {
  kind: 'arg';
  args: ArgDecl[];
}
export interface ExposeInstruction extends Base {
  kind: 'expose';
  ports: string[];
}
export interface VolumeInstruction extends Base {
  kind: 'volume';
  paths: string[];
}
export interface OneWordInstruction extends Base {
  kind: 'workdir' | 'user' | 'stopsignal' | 'maintainer';
  value: string;
}
export interface HealthConfig {
  Test: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}
export interface HealthcheckInstruction extends Base {
  kind: 'healthcheck';
  health: HealthConfig;
}
export interface OnbuildInstruction extends Base {
  kind: 'onbuild';
  /** The trigger as written, without `ONBUILD ` (heredoc bodies appended). */
  expression: string;
}
export interface InlineSource {
  path: string;
  data: string;
  expand: boolean;
}
export interface CopyInstruction extends Base {
  kind: 'copy' | 'add';
  sources: string[];
  inline: InlineSource[];
  dest: string;
  from?: string;
  chown?: string;
  chmod?: string;
  link: boolean;
  parents: boolean;
  excludes: string[];
  checksum?: string;
  keepGitDir?: boolean;
  unpack?: boolean;
}

export type Instruction =
  | RunInstruction
  | CmdInstruction
  | ShellInstruction
  | EnvInstruction
  | ArgInstruction
  | ExposeInstruction
  | VolumeInstruction
  | OneWordInstruction
  | HealthcheckInstruction
  | OnbuildInstruction
  | CopyInstruction;

export interface FromInstruction extends Base {
  kind: 'from';
  /** The image name as written (substituted later with global ARGs). */
  image: string;
  /** The stage name in lower case, or "". */
  name: string;
  platform?: string;
}

export interface Stage {
  index: number;
  from: FromInstruction;
  /** Lower-case name, or "" for an unnamed stage. */
  name: string;
  commands: Instruction[];
}

export interface Dockerfile {
  stages: Stage[];
  /** ARG instructions before the first FROM. */
  globalArgs: ArgInstruction[];
  directives: Directive[];
  escape: string;
  warnings: Warning[];
}

export const INSTRUCTIONS = ['add', 'arg', 'cmd', 'copy', 'entrypoint', 'env', 'expose', 'from', 'healthcheck', 'label', 'maintainer', 'onbuild', 'run', 'shell', 'stopsignal', 'user', 'volume', 'workdir'];

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

const FLAGS: Record<string, FlagSpec> = {
  from: { platform: 'string' },
  run: { mount: 'strings', network: 'string', security: 'string', device: 'strings' },
  copy: { from: 'string', chown: 'string', chmod: 'string', link: 'bool', parents: 'bool', exclude: 'strings' },
  add: { chown: 'string', chmod: 'string', link: 'bool', 'keep-git-dir': 'bool', checksum: 'string', unpack: 'bool', exclude: 'strings' },
  healthcheck: { interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string' },
};

function fail(msg: string): never {
  throw new DockerfileError(msg, 0, 0, 'validate');
}

const exactlyOne = (k: string): never => fail(`${k.toUpperCase()} requires exactly one argument`);
const atLeastOne = (k: string): never => fail(`${k.toUpperCase()} requires at least one argument`);

function flagsOf(node: Node): ParsedFlags {
  return parseFlags(node.flags, FLAGS[node.keyword] ?? {});
}

function base(node: Node): Base {
  return { line: node.line, endLine: node.endLine, original: node.original };
}

function healthDuration(flags: ParsedFlags, name: string): number | undefined {
  const v = flags.strings.get(name);
  if (v === undefined || v === '') return 0;
  let d: number;
  try {
    d = parseGoDuration(v);
  } catch (e) {
    return fail((e as Error).message);
  }
  if (d === 0) return 0;
  if (d < 1e6) fail(`Interval "${name}" cannot be less than ${formatGoDuration(1e6)}`);
  return d;
}

/** The typed instruction for one node (FROM gives a FromInstruction). */
export function parseInstruction(node: Node): Instruction | FromInstruction {
  try {
    return parseInstructionInner(node);
  } catch (e) {
    if (e instanceof DockerfileError && e.line === 0) throw e.at(node.line, node.endLine, e.phase === 'parse' ? 'validate' : e.phase);
    throw e;
  }
}

function parseInstructionInner(node: Node): Instruction | FromInstruction {
  const k = node.keyword;
  const args = node.args;
  const b = base(node);
  switch (k) {
    case 'from': {
      let name = '';
      if (args.length === 3 && args[1]!.toLowerCase() === 'as') {
        name = args[2]!.toLowerCase();
        if (!STAGE_NAME.test(name)) fail(`invalid name for build stage: "${args[2]}", name can't start with a number or contain symbols`);
      } else if (args.length !== 1) {
        fail('FROM requires either one or three arguments');
      }
      const f = flagsOf(node);
      return { kind: 'from', ...b, image: args[0]!, name, platform: f.strings.get('platform') };
    }
    case 'run': {
      const f = flagsOf(node);
      return { kind: 'run', ...b, args, json: node.json, heredocs: node.heredocs, mounts: f.lists.get('mount') ?? [], network: f.strings.get('network'), security: f.strings.get('security') };
    }
    case 'cmd':
    case 'entrypoint':
      flagsOf(node);
      return { kind: k, ...b, args, json: node.json };
    case 'shell':
      flagsOf(node);
      if (args.length === 0) atLeastOne(k);
      if (!node.json) fail('SHELL requires the arguments to be in JSON form');
      return { kind: 'shell', ...b, shell: args };
    case 'env':
    case 'label': {
      if (args.length === 0) atLeastOne(k);
      flagsOf(node);
      const pairs: KeyValue[] = [];
      for (let i = 0; i < args.length; i += 2) {
        if (args[i] === '') fail(`${k.toUpperCase()} names can not be blank`);
        pairs.push({ key: args[i]!, value: args[i + 1]! });
      }
      return { kind: k, ...b, pairs, legacy: node.legacy === true };
    }
    case 'arg': {
      if (args.length === 0) atLeastOne(k);
      flagsOf(node);
      const decls: ArgDecl[] = args.map((a) => {
        const eq = a.indexOf('=');
        if (eq < 0) return { key: a };
        if (eq === 0) fail('ARG names can not be blank');
        return { key: a.slice(0, eq), value: a.slice(eq + 1) };
      });
      return { kind: 'arg', ...b, args: decls };
    }
    case 'expose':
      if (args.length === 0) atLeastOne(k);
      flagsOf(node);
      return { kind: 'expose', ...b, ports: args };
    case 'volume':
      if (args.length === 0) atLeastOne(k);
      flagsOf(node);
      for (const v of args) if (v.trim() === '') fail('VOLUME specified can not be an empty string');
      return { kind: 'volume', ...b, paths: args.map((v) => v.trim()) };
    case 'workdir':
    case 'user':
    case 'stopsignal':
    case 'maintainer':
      if (args.length !== 1) exactlyOne(k);
      flagsOf(node);
      return { kind: k, ...b, value: args[0]! };
    case 'healthcheck':
      return parseHealthcheck(node, b);
    case 'onbuild': {
      if (!node.sub) atLeastOne(k);
      flagsOf(node);
      const trigger = node.sub!.keyword.toUpperCase();
      if (trigger === 'ONBUILD') fail('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
      if (trigger === 'MAINTAINER' || trigger === 'FROM') fail(`${trigger} isn't allowed as an ONBUILD trigger`);
      parseInstructionInner(node.sub!);
      let expression = node.original.replace(/^\s*ONBUILD\s*/i, '');
      for (const h of node.heredocs) expression += '\n' + h.content + h.name;
      return { kind: 'onbuild', ...b, expression };
    }
    case 'copy':
    case 'add':
      return parseCopy(node, b);
    default: {
      const hint = suggest(node.keywordRaw, INSTRUCTIONS);
      return fail(`unknown instruction: ${node.keywordRaw.toUpperCase()}${hint ? ` (did you mean ${hint.toUpperCase()}?)` : ''}`);
    }
  }
}

function parseHealthcheck(node: Node, b: Base): HealthcheckInstruction {
  const args = node.args;
  if (args.length === 0) atLeastOne('healthcheck');
  let typ = args[0]!.toUpperCase();
  const rest = args.slice(1);
  if (typ === 'NONE') {
    if (rest.length !== 0) fail('HEALTHCHECK NONE takes no arguments');
    return { kind: 'healthcheck', ...b, health: { Test: ['NONE'] } };
  }
  const f = flagsOf(node);
  if (typ !== 'CMD') fail(`Unknown type "${typ}" in HEALTHCHECK (try CMD)`);
  if (rest.length === 0) fail('Missing command after HEALTHCHECK CMD');
  if (!node.json) typ = 'CMD-SHELL';
  const health: HealthConfig = { Test: [typ, ...rest] };
  health.Interval = healthDuration(f, 'interval');
  health.Timeout = healthDuration(f, 'timeout');
  health.StartPeriod = healthDuration(f, 'start-period');
  health.StartInterval = healthDuration(f, 'start-interval');
  const r = f.strings.get('retries');
  if (r !== undefined && r !== '') {
    if (!/^[+-]?\d+$/.test(r)) fail(`strconv.ParseInt: parsing "${r}": invalid syntax`);
    const n = Number(r);
    if (n < 0) fail(`--retries cannot be negative (${n})`);
    health.Retries = n;
  } else {
    health.Retries = 0;
  }
  return { kind: 'healthcheck', ...b, health };
}

function parseCopy(node: Node, b: Base): CopyInstruction {
  const k = node.keyword as 'copy' | 'add';
  const K = k.toUpperCase();
  if (node.args.length < 2) fail(`${K} requires at least two arguments, but only one was provided. Destination could not be determined`);
  const f = flagsOf(node);
  const srcs = node.args.slice(0, -1);
  const dest = node.args[node.args.length - 1]!;
  if (parseHeredoc(dest)) fail(`${K} cannot accept a heredoc as a destination`);
  const docs = new Map(node.heredocs.map((h) => [h.name, h]));
  const sources: string[] = [];
  const inline: InlineSource[] = [];
  for (const s of srcs) {
    const h = parseHeredoc(s);
    if (h) {
      const content = docs.get(h.name)?.content ?? '';
      inline.push({ path: h.name, data: h.chomp ? chompHeredoc(content) : content, expand: h.expand });
    } else {
      sources.push(s);
    }
  }
  const out: CopyInstruction = {
    kind: k,
    ...b,
    sources,
    inline,
    dest,
    chown: f.strings.get('chown'),
    chmod: f.strings.get('chmod'),
    link: f.bools.get('link') ?? false,
    parents: f.bools.get('parents') ?? false,
    excludes: f.lists.get('exclude') ?? [],
  };
  if (k === 'copy') {
    out.from = f.strings.get('from');
  } else {
    out.checksum = f.strings.get('checksum');
    out.keepGitDir = f.bools.get('keep-git-dir');
    out.unpack = f.bools.get('unpack');
  }
  return out;
}

/** Parses and validates a whole Dockerfile into global ARGs and stages. */
export function parseStages(text: string | Uint8Array): Dockerfile {
  const parsed = parseDockerfile(text);
  const stages: Stage[] = [];
  const globalArgs: ArgInstruction[] = [];
  for (const node of parsed.nodes) {
    const instr = parseInstruction(node);
    if (stages.length === 0 && instr.kind === 'arg') {
      globalArgs.push(instr);
      continue;
    }
    if (instr.kind === 'from') {
      stages.push({ index: stages.length, from: instr, name: instr.name, commands: [] });
      continue;
    }
    const cur = stages[stages.length - 1];
    if (!cur) throw new DockerfileError('no build stage in current context', node.line, node.endLine, 'stage');
    cur.commands.push(instr);
  }
  if (stages.length === 0) throw new DockerfileError('dockerfile contains no stages to build', 0, 0, 'stage');
  return { stages, globalArgs, directives: parsed.directives, escape: parsed.escape, warnings: parsed.warnings };
}

/** BuildKit's name for a stage in progress output: its name, or "stage-N". */
export function stageDisplayName(stage: Stage): string {
  return stage.name || `stage-${stage.index}`;
}

/** Finds a stage by name (case-insensitive) among those defined before `before`. */
export function findStage(df: Dockerfile, name: string, before = df.stages.length): Stage | null {
  const n = name.toLowerCase();
  let found: Stage | null = null;
  for (const s of df.stages.slice(0, before)) if (s.name !== '' && s.name === n) found = s;
  return found;
}

/** The stage `--target` names (or the last one); throws BuildKit's error for an unknown name. */
export function targetStage(df: Dockerfile, target?: string): Stage {
  if (target === undefined || target === '') return df.stages[df.stages.length - 1]!;
  const s = findStage(df, target);
  if (!s) {
    const hint = suggest(target, df.stages.map((x) => x.name).filter((x) => x !== ''));
    throw new DockerfileError(`target stage "${target}" could not be found${hint ? ` (did you mean ${hint}?)` : ''}`, 0, 0, 'build');
  }
  return s;
}

export type FromSource = { kind: 'stage'; stage: Stage } | { kind: 'image'; ref: string };

/** What `COPY --from=<value>` in stage `current` names, with BuildKit's errors. */
export function resolveCopyFrom(df: Dockerfile, current: Stage, value: string, line: number): FromSource {
  if (/[$'"]/.test(value)) throw new DockerfileError('variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround', line, line, 'build');
  let stage: Stage | null = null;
  if (/^\d+$/.test(value)) {
    const n = Number(value);
    if (n >= df.stages.length) throw new DockerfileError(`invalid stage index ${n}`, line, line, 'build');
    stage = df.stages[n]!;
  } else {
    const n = value.toLowerCase();
    for (const s of df.stages) if (s.name === n) stage = s;
  }
  if (!stage) return { kind: 'image', ref: value };
  if (stage.index === current.index) throw new DockerfileError(`circular dependency detected on stage: ${stageDisplayName(stage)}`, line, line, 'build');
  if (stage.index > current.index) {
    throw new DockerfileError(`cannot copy from stage "${stageDisplayName(stage)}", it needs to be defined before current stage "${stageDisplayName(current)}"`, line, line, 'build');
  }
  return { kind: 'stage', stage };
}

/** The stages a target needs (its FROM chain and COPY --from sources), in file order. */
export function neededStages(df: Dockerfile, target: Stage): Stage[] {
  const need = new Set<number>();
  const visit = (s: Stage): void => {
    if (need.has(s.index)) return;
    need.add(s.index);
    const parent = findStage(df, s.from.image, s.index);
    if (parent) visit(parent);
    for (const c of s.commands) {
      if (c.kind === 'copy' && c.from !== undefined) {
        const src = resolveCopyFrom(df, s, c.from, c.line);
        if (src.kind === 'stage') visit(src.stage);
      }
    }
  };
  visit(target);
  return df.stages.filter((s) => need.has(s.index));
}
