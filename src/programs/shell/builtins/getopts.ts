// getopts, as dash has it: one option per call, its state kept in the shell between calls
// (sh.optind and where in the word it stopped). Loaded on first use (builtins/index.ts): a
// prompt does without it.

import { defineBuiltin } from '../builtin-table.ts';
import type { Shell } from '../shell.ts';

defineBuiltin('getopts', false, async (sh, argv) => {
  if (argv.length < 3) sh.error('Usage: getopts optstring var [arg...]');
  let params: string[];
  if (argv.length === 3) {
    params = sh.positional;
    if (sh.optind > params.length + 1) {
      sh.optind = 1;
      sh.getoptsOff = -1;
    }
  } else {
    params = argv.slice(3);
    if (sh.optind > argv.length - 2) {
      sh.optind = 1;
      sh.getoptsOff = -1;
    }
  }
  return getopts(sh, argv[1]!, argv[2]!, params);
});

/** dash's getopts(): one option per call, state in sh.optind and sh.getoptsOff. */
async function getopts(sh: Shell, optstr: string, optvar: string, params: string[]): Promise<number> {
  if (sh.optind < 1) return 1;
  // `next` indexes params: the word after the one being read.
  let next = sh.optind - 1;
  let word: string | undefined;
  let p: number | null;
  let c = '?';
  let done = 0;
  if (sh.optind <= 1 || sh.getoptsOff < 0 || params[next - 1] === undefined || params[next - 1]!.length < sh.getoptsOff) p = null;
  else {
    word = params[next - 1];
    p = sh.getoptsOff;
  }
  const finish = async (): Promise<number> => {
    sh.getoptsOff = p !== null ? p : -1;
    sh.optind = next + 1;
    sh.vars.set('OPTIND', String(sh.optind));
    sh.setVar(optvar, c);
    return done;
  };
  if (p === null || p >= word!.length) {
    word = params[next];
    if (word === undefined || word[0] !== '-' || word.length === 1) {
      p = null;
      done = 1;
      return finish();
    }
    next++;
    p = 1;
    if (word === '--') {
      p = null;
      done = 1;
      return finish();
    }
  }
  c = word![p]!;
  p++;
  const at = optstr.indexOf(c);
  if (at < 0 || c === ':') {
    if (optstr[0] === ':') sh.setVar('OPTARG', c);
    else {
      await sh.writeFd(2, `Illegal option -${c}\n`);
      sh.vars.unset('OPTARG');
    }
    c = '?';
    return finish();
  }
  if (optstr[at + 1] === ':') {
    let arg: string;
    if (p >= word!.length) {
      if (params[next] === undefined) {
        if (optstr[0] === ':') {
          sh.setVar('OPTARG', c);
          c = ':';
        } else {
          await sh.writeFd(2, `No arg for -${c} option\n`);
          sh.vars.unset('OPTARG');
          c = '?';
        }
        p = null;
        return finish();
      }
      arg = params[next]!;
      next++;
    } else arg = word!.slice(p);
    sh.setVar('OPTARG', arg);
    p = null;
  } else sh.setVar('OPTARG', '');
  return finish();
}
