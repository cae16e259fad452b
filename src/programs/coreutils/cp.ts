// cp (GNU coreutils): copy SOURCE to DEST, or SOURCEs into a DIRECTORY. -r copies directories
// with what is in them (symbolic links inside copied as links), -p/--preserve keep mode,
// owner, times (and xattrs, links), -a is -dR --preserve=all; -i/-n/-f/-u decide about
// existing files, -l/-s make links instead of copies, -b backs up what is replaced.

import { isSysError, strerror } from '../../abi/errno.ts';
import { O_CLOEXEC, O_DIRECTORY, O_RDONLY } from '../../abi/open-flags.ts';
import { S_IFDIR, S_IFMT, S_IFREG } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import { argmatch } from '../lib/argmatch.ts';
import { localeIsUtf8 } from '../lib/locale.ts';
import { backupName, backupSettings } from '../lib/backup.ts';
import { Copier, joinName, type CopyOptions } from '../lib/copy.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote } from '../lib/quote.ts';
import { report } from '../lib/report.ts';
import { runTool, tryHelp, type Tool } from '../lib/tool.ts';
import { YesNo } from '../lib/yesno.ts';

export const meta: ProgramMeta = {
  name: 'cp', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [-T] SOURCE DEST', '[OPTION]... SOURCE... DIRECTORY', '[OPTION]... -t DIRECTORY SOURCE...'],
  summary: 'Copy SOURCE to DEST, or several SOURCEs into DIRECTORY.',
  epilog: "ATTR_LIST is a comma-separated list of: mode, ownership, timestamps, links, context,\nxattr, all. Backups are NAME~ (simple), NAME.~N~ (numbered), or numbered only where\nnumbered backups exist already (existing, the default).",
  options: [
    { short: 'a', long: 'archive', help: 'the same as -dR --preserve=all' },
    { long: 'attributes-only', help: 'copy the attributes only, not the data' },
    { long: 'backup', arg: 'optional', argName: 'CONTROL', help: 'back up each destination that exists' },
    { short: 'b', help: 'like --backup, without an argument' },
    { long: 'copy-contents', help: 'read special files as data when copying recursively' },
    { short: 'd', help: 'the same as --no-dereference --preserve=links' },
    { short: 'f', long: 'force', help: 'remove a destination that cannot be opened and try again\n(not needed with -n)' },
    { short: 'i', long: 'interactive', help: 'ask before overwriting (overrides an earlier -n)' },
    { short: 'H', help: 'follow symbolic links named on the command line' },
    { short: 'l', long: 'link', help: 'make hard links instead of copies' },
    { short: 'L', long: 'dereference', help: 'follow every symbolic link in SOURCE' },
    { short: 'n', long: 'no-clobber', help: 'never overwrite a file that exists (overrides an\nearlier -i)' },
    { short: 'P', long: 'no-dereference', help: 'never follow symbolic links in SOURCE' },
    { short: 'p', help: 'the same as --preserve=mode,ownership,timestamps' },
    { long: 'preserve', arg: 'optional', argName: 'ATTR_LIST', help: 'keep these attributes (default: mode,ownership,\ntimestamps); more: links, context, xattr, all' },
    { long: 'no-preserve', arg: 'required', argName: 'ATTR_LIST', help: 'do not keep these attributes' },
    { long: 'parents', help: 'recreate the whole SOURCE name under DIRECTORY' },
    { short: 'R', key: 'recursive', help: '' },
    { short: 'r', long: 'recursive', key: 'recursive', help: 'copy directories and everything in them' },
    { long: 'reflink', arg: 'optional', argName: 'WHEN', help: 'share data blocks with the source where the file system can\n(auto, always, never)' },
    { long: 'remove-destination', help: 'remove each destination that exists before copying' },
    { long: 'sparse', arg: 'required', argName: 'WHEN', help: 'how to treat runs of zero bytes (auto, always, never)' },
    { long: 'strip-trailing-slashes', help: 'remove trailing slashes from each SOURCE' },
    { short: 's', long: 'symbolic-link', help: 'make symbolic links instead of copies' },
    { short: 'S', long: 'suffix', arg: 'required', argName: 'SUFFIX', help: "end backup names with SUFFIX instead of '~'" },
    { short: 't', long: 'target-directory', arg: 'required', argName: 'DIRECTORY', help: 'copy every SOURCE into DIRECTORY' },
    { short: 'T', long: 'no-target-directory', help: 'take DEST as a plain name, never a directory' },
    { short: 'u', long: 'update', help: 'copy only when SOURCE is newer than DEST or DEST is missing' },
    { short: 'v', long: 'verbose', help: 'say what is copied' },
    { short: 'x', long: 'one-file-system', help: 'stay on the file system where each SOURCE starts' },
  ],
};

