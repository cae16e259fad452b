// readlink (GNU coreutils 9.1): print where symbolic links point, or (with -f, -e, -m) the
// canonical name of any file. Failures are silent unless -v asks for messages; the status is 1
// when any name could not be resolved.

import { isSysError, strerror } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import { canonicalizeOrThrow, type CanMode } from '../lib/canonicalize.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { localeIsUtf8 } from '../lib/locale.ts';
import { quotearg } from '../lib/quotearg.ts';
import { runTool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'readlink', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... FILE...'],
  summary: 'Print the target of each symbolic link FILE, or with -f, -e or -m the canonical name of FILE.',
  options: [
    { short: 'f', long: 'canonicalize', help: 'follow every link; all but the last component must exist' },
    { short: 'e', long: 'canonicalize-existing', help: 'follow every link; every component must exist' },
    { short: 'm', long: 'canonicalize-missing', help: 'follow every link; nothing needs to exist' },
    { short: 'n', long: 'no-newline', help: 'leave out the final newline' },
    { short: 'q', long: 'quiet', help: 'say nothing about failures (the default)' },
    { short: 's', long: 'silent', key: 'quiet', help: 'the same as -q' },
    { short: 'v', long: 'verbose', help: 'report failures' },
    { short: 'z', long: 'zero', help: 'end each name with NUL, not newline' },
  ],
};

export default function readlink(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    const modeKey = a.last('canonicalize', 'canonicalize-existing', 'canonicalize-missing');
    const mode: CanMode | null = modeKey === 'canonicalize' ? 'all-but-last' : modeKey === 'canonicalize-existing' ? 'existing' : modeKey === 'canonicalize-missing' ? 'missing' : null;
    const verbose = a.last('quiet', 'verbose') === 'verbose';
    let noNewline = a.has('no-newline');
    const delim = a.has('zero') ? '\0' : '\n';
    if (a.operands.length === 0) return tool.usage('readlink: missing operand');
    if (noNewline && a.operands.length > 1) {
      await tool.error('ignoring --no-newline with multiple arguments', 0);
      noNewline = false;
    }
    const utf8 = localeIsUtf8((n) => sys.getenv(n));
    let status = 0;
    for (const name of a.operands) {
      try {
        const value = mode ? await canonicalizeOrThrow(sys, name, mode) : await sys.readlink(name);
        await tool.out.write(noNewline ? value : value + delim);
      } catch (e) {
        if (!isSysError(e)) throw e;
        status = 1;
        if (verbose) {
          await tool.out.flush();
          await tool.error(`${quotearg(name, { style: 'shell-escape', quoteTheseToo: ':', utf8 })}: ${strerror(e.code)}`);
        }
      }
    }
    return status;
  });
}
