// awk (mawk 1.3.4): pattern-action text processing. mawk's own command line: -f PROGFILE
// (repeatable), -F FS, -v VAR=VALUE, -W OPTION (version, usage, ...), `--`; then the program
// text (unless -f), then files and VAR=VALUE operands. Messages carry mawk's words and the name
// it was run as; syntax errors and run time errors exit with status 2.

import { isSysError, strerror } from '../../abi/errno.ts';
import { basename } from '../../base/path.ts';
import type { Sys } from '../../sys/sys.ts';
import { helpText } from '../lib/help.ts';
import { readAllBytes } from '../lib/input.ts';
import { isBusybox } from '../lib/tool.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { AwkExit, AwkFatal, AwkRuntimeError, CompileRegexError, Interp } from './awk-interp.ts';
import { AwkReadError } from './awk-io.ts';
import { AwkSyntaxError } from './awk-lexer.ts';
import { parseProgram } from './awk-parser.ts';
import { RegexError } from './awk-regex.ts';
import { fromBytes, utf8ToBytes } from './awk-value.ts';

export const meta: ProgramMeta = {
  name: 'awk', package: 'mawk', version: '1.3.4 20200120',
  usage: ['[-F FS] [-v VAR=VALUE] [-f PROGFILE | PROGRAM] [FILE | VAR=VALUE]...'],
  summary: 'Run an awk program over the lines of FILEs (or standard input): for each record that a pattern matches, do its action.',
  standardOptions: false,
  usageStatus: 2,
  options: [
    { short: 'f', arg: 'required', argName: 'PROGFILE', help: 'read the program from PROGFILE (may be given more than once)' },
    { short: 'F', arg: 'required', argName: 'FS', help: 'split records into fields at FS (a character or a regular expression)' },
    { short: 'v', arg: 'required', argName: 'VAR=VALUE', help: 'set variable VAR to VALUE before the program starts' },
    { short: 'W', arg: 'required', argName: 'OPTION', help: 'mawk option: version, usage (help), dump, interactive, exec FILE, random=N, sprintf=N, posix_space' },
  ],
};

const USAGE = `Usage: mawk [Options] [Program] [file ...]

Program:
    With no -f option, the first operand is the program text; "--" ends
    the options before it.

Options:
    -f program-file  read the program from this file (repeatable)
    -F value         split records into fields at this separator
    -v var=value     set a variable before the program runs
    --               end of options

    -W version       print the version and exit
    -W usage         print this text and exit
    -W exec file     take the program from file, as the last option
    -W interactive   write output unbuffered, read input by lines
`;

