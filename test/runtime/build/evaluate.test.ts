// The pure evaluation of a stage: variables in scope, the image config, RUN's argv and
// environment, and history entries in BuildKit's words (reference sections 2.4, 3, 4, 6, 7, 8).
import { describe, expect, it } from 'vitest';
import {
  DockerfileError,
  StageState,
  applyChmod,
  builtinArgs,
  checksumEntries,
  copyKey,
  effectiveCommand,
  evaluateGlobalArgs,
  expandFromImage,
  parseChmod,
  parseStages,
  resolveWorkdir,
  runKey,
  type Instruction,
  type RunInstruction,
} from '../../../src/runtime/build/dockerfile/index.ts';

const NOW = '2026-01-01T00:00:00Z';

/** Runs the config-only instructions of the last stage; returns the state (RUNs give argv). */
function build(text: string, buildArgs: Record<string, string> = {}, base?: object): { st: StageState; runs: string[][]; history: string[] } {
  const df = parseStages(text);
  const ba = new Map(Object.entries(buildArgs));
  const globals = evaluateGlobalArgs(df.globalArgs, ba).values;
  const stage = df.stages[df.stages.length - 1]!;
  const st = new StageState(base as never, [], { buildArgs: ba, globals, now: () => NOW });
  const runs: string[][] = [];
  for (const c of stage.commands as Instruction[]) {
    if (c.kind === 'run') {
      const { argv } = st.runArgv(c as RunInstruction);
      runs.push(argv);
      st.addHistory(st.runHistory(argv), true);
    } else if (c.kind === 'workdir') {
      const wd = st.workdir(c.value, c.line);
      st.addHistory('WORKDIR ' + wd, wd !== '/', false);
    } else if (c.kind === 'copy' || c.kind === 'add') {
      st.addHistory(st.copyHistory(st.expandCopy(c)), true);
    } else st.apply(c);
  }
  return { st, runs, history: st.history.map((h) => `${h.created_by}${h.empty_layer ? ' (empty)' : ''}`) };
}

function fails(f: () => unknown): [string, number] {
  try {
    f();
  } catch (e) {
    if (e instanceof DockerfileError) return [e.message, e.line];
    throw e;
  }
  throw new Error('no error');
}

