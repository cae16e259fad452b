// realpath (GNU coreutils 9.1): the canonical absolute name of each FILE (all but the last
// component must exist unless -e or -m says otherwise), optionally relative to a directory
// (--relative-to) or only for names below one (--relative-base). -s keeps symbolic links,
// -L resolves ".." before links.

import { isSysError, strerror, SysError } from '../../abi/errno.ts';
import { S_IFDIR, S_IFMT } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import { canonicalizeOrThrow, pathPrefix, relpath, type CanMode } from '../lib/canonicalize.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { localeIsUtf8 } from '../lib/locale.ts';
import { quotearg } from '../lib/quotearg.ts';
import { runTool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'realpath', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... FILE...'],
  summary: 'Print the resolved absolute name of each FILE; all but its last component must exist.',
  options: [
    { short: 'e', long: 'canonicalize-existing', help: 'every component must exist' },
    { short: 'm', long: 'canonicalize-missing', help: 'no component needs to exist or be a directory' },
    { short: 'L', long: 'logical', help: "resolve '..' before symbolic links" },
    { short: 'P', long: 'physical', help: 'resolve symbolic links as they are met (the default)' },
    { short: 'q', long: 'quiet', help: 'leave out most error messages' },
    { long: 'relative-to', arg: 'required', argName: 'DIR', help: 'print the name relative to DIR' },
    { long: 'relative-base', arg: 'required', argName: 'DIR', help: 'print absolute names unless they are below DIR' },
    { short: 's', long: 'strip', key: 'strip', help: 'do not expand symbolic links' },
    { long: 'no-symlinks', key: 'strip', help: 'the same as -s' },
    { short: 'z', long: 'zero', help: 'end each name with NUL, not newline' },
  ],
};

class Die {
  constructor(readonly status: number) {}
}

export default function realpath(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    // busybox calls realpath(3): every component must exist.
    let mode: CanMode = tool.busybox ? 'existing' : 'all-but-last';
    let noLinks = false;
    let logical = false;
    let verbose = true;
    for (const o of a.options) {
      if (o.key === 'canonicalize-existing') mode = 'existing';
      else if (o.key === 'canonicalize-missing') mode = 'missing';
      else if (o.key === 'logical') { noLinks = true; logical = true; }
      else if (o.key === 'strip') { noLinks = true; logical = false; }
      else if (o.key === 'physical') { noLinks = false; logical = false; }
      else if (o.key === 'quiet') verbose = false;
    }
    const delim = a.has('zero') ? '\0' : '\n';
    if (a.operands.length === 0) return tool.usage('realpath: missing operand');
    const utf8 = localeIsUtf8((n) => sys.getenv(n));
    const quotef = (s: string): string => quotearg(s, { style: 'shell-escape', quoteTheseToo: ':', utf8 });

    // realpath_canon: in logical mode, once without links and again with them.
    const canon = async (name: string): Promise<string> => {
      const first = await canonicalizeOrThrow(sys, name, mode, noLinks);
      return logical ? canonicalizeOrThrow(sys, first, mode, false) : first;
    };
    const die = async (e: unknown, name: string): Promise<never> => {
      if (!isSysError(e)) throw e;
      await tool.error(`${quotef(name)}: ${strerror(e.code)}`);
      throw new Die(1);
    };
    const needDir = mode === 'existing';
    const canonDir = async (name: string): Promise<string> => {
      let c: string;
      try {
        c = await canon(name);
      } catch (e) {
        return die(e, name);
      }
      if (needDir) {
        try {
          if (((await sys.stat(c)).mode & S_IFMT) !== S_IFDIR) await die(new SysError('ENOTDIR'), name);
        } catch (e) {
          if (e instanceof Die) throw e;
          if (!isSysError(e)) throw e;
          await tool.error(`cannot stat ${quotearg(c, { style: 'shell-escape-always', utf8 })}: ${strerror(e.code)}`);
          throw new Die(1);
        }
      }
      return c;
    };

    let relativeTo = a.value('relative-to') ?? null;
    const relativeBase = a.value('relative-base') ?? null;
    if (relativeBase !== null && relativeTo === null) relativeTo = relativeBase;
    let canRelativeTo: string | null = null;
    let canRelativeBase: string | null = null;
    try {
      if (relativeTo !== null) canRelativeTo = await canonDir(relativeTo);
      if (relativeBase !== null && relativeBase === relativeTo && !a.has('relative-to')) canRelativeBase = canRelativeTo;
      else if (relativeBase !== null) {
        const base = await canonDir(relativeBase);
        if (pathPrefix(base, canRelativeTo!)) canRelativeBase = base;
        else {
          canRelativeBase = canRelativeTo;
          canRelativeTo = null;
        }
      }
    } catch (e) {
      if (e instanceof Die) return e.status;
      throw e;
    }

    let ok = true;
    for (const name of a.operands) {
      let c: string;
      try {
        c = await canon(name);
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (verbose) {
          await tool.out.flush();
          await tool.error(`${quotef(name)}: ${strerror(e.code)}`);
        }
        ok = false;
        continue;
      }
      let text = c;
      if (canRelativeTo !== null && !(canRelativeBase !== null && !pathPrefix(canRelativeBase, c))) text = relpath(c, canRelativeTo);
      await tool.out.write(text + delim);
    }
    return ok ? 0 : 1;
  });
}
