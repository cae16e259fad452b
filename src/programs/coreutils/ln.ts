// ln (GNU coreutils): make hard links (or symbolic ones with -s) to each TARGET, named LINK_NAME
// or put in a DIRECTORY. -f replaces what is there, -i asks first, -b backs it up; -n treats a
// LINK_NAME that is a symbolic link to a directory as a plain name; -r makes a symbolic link
// relative to where it is put; -L links to what a symbolic link TARGET points to.

import { isSysError, strerror, type ErrnoName } from '../../abi/errno.ts';
import { O_CLOEXEC, O_DIRECTORY, O_NOFOLLOW, O_RDONLY } from '../../abi/open-flags.ts';
import { S_IFDIR, S_IFMT, type Stat } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import { backupName, backupSettings, type Backup } from '../lib/backup.ts';
import { canonicalize, dirName, relativePath } from '../lib/canonicalize.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote, quoteIfNeeded } from '../lib/quote.ts';
import { report } from '../lib/report.ts';
import { runTool, tryHelp, type Tool } from '../lib/tool.ts';
import { flushForPrompt, YesNo } from '../lib/yesno.ts';

export const meta: ProgramMeta = {
  name: 'ln', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [-T] TARGET LINK_NAME', '[OPTION]... TARGET', '[OPTION]... TARGET... DIRECTORY', '[OPTION]... -t DIRECTORY TARGET...'],
  summary: 'Make a link named LINK_NAME to TARGET; with only TARGET, a link to it in the current\ndirectory; with a DIRECTORY, a link to each TARGET inside it. Links are hard links\nunless --symbolic is given; a hard link needs an existing TARGET, a symbolic link holds\nany text, read later relative to the directory the link is in.',
  options: [
    { long: 'backup', arg: 'optional', argName: 'CONTROL', help: 'back up each destination that exists' },
    { short: 'b', help: 'like --backup, without an argument' },
    { short: 'd', long: 'directory', key: 'directory', help: 'let the superuser try to hard link directories\n(the kernel refuses anyway)' },
    { short: 'F', key: 'directory', help: '' },
    { short: 'f', long: 'force', help: 'remove destinations that exist' },
    { short: 'i', long: 'interactive', help: 'ask before removing a destination' },
    { short: 'L', long: 'logical', help: 'link to what a symbolic link TARGET points to' },
    { short: 'n', long: 'no-dereference', help: 'take a LINK_NAME that is a symbolic link to a directory\nas a plain name' },
    { short: 'P', long: 'physical', help: 'hard link a symbolic link TARGET itself (the default)' },
    { short: 'r', long: 'relative', help: 'with -s, make links relative to where they are put' },
    { short: 's', long: 'symbolic', help: 'make symbolic links instead of hard links' },
    { short: 'S', long: 'suffix', arg: 'required', argName: 'SUFFIX', help: "end backup names with SUFFIX instead of '~'" },
    { short: 't', long: 'target-directory', arg: 'required', argName: 'DIRECTORY', help: 'put the links in DIRECTORY' },
    { short: 'T', long: 'no-target-directory', help: 'take LINK_NAME as a plain name, never a directory' },
    { short: 'v', long: 'verbose', help: 'print the name of each link made' },
  ],
};

interface Opts {
  symbolic: boolean;
  force: boolean;
  interactive: boolean;
  logical: boolean;
  relative: boolean;
  dirLinks: boolean;
  verbose: boolean;
  derefDestDir: boolean;
  backup: Backup;
}

async function statOrCode(p: Promise<Stat>): Promise<Stat | ErrnoName> {
  try {
    return await p;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return e.code;
  }
}

/** Make the link; null on success, else the errno. */
async function makeLink(sys: Sys, o: Opts, source: string, dest: string): Promise<ErrnoName | null> {
  try {
    if (o.symbolic) await sys.symlink(source, dest);
    else {
      let from = source;
      if (o.logical) {
        const c = await canonicalize(sys, source, 'existing');
        if (typeof c !== 'string') return c.error as ErrnoName;
        from = c;
      }
      await sys.link(from, dest);
    }
    return null;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return e.code;
  }
}

/** ln -r: SOURCE as seen from the directory DEST will be in, both made canonical. */
async function relativeSource(sys: Sys, source: string, dest: string): Promise<string> {
  const dir = await canonicalize(sys, dirName(dest), 'missing');
  const from = await canonicalize(sys, source, 'missing');
  if (typeof dir !== 'string' || typeof from !== 'string') return source;
  return relativePath(from, dir);
}