const PRESERVE: [string, string][] = [
  ['mode', 'mode'], ['timestamps', 'timestamps'], ['ownership', 'ownership'], ['links', 'links'],
  ['context', 'context'], ['xattr', 'xattr'], ['all', 'all'],
];

function defaults(): CopyOptions {
  return {
    program: 'cp', recursive: false, dereference: 'never', hardLink: false, symbolicLink: false,
    interactive: 'unspecified', removeDestination: false, force: false, update: false, verbose: false,
    preserveMode: false, preserveOwnership: false, preserveTimestamps: false, preserveLinks: false,
    preserveXattr: false, requirePreserve: false, requirePreserveXattr: false, explicitNoPreserveMode: false,
    setMode: null, oneFileSystem: false, copyAsRegular: true, dataCopyRequired: true,
    backup: { type: 'none', suffix: '~' }, stdinTty: false,
  };
}

/** --preserve / --no-preserve lists. */
function decodePreserve(x: CopyOptions, list: string, on: boolean, option: string, utf8: boolean): string | null {
  for (const word of list.split(',')) {
    const m = argmatch('cp', option, word, PRESERVE, utf8);
    if ('error' in m) return m.error;
    switch (m.value) {
      case 'mode': x.preserveMode = on; x.explicitNoPreserveMode = !on; break;
      case 'timestamps': x.preserveTimestamps = on; break;
      case 'ownership': x.preserveOwnership = on; break;
      case 'links': x.preserveLinks = on; break;
      case 'context': break;
      case 'xattr': x.preserveXattr = on; x.requirePreserveXattr = on; break;
      case 'all':
        x.preserveMode = x.preserveTimestamps = x.preserveOwnership = x.preserveLinks = x.preserveXattr = on;
        x.explicitNoPreserveMode = !on;
        break;
    }
  }
  return null;
}