describe('variables (2.4, 3.1, 3.3)', () => {
  it('same-instruction rule for ENV', () => {
    const { st } = build('FROM x\nENV color=red\nENV color=blue previous=$color\nENV now=$color\nENV x=${x:-first} x=${x:-second}\n');
    expect(st.config.Env).toEqual(['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'color=blue', 'previous=red', 'now=blue', 'x=second']);
  });
  it('legacy ENV keeps the rest of the line; quotes are removed', () => {
    const { st } = build('FROM x\nENV ONE TWO= THREE=world\nENV A hello   world\nENV Q="a b" R=\'$HOME\'\n');
    expect(st.config.Env.slice(1)).toEqual(['ONE=TWO= THREE=world', 'A=hello   world', 'Q=a b', 'R=$HOME']);
  });
  it('global ARGs: left to right, build args override, used only in FROM', () => {
    const df = parseStages('ARG A=1 B=$A\nARG TAG=3.$B\nFROM alpine:$TAG\nRUN echo $TAG\n');
    const g = evaluateGlobalArgs(df.globalArgs, new Map());
    expect([...g.values]).toEqual([
      ['A', '1'],
      ['B', '1'],
      ['TAG', '3.1'],
    ]);
    expect(expandFromImage(df.stages[0]!.from.image, g.values, 3)).toBe('alpine:3.1');
    const g2 = evaluateGlobalArgs(df.globalArgs, new Map([['TAG', '3.20']]));
    expect(expandFromImage('alpine:$TAG', g2.values, 3)).toBe('alpine:3.20');
    expect(expandFromImage('img-$TARGETARCH', g2.values, 3)).toBe('img-amd64');
    expect(fails(() => expandFromImage('${X}', new Map(), 4))).toEqual(['base name (${X}) should not be blank', 4]);
  });
  it('ARG in a stage: build arg, default, imported global, unset; never in the config', () => {
    const { st, history } = build('ARG G=glob\nARG H=hidden\nFROM x\nRUN echo $G\nARG G\nARG D=def\nARG B=bdef\nARG U\nRUN echo\n', { B: 'fromcli' });
    expect(st.args).toEqual([
      { key: 'G', value: 'glob', shown: undefined },
      { key: 'D', value: 'def', shown: 'def' },
      { key: 'B', value: 'fromcli', shown: 'bdef' },
      { key: 'U', value: undefined, shown: undefined },
    ]);
    expect(st.config.Env).toEqual(['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']);
    expect(st.runEnv()).toEqual(['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'G=glob', 'D=def', 'B=fromcli']);
    expect(history).toEqual(['RUN /bin/sh -c echo $G # buildkit', 'ARG G (empty)', 'ARG D=def (empty)', 'ARG B=bdef (empty)', 'ARG U (empty)', 'RUN |4 G=glob D=def B=fromcli U= /bin/sh -c echo # buildkit']);
  });
  it('an ARG after an inherited ENV of the same name wins during the build', () => {
    const { st } = build('FROM x\nARG X=fromarg\nWORKDIR /$X\n', {}, { Env: ['PATH=/bin', 'X=fromenv'] });
    expect(st.config.WorkingDir).toBe('/fromarg');
    expect(st.config.Env).toEqual(['PATH=/bin', 'X=fromenv']);
  });
  it('builtin platform ARGs need a declaration inside a stage', () => {
    const { st } = build('FROM x\nENV a=$TARGETARCH\nARG TARGETARCH\nENV b=$TARGETARCH\n');
    expect(st.config.Env.slice(1)).toEqual(['a=', 'b=amd64']);
    expect(builtinArgs().get('TARGETPLATFORM')).toBe('linux/amd64');
  });
  it('proxy build args reach RUN without a declaration', () => {
    const { st } = build('FROM x\nRUN true\n', { HTTP_PROXY: 'http://p' });
    expect(st.runEnv()).toContain('HTTP_PROXY=http://p');
    expect(st.runHistory(['x'])).toBe('RUN x');
  });
});

describe('config (4, 6)', () => {
  it('the seed with its FROM: User, Cmd, Env kept, history', () => {
    const seed =
      "FROM registry.access.redhat.com/ubi8/ubi:8.1\nRUN yum --disableplugin=subscription-manager -y module enable php:7.3 \\\n  && yum --disableplugin=subscription-manager -y install httpd php \\\n  && yum --disableplugin=subscription-manager clean all\nADD index.php /var/www/html\nRUN sed -i 's/Listen 80/Listen 8080/' /etc/httpd/conf/httpd.conf \\\n  && mkdir /run/php-fpm\nUSER 1001\nCMD php-fpm & httpd -D FOREGROUND\n";
    const { st, history } = build(seed, {}, { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'container=oci'], Cmd: ['/bin/bash'] });
    expect(st.config.User).toBe('1001');
    expect(st.config.Cmd).toEqual(['/bin/sh', '-c', 'php-fpm & httpd -D FOREGROUND']);
    expect(st.config.Entrypoint).toBeUndefined();
    expect(st.config.Env).toEqual(['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'container=oci']);
    expect(history).toEqual([
      'RUN /bin/sh -c yum --disableplugin=subscription-manager -y module enable php:7.3   && yum --disableplugin=subscription-manager -y install httpd php   && yum --disableplugin=subscription-manager clean all # buildkit',
      'ADD index.php /var/www/html # buildkit',
      "RUN /bin/sh -c sed -i 's/Listen 80/Listen 8080/' /etc/httpd/conf/httpd.conf   && mkdir /run/php-fpm # buildkit",
      'USER 1001 (empty)',
      'CMD ["/bin/sh" "-c" "php-fpm & httpd -D FOREGROUND"] (empty)',
    ]);
    expect(st.history[0]).toEqual({ created: NOW, created_by: history[0], comment: 'buildkit.dockerfile.v0' });
    expect(st.history[3]!.empty_layer).toBe(true);
  });
  it('ENTRYPOINT clears an inherited CMD but keeps one from the same stage', () => {
    expect(build('FROM x\nENTRYPOINT ["e"]\n', {}, { Cmd: ['/bin/sh'] }).st.config.Cmd).toBeNull();
    const a = build('FROM x\nCMD ["c"]\nENTRYPOINT e p\n', {}, { Cmd: ['/bin/sh'] }).st.config;
    expect([a.Entrypoint, a.Cmd]).toEqual([['/bin/sh', '-c', 'e p'], ['c']]);
    expect(build('FROM x\nENTRYPOINT []\n').st.config.Entrypoint).toBeNull();
    expect(effectiveCommand(a)).toEqual(['/bin/sh', '-c', 'e p', 'c']);
  });
  it('SHELL changes later shell forms; exec forms are not substituted', () => {
    const { st, runs, history } = build('FROM x\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN echo $HOME\nRUN ["echo", "$HOME"]\nCMD x\n');
    expect(runs).toEqual([
      ['/bin/bash', '-o', 'pipefail', '-c', 'echo $HOME'],
      ['echo', '$HOME'],
    ]);
    expect(st.config.Shell).toEqual(['/bin/bash', '-o', 'pipefail', '-c']);
    expect(st.config.Cmd).toEqual(['/bin/bash', '-o', 'pipefail', '-c', 'x']);
    expect(history[0]).toBe('SHELL [/bin/bash -o pipefail -c] (empty)');
    expect(history[2]).toBe('RUN echo $HOME # buildkit');
  });
  it('LABEL merges; EXPOSE splits, expands ranges and validates; VOLUME; STOPSIGNAL; MAINTAINER', () => {
    const { st, history } = build(
      'FROM x\nARG P="80 443/udp"\nLABEL "com.example.vendor"="ACME" a=1\nLABEL a=2\nEXPOSE $P 8000-8001/TCP\nVOLUME ["/data", "/logs"]\nSTOPSIGNAL SIGQUIT\nMAINTAINER Jane <j@x>\n',
      {},
      { Labels: { base: 'yes' } },
    );
    expect(st.config.Labels).toEqual({ base: 'yes', 'com.example.vendor': 'ACME', a: '2' });
    expect(Object.keys(st.config.ExposedPorts!)).toEqual(['80/tcp', '443/udp', '8000/tcp', '8001/tcp']);
    expect(st.config.Volumes).toEqual({ '/data': {}, '/logs': {} });
    expect(st.config.StopSignal).toBe('SIGQUIT');
    expect(st.author).toBe('Jane <j@x>');
    expect(history.slice(1)).toEqual([
      'LABEL com.example.vendor=ACME a=1 (empty)',
      'LABEL a=2 (empty)',
      'EXPOSE map[443/udp:{} 80/tcp:{} 8000/tcp:{} 8001/tcp:{}] (empty)',
      'VOLUME [/data /logs] (empty)',
      'STOPSIGNAL SIGQUIT (empty)',
      'MAINTAINER Jane <j@x> (empty)',
    ]);
  });
  it('build-time errors carry the instruction line', () => {
    expect(fails(() => build('FROM x\nEXPOSE abc\n'))).toEqual(['invalid containerPort: abc', 2]);
    expect(fails(() => build('FROM x\nEXPOSE 9-1\n'))).toEqual(['invalid containerPort: 9-1', 2]);
    expect(fails(() => build('FROM x\nEXPOSE 80/xyz\n'))).toEqual(['invalid proto: xyz', 2]);
    expect(fails(() => build('FROM x\nSTOPSIGNAL FOO\n'))).toEqual(['invalid signal: FOO', 2]);
    expect(fails(() => build('FROM x\n\nENV A=${}\n'))).toEqual(['failed to process "${}": syntax error: bad substitution', 3]);
    expect(fails(() => build('FROM x\nCOPY --chmod=17777 a /b\n'))).toEqual(["invalid chmod parameter: '17777'. it should be octal string and between 0 and 07777", 2]);
  });
  it('HEALTHCHECK and ONBUILD', () => {
    const { st, history } = build('FROM x\nHEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost/ || exit 1\nONBUILD COPY . /app\n');
    expect(st.config.Healthcheck).toEqual({ Test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], Interval: 30e9, Timeout: 3e9, StartPeriod: 0, StartInterval: 0, Retries: 0 });
    expect(history).toEqual(['HEALTHCHECK &{["CMD-SHELL" "curl -f http://localhost/ || exit 1"] "30s" "3s" "0s" "0s" \'\\x00\'} (empty)']);
    expect(st.config.OnBuild).toEqual(['COPY . /app']);
    const child = new StageState(st.config, [], { buildArgs: new Map(), globals: new Map() });
    expect(child.onBuildTriggers).toEqual(['COPY . /app']);
    expect(child.config.OnBuild).toBeNull();
  });
  it('WORKDIR resolution and history', () => {
    expect(resolveWorkdir('/a/b/c', '../d/./e/')).toBe('/a/b/d/e');
    const { st, history } = build('FROM x\nWORKDIR /a\nWORKDIR b\nWORKDIR /\n');
    expect(st.config.WorkingDir).toBe('/');
    expect(history).toEqual(['WORKDIR /a', 'WORKDIR /a/b', 'WORKDIR / (empty)']);
  });
  it('COPY/ADD substitution and history; heredoc inline files', () => {
    const { history, st } = build('FROM x\nENV D=/dst F=a.txt\nCOPY --chown=1:1 $F b/ ${D}/\nCOPY <<EOF /etc/motd\nhi $D\nEOF\n');
    expect(history.slice(1)).toEqual(['COPY a.txt b/ /dst/ # buildkit', 'COPY <<EOF /etc/motd # buildkit']);
    const df = parseStages('FROM x\nCOPY <<EOF <<\'RAW\' /d/\n$D "q"\nEOF\n$D\nRAW\n');
    const e = st.expandCopy(df.stages[0]!.commands[0] as never);
    expect(e.inline).toEqual([
      { path: 'EOF', data: '/dst "q"\n' },
      { path: 'RAW', data: '$D\n' },
    ]);
  });
  it('RUN heredocs: bare marker, shebang, and shell heredoc', () => {
    const { runs } = build('FROM x\nRUN <<EOF\necho $A\nEOF\nRUN <<-EOF\n\t#!/usr/bin/env python3\n\tprint(1)\n\tEOF\nRUN cat > /f <<EOF\nx\nEOF\n');
    expect(runs).toEqual([['/bin/sh', '-c', 'echo $A\n'], ['/dev/pipes/EOF'], ['/bin/sh', '-c', 'cat > /f <<EOF\nx\nEOF']]);
  });
});

describe('chmod and cache keys (4.12, 8)', () => {
  it('octal and symbolic --chmod', () => {
    expect(applyChmod(parseChmod('755'), 0o644, false)).toBe(0o755);
    expect(applyChmod(parseChmod('u=rwX,go=rX'), 0o600, true)).toBe(0o755);
    expect(applyChmod(parseChmod('u=rwX,go=rX'), 0o600, false)).toBe(0o644);
    expect(applyChmod(parseChmod('+x'), 0o644, false)).toBe(0o755);
  });
  it('keys change with the parent, the text and the environment; not with mtimes', () => {
    const r = { argv: ['/bin/sh', '-c', 'x'], env: ['A=1'], workdir: '/', user: '' };
    expect(runKey('p', r)).toBe(runKey('p', { ...r }));
    expect(runKey('p', r)).not.toBe(runKey('q', r));
    expect(runKey('p', r)).not.toBe(runKey('p', { ...r, env: ['A=2'] }));
    const files = [{ path: 'a', type: 'file' as const, mode: 0o644, uid: 0, gid: 0, digest: 'd1' }];
    const sum = checksumEntries(files);
    expect(sum).toBe(checksumEntries([{ ...files[0]! }]));
    expect(sum).not.toBe(checksumEntries([{ ...files[0]!, mode: 0o755 }]));
    const c = { kind: 'copy' as const, dest: '/d', workdir: '/', sources: sum };
    expect(copyKey('p', c)).not.toBe(copyKey('q', c));
    expect(copyKey('p', { ...c, link: true })).toBe(copyKey('q', { ...c, link: true }));
  });
});