export default async function awk(sys: Sys): Promise<number> {
  const prog = basename(sys.argv[0] ?? 'awk') || 'awk';
  const err = (msg: string): Promise<void> => sys.writeAll(2, `${prog}: ${msg}\n`);
  const args = sys.argv.slice(1).map(utf8ToBytes);
  // mawk itself knows no --help (only -W usage); cowbox's tools all answer it from their meta.
  if (args[0] === '--help') {
    await sys.writeAll(1, helpText(meta)).catch(unchecked);
    return 0;
  }
  const progFiles: string[] = [];
  const assigns: [string, string][] = [];
  let fs: string | null = null;
  let i = 0;
  let execFile = false;
  while (i < args.length) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a.length < 2 || a[0] !== '-') break;
    const letter = a[1]!;
    if (!'fFvW'.includes(letter)) {
      await err(`not an option: ${a}`);
      return 2;
    }
    let value = a.slice(2);
    if (value === '') {
      if (i + 1 >= args.length) {
        await err(`option -${letter} lacks argument`);
        return 2;
      }
      value = args[++i]!;
    }
    i++;
    if (letter === 'f') progFiles.push(value);
    else if (letter === 'F') fs = value;
    else if (letter === 'v') {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(value);
      if (!m) {
        await err(`improper assignment: -v ${value}`);
        return 2;
      }
      assigns.push([m[1]!, value.slice(m[0].length)]);
    } else {
      const w = value.split('=')[0]!;
      if ('version'.startsWith(w) && w !== '') {
        // mawk prints its version unchecked: a failed output is still status 0.
        await sys.writeAll(1, 'mawk 1.3.4 20200120\nThis is cowbox\'s simulation of mawk; it runs in the browser\'s simulated kernel.\n\n').catch(unchecked);
        return 0;
      }
      if (('usage'.startsWith(w) || 'help'.startsWith(w)) && w !== '') {
        await sys.writeAll(2, USAGE);
        return 0;
      }
      if ('exec'.startsWith(w) && w !== '') {
        // -W exec FILE: the file is the program and everything after it is an operand.
        const file = value.includes('=') ? value.slice(value.indexOf('=') + 1) : args[i++];
        if (file === undefined) {
          await err(`option -W exec lacks argument`);
          return 2;
        }
        progFiles.push(file);
        execFile = true;
        break;
      }
      if (!['dump', 'interactive', 'random', 'sprintf', 'posix_space'].some((o) => o.startsWith(w) && w !== '')) {
        await err(`vacuous option: -W ${value}`);
      }
    }
  }
  void execFile;
  let text: string;
  let pfile: string | null = null;
  if (progFiles.length) {
    const parts: string[] = [];
    for (const f of progFiles) {
      try {
        parts.push(fromBytes(await readAllBytes(sys, f === '/dev/stdin' ? '-' : f)));
      } catch (e) {
        if (!isSysError(e)) throw e;
        await err(`cannot open ${f} (${strerror(e.code)})`);
        return 2;
      }
    }
    text = parts.join('\n');
    pfile = progFiles[progFiles.length - 1]!;
  } else {
    if (i >= args.length) {
      await sys.writeAll(2, USAGE);
      return 0;
    }
    text = args[i++]!;
  }
  const operands = args.slice(i);

  let program;
  try {
    program = parseProgram(text);
  } catch (e) {
    if (e instanceof AwkSyntaxError) {
      const where = pfile ? `${pfile}: ` : '';
      if (e.bare) await err(e.message);
      else await err(`${where}line ${e.line}: ${e.message}`);
      const also = (e as AwkSyntaxError & { also?: string }).also;
      if (also) await err(`${where}${also}`);
      return 2;
    }
    throw e;
  }

  let interp: Interp;
  try {
    interp = new Interp(sys, program, { progName: prog, assigns, fs, argv: [prog, ...operands], envp: sys.envp.map(utf8ToBytes), quietOutput: isBusybox(sys) });
  } catch (e) {
    if (e instanceof CompileRegexError || e instanceof AwkRuntimeError) {
      await err(`line 1: ${e.message}`);
      return 2;
    }
    if (e instanceof RegexError) {
      await err(`line 1: ${e.message}`);
      return 2;
    }
    throw e;
  }
  try {
    const status = await interp.run();
    // Output that cannot be written at exit makes the status 2, whatever the program said.
    return (await interp.finish()) ? status : 2;
  } catch (e) {
    if (e instanceof AwkExit) {
      return (await interp.finish()) ? e.code ?? 0 : 2;
    }
    if (e instanceof AwkReadError) {
      // busybox's awk names the program, not the input, and fails with 1.
      const bb = isBusybox(sys);
      await err(bb ? `cmd. line:1: ${e.reason}` : e.message).catch(() => undefined);
      await interp.finish();
      return bb ? 1 : 2;
    }
    if (e instanceof AwkRuntimeError) {
      await sys.writeAll(2, `${prog}: run time error: ${e.message}\n${interp.where()}\n`);
      await interp.finish().catch((x: unknown) => {
        if (!isSysError(x)) throw x;
      });
      return 2;
    }
    if (e instanceof AwkFatal) {
      await err(e.message).catch(() => undefined);
      await interp.finish().catch((x: unknown) => {
        if (!isSysError(x)) throw x;
      });
      return 2;
    }
    if (isSysError(e) && e.code === 'EPIPE') return 2;
    throw e;
  }
}

function unchecked(e: unknown): void {
  if (!isSysError(e)) throw e;
}
