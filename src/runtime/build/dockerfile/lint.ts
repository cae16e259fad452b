// BuildKit's Dockerfile lint rules that need no filesystem (frontend/dockerfile/linter), as
// `docker build` lists them after a build: " N warnings found (use docker --debug to expand):"
// then " - Rule: message (line N)". Only the rules whose words are certain are here.

import type { Dockerfile, Instruction, Stage } from './instructions.ts';

export interface LintWarning {
  rule: string;
  message: string;
  line: number;
}

const keywordOf = (original: string): string => /^\S*/.exec(original)![0];

function stageRules(stage: Stage, out: LintWarning[]): void {
  const f = stage.from;
  const words = f.original.split(/\s+/);
  const asWord = words.find((w, i) => i > 1 && w.toLowerCase() === 'as' && i === words.length - 2);
  const fromWord = keywordOf(f.original);
  if (asWord) {
    const rawName = words[words.length - 1]!;
    if (rawName !== rawName.toLowerCase()) out.push({ rule: 'StageNameCasing', message: `Stage name '${rawName}' should be lowercase`, line: f.line });
    const upper = (s: string): boolean => s === s.toUpperCase();
    const lower = (s: string): boolean => s === s.toLowerCase();
    if ((upper(fromWord) && !upper(asWord)) || (lower(fromWord) && !lower(asWord))) {
      out.push({ rule: 'FromAsCasing', message: "'as' and 'FROM' keywords' casing do not match", line: f.line });
    }
  }
  let shellSet = false;
  let absoluteWorkdir = false;
  for (const c of stage.commands as Instruction[]) {
    switch (c.kind) {
      case 'shell':
        shellSet = true;
        break;
      case 'cmd':
      case 'entrypoint':
        if (!c.json && !shellSet) out.push({ rule: 'JSONArgsRecommended', message: `JSON arguments recommended for ${c.kind.toUpperCase()} to prevent unintended behavior related to OS signals`, line: c.line });
        break;
      case 'env':
      case 'label':
        if (c.kind === 'env') for (const p of c.pairs) secretRule('ENV', p.key, c.line, out);
        if (c.legacy) out.push({ rule: 'LegacyKeyValueFormat', message: `"${c.kind.toUpperCase()} key=value" should be used instead of legacy "${c.kind.toUpperCase()} key value" format`, line: c.line });
        break;
      case 'arg':
        for (const a of c.args) secretRule('ARG', a.key, c.line, out);
        break;
      case 'maintainer':
        out.push({ rule: 'MaintainerDeprecated', message: 'Maintainer instruction is deprecated in favor of using label', line: c.line });
        break;
      case 'workdir':
        if (c.value.startsWith('/') || c.value.startsWith('$')) absoluteWorkdir = true;
        else if (!absoluteWorkdir) out.push({ rule: 'WorkdirRelativePath', message: `Relative workdir "${c.value}" can have unexpected results if the base image changes`, line: c.line });
        break;
      default:
        break;
    }
  }
}

const SECRET = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const NOT_SECRET = /(?:_|^)(?:public|file|multi|path)(?:_|$)/i;

function secretRule(kind: string, key: string, line: number, out: LintWarning[]): void {
  if (SECRET.test(key) && !NOT_SECRET.test(key)) out.push({ rule: 'SecretsUsedInArgOrEnv', message: `Do not use ARG or ENV instructions for sensitive data (${kind} "${key}")`, line });
}

/** The warnings of a parsed Dockerfile, in line order. */
export function lintDockerfile(df: Dockerfile): LintWarning[] {
  const out: LintWarning[] = [];
  const globals = new Set(df.globalArgs.flatMap((a) => a.args.map((x) => x.key)));
  const builtin = /^(TARGET|BUILD)(PLATFORM|OS|ARCH|VARIANT)$|^TARGETSTAGE$/;
  for (const a of df.globalArgs) for (const x of a.args) secretRule('ARG', x.key, a.line, out);
  for (const s of df.stages) {
    for (const m of s.from.image.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
      if (!globals.has(m[1]!) && !builtin.test(m[1]!)) out.push({ rule: 'UndefinedArgInFrom', message: `FROM argument '${m[1]}' is not declared`, line: s.from.line });
    }
  }
  for (const w of df.warnings) if (w.message.startsWith('Empty continuation line')) out.push({ rule: 'NoEmptyContinuation', message: 'Empty continuation line', line: w.line });
  const seen = new Set<string>();
  for (const s of df.stages) {
    if (s.name) {
      if (s.name === 'scratch' || s.name === 'context') out.push({ rule: 'ReservedStageName', message: `'${s.name}' is reserved and should not be used as a stage name`, line: s.from.line });
      if (seen.has(s.name)) out.push({ rule: 'DuplicateStageName', message: `Duplicate stage name "${s.name}", stage names should be unique`, line: s.from.line });
      seen.add(s.name);
    }
    stageRules(s, out);
  }
  return out.sort((a, b) => a.line - b.line);
}

/** The block `docker build` prints after the progress. */
export function formatWarnings(warnings: readonly LintWarning[]): string {
  if (warnings.length === 0) return '';
  const n = warnings.length;
  let out = `\n ${n} warning${n === 1 ? '' : 's'} found (use docker --debug to expand):\n`;
  for (const w of warnings) out += ` - ${w.rule}: ${w.message} (line ${w.line})\n`;
  return out;
}