class Linker {
  constructor(readonly tool: Tool, readonly o: Opts, readonly answers: YesNo) {}

  /** GNU's do_link; `tried` is the errno of an attempt already made (null: it worked, undefined: none). */
  async link(source: string, dest: string, tried?: ErrnoName | null): Promise<boolean> {
    const { sys } = this.tool;
    const o = this.o;
    let err: ErrnoName | null | undefined = tried;
    if (err === undefined && !o.relative) err = await makeLink(sys, o, source, dest);
    let sourceStat: Stat | null = null;
    if (err !== null && !o.symbolic) {
      const st = await statOrCode(o.logical ? sys.stat(source) : sys.lstat(source));
      if (typeof st === 'string') {
        await report(this.tool, `failed to access ${quote(source)}: ${strerror(st)}`);
        return false;
      }
      sourceStat = st;
    }
    let backup: string | null = null;
    if (err !== null) {
      if (sourceStat && !o.dirLinks && (sourceStat.mode & S_IFMT) === S_IFDIR) {
        await report(this.tool, `${quoteIfNeeded(source)}: hard link not allowed for directory`);
        return false;
      }
      if (o.relative) source = await relativeSource(sys, source, dest);
      let force = o.force || o.interactive || o.backup.type !== 'none';
      if (force) {
        const ds = await statOrCode(sys.lstat(dest));
        if (typeof ds === 'string') {
          if (ds !== 'ENOENT') {
            await report(this.tool, `failed to access ${quote(dest)}: ${strerror(ds)}`);
            return false;
          }
          force = false;
        } else if ((ds.mode & S_IFMT) === S_IFDIR) {
          await report(this.tool, `${quoteIfNeeded(dest)}: cannot overwrite directory`);
          return false;
        } else {
          if (o.backup.type !== 'none' ? !o.symbolic : o.force) {
            // Removing DEST must not remove SOURCE: the same directory entry is refused.
            const ss = sourceStat ?? (await statOrCode(sys.stat(source)));
            if (typeof ss !== 'string' && ss.dev === ds.dev && ss.ino === ds.ino && (ss.nlink === 1 || (await sameName(sys, source, dest)))) {
              await report(this.tool, `${quote(source)} and ${quote(dest)} are the same file`);
              return false;
            }
          }
          if (err === undefined || err === 'EEXIST') {
            if (o.interactive) {
              await flushForPrompt(this.tool);
              await sys.writeAll(2, `ln: replace ${quote(dest)}? `);
              if (!(await this.answers.ask())) return true;
            }
            if (o.backup.type !== 'none') {
              backup = await backupName(sys, dest, o.backup);
              try {
                await sys.rename(dest, backup!);
              } catch (e) {
                if (!isSysError(e)) throw e;
                backup = null;
                if (e.code !== 'ENOENT') {
                  await report(this.tool, `cannot backup ${quote(dest)}: ${strerror(e.code)}`);
                  return false;
                }
                force = false;
              }
            }
          }
        }
      }
      if (err === undefined) err = await makeLink(sys, o, source, dest);
      if (err === 'EEXIST' && force) {
        try {
          await sys.unlink(dest);
        } catch (e) {
          if (!isSysError(e)) throw e;
        }
        err = await makeLink(sys, o, source, dest);
      }
    }
    if (err === null) {
      if (o.verbose) {
        const b = backup ? `${quote(backup)} ~ ` : '';
        await this.tool.out.write(`${b}${quote(dest)} ${o.symbolic ? '-' : '='}> ${quote(source)}\n`);
      }
      return true;
    }
    let msg: string;
    if (o.symbolic) msg = err !== 'ENAMETOOLONG' && source !== '' ? `failed to create symbolic link ${quote(dest)}` : `failed to create symbolic link ${quote(dest)} -> ${quote(source)}`;
    else if (err === 'EMLINK') msg = `failed to create hard link to ${quote(source)}`;
    else if (err === 'EDQUOT' || err === 'EEXIST' || err === 'ENOSPC' || err === 'EROFS') msg = `failed to create hard link ${quote(dest)}`;
    else msg = `failed to create hard link ${quote(dest)} => ${quote(source)}`;
    if (this.tool.busybox) msg = dest;
    await report(this.tool, `${msg}: ${strerror(err!)}`);
    if (backup) {
      try {
        await sys.rename(backup, dest);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await report(this.tool, `cannot un-backup ${quote(dest)}: ${strerror(e.code)}`);
      }
    }
    return false;
  }
}