/** The options in the order given, as cp's getopt loop reads them; a message on a bad word. */
function readOptions(tool: Tool): { x: CopyOptions; deref: boolean; copyContents: boolean } | string {
  const x = defaults();
  const utf8 = localeIsUtf8((n) => tool.sys.getenv(n));
  let deref: CopyOptions['dereference'] | null = null;
  let copyContents = false;
  let sparse = 'auto';
  let reflink = 'auto';
  for (const o of tool.args.options) {
    switch (o.key) {
      case 'archive':
        deref = 'never';
        Object.assign(x, { preserveLinks: true, preserveOwnership: true, preserveMode: true, preserveTimestamps: true, requirePreserve: true, preserveXattr: true, recursive: true });
        break;
      case 'attributes-only': x.dataCopyRequired = false; break;
      case 'copy-contents': copyContents = true; break;
      case 'd': x.preserveLinks = true; deref = 'never'; break;
      case 'force': x.force = true; break;
      case 'interactive': x.interactive = 'ask'; break;
      case 'H': deref = 'command-line'; break;
      case 'link': x.hardLink = true; break;
      case 'dereference': deref = 'always'; break;
      case 'no-clobber': x.interactive = 'no'; break;
      case 'no-dereference': deref = 'never'; break;
      case 'p': x.preserveOwnership = x.preserveMode = x.preserveTimestamps = x.requirePreserve = true; break;
      case 'preserve': {
        const err = decodePreserve(x, o.value ?? 'mode,ownership,timestamps', true, '--preserve', utf8);
        if (err) return err;
        x.requirePreserve = true;
        break;
      }
      case 'no-preserve': {
        const err = decodePreserve(x, o.value!, false, '--no-preserve', utf8);
        if (err) return err;
        break;
      }
      case 'recursive': x.recursive = true; break;
      case 'reflink': {
        const m = argmatch('cp', '--reflink', o.value ?? 'always', [['auto', 'auto'], ['always', 'always'], ['never', 'never']], utf8);
        if ('error' in m) return m.error;
        reflink = m.value;
        break;
      }
      case 'remove-destination': x.removeDestination = true; break;
      case 'sparse': {
        const m = argmatch('cp', '--sparse', o.value!, [['never', 'never'], ['auto', 'auto'], ['always', 'always']], utf8);
        if ('error' in m) return m.error;
        sparse = m.value;
        break;
      }
      case 'symbolic-link': x.symbolicLink = true; break;
      case 'update': x.update = true; break;
      case 'verbose': x.verbose = true; break;
      case 'one-file-system': x.oneFileSystem = true; break;
    }
  }
  if (x.hardLink && x.symbolicLink) return 'cp: cannot make both hard and symbolic links';
  if (reflink === 'always' && sparse !== 'auto') return 'cp: --reflink can be used only with --sparse=auto';
  x.dereference = deref ?? (x.recursive && !x.hardLink ? 'never' : 'always');
  return { x, deref: deref !== null, copyContents };
}

