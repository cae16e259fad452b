// jq 1.6 (a working subset): run a filter over the JSON values read from standard input or the
// files named, printing each result. jq reads its own options (--arg takes two words, short
// options combine as in -rc), so the command line is parsed here rather than by getopt.
// The language lives in jq-parse.ts, the values and builtins in jq-eval.ts.

import { isSysError, strerror } from '../../abi/errno.ts';
import { O_RDONLY } from '../../abi/open-flags.ts';
import { utf8Decode, utf8Encode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import { helpText } from '../lib/help.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { Output, outputFailure } from '../lib/tool.ts';
import { checkProgram, type Env, run } from './jq-eval.ts';
import { dump, JqError, type Json, JsonParseError, JsonReader, lineCol, parseOne, type Style } from './jq-json.ts';
import { JqSyntaxError, parseJq } from './jq-parse.ts';

export const meta: ProgramMeta = {
  name: 'jq', package: 'jq', version: '1.6',
  usage: ['[OPTION]... FILTER [FILE]...'],
  summary: 'Run FILTER over each JSON value read from the FILEs (or standard input) and print the results as JSON.',
  options: [
    { short: 'c', long: 'compact-output', help: 'print each result on one line' },
    { short: 'n', long: 'null-input', help: 'run the filter once, with null as its input, reading nothing' },
    { short: 'e', long: 'exit-status', help: 'exit 1 if the last result is false or null, 4 if there was none' },
    { short: 's', long: 'slurp', help: 'read every input value into one array and run the filter on it' },
    { short: 'r', long: 'raw-output', help: 'print string results without quotes or escapes' },
    { short: 'j', long: 'join-output', help: 'like -r, with no newline after each result' },
    { short: 'R', long: 'raw-input', help: 'read each input line as a string instead of JSON' },
    { short: 'S', long: 'sort-keys', help: 'print the keys of objects in sorted order' },
    { short: 'M', long: 'monochrome-output', help: 'do not colour the output (the default here)' },
    { long: 'tab', help: 'indent with one tab per level' },
    { long: 'indent', arg: 'required', argName: 'n', help: 'indent with n spaces per level (0 to 7)' },
    { long: 'arg', arg: 'required', argName: 'name value', help: 'set $name to the string value' },
    { long: 'argjson', arg: 'required', argName: 'name text', help: 'set $name to the JSON value text' },
  ],
};

const SHORT: Record<string, string> = { c: 'compact-output', n: 'null-input', e: 'exit-status', s: 'slurp', r: 'raw-output', j: 'join-output', R: 'raw-input', S: 'sort-keys', M: 'monochrome-output', h: 'help' };
const LONG = new Set([...Object.values(SHORT), 'tab', 'version']);

async function readAll(sys: Sys, fd: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  for (let c = await sys.read(fd, 65536); c.length > 0; c = await sys.read(fd, 65536)) chunks.push(c);
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) all.set(c, (at += c.length) - c.length);
  return utf8Decode(all);
}

export default async function jq(sys: Sys): Promise<number> {
  try {
    return await main(sys);
  } catch (e) {
    // A write failed (a full disk, EPIPE with SIGPIPE ignored): jq stops with its own words.
    const failure = outputFailure(e);
    if (!failure) throw e;
    await sys.writeAll(2, `Error: writing output failed: ${strerror(failure.code)}\n`).catch(() => undefined);
    return 2;
  }
}

