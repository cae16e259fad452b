// Phase 1 of the Dockerfile frontend: directives, continuations, comments, heredocs, JSON forms,
// flags and line numbers (reference sections 1 and 9).
import { describe, expect, it } from 'vitest';
import { DockerfileError, parseDockerfile, type Node } from '../../../src/runtime/build/dockerfile/index.ts';

function nodes(text: string): Node[] {
  return parseDockerfile(text).nodes;
}

function err(f: () => unknown): DockerfileError {
  try {
    f();
  } catch (e) {
    if (e instanceof DockerfileError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('input (1.1)', () => {
  it('rejects an empty file and a file without instructions', () => {
    expect(err(() => parseDockerfile('')).message).toBe('the Dockerfile cannot be empty');
    const e = err(() => parseDockerfile('# only a comment\n\n   \n'));
    expect(e.message).toBe('file with no instructions');
  });
  it('drops a BOM and handles CRLF like LF, continuations included', () => {
    const n = nodes('\uFEFFFROM alpine\r\nRUN echo a \\\r\n  b\r\n');
    expect(n.map((x) => x.keyword)).toEqual(['from', 'run']);
    expect(n[1]!.args).toEqual(['echo a   b']);
    expect(n[1]!.line).toBe(2);
    expect(n[1]!.endLine).toBe(3);
  });
  it('rejects a physical line over 65535 bytes', () => {
    const e = err(() => parseDockerfile('FROM a\nRUN ' + 'x'.repeat(65536) + '\n'));
    expect(e.message).toBe('dockerfile line greater than max allowed size of 65535');
    expect(e.line).toBe(2);
  });
});

describe('parser directives (1.2)', () => {
  it('reads syntax, escape and check at the top, case-insensitive keys', () => {
    const r = parseDockerfile('# syntax=docker/dockerfile:1\n# ESCAPE = `\n# check=skip=all\nFROM x\n');
    expect(r.directives.map((d) => [d.name, d.value, d.line])).toEqual([
      ['syntax', 'docker/dockerfile:1', 1],
      ['escape', '`', 2],
      ['check', 'skip=all', 3],
    ]);
    expect(r.escape).toBe('`');
  });
  it('stops at the first non-directive line', () => {
    expect(parseDockerfile('# My Dockerfile\n# escape=`\nFROM x\n').escape).toBe('\\');
    expect(parseDockerfile('\n# escape=`\nFROM x\n').escape).toBe('\\');
    expect(parseDockerfile('# foo=bar\n# escape=`\nFROM x\n').escape).toBe('\\');
    expect(parseDockerfile('#!/usr/bin/env x\n# escape=`\nFROM x\n').escape).toBe('\\');
    expect(parseDockerfile('FROM x\n# escape=`\nRUN a\n').escape).toBe('\\');
  });
  it('rejects a repeated directive and a bad escape, at their 1-based line', () => {
    const e = err(() => parseDockerfile('# escape=\\\n# escape=`\nFROM x\n'));
    expect(e.message).toBe('only one escape parser directive can be used');
    expect(e.line).toBe(2);
    const b = err(() => parseDockerfile('# escape=x\nFROM x\n'));
    expect(b.message).toBe("invalid escape token 'x' does not match ` or \\");
    expect(b.line).toBe(1);
  });
  it('with escape=` a backslash is ordinary and ` continues', () => {
    const n = nodes('# escape=`\nFROM x\nLABEL path=C:\\data\\\nRUN a `\n  b\n');
    expect(n[1]!.args).toEqual(['path', 'C:\\data\\']);
    expect(n[2]!.args).toEqual(['a   b']);
  });
});

describe('comments, blank lines and continuations (1.3, 1.4)', () => {
  it('has no end-of-line comments', () => {
    expect(nodes('FROM x\nRUN echo hi # note\n')[1]!.args).toEqual(['echo hi # note']);
  });
  it('joins without a separator and keeps the indentation of the next line', () => {
    const n = nodes('FROM x\nRUN echo hel\\\nlo\nRUN a \\\n    b\n');
    expect(n[1]!.args).toEqual(['echo hello']);
    expect(n[2]!.args).toEqual(['a     b']);
  });
  it('drops comment and blank lines inside a continuation, counting them in endLine', () => {
    const r = parseDockerfile('FROM x\nRUN a \\\n# inside\n\n  && b\nCMD c\n');
    expect(r.nodes[1]!.args).toEqual(['a   && b']);
    expect(r.nodes[1]!.line).toBe(2);
    expect(r.nodes[1]!.endLine).toBe(5);
    expect(r.nodes[2]!.line).toBe(6);
    expect(r.warnings[0]!.message).toBe('Empty continuation line found in: RUN a   && b');
  });
  it('ends an instruction at EOF inside a continuation; an escaped escape does not continue', () => {
    expect(nodes('FROM x\nCMD echo done \\')[1]!.args).toEqual(['echo done']);
    const n = nodes('FROM x\nENV P=C:\\\\\nRUN x\n');
    expect(n[1]!.args).toEqual(['P', 'C:\\\\']);
    expect(n[2]!.keyword).toBe('run');
  });
  it('a line that is only the escape continues', () => {
    expect(nodes('FROM x\nRUN a\\\n\\\nb\n')[1]!.args).toEqual(['ab']);
  });
  it('ignores leading whitespace before keywords and comments', () => {
    const n = nodes('   FROM x\n\t# c\n  run  echo\n');
    expect(n.map((x) => [x.keyword, x.line])).toEqual([
      ['from', 1],
      ['run', 3],
    ]);
  });
});

describe('heredocs (1.5)', () => {
  it('reads a RUN heredoc body up to its terminator', () => {
    const n = nodes('FROM x\nRUN <<EOF\necho $HOME\n  # not a comment\nEOF\nCMD y\n');
    expect(n[1]!.heredocs).toEqual([{ name: 'EOF', content: 'echo $HOME\n  # not a comment\n', expand: true, chomp: false, fd: 0 }]);
    expect(n[1]!.endLine).toBe(5);
    expect(n[2]!.line).toBe(6);
  });
  it('several heredocs in order, quoted delimiters, chomp and fd numbers', () => {
    const n = nodes("FROM x\nCOPY <<a <<-\"b\" /conf/\nA\na\n\tB\n\tb\nRUN 3<<'X' cat <&3\nx\nX\n");
    expect(n[1]!.heredocs.map((h) => [h.name, h.content, h.expand, h.chomp])).toEqual([
      ['a', 'A\n', true, false],
      ['b', '\tB\n', false, true],
    ]);
    expect(n[2]!.heredocs[0]).toMatchObject({ name: 'X', expand: false, fd: 3 });
    expect(nodes("FROM x\nRUN <<E'O'F\nx\nEOF\n")[1]!.heredocs[0]!.expand).toBe(false);
  });
  it('are not recognised in exec form or other instructions', () => {
    expect(nodes('FROM x\nRUN ["cat", "<<EOF"]\n')[1]!.heredocs).toEqual([]);
    expect(nodes('FROM x\nCMD cat <<EOF\n')[1]!.heredocs).toEqual([]);
  });
  it('rejects an unterminated heredoc', () => {
    const e = err(() => parseDockerfile('FROM x\nRUN <<EOF\necho\n'));
    expect(e.message).toBe('unterminated heredoc');
    expect(e.line).toBe(2);
    expect(e.endLine).toBe(3);
  });
});

describe('keyword, flags and arguments (1.6, 1.7)', () => {
  it('splits flags with quotes removed and stops at -- or the first argument', () => {
    const n = nodes('FROM x\nCOPY --chown="app:app" --from=b -- --weird /d\n')[1]!;
    expect(n.flags).toEqual(['--chown=app:app', '--from=b']);
    expect(n.args).toEqual(['--weird', '/d']);
  });
  it('JSON form, the silent shell-form fallback and the non-string error', () => {
    expect(nodes('FROM x\nCMD ["echo","hi"]\n')[1]).toMatchObject({ args: ['echo', 'hi'], json: true });
    expect(nodes("FROM x\nCMD ['echo','hi']\n")[1]).toMatchObject({ args: ["['echo','hi']"], json: false });
    expect(nodes('FROM x\nCMD ["c:\\windows"]\n')[1]!.json).toBe(false);
    expect(nodes('FROM x\nCMD ["a"] x\n')[1]!.json).toBe(false);
    expect(nodes('FROM x\nENTRYPOINT\t[\t"/bin/env",\t"--"\t]\n')[1]).toMatchObject({ args: ['/bin/env', '--'], json: true });
    expect(nodes('FROM x\nCMD ["\\u00e9\\n"]\n')[1]!.args).toEqual(['é\n']);
    expect(nodes('FROM x\nCMD []\n')[1]).toMatchObject({ args: [], json: true });
    const e = err(() => parseDockerfile('FROM x\nCMD ["sleep", 10]\n'));
    expect(e.message).toBe('when using JSON array syntax, arrays must be comprised of strings only');
    expect(e.line).toBe(2);
  });
  it('COPY splits on whitespace without honouring quotes', () => {
    expect(nodes('FROM x\nCOPY "my file.txt" /dst/\n')[1]!.args).toEqual(['"my', 'file.txt"', '/dst/']);
    expect(nodes('FROM x\nCOPY ["my file.txt", "/dst/"]\n')[1]!.args).toEqual(['my file.txt', '/dst/']);
  });
  it('ENV and LABEL: both forms and their parse errors', () => {
    expect(nodes('FROM x\nENV ONE TWO= THREE=world\n')[1]).toMatchObject({ args: ['ONE', 'TWO= THREE=world'], legacy: true });
    expect(nodes('FROM x\nLABEL "com.example"="ACME Inc" b=c\n')[1]!.args).toEqual(['"com.example"', '"ACME Inc"', 'b', 'c']);
    expect(err(() => parseDockerfile('FROM x\nENV A\n')).message).toBe('ENV must have two arguments');
    expect(err(() => parseDockerfile('FROM x\nLABEL A\n')).message).toBe('LABEL must have two arguments');
    const e = err(() => parseDockerfile('FROM x\n\nENV A=1 # comment\n'));
    expect(e.message).toBe('Syntax error - can\'t find = in "#". Must be of the form: name=value');
    expect(e.line).toBe(3);
  });
  it('WORKDIR, USER keep inner spaces; FROM and EXPOSE split; HEALTHCHECK and ONBUILD', () => {
    expect(nodes('FROM x\nWORKDIR /a b\n')[1]!.args).toEqual(['/a b']);
    expect(nodes('FROM x AS y\n')[0]!.args).toEqual(['x', 'AS', 'y']);
    expect(nodes('FROM x\nHEALTHCHECK --interval=5s CMD ["curl","x"]\n')[1]).toMatchObject({ args: ['CMD', 'curl', 'x'], json: true, flags: ['--interval=5s'] });
    const ob = nodes('FROM x\nONBUILD RUN echo "$A"\n')[1]!;
    expect(ob.sub).toMatchObject({ keyword: 'run', args: ['echo "$A"'] });
  });
});
