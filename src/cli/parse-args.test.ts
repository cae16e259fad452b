// The `cowbox` argument grammar: sh's -c with $0 and positional arguments, --script in both
// spellings, help and version, and every misuse reported as a UsageError.
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './parse-args.ts';

describe('parseArgs', () => {
  it('starts an interactive session with no arguments', () => {
    expect(parseArgs([])).toEqual({ mode: 'interactive', volumes: [] });
  });

  it('takes -c COMMAND, then NAME as $0 and the rest as positional arguments', () => {
    expect(parseArgs(['-c', 'echo "$0" "$1"'])).toEqual({ mode: 'command', command: 'echo "$0" "$1"', argv0: 'sh', args: [], volumes: [] });
    expect(parseArgs(['-c', 'echo', 'myname', 'a', '-x', '--help'])).toEqual({
      mode: 'command',
      command: 'echo',
      argv0: 'myname',
      args: ['a', '-x', '--help'],
      volumes: [],
    });
  });

  it('takes --script FILE and --script=FILE with the arguments after them', () => {
    expect(parseArgs(['--script', 'run.sh', 'one', '-c'])).toEqual({ mode: 'script', file: 'run.sh', args: ['one', '-c'], volumes: [] });
    expect(parseArgs(['--script=run.sh'])).toEqual({ mode: 'script', file: 'run.sh', args: [], volumes: [] });
  });

  it('answers help and version in both spellings', () => {
    for (const flag of ['-h', '--help']) expect(parseArgs([flag])).toEqual({ mode: 'help' });
    for (const flag of ['-V', '--version']) expect(parseArgs([flag])).toEqual({ mode: 'version' });
  });

  it('rejects misuse with a message that names the problem', () => {
    const cases: Array<[string[], RegExp]> = [
      [['-c'], /-c needs a command/],
      [['--script'], /--script needs a file/],
      [['--script='], /--script needs a file/],
      [['--verbose'], /unknown option '--verbose'/],
      [['run.sh'], /unexpected argument 'run.sh'/],
      [['--', '-c', 'x'], /unexpected argument '-c'/],
    ];
    for (const [argv, message] of cases) {
      expect(() => parseArgs(argv), argv.join(' ')).toThrow(UsageError);
      expect(() => parseArgs(argv), argv.join(' ')).toThrow(message);
    }
  });

  it('takes -v DIR:PATH[:ro] volumes, repeatable, before the command', () => {
    expect(parseArgs(['-v', 'a:/in', '-v', '/h/b:/out:ro', '-c', 'true'])).toEqual({
      mode: 'command', command: 'true', argv0: 'sh', args: [],
      volumes: [{ hostDir: 'a', path: '/in', readOnly: false }, { hostDir: '/h/b', path: '/out', readOnly: true }],
    });
    for (const bad of ['nocolon', 'a:relative', 'a:/x:rw', ':/x']) expect(() => parseArgs(['-v', bad])).toThrow(/bad volume/);
    expect(() => parseArgs(['-v'])).toThrow(/needs DIR:PATH/);
  });
});
