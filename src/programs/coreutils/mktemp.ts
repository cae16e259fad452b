// mktemp (GNU coreutils): make a file (mode 0600) or, with -d, a directory (0700) whose name is
// TEMPLATE with its run of trailing X's replaced by random letters and digits, and print the
// name. Without TEMPLATE: tmp.XXXXXXXXXX in $TMPDIR or /tmp. -p/--tmpdir put a relative
// TEMPLATE in a directory, -t in $TMPDIR first; -u only prints a name that is free.

import { isSysError, strerror, type ErrnoName } from '../../abi/errno.ts';
import { O_CLOEXEC, O_CREAT, O_EXCL, O_RDONLY, O_RDWR } from '../../abi/open-flags.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { localeQuote, report } from '../lib/report.ts';
import { runTool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'mktemp', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [TEMPLATE]'],
  summary: 'Make a temporary file or directory with a name nobody else has, and print the name.\nTEMPLATE must end with at least 3 X\'s (before any suffix), which become random\ncharacters; without TEMPLATE, tmp.XXXXXXXXXX is used with --tmpdir.',
  options: [
    { short: 'd', long: 'directory', help: 'make a directory instead of a file' },
    { short: 'u', long: 'dry-run', help: 'make nothing; only print a name that is free now (unsafe)' },
    { short: 'q', long: 'quiet', help: 'say nothing when the file or directory cannot be made' },
    { long: 'suffix', arg: 'required', argName: 'SUFF', help: "add SUFF after the X's; it may not hold a slash" },
    { short: 'p', key: 'tmpdir', arg: 'required', argName: 'DIR', help: 'the same as --tmpdir=DIR' },
    { long: 'tmpdir', key: 'tmpdir', arg: 'optional', argName: 'DIR', help: 'put TEMPLATE in DIR (default $TMPDIR, else /tmp);\nTEMPLATE must then be relative' },
    { short: 't', help: 'take TEMPLATE as one name component in $TMPDIR, else the -p\nDIR, else /tmp (deprecated)' },
    { short: 'V', key: '--version', help: '' },
  ],
};

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ATTEMPTS = 62 * 62 * 62;

/** Random bytes from /dev/urandom, as glibc's getrandom gives them to gen_tempname. */
async function randomBytes(sys: Sys, n: number): Promise<Uint8Array> {
  try {
    const fd = await sys.open('/dev/urandom', O_RDONLY | O_CLOEXEC);
    try {
      const b = await sys.read(fd, n);
      if (b.length === n) return b;
    } finally {
      await sys.close(fd);
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  return Uint8Array.from({ length: n }, () => Math.floor(Math.random() * 256));
}

async function exists(sys: Sys, path: string): Promise<boolean> {
  try {
    await sys.lstat(path);
    return true;
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.code === 'ENOENT') return false;
    throw e;
  }
}

/** gnulib's gen_tempname: fill the X's and create, retrying while the name is taken. */
async function makeTemp(sys: Sys, template: string, suffixLen: number, xCount: number, kind: 'file' | 'dir' | 'none'): Promise<{ name: string } | { error: ErrnoName }> {
  const end = template.length - suffixLen;
  const start = end - xCount;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const bytes = await randomBytes(sys, xCount);
    let fill = '';
    for (const b of bytes) fill += LETTERS[b % 62];
    const name = template.slice(0, start) + fill + template.slice(end);
    try {
      if (kind === 'file') await sys.close(await sys.open(name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600));
      else if (kind === 'dir') await sys.mkdir(name, 0o700);
      else if (await exists(sys, name)) continue;
      return { name };
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.code !== 'EEXIST') return { error: e.code };
    }
  }
  return { error: 'EEXIST' };
}

export default function mktemp(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    if (a.operands.length >= 2) return tool.usage('mktemp: too many templates');
    let useDir = a.has('tmpdir') || a.has('t');
    let template = a.operands[0];
    if (template === undefined) {
      useDir = true;
      template = 'tmp.XXXXXXXXXX';
    }
    let suffix = a.value('suffix');
    if (suffix !== undefined) {
      if (!template.endsWith('X')) {
        await report(tool, `with --suffix, template ${localeQuote(sys, template)} must end in X`);
        return 1;
      }
      template += suffix;
    } else {
      const lastX = template.lastIndexOf('X');
      suffix = lastX < 0 ? '' : template.slice(lastX + 1);
    }
    if (suffix.includes('/')) {
      await report(tool, `invalid suffix ${localeQuote(sys, suffix)}, contains directory separator`);
      return 1;
    }
    const beforeSuffix = template.slice(0, template.length - suffix.length);
    const xCount = beforeSuffix.length - beforeSuffix.replace(/X+$/, '').length;
    if (xCount < 3) {
      await report(tool, `too few X's in template ${localeQuote(sys, template)}`);
      return 1;
    }
    if (useDir) {
      const dirArg = a.value('tmpdir');
      const env = sys.getenv('TMPDIR');
      let dir: string;
      if (a.has('t')) {
        dir = env ? env : dirArg ? dirArg : '/tmp';
        if (template.includes('/')) {
          await report(tool, `invalid template, ${localeQuote(sys, template)}, contains directory separator`);
          return 1;
        }
      } else {
        dir = dirArg ? dirArg : env ? env : '/tmp';
        if (template.startsWith('/')) {
          await report(tool, `invalid template, ${localeQuote(sys, template)}; with --tmpdir, it may not be absolute`);
          return 1;
        }
      }
      template = dir.endsWith('/') ? dir + template : `${dir}/${template}`;
    }
    const kind = a.has('dry-run') ? 'none' : a.has('directory') ? 'dir' : 'file';
    const made = await makeTemp(sys, template, suffix.length, xCount, kind);
    if ('error' in made) {
      if (!a.has('quiet')) {
        await report(tool, `failed to create ${a.has('directory') ? 'directory' : 'file'} via template ${localeQuote(sys, template)}: ${strerror(made.error)}`);
      }
      return 1;
    }
    await tool.out.write(`${made.name}\n`);
    return 0;
  });
}

