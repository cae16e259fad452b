// php, the command-line interpreter, kept honest and small: -v prints the version of the package
// that installed it, -m its modules, -l checks a file, and it runs only the simplest PHP — text
// outside <?php ... ?> (and after `?>`) is printed as it is, and `echo`/`print` of string and
// number literals joined with `.` or `,` (plus PHP_EOL, PHP_VERSION and phpversion()) are
// executed, from a file, from -r CODE or from standard input. Anything else is refused with a
// message that says cowbox's php does not run it, rather than pretending to.

import { isSysError } from '../../abi/errno.ts';
import { utf8Decode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { exeInfo, upstream } from './lib/exe.ts';
import { phpBanner } from './lib/php-version.ts';

export const meta: ProgramMeta = {
  name: 'php', package: 'PHP', version: '7.3.5',
  usage: ['[options] [-f] <file> [--] [args...]', '[options] -r <code> [--] [args...]'],
  summary: 'The PHP command line; cowbox runs only echo and print of literal strings.',
  standardOptions: false,
  options: [
    { short: 'r', arg: 'required', argName: 'code', help: 'run PHP code without the <?php tags' },
    { short: 'f', arg: 'required', argName: 'file', help: 'run a file' },
    { short: 'l', help: 'check the syntax only' },
    { short: 'm', help: 'list the compiled-in modules' },
    { short: 'v', help: 'print the version' },
    { short: 'h', help: 'this help' },
  ],
};

class Unsupported extends Error {}

const MODULES = ['Core', 'ctype', 'date', 'dom', 'fileinfo', 'filter', 'hash', 'json', 'libxml', 'mbstring', 'openssl', 'pcre',
  'Phar', 'readline', 'Reflection', 'session', 'SimpleXML', 'SPL', 'standard', 'tokenizer', 'xml', 'zlib'];

/** One PHP expression made of literals and `.`; returns its string value. */
function evalExpr(src: string, version: string): string {
  let i = 0;
  let out = '';
  const skip = (): void => {
    while (i < src.length && /\s/.test(src[i]!)) i++;
  };
  const term = (): string => {
    skip();
    const c = src[i];
    if (c === '"' || c === "'") {
      i++;
      let s = '';
      while (i < src.length && src[i] !== c) {
        if (src[i] === '\\' && i + 1 < src.length) {
          const n = src[++i]!;
          if (c === "'") s += n === "'" || n === '\\' ? n : `\\${n}`;
          else s += ({ n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', $: '$', '0': '\0', e: '\x1b' } as Record<string, string>)[n] ?? `\\${n}`;
          i++;
          continue;
        }
        if (c === '"' && src[i] === '$' && /[A-Za-z_{]/.test(src[i + 1] ?? '')) throw new Unsupported('variables');
        s += src[i++];
      }
      if (src[i] !== c) throw new Unsupported('an unterminated string');
      i++;
      return s;
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      i += num[0].length;
      return String(Number(num[0]));
    }
    const word = /^[A-Za-z_]\w*(\s*\(\s*\))?/.exec(src.slice(i));
    if (word) {
      i += word[0].length;
      const w = word[0].replace(/\s/g, '');
      if (w === 'PHP_EOL') return '\n';
      if (w === 'PHP_VERSION' || w === 'phpversion()') return version;
      if (w === 'PHP_OS') return 'Linux';
    }
    throw new Unsupported(src.trim());
  };
  out += term();
  for (;;) {
    skip();
    if (i >= src.length) return out;
    if (src[i] !== '.') throw new Unsupported(src.trim());
    i++;
    out += term();
  }
}

/** Split PHP code into statements at `;` outside strings. */
function statements(code: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q: string | null = null;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (q) {
      cur += c;
      if (c === '\\') cur += code[++i] ?? '';
      else if (c === q) q = null;
      continue;
    }
    if (c === '"' || c === "'") q = c;
    if (c === '/' && code[i + 1] === '/') {
      while (i < code.length && code[i] !== '\n') i++;
      continue;
    }
    if (c === '#') {
      while (i < code.length && code[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      i = end < 0 ? code.length : end + 1;
      continue;
    }
    if (c === ';') {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur.trim()) out.push(cur);
  return out;
}

function runCode(code: string, version: string, sink: string[] = []): string {
  let out = '';
  for (const st of statements(code)) {
    const s = st.trim();
    if (!s) continue;
    const m = /^(echo|print)\b\s*([\s\S]*)$/.exec(s);
    if (!m) throw new Unsupported(s);
    let arg = m[2]!.trim();
    if (m[1] === 'print' && arg.startsWith('(') && arg.endsWith(')')) arg = arg.slice(1, -1);
    for (const part of m[1] === 'echo' ? splitCommas(arg) : [arg]) {
      const v = evalExpr(part, version);
      out += v;
      sink.push(v);
    }
  }
  return out;
}

function splitCommas(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (q) {
      cur += c;
      if (c === '\\') cur += s[++i] ?? '';
      else if (c === q) q = null;
    } else if (c === '"' || c === "'") {
      q = c;
      cur += c;
    } else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** A whole file: text outside the tags verbatim, code inside run (a newline right after ?> is eaten, as PHP does). */
function runFile(text: string, version: string, sink: string[]): void {
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('<?', i);
    if (open < 0) {
      sink.push(text.slice(i));
      break;
    }
    sink.push(text.slice(i, open));
    const short = text.startsWith('<?=', open);
    const start = short ? open + 3 : text.startsWith('<?php', open) ? open + 5 : open + 2;
    const close = text.indexOf('?>', start);
    const code = text.slice(start, close < 0 ? undefined : close);
    if (short) sink.push(evalExpr(code.trim().replace(/;$/, ''), version));
    else runCode(code, version, sink);
    if (close < 0) break;
    i = close + 2;
    if (text[i] === '\n') i++;
  }
}

export default async function php(sys: Sys): Promise<number> {
  const info = await exeInfo(sys);
  const version = upstream(info.version) || '7.3.5';
  const args = sys.argv.slice(1);
  let code: string | null = null;
  let file: string | null = null;
  let lint = false;
  for (let i = 0; i < args.length && file === null; i++) {
    const a = args[i]!;
    if (a === '-v' || a === '--version') {
      await sys.writeAll(1, phpBanner(version, 'cli'));
      return 0;
    }
    if (a === '-m') {
      await sys.writeAll(1, `[PHP Modules]\n${MODULES.join('\n')}\n\n[Zend Modules]\n\n`);
      return 0;
    }
    if (a === '-h' || a === '--help') {
      await sys.writeAll(1, `Usage: php [options] [-f] <file> [--] [args...]\n   php [options] -r <code> [--] [args...]\n\n  -f <file>        Parse and execute <file>.\n  -h               This help\n  -l               Syntax check only (lint)\n  -m               Show compiled in modules\n  -r <code>        Run PHP <code> without using script tags <?..?>\n  -v               Version number\n`);
      return 0;
    }
    if (a === '-r') code = args[++i] ?? '';
    else if (a.startsWith('-r') && a.length > 2) code = a.slice(2);
    else if (a === '-l') lint = true;
    else if (a === '-f') file = args[++i] ?? '';
    else if (a === '--') break;
    else if (a.startsWith('-')) {
      await sys.writeAll(2, `Error in argument ${i + 1}, char 2: option not found ${a.slice(1, 2)}\n`);
      return 1;
    } else file = a;
  }
  let text: string;
  const sink: string[] = [];
  try {
    if (code !== null) {
      runCode(code, version, sink);
      await sys.writeAll(1, sink.join(''));
      return 0;
    }
    if (file === null) text = utf8Decode(await sys.readAll(0));
    else {
      try {
        const fd = await sys.open(file, 0);
        try {
          text = utf8Decode(await sys.readAll(fd));
        } finally {
          await sys.close(fd);
        }
      } catch (e) {
        if (!isSysError(e)) throw e;
        await sys.writeAll(1, `Could not open input file: ${file}\n`);
        return 1;
      }
    }
    if (lint) {
      runFile(text, version, []);
      await sys.writeAll(1, `No syntax errors detected in ${file ?? 'Standard input code'}\n`);
      return 0;
    }
    runFile(text, version, sink);
    await sys.writeAll(1, sink.join(''));
    return 0;
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    if (!lint) await sys.writeAll(1, sink.join(''));
    await sys.writeAll(2, `php: cowbox's php runs only echo and print of literal strings; it cannot run: ${e.message}\n`);
    return 255;
  }
}
