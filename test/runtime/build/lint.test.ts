// The lint warnings `docker build` lists after a build (rules that need no filesystem).
import { describe, expect, it } from 'vitest';
import { formatWarnings, lintDockerfile, parseStages } from '../../../src/runtime/build/dockerfile/index.ts';

describe('lint', () => {
  it('finds the rules with their lines and prints them as buildx does', () => {
    const df = parseStages('FROM alpine as Build\nENV A 1\nMAINTAINER me\nWORKDIR app\nRUN a \\\n\n  b\nCMD php-fpm & httpd\nFROM build AS scratch\nSHELL ["/bin/bash","-c"]\nENTRYPOINT run\n');
    const w = lintDockerfile(df);
    expect(w.map((x) => `${x.rule}@${x.line}`)).toEqual([
      'StageNameCasing@1',
      'FromAsCasing@1',
      'LegacyKeyValueFormat@2',
      'MaintainerDeprecated@3',
      'WorkdirRelativePath@4',
      'NoEmptyContinuation@5',
      'JSONArgsRecommended@8',
      'ReservedStageName@9',
    ]);
    expect(formatWarnings(w.slice(6))).toBe('\n 2 warnings found (use docker --debug to expand):\n - JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 8)\n - ReservedStageName: \'scratch\' is reserved and should not be used as a stage name (line 9)\n');
    expect(formatWarnings([])).toBe('');
  });
  it('secrets in ARG/ENV and undeclared FROM arguments', () => {
    const w = lintDockerfile(parseStages('ARG DB_PASSWORD\nFROM alpine:$VERSION\nENV API_KEY=x PUBLIC_KEY=y\nARG GITHUB_TOKEN\n'));
    expect(w.map((x) => `${x.rule}: ${x.message} (line ${x.line})`)).toEqual([
      'SecretsUsedInArgOrEnv: Do not use ARG or ENV instructions for sensitive data (ARG "DB_PASSWORD") (line 1)',
      "UndefinedArgInFrom: FROM argument 'VERSION' is not declared (line 2)",
      'SecretsUsedInArgOrEnv: Do not use ARG or ENV instructions for sensitive data (ENV "API_KEY") (line 3)',
      'SecretsUsedInArgOrEnv: Do not use ARG or ENV instructions for sensitive data (ARG "GITHUB_TOKEN") (line 4)',
    ]);
  });
  it('a clean Dockerfile has none', () => {
    expect(lintDockerfile(parseStages('FROM alpine AS build\nENV A=1\nWORKDIR /app\nCMD ["x"]\n'))).toEqual([]);
  });
});