async function main(sys: Sys): Promise<number> {
  const argv = sys.argv.slice(1);
  const flags = new Set<string>();
  // $ENV (and env): the process environment as an object.
  const env: Env = new Map([['ENV', new Map(sys.envp.map((e) => [e.slice(0, e.indexOf('=') >>> 0), e.slice(e.indexOf('=') + 1)]))]]);
  // The last of -c, --tab and --indent decides the layout.
  let layout = '  ';
  let filter: string | null = null;
  const files: string[] = [];
  const err = (s: string): Promise<void> => sys.writeAll(2, utf8Encode(s));
  const unknown = async (opt: string): Promise<number> => {
    await err(`jq: Unknown option ${opt}\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n`);
    return 2;
  };
  let argsDone = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (argsDone) {
      if (filter === null) filter = a;
      else files.push(a);
    } else if (a === '--') argsDone = true;
    else if (a.startsWith('--')) {
      const name = a.slice(2);
      if (name === 'arg' || name === 'argjson') {
        if (i + 2 >= argv.length) {
          await err(`jq: --${name} takes two parameters (e.g. --${name} varname ${name === 'arg' ? 'value' : 'text'})\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n`);
          return 2;
        }
        const text = argv[i + 2]!;
        if (name === 'arg') env.set(argv[i + 1]!, text);
        else {
          try {
            env.set(argv[i + 1]!, parseOne(text));
          } catch {
            await err(`jq: invalid JSON text passed to --argjson\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n`);
            return 2;
          }
        }
        i += 2;
      } else if (name === 'indent') {
        const n = Number(argv[++i]);
        if (argv[i] === undefined || !Number.isInteger(n) || n < 0 || n > 7) {
          await err(argv[i] === undefined ? 'jq: --indent takes one parameter\n' : 'jq: Cannot indent more than 7 characters\n');
          await err('Use jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n');
          return 2;
        }
        layout = ' '.repeat(n);
      } else if (LONG.has(name)) {
        flags.add(name);
        if (name === 'tab') layout = '\t';
        if (name === 'compact-output') layout = '';
      }
      else return unknown(a);
    } else if (a[0] === '-' && /[A-Za-z]/.test(a[1] ?? '')) {
      for (const c of a.slice(1)) {
        if (!(c in SHORT)) return unknown(a);
        flags.add(SHORT[c]!);
        if (c === 'c') layout = '';
      }
    } else if (filter === null) filter = a;
    else files.push(a);
  }
  if (flags.has('help')) {
    // jq's usage() does not check its output.
    await sys.writeAll(1, utf8Encode(helpText(meta))).catch((e: unknown) => {
      if (!isSysError(e)) throw e;
    });
    return 0;
  }
  if (flags.has('version')) {
    await sys.writeAll(1, utf8Encode('jq-1.6\n'));
    return 0;
  }
  if (filter === null) {
    await err(`Usage:\tjq [OPTION]... FILTER [FILE]...\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n`);
    return 2;
  }

  let program;
  try {
    program = parseJq(filter);
    const bad = checkProgram(program, new Set(env.keys()));
    if (bad) {
      // jq pads the program line with as many spaces as the offset of the name it reports.
      await err(`jq: error: ${bad.message} at <top-level>, line 1:\n${filter}${' '.repeat(bad.at)}\njq: 1 compile error\n`);
      return 3;
    }
  } catch (e) {
    if (!(e instanceof JqSyntaxError)) throw e;
    const tail = e.message.includes('$end') ? '   ' : '';
    await err(`jq: error: ${e.message} at <top-level>, line 1:\n${filter}${tail}\njq: 1 compile error\n`);
    return 3;
  }

  const out = new Output(sys, 1);
  const style: Style = { indent: layout, sortKeys: flags.has('sort-keys') };
  const raw = flags.has('raw-output') || flags.has('join-output');
  // jq 1.6's status is that of the last input run (5 after an error; with -e 1 for a last
  // result false or null, 4 for no result), unless a file failed to open (2) or the JSON did
  // not parse (4).
  let status = 14;
  let inputFailure = 0;
  let where = '<unknown>';

  const emit = async (input: Json): Promise<void> => {
    status = 14;
    const print = async (results: Json[]): Promise<void> => {
      for (const v of results) {
        status = v === null || v === false ? 11 : 10;
        const text = raw && typeof v === 'string' ? v : dump(v, style);
        await out.write(utf8Encode(flags.has('join-output') ? text : text + '\n'));
      }
    };
    try {
      await print(run(program, input, env));
    } catch (e) {
      if (!(e instanceof JqError)) throw e;
      await print(e.partial);
      const v = e.value;
      if (v === null) return; // jq 1.6: error(null) ends this input's results silently
      status = 5;
      await out.flush();
      if (typeof v === 'string') await err(`jq: error (at ${where}): ${v}\n`);
      else await err(`jq: error (at ${where}) (not a string): ${dump(v, { indent: '', sortKeys: false })}\n`);
    }
  };

  if (flags.has('null-input')) await emit(null);
  else {
    const slurped: Json[] = [];
    let rawAll = '';
    for (const name of files.length ? files : ['-']) {
      let text: string;
      let fd = 0;
      try {
        if (name !== '-') fd = await sys.open(name, O_RDONLY);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await out.flush();
        await err(`jq: error: Could not open file ${name}: ${strerror(e.code)}\n`);
        inputFailure = Math.max(inputFailure, 2);
        continue;
      }
      try {
        text = await readAll(sys, fd);
      } catch (e) {
        // jq 1.6 says nothing of a file it opened but cannot read (a directory, a closed stdin).
        if (!isSysError(e)) throw e;
        inputFailure = Math.max(inputFailure, 2);
        continue;
      } finally {
        if (fd !== 0) await sys.close(fd);
      }
      where = `${name === '-' ? '<stdin>' : name}:${text.split('\n').length - 1}`;
      if (flags.has('raw-input')) {
        if (flags.has('slurp')) rawAll += text;
        else for (const line of text.split('\n').slice(0, text.endsWith('\n') ? -1 : undefined)) await emit(line);
        continue;
      }
      const reader = new JsonReader(text);
      try {
        for (let v = reader.next(); v !== undefined; v = reader.next()) {
          if (flags.has('slurp')) slurped.push(v);
          else await emit(v);
        }
      } catch (e) {
        if (!(e instanceof JsonParseError)) throw e;
        await out.flush();
        await err(`parse error: ${e.message} at ${lineCol(text, Math.min(reader.pos, text.length))}\n`);
        inputFailure = 4;
      }
    }
    if (flags.has('raw-input') && flags.has('slurp')) await emit(rawAll);
    else if (flags.has('slurp')) await emit(slurped);
  }
  await out.flush();
  if (inputFailure) return inputFailure;
  if (status >= 10) return flags.has('exit-status') ? (status === 10 ? 0 : status - 10) : 0;
  return status;
}

