// Builtins that steer evaluation: break, continue, return, exit, eval, exec, `.` and the
// trivial true, false and `:`. break/continue/return only set dash's evalskip; the loops and
// function calls in eval.ts act on it.

import { isSysError } from '../../../abi/errno.ts';
import { defineBuiltin } from '../builtin-table.ts';
import { readTextFile } from '../passwd.ts';
import { fromBytes } from '../bytes.ts';
import { ShellExit } from '../errors.ts';
import { shellExec } from '../eval.ts';
import { findCommand } from '../lookup.ts';
import { cmdloop, evalString } from '../run.ts';
import { SKIP_BREAK, SKIP_CONT, SKIP_FUNC } from '../shell.ts';
import { number } from './variables.ts';

defineBuiltin(':', true, async () => 0);
defineBuiltin('true', false, async () => 0);
defineBuiltin('false', false, async () => 1);

for (const [name, skip] of [['break', SKIP_BREAK], ['continue', SKIP_CONT]] as const) {
  defineBuiltin(name, true, async (sh, argv) => {
    let n = argv.length > 1 ? number(sh, argv[1]!) : 1;
    if (n <= 0) sh.error(`Illegal number: ${argv[1]}`);
    if (n > sh.loopnest) n = sh.loopnest;
    if (n > 0) {
      sh.evalskip = skip;
      sh.skipcount = n;
    }
    return 0;
  });
}

defineBuiltin('return', true, async (sh, argv) => {
  const status = argv.length > 1 ? sh.dialect.returnStatus(number(sh, argv[1]!)) : sh.status;
  sh.evalskip = SKIP_FUNC;
  return status;
});

defineBuiltin('exit', true, async (sh, argv) => {
  const status = argv.length > 1 ? number(sh, argv[1]!) & 0xff : sh.status;
  throw new ShellExit(status);
});

defineBuiltin('eval', true, async (sh, argv) => {
  if (argv.length <= 1) return 0;
  const text = argv.slice(1).join(' ');
  return evalString(sh, text, 0);
});

defineBuiltin('exec', true, async (sh, argv) => {
  let args = argv.slice(1);
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) return 0;
  const path = await findCommand(sh, args[0]!);
  if (path === null) throw await sh.fail(`${args[0]}: not found`, 127);
  sh.commandName = null;
  return shellExec(sh, args, path, sh.vars.environment(), !args[0]!.includes('/'));
});

defineBuiltin('.', true, async (sh, argv) => {
  if (argv.length < 2) return 0;
  const name = argv[1]!;
  // A name without a slash is looked for on PATH, as dash does (but the file need not be executable).
  let path = name;
  if (!name.includes('/')) {
    // Not on PATH: not found, as dash and ash say (neither looks in the current directory).
    path = (await findReadable(sh, name)) ?? sh.error(`${name}: not found`);
  }
  let text: string;
  try {
    text = await readTextFile(sh, path);
  } catch (e) {
    if (!isSysError(e)) throw e;
    sh.error(sh.dialect.openFailed(name, e.code));
  }
  // dash names the file in messages from inside it, and ignores further arguments; busybox
  // ash makes them the positional parameters while the file runs.
  sh.commandName = path;
  sh.dotDepth++;
  const saveParams = sh.positional;
  if (sh.dialect.bashSyntax && argv.length > 2) sh.positional = argv.slice(2);
  try {
    let given = false;
    const status = await cmdloop(sh, {
      next: async () => {
        if (given) return null;
        given = true;
        return text;
      },
    }, false);
    return status;
  } finally {
    sh.dotDepth--;
    if (sh.dialect.bashSyntax && argv.length > 2) sh.positional = saveParams;
  }
});

async function findReadable(sh: Parameters<typeof findCommand>[0], name: string): Promise<string | null> {
  for (const dir of (sh.getVar('PATH') ?? '').split(':')) {
    const full = dir === '' ? name : `${dir}/${name}`;
    try {
      const st = await sh.sys.stat(fromBytes(full));
      if ((st.mode & 0o170000) === 0o100000) return full;
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
  return null;
}