async function openDir(sys: Sys, path: string): Promise<string | null> {
  try {
    await sys.close(await sys.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    return null;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return e.code;
  }
}

/** --parents: make DIRECTORY/a/b for a/b/file, each new directory shaped like its source. */
async function makeParents(tool: Tool, x: CopyOptions, target: string, arg: string, made: { src: string; dst: string }[]): Promise<boolean> {
  const { sys } = tool;
  const parts = arg.split('/');
  parts.pop();
  let src = '';
  for (const part of parts) {
    src = src === '' ? part : `${src}/${part}`;
    if (part === '' || part === '.') continue;
    const dst = joinName(target, src);
    let dstSt;
    try {
      dstSt = await sys.stat(dst);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    if (dstSt) {
      if ((dstSt.mode & S_IFMT) !== S_IFDIR) {
        await report(tool, `${quote(dst)} exists but is not a directory`);
        return false;
      }
      continue;
    }
    let srcSt;
    try {
      srcSt = await sys.stat(src);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await report(tool, `failed to get attributes of ${quote(src)}: ${strerror(e.code)}`);
      return false;
    }
    if ((srcSt.mode & S_IFMT) !== S_IFDIR) {
      await report(tool, `${quote(src)} exists but is not a directory`);
      return false;
    }
    const mode = x.preserveOwnership ? srcSt.mode & 0o700 : srcSt.mode & 0o7777;
    try {
      await sys.mkdir(dst, mode | 0o700);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await report(tool, `cannot make directory ${quote(dst)}: ${strerror(e.code)}`);
      return false;
    }
    made.push({ src, dst });
    if (x.verbose) await tool.out.write(`${src} -> ${dst}\n`);
  }
  return true;
}

/** re_protect: give the directories --parents made their sources' attributes. */
async function reProtect(tool: Tool, x: CopyOptions, made: { src: string; dst: string }[]): Promise<boolean> {
  const { sys } = tool;
  let ok = true;
  for (const { src, dst } of [...made].reverse()) {
    try {
      const st = await sys.stat(src);
      if (x.preserveTimestamps) await sys.utimensat(dst, st.atimeNs, st.mtimeNs);
      if (x.preserveOwnership) await sys.chown(dst, st.uid, st.gid);
      if (x.preserveMode) await sys.chmod(dst, st.mode & 0o7777);
      else {
        const umask = await sys.umask(0);
        await sys.umask(umask);
        await sys.chmod(dst, st.mode & 0o7777 & ~umask);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      await report(tool, `failed to preserve attributes of ${quote(dst)}: ${strerror(e.code)}`);
      ok = false;
    }
  }
  return ok;
}

export default function cp(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    const read = readOptions(tool);
    if (typeof read === 'string') {
      await sys.writeAll(2, `${read}\n${tryHelp(meta)}`);
      return 1;
    }
    const { x, copyContents } = read;
    const backup = backupSettings(sys, 'cp', a);
    if ('error' in backup) {
      await sys.writeAll(2, `${backup.error}\n${tryHelp(meta)}`);
      return 1;
    }
    if (backup.type !== 'none' && x.interactive === 'no') {
      return tool.usage('cp: options --backup and --no-clobber are mutually exclusive');
    }
    x.backup = backup;
    if (x.recursive) x.copyAsRegular = copyContents;
    x.stdinTty = await sys.isatty(0);
    const files = [...a.operands];
    const targets = a.values('target-directory');
    let target: string | undefined = targets[targets.length - 1];
    const noTarget = a.has('no-target-directory');
    if (files.length <= (target === undefined ? 1 : 0)) {
      return tool.usage(files.length === 0 ? 'cp: missing file operand' : `cp: missing destination file operand after ${quote(files[0]!)}`);
    }
    let newDst = false;
    let lastIsFile: { isReg: boolean } | null = null;
    if (noTarget) {
      if (target !== undefined) return tool.usage('cp: cannot combine --target-directory (-t) and --no-target-directory (-T)');
      if (files.length > 2) return tool.usage(`cp: extra operand ${quote(files[2]!)}`);
    } else if (target !== undefined) {
      const err = await openDir(sys, target);
      if (err) {
        await report(tool, `target directory ${quote(target)}: ${strerror(err as never)}`);
        return 1;
      }
    } else {
      const last = files[files.length - 1]!;
      const err = await openDir(sys, last);
      if (err === null) {
        target = last;
        files.pop();
      } else {
        if (err === 'ENOENT') newDst = true;
        if (files.length > 2) {
          await report(tool, `target ${quote(last)}: ${strerror(err as never)}`);
          return 1;
        }
      }
    }
    const copier = new Copier(tool, x, new YesNo(sys));
    const parents = a.has('parents');
    const strip = a.has('strip-trailing-slashes');
    let ok = true;
    if (target !== undefined) {
      if (files.length >= 2) copier.trackSeveral();
      for (let arg of files) {
        if (strip) arg = arg.replace(/(.)\/+$/, '$1');
        let dst: string;
        const made: { src: string; dst: string }[] = [];
        if (parents) {
          const clean = arg.replace(/(.)\/+$/, '$1');
          dst = joinName(target, clean);
          if (!(await makeParents(tool, x, target, clean, made))) {
            ok = false;
            continue;
          }
        } else {
          const base = arg.replace(/(.)\/+$/, '$1').split('/').pop() || arg;
          dst = base === '..' ? target : joinName(target, base);
        }
        const r = await copier.copy(arg, dst, false);
        ok = r.ok && ok;
        if (parents) ok = (await reProtect(tool, x, made)) && ok;
      }
    } else {
      if (parents) return tool.usage('cp: with --parents, the destination must be a directory');
      const source = files[0]!;
      let dest = files[1]!;
      if (!newDst && x.force && x.backup.type !== 'none' && source === dest) {
        try {
          lastIsFile = { isReg: ((await sys.stat(dest)).mode & S_IFMT) === S_IFREG };
        } catch (e) {
          if (!isSysError(e)) throw e;
        }
      }
      if (lastIsFile?.isReg) {
        // cp --force --backup f f: copy f to its backup name instead.
        dest = (await backupName(sys, dest, x.backup))!;
        const copier2 = new Copier(tool, { ...x, backup: { type: 'none', suffix: x.backup.suffix } }, new YesNo(sys));
        ok = (await copier2.copy(source, dest, false)).ok;
      } else {
        ok = (await copier.copy(source, dest, false)).ok;
      }
    }
    return ok ? 0 : 1;
  });
}
