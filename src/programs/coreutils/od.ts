// od (GNU coreutils): standard input or the files, 16 bytes a line, as named characters (-c),
// hexadecimal (-x) or octal (the default) two-byte words; offsets in octal, or as -A says
// (d, o, x, n); identical lines after the first shown as one "*" unless -v.

import { isSysError, strerror } from '../../abi/errno.ts';
import { concatBytes } from '../../base/bytes.ts';
import type { Sys } from '../../sys/sys.ts';

const NAMED: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };

type Format = 'c' | 'x' | 'o';

function charItem(b: number): string {
  const shown = NAMED[b] ?? (b >= 32 && b < 127 ? String.fromCharCode(b) : b.toString(8).padStart(3, '0'));
  return shown.padStart(4, ' ');
}

function words(line: Uint8Array, radix: 8 | 16): string {
  let out = '';
  for (let i = 0; i < line.length; i += 2) {
    const w = line[i]! | ((line[i + 1] ?? 0) << 8);
    out += radix === 16 ? ` ${w.toString(16).padStart(4, '0')}` : ` ${w.toString(8).padStart(6, '0')}`;
  }
  return out;
}

function offset(n: number, radix: string): string {
  if (radix === 'n') return '';
  if (radix === 'x') return n.toString(16).padStart(6, '0');
  if (radix === 'd') return n.toString(10).padStart(7, '0');
  return n.toString(8).padStart(7, '0');
}

async function input(sys: Sys, files: string[]): Promise<{ data: Uint8Array; status: number }> {
  const parts: Uint8Array[] = [];
  let status = 0;
  for (const name of files.length ? files : ['-']) {
    try {
      const fd = name === '-' ? 0 : await sys.open(name, 0);
      parts.push(await sys.readAll(fd));
      if (fd !== 0) await sys.close(fd);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await sys.writeAll(2, `od: ${name}: ${strerror(e.code)}\n`);
      status = 1;
    }
  }
  return { data: concatBytes(parts), status };
}

export default async function od(sys: Sys): Promise<number> {
  let radix = 'o';
  let format: Format = 'o';
  let verbose = false;
  const files: string[] = [];
  const args = sys.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      files.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 'A') {
        const r = a.slice(j + 1) || args[++i] || '';
        if (!/^[doxn]$/.test(r)) {
          await sys.writeAll(2, `od: invalid output address radix '${r}'; it must be one character from [doxn]\n`);
          return 1;
        }
        radix = r;
        break;
      } else if (c === 'c' || c === 'x' || c === 'o') format = c;
      else if (c === 'v') verbose = true;
      else {
        await sys.writeAll(2, `od: invalid option -- '${c}'\nTry 'od --help' for more information.\n`);
        return 1;
      }
    }
  }
  const { data, status } = await input(sys, files);
  let out = '';
  let previous: string | null = null;
  let starred = false;
  for (let at = 0; at < data.length; at += 16) {
    const line = data.subarray(at, at + 16);
    const body = format === 'c' ? [...line].map(charItem).join('') : words(line, format === 'x' ? 16 : 8);
    if (!verbose && body === previous && line.length === 16) {
      if (!starred) out += '*\n';
      starred = true;
      continue;
    }
    previous = body;
    starred = false;
    out += `${offset(at, radix)}${body}\n`;
  }
  if (radix !== 'n') out += `${offset(data.length, radix)}\n`;
  await sys.writeAll(1, out);
  return status;
}
