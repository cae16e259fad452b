// Reading and running input, as dash's cmdloop and evalstring: parse one top-level list,
// evaluate it, and only then read on, so a syntax error late in a script stops nothing before
// it. Input arrives in chunks (a script file, stdin in 8 KiB reads, or lines from the line
// editor); when a command is cut off by the end of a chunk, the next chunk is read and the
// command parsed again from its start.

import { T } from './lexer.ts';
import { NEED_MORE } from './lexer.ts';
import type { Node } from './ast.ts';
import { ShellError, ShellInterrupt, SyntaxError_ } from './errors.ts';
import { EV_EXIT, evaltree } from './eval.ts';
import { EOF_NODE, Parser } from './parser.ts';
import { SKIP_FUNC, type Shell } from './shell.ts';

/** Where a command loop's text comes from. */
export interface InputSource {
  /** The next chunk of text, or null at the end. `continued` is true inside a command (PS2). */
  next(continued: boolean): Promise<string | null>;
  /** An interactive source: syntax errors do not end the shell. */
  readonly interactive?: boolean;
  /** Called after each command is read and before it runs (job notices, history). */
  commandRead?(text: string): void;
}

/** Report a syntax error as dash does (`sh: LINE: Syntax error: ...`), or in ash's words. */
export async function syntaxError(sh: Shell, e: SyntaxError_): Promise<ShellError> {
  await sh.flushOut();
  await sh.writeFd(2, `${sh.dialect.syntax(sh, e)}\n`);
  sh.status = 2;
  return new ShellError(2);
}

/**
 * `eval` and `sh -c`: run a string; EV_EXIT applies to its last command only. Its lines count
 * from 1 in dash; ash goes on from the line that runs it.
 */
export async function evalString(sh: Shell, text: string, flags: number, firstLine = sh.dialect.evalKeepsLine ? sh.lineno : 1): Promise<number> {
  const parser = new Parser(text, { line: firstLine, final: true, aliases: (n) => sh.aliases.get(n), bash: sh.dialect.bashSyntax });
  let status = 0;
  for (;;) {
    let n: Node | null | typeof EOF_NODE;
    try {
      n = parser.parseTop();
    } catch (e) {
      if (e instanceof SyntaxError_) throw await syntaxError(sh, e);
      throw e;
    }
    sh.plinno = parser.lx.line;
    if (n === EOF_NODE) break;
    const atEof = parser.lx.tokpushback && parser.lx.lasttoken === T.EOF;
    const i = await evaltree(sh, n, atEof ? flags : flags & ~EV_EXIT);
    if (n) status = i;
    if (sh.evalskip) break;
  }
  return status;
}

/** dash's cmdloop over an input source. Returns the status of the last command. */
export async function cmdloop(sh: Shell, input: InputSource, top: boolean): Promise<number> {
  let text = '';
  let final = false;
  const parser = new Parser('', { final: false, aliases: (n) => sh.aliases.get(n), bash: sh.dialect.bashSyntax });
  let mark = { i: 0, line: 1 };
  let status = 0;
  for (;;) {
    let n: Node | null | typeof EOF_NODE;
    try {
      n = parser.parseTop();
    } catch (e) {
      if (e === NEED_MORE) {
        const pending = text.slice(mark.i);
        let chunk: string | null;
        try {
          chunk = await input.next(/\S/.test(pending));
        } catch (ie) {
          if (!(ie instanceof ShellInterrupt) || !input.interactive) throw ie;
          // ^C at a prompt: forget the command being typed; $? is 130 as after SIGINT.
          sh.status = 130;
          text = '';
          mark = { i: 0, line: parser.lx.line };
          parser.lx.reset(mark, text, final);
          continue;
        }
        if (chunk === null) final = true;
        else {
          text = pending + chunk;
          mark = { i: 0, line: mark.line };
        }
        parser.lx.reset(mark, text, final);
        continue;
      }
      if (e instanceof SyntaxError_) {
        const err = await syntaxError(sh, e);
        if (!input.interactive) throw err;
        // Interactive: forget the rest of what was typed and prompt again.
        text = '';
        mark = { i: 0, line: parser.lx.line };
        parser.lx.reset(mark, text, final);
        continue;
      }
      throw e;
    }
    const next = parser.lx.mark();
    sh.plinno = next.line;
    const source = text.slice(mark.i, next.i);
    // set -v: echo input as it is read (dash does this for files and stdin, not for -c).
    if (sh.opts.verbose && source) await sh.writeFd(2, source);
    if (input.commandRead) input.commandRead(source);
    mark = next;
    if (n === EOF_NODE) break;
    if (!sh.opts.noexec || sh.interactive) {
      if (input.interactive) {
        try {
          const i = await evaltree(sh, n, 0);
          if (n) status = i;
        } catch (e) {
          if (e instanceof ShellError) {
            sh.status = e.status;
            status = e.status;
          } else if (e instanceof ShellInterrupt) {
            await sh.writeFd(2, '\n');
            sh.status = 130;
          } else throw e;
        }
      } else {
        const i = await evaltree(sh, n, 0);
        if (n) status = i;
      }
    }
    if (sh.evalskip) {
      // `return` ends this file; break and continue go on to an enclosing loop.
      sh.evalskip &= ~SKIP_FUNC;
      break;
    }
  }
  return status;
}
