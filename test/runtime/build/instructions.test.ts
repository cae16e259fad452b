// Phase 2: per-instruction validation, stages, ARG before FROM, targets and COPY --from
// (reference sections 1.6, 3, 4 and the error catalogue of section 9), each with its line.
import { describe, expect, it } from 'vitest';
import { DockerfileError, neededStages, parseStages, resolveCopyFrom, targetStage } from '../../../src/runtime/build/dockerfile/index.ts';

function err(f: () => unknown): DockerfileError {
  try {
    f();
  } catch (e) {
    if (e instanceof DockerfileError) return e;
    throw e;
  }
  throw new Error('no error');
}

/** [message, line] of the error a Dockerfile gives. */
function fails(text: string): [string, number] {
  const e = err(() => parseStages(text));
  return [e.message, e.line];
}

describe('stages', () => {
  it('the seed without FROM: no build stage in current context, line 1', () => {
    const seed = 'RUN yum -y module enable php:7.3 \\\n  && yum -y install httpd php \\\n  && yum clean all\nADD index.php /var/www/html\nUSER 1001\nCMD php-fpm & httpd -D FOREGROUND\n';
    const e = err(() => parseStages(seed));
    expect(e.message).toBe('no build stage in current context');
    expect([e.line, e.endLine]).toEqual([1, 3]);
  });
  it('global ARGs, named stages and their commands', () => {
    const df = parseStages('ARG V=1\nARG B\nFROM alpine:$V AS Build\nRUN make\nFROM scratch\nCOPY --from=build /out /\n');
    expect(df.globalArgs.map((a) => a.args)).toEqual([[{ key: 'V', value: '1' }], [{ key: 'B' }]]);
    expect(df.stages.map((s) => [s.name, s.from.image, s.from.line, s.commands.length])).toEqual([
      ['build', 'alpine:$V', 3, 1],
      ['', 'scratch', 5, 1],
    ]);
  });
  it('only ARGs, bad FROM arity and names', () => {
    expect(fails('ARG A=1\n')).toEqual(['dockerfile contains no stages to build', 0]);
    expect(fails('FROM a b\n')).toEqual(['dockerfile parse error on line 1: FROM requires either one or three arguments', 1]);
    expect(fails('FROM a to b\n')[0]).toContain('FROM requires either one or three arguments');
    expect(fails('FROM x\nFROM a AS 1st-stage\n')).toEqual(['dockerfile parse error on line 2: invalid name for build stage: "1st-stage", name can\'t start with a number or contain symbols', 2]);
  });
  it('targets, needed stages and COPY --from resolution', () => {
    const df = parseStages('FROM a AS base\nRUN x\nFROM b AS other\nRUN y\nFROM base AS final\nCOPY --from=0 /a /a\nCOPY --from=nginx:latest /b /b\n');
    expect(targetStage(df).name).toBe('final');
    expect(targetStage(df, 'OTHER').name).toBe('other');
    expect(err(() => targetStage(df, 'prod')).message).toBe('target stage "prod" could not be found');
    expect(neededStages(df, targetStage(df)).map((s) => s.name)).toEqual(['base', 'final']);
    const final = df.stages[2]!;
    expect(resolveCopyFrom(df, final, 'nginx:latest', 7)).toEqual({ kind: 'image', ref: 'nginx:latest' });
    expect(err(() => resolveCopyFrom(df, final, '5', 6)).message).toBe('invalid stage index 5');
    expect(err(() => resolveCopyFrom(df, df.stages[0]!, 'final', 2)).message).toBe('cannot copy from stage "final", it needs to be defined before current stage "base"');
    expect(err(() => resolveCopyFrom(df, final, 'final', 6)).message).toBe('circular dependency detected on stage: final');
    const v = err(() => resolveCopyFrom(df, final, '$X', 6));
    expect(v.message).toBe('variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround');
    expect(v.line).toBe(6);
  });
});