/** Whether two names are the same entry of the same directory (gnulib's same_name). */
async function sameName(sys: Sys, a: string, b: string): Promise<boolean> {
  const base = (s: string): string => s.replace(/\/+$/, '').split('/').pop() ?? '';
  if (base(a) !== base(b)) return false;
  const da = await statOrCode(sys.stat(dirName(a)));
  const db = await statOrCode(sys.stat(dirName(b)));
  return typeof da !== 'string' && typeof db !== 'string' && da.dev === db.dev && da.ino === db.ino;
}

/** file_name_concat: DIR/BASE without doubling a slash. */
function inDir(dir: string, name: string): string {
  const base = name.replace(/\/+$/, '').split('/').pop() || name;
  return dir.endsWith('/') ? dir + base : `${dir}/${base}`;
}

async function opensAsDir(sys: Sys, path: string, follow: boolean): Promise<ErrnoName | null> {
  try {
    await sys.close(await sys.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW)));
    return null;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return e.code === 'ELOOP' && !follow ? 'ENOTDIR' : e.code;
  }
}

export default function ln(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    const o: Opts = {
      symbolic: a.has('symbolic'), force: false, interactive: false, logical: a.last('logical', 'physical') === 'logical',
      relative: a.has('relative'), dirLinks: a.has('directory'), verbose: a.has('verbose'),
      derefDestDir: !a.has('no-dereference'), backup: { type: 'none', suffix: '~' },
    };
    const fi = a.last('force', 'interactive');
    o.force = fi === 'force';
    o.interactive = fi === 'interactive';
    const targetDir = a.values('target-directory');
    if (targetDir.length > 1) {
      await report(tool, 'multiple target directories specified');
      return 1;
    }
    let target: string | undefined = targetDir[0];
    if (target !== undefined) {
      const st = await statOrCode(sys.stat(target));
      if (typeof st === 'string') {
        await report(tool, `failed to access ${quote(target)}: ${strerror(st)}`);
        return 1;
      }
      if ((st.mode & S_IFMT) !== S_IFDIR) {
        await report(tool, `target ${quote(target)} is not a directory`);
        return 1;
      }
    }
    const files = [...a.operands];
    if (files.length === 0) return tool.usage('ln: missing file operand');
    if (o.relative && !o.symbolic) {
      await report(tool, 'cannot do --relative without --symbolic');
      return 1;
    }
    let tried: ErrnoName | null | undefined;
    if (a.has('no-target-directory')) {
      if (target !== undefined) {
        await report(tool, 'cannot combine --target-directory and --no-target-directory');
        return 1;
      }
      if (files.length !== 2) {
        return tool.usage(files.length < 2 ? `ln: missing destination file operand after ${quote(files[0]!)}` : `ln: extra operand ${quote(files[2]!)}`);
      }
    } else if (files.length < 2 && target === undefined) {
      target = '.';
    } else {
      // Two names: try the link at once, and look for a directory only if that fails.
      if (files.length === 2 && target === undefined && !o.relative) tried = await makeLink(sys, o, files[0]!, files[1]!);
      if (tried === undefined || tried === 'EEXIST' || tried === 'ENOTDIR' || tried === 'EINVAL') {
        const d = target ?? files[files.length - 1]!;
        const bad = await opensAsDir(sys, d, o.derefDestDir);
        if (bad === null) {
          if (target === undefined) files.pop();
          target = d;
        } else if (!(files.length === 2 && target === undefined)) {
          await report(tool, `target ${quote(d)}: ${strerror(bad)}`);
          return 1;
        }
      }
    }
    const backup = backupSettings(sys, 'ln', a);
    if ('error' in backup) {
      await sys.writeAll(2, `${backup.error}\n${tryHelp(meta)}`);
      return 1;
    }
    o.backup = backup;
    const linker = new Linker(tool, o, new YesNo(sys));
    let ok = true;
    if (target !== undefined) {
      for (const f of files) ok = (await linker.link(f, inDir(target, f))) && ok;
    } else {
      ok = await linker.link(files[0]!, files[1]!, tried);
    }
    return ok ? 0 : 1;
  });
}
