// truncate (GNU coreutils): set each FILE's size (creating it unless -c): -s SIZE exactly, or
// relative with a prefix (+ grow by, - shrink by, < at most, > at least, / round down to a
// multiple of, % round up to one), with K, M, G... suffixes (KB, MB: powers of 1000); -r takes
// the size from a reference file; -o counts SIZE in the file's I/O blocks.

import { isSysError, strerror, SysError } from '../../abi/errno.ts';
import { S_IFMT, S_IFREG } from '../../abi/stat.ts';
import { O_CLOEXEC, O_CREAT, O_NONBLOCK, O_WRONLY } from '../../abi/open-flags.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote } from '../lib/quote.ts';
import { localeQuote, report } from '../lib/report.ts';
import { parseSuffixed } from '../lib/suffixed.ts';
import { runTool, type Tool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'truncate', package: 'GNU coreutils', version: '9.1',
  usage: ['OPTION... FILE...'],
  summary: 'Make each FILE the given size, shortening it or filling it out with zero bytes;\na FILE that does not exist is created.',
  epilog: "SIZE is a whole number with an optional unit: K M G T P E Z Y (powers of 1024) or KB MB...\n(powers of 1000). A leading '+' grows by SIZE, '-' shrinks by it, '<' makes at most SIZE,\n'>' at least SIZE, '/' rounds down to a multiple of SIZE and '%' rounds up to one.",
  options: [
    { short: 'c', long: 'no-create', help: 'do not create files that are missing' },
    { short: 'o', long: 'io-blocks', help: "count SIZE in the file's I/O blocks, not bytes" },
    { short: 'r', long: 'reference', arg: 'required', argName: 'RFILE', help: "start from RFILE's size" },
    { short: 's', long: 'size', arg: 'required', argName: 'SIZE', help: 'set or change the size by SIZE bytes' },
  ],
};

type Rel = 'abs' | 'rel' | 'max' | 'min' | 'rdn' | 'rup';
const OFF_MAX = (1n << 63n) - 1n;

interface Size {
  rel: Rel;
  size: bigint;
}

/** -s's argument, or the error message GNU gives for it. */
function parseSize(arg: string, q: (s: string) => string): Size | { error: string; usage?: boolean } {
  let s = arg.replace(/^\s+/, '');
  let rel: Rel = 'abs';
  const prefix: Record<string, Rel> = { '<': 'max', '>': 'min', '/': 'rdn', '%': 'rup' };
  if (s[0]! in prefix) {
    rel = prefix[s[0]!]!;
    s = s.slice(1).replace(/^\s+/, '');
  }
  let sign = 1n;
  let digits = s;
  if (s[0] === '+' || s[0] === '-') {
    if (rel !== 'abs') return { error: 'multiple relative modifiers specified', usage: true };
    rel = 'rel';
    sign = s[0] === '-' ? -1n : 1n;
    digits = s.slice(1);
    if (/^[\s+-]/.test(digits)) return { error: `Invalid number: ${q(s)}` };
  }
  const v = parseSuffixed(digits, 'EgGkKmMPtTYZ0', OFF_MAX);
  if (v === 'invalid') return { error: `Invalid number: ${q(s)}` };
  if (v === 'overflow') return { error: `Invalid number: ${q(s)}: ${strerror('EOVERFLOW')}` };
  if ((rel === 'rup' || rel === 'rdn') && v === 0n) return { error: 'division by zero' };
  return { rel, size: sign * v };
}

async function resize(tool: Tool, fd: number, name: string, want: Size, blocks: boolean, refSize: bigint | null): Promise<boolean> {
  const { sys } = tool;
  const st = await sys.fstat(fd);
  let ssize = want.size;
  if (blocks) ssize *= BigInt(st.blksize || 4096);
  let nsize: bigint;
  const regular = (st.mode & S_IFMT) === S_IFREG;
  if (want.rel !== 'abs') {
    const fsize = refSize ?? BigInt(st.size);
    if (want.rel === 'min') nsize = fsize > ssize ? fsize : ssize;
    else if (want.rel === 'max') nsize = fsize < ssize ? fsize : ssize;
    else if (want.rel === 'rdn') nsize = fsize - (fsize % ssize);
    else {
      if (want.rel === 'rup') {
        const r = fsize % ssize;
        ssize = r === 0n ? 0n : ssize - r;
      }
      nsize = fsize + ssize;
      if (nsize > OFF_MAX) {
        await report(tool, `overflow extending size of file ${quote(name)}`);
        return false;
      }
    }
  } else nsize = ssize;
  if (nsize < 0n) nsize = 0n;
  try {
    // truncate(2) by name stands in for ftruncate(2) on the descriptor GNU holds.
    if (!regular) throw new SysError('EINVAL');
    await sys.truncate(name, Number(nsize));
  } catch (e) {
    if (!isSysError(e)) throw e;
    await report(tool, `failed to truncate ${quote(name)} at ${nsize} bytes: ${strerror(e.code)}`);
    return false;
  }
  return true;
}

export default function truncate(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    let want: Size | null = null;
    for (const v of a.values('size')) {
      const r = parseSize(v, (s) => localeQuote(sys, s));
      if ('error' in r) {
        if (r.usage) return tool.usage(`truncate: ${r.error}`);
        await report(tool, r.error);
        return 1;
      }
      want = r;
    }
    const ref = a.value('reference');
    if (ref === undefined && want === null) return tool.usage("truncate: you must specify either '--size' or '--reference'");
    if (ref !== undefined && want !== null && want.rel === 'abs') return tool.usage("truncate: you must specify a relative '--size' with '--reference'");
    if (a.has('io-blocks') && want === null) return tool.usage("truncate: '--io-blocks' was specified but '--size' was not");
    if (a.operands.length === 0) return tool.usage('truncate: missing file operand');
    let refSize: bigint | null = null;
    if (ref !== undefined) {
      try {
        refSize = BigInt((await sys.stat(ref)).size);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await report(tool, `cannot stat ${quote(ref)}: ${strerror(e.code)}`);
        return 1;
      }
      if (want === null) want = { rel: 'abs', size: refSize };
    }
    const noCreate = a.has('no-create');
    let ok = true;
    for (const name of a.operands) {
      let fd: number;
      try {
        fd = await sys.open(name, O_WRONLY | O_NONBLOCK | O_CLOEXEC | (noCreate ? 0 : O_CREAT), 0o666);
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (!(noCreate && e.code === 'ENOENT')) {
          await report(tool, `cannot open ${quote(name)} for writing: ${strerror(e.code)}`);
          ok = false;
        }
        continue;
      }
      try {
        ok = (await resize(tool, fd, name, want!, a.has('io-blocks'), want!.rel === 'abs' ? null : refSize)) && ok;
      } finally {
        await sys.close(fd);
      }
    }
    return ok ? 0 : 1;
  });
}