describe('instruction validation errors (section 9)', () => {
  const cases: Array<[string, string]> = [
    ['COPPY a b', 'unknown instruction: COPPY (did you mean COPY?)'],
    ['FOOBARBAZ x', 'unknown instruction: FOOBARBAZ'],
    ['COPY --owner=1 a b', 'unknown flag: --owner'],
    ['COPY --chwn=1 a b', 'unknown flag: --chwn (did you mean chown?)'],
    ['COPY --from b c', 'missing a value on flag: --from'],
    ['COPY --chown=1 --chown=2 a b', 'duplicate flag specified: --chown'],
    ['COPY --link=x a b', 'expecting boolean value for flag --link, not: x'],
    ['COPY --link= a b', 'missing a value on flag: --link'],
    ['RUN --foo=1 true', 'unknown flag: --foo'],
    ['ENV --x=1 A=1', 'unknown flag: --x'],
    ['SHELL /bin/bash -c', 'SHELL requires the arguments to be in JSON form'],
    ['SHELL []', 'SHELL requires at least one argument'],
    ['ONBUILD ONBUILD RUN x', 'Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed'],
    ['ONBUILD FROM x', "FROM isn't allowed as an ONBUILD trigger"],
    ['ONBUILD MAINTAINER x', "MAINTAINER isn't allowed as an ONBUILD trigger"],
    ['ONBUILD', 'ONBUILD requires at least one argument'],
    ['COPY a', 'COPY requires at least two arguments, but only one was provided. Destination could not be determined'],
    ['ADD a', 'ADD requires at least two arguments, but only one was provided. Destination could not be determined'],
    ['COPY a <<EOF\nx\nEOF', 'COPY cannot accept a heredoc as a destination'],
    ['WORKDIR', 'WORKDIR requires exactly one argument'],
    ['USER', 'USER requires exactly one argument'],
    ['STOPSIGNAL', 'STOPSIGNAL requires exactly one argument'],
    ['MAINTAINER', 'MAINTAINER requires exactly one argument'],
    ['ARG', 'ARG requires at least one argument'],
    ['ARG =x', 'ARG names can not be blank'],
    ['LABEL', 'LABEL requires at least one argument'],
    ['ENV =x', 'ENV names can not be blank'],
    ['EXPOSE', 'EXPOSE requires at least one argument'],
    ['VOLUME', 'VOLUME requires at least one argument'],
    ['VOLUME [""]', 'VOLUME specified can not be an empty string'],
    ['HEALTHCHECK', 'HEALTHCHECK requires at least one argument'],
    ['HEALTHCHECK X y', 'Unknown type "X" in HEALTHCHECK (try CMD)'],
    ['HEALTHCHECK NONE x', 'HEALTHCHECK NONE takes no arguments'],
    ['HEALTHCHECK CMD', 'Missing command after HEALTHCHECK CMD'],
    ['HEALTHCHECK --interval=1us CMD x', 'Interval "interval" cannot be less than 1ms'],
    ['HEALTHCHECK --retries=-1 CMD x', '--retries cannot be negative (-1)'],
    ['HEALTHCHECK --timeout=5 CMD x', 'time: missing unit in duration "5"'],
  ];
  for (const [line, msg] of cases) {
    it(line, () => {
      expect(fails(`FROM x\n\n${line}\n`)).toEqual([`dockerfile parse error on line 3: ${msg}`, 3]);
    });
  }
  it('the first error in file order wins', () => {
    expect(fails('RUN a\nCOPPY b\n')).toEqual(['no build stage in current context', 1]);
  });
});

describe('typed instructions', () => {
  const df = parseStages(
    'FROM x\nRUN --mount=type=cache,target=/c --network=none make\nCOPY --chown=app:app --chmod=755 --link a b /d/\nADD --checksum=sha256:0 --unpack=false https://x/y /z\nHEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD curl -f http://localhost/ || exit 1\nONBUILD RUN echo "building $APP"\nCOPY <<a <<-b /conf/\nA $X\na\n\tB\n\tb\n',
  );
  const c = df.stages[0]!.commands;
  it('keeps flags and arguments', () => {
    expect(c[0]).toMatchObject({ kind: 'run', args: ['make'], mounts: ['type=cache,target=/c'], network: 'none', line: 2 });
    expect(c[1]).toMatchObject({ kind: 'copy', sources: ['a', 'b'], dest: '/d/', chown: 'app:app', chmod: '755', link: true });
    expect(c[2]).toMatchObject({ kind: 'add', checksum: 'sha256:0', unpack: false });
    expect(c[3]).toMatchObject({ kind: 'healthcheck', health: { Test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], Interval: 30e9, Timeout: 3e9, StartPeriod: 0, StartInterval: 0, Retries: 3 } });
    expect(c[4]).toMatchObject({ kind: 'onbuild', expression: 'RUN echo "building $APP"' });
    expect(c[5]).toMatchObject({ kind: 'copy', sources: [], inline: [{ path: 'a', data: 'A $X\n', expand: true }, { path: 'b', data: 'B\n', expand: true }], dest: '/conf/', line: 7, endLine: 11 });
  });
});
