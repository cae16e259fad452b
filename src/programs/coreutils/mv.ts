// mv (GNU coreutils): rename SOURCE to DEST, or move SOURCEs into a DIRECTORY. Within one file
// system this is rename(2); when rename says EXDEV (another file system, or a directory that
// lives in an overlay's lower layer) the tree is copied with its modes, owners, times, xattrs,
// symbolic and hard links, and then removed, as GNU mv does. -i/-n/-f/-u decide about files
// in the way, -b backs them up.

import { isSysError, strerror } from '../../abi/errno.ts';
import { O_CLOEXEC, O_DIRECTORY, O_RDONLY, RENAME_NOREPLACE } from '../../abi/open-flags.ts';
import type { Sys } from '../../sys/sys.ts';
import { backupSettings } from '../lib/backup.ts';
import { Copier, joinName, type CopyOptions } from '../lib/copy.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote } from '../lib/quote.ts';
import { Remover, RM_ERROR } from '../lib/remove.ts';
import { report } from '../lib/report.ts';
import { runTool, tryHelp } from '../lib/tool.ts';
import { YesNo } from '../lib/yesno.ts';

export const meta: ProgramMeta = {
  name: 'mv', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [-T] SOURCE DEST', '[OPTION]... SOURCE... DIRECTORY', '[OPTION]... -t DIRECTORY SOURCE...'],
  summary: 'Rename SOURCE to DEST, or move several SOURCEs into DIRECTORY.',
  epilog: 'Backups are NAME~ (simple), NAME.~N~ (numbered), or numbered only where numbered\nbackups exist already (existing, the default).',
  options: [
    { long: 'backup', arg: 'optional', argName: 'CONTROL', help: 'back up each destination that exists' },
    { short: 'b', help: 'like --backup, without an argument' },
    { short: 'f', long: 'force', help: 'never ask before overwriting' },
    { short: 'i', long: 'interactive', help: 'ask before overwriting' },
    { short: 'n', long: 'no-clobber', help: 'never overwrite a file that exists' },
    { long: 'strip-trailing-slashes', help: 'remove trailing slashes from each SOURCE' },
    { short: 'S', long: 'suffix', arg: 'required', argName: 'SUFFIX', help: "end backup names with SUFFIX instead of '~'" },
    { short: 't', long: 'target-directory', arg: 'required', argName: 'DIRECTORY', help: 'move every SOURCE into DIRECTORY' },
    { short: 'T', long: 'no-target-directory', help: 'take DEST as a plain name, never a directory' },
    { short: 'u', long: 'update', help: 'move only when SOURCE is newer than DEST or DEST is missing' },
    { short: 'v', long: 'verbose', help: 'say what is moved' },
  ],
};

async function openDirError(sys: Sys, path: string): Promise<string | null> {
  try {
    await sys.close(await sys.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    return null;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return e.code;
  }
}

export default function mv(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    const fin = a.last('force', 'interactive', 'no-clobber');
    const x: CopyOptions = {
      program: 'mv', recursive: true, dereference: 'never', hardLink: false, symbolicLink: false,
      interactive: fin === 'force' ? 'yes' : fin === 'interactive' ? 'ask' : fin === 'no-clobber' ? 'no' : 'unspecified',
      removeDestination: false, force: false, update: a.has('update'), verbose: a.has('verbose'),
      preserveMode: true, preserveOwnership: true, preserveTimestamps: true, preserveLinks: true,
      preserveXattr: true, requirePreserve: false, requirePreserveXattr: false, explicitNoPreserveMode: false,
      setMode: null, oneFileSystem: false, copyAsRegular: false, dataCopyRequired: true,
      backup: { type: 'none', suffix: '~' }, stdinTty: await sys.isatty(0),
    };
    const targets = a.values('target-directory');
    if (targets.length > 1) {
      await report(tool, 'multiple target directories specified');
      return 1;
    }
    let target: string | undefined = targets[0];
    const files = [...a.operands];
    if (files.length <= (target === undefined ? 1 : 0)) {
      return tool.usage(files.length === 0 ? 'mv: missing file operand' : `mv: missing destination file operand after ${quote(files[0]!)}`);
    }
    if (x.interactive === 'no') x.update = false;
    const backup = backupSettings(sys, 'mv', a);
    if ('error' in backup) {
      await sys.writeAll(2, `${backup.error}\n${tryHelp(meta)}`);
      return 1;
    }
    if (backup.type !== 'none' && x.interactive === 'no') {
      return tool.usage('mv: options --backup and --no-clobber are mutually exclusive');
    }
    x.backup = backup;
    if (a.has('no-target-directory')) {
      if (target !== undefined) {
        await report(tool, 'cannot combine --target-directory (-t) and --no-target-directory (-T)');
        return 1;
      }
      if (files.length > 2) return tool.usage(`mv: extra operand ${quote(files[2]!)}`);
    } else if (target !== undefined) {
      const err = await openDirError(sys, target);
      if (err) {
        await report(tool, `target directory ${quote(target)}: ${strerror(err as never)}`);
        return 1;
      }
    } else {
      const last = files[files.length - 1]!;
      // Two names: a rename that replaces nothing settles it at once.
      if (files.length === 2) {
        try {
          await sys.rename(files[0]!, last, RENAME_NOREPLACE);
          if (x.verbose) await tool.out.write(`renamed ${quote(files[0]!)} -> ${quote(last)}\n`);
          return 0;
        } catch (e) {
          if (!isSysError(e)) throw e;
        }
      }
      const err = await openDirError(sys, last);
      if (err === null) {
        target = last;
        files.pop();
      } else if (files.length > 2) {
        await report(tool, `target ${quote(last)}: ${strerror(err as never)}`);
        return 1;
      }
    }
    if (a.has('strip-trailing-slashes')) for (let i = 0; i < files.length; i++) files[i] = files[i]!.replace(/(.)\/+$/, '$1');
    const answers = new YesNo(sys);
    const copier = new Copier(tool, x, answers);
    const moveOne = async (source: string, dest: string): Promise<boolean> => {
      const r = await copier.copy(source, dest, false);
      if (!r.ok) return false;
      if (r.intoSelf) return false;
      if (r.renamed) return true;
      // Copied across file systems: now the source goes, as rm -r would remove it.
      const remover = new Remover(tool, {
        interactive: 'never', ignoreMissing: false, promptOnce: false, recursive: true, emptyDirs: true,
        verbose: x.verbose, oneFileSystem: true, root: await sys.lstat('/'), preserveAll: false, stdinTty: false,
      }, answers);
      return (await remover.remove(source)) !== RM_ERROR;
    };
    let ok = true;
    if (target !== undefined) {
      if (files.length >= 2) copier.destInfo = new Map();
      for (const source of files) {
        const base = source.replace(/(.)\/+$/, '$1').split('/').pop() || source;
        ok = (await moveOne(source, joinName(target, base))) && ok;
      }
    } else {
      ok = await moveOne(files[0]!, files[1]!);
    }
    return ok ? 0 : 1;
  });
}
