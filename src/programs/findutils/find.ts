// find (GNU findutils 4.9): walk each starting point and evaluate the expression on every file.
// One getdents per directory; the type getdents reports decides whether to descend, and the
// inode is fetched (lstat/stat) only when a test or action asks for it, so the cost of
// `find / -name x` grows with the number of entries and nothing else. -exec runs commands by
// fork+execve (PATH lookup as execvp), `-exec ... {} +` in batches.

import { isSysError, strerror, type SysError } from '../../abi/errno.ts';
import { O_CLOEXEC, O_CREAT, O_DIRECTORY, O_RDONLY, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import { WEXITSTATUS, WIFEXITED, WTERMSIG } from '../../abi/signals.ts';
import { S_IFDIR, S_IFLNK, S_IFMT, type Stat } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import { IdCache } from '../lib/idcache.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { groupByName, groupById, userByName, userById } from '../lib/passwd.ts';
import { timeZone } from '../lib/strftime.ts';
import { dialectUsageError, guardOutput, isBusybox, Output, reportWriteError, WriteError } from '../lib/tool.ts';
import { ExprParser, FindUsageError, type CompiledFormat, type Entry, type FindHost, type Node, type Options } from './find-expr.ts';
import { fsTypeName, LsFormatter, matchName, renderFormat, typeLetterOf, type FormatHost } from './find-format.ts';

export const meta: ProgramMeta = {
  name: 'find', package: 'GNU findutils', version: '4.9.0',
  usage: ['[-H] [-L] [-P] [starting-point...] [expression]'],
  summary: 'Walk the file trees under each starting point (default: the current directory) and evaluate the expression for every file: tests such as -name, -type, -size, -mtime, -perm; actions such as -print, -printf, -ls, -exec, -delete.',
  standardOptions: false,
  options: [
    { short: 'H', help: 'follow symbolic links named on the command line only' },
    { short: 'L', help: 'follow all symbolic links' },
    { short: 'P', help: 'never follow symbolic links (the default)' },
  ],
};

const ARG_LIMIT = 128 * 1024;

class Quit extends Error {}

interface Batch {
  argv: string[];
  dir: string | null;
  paths: string[];
  size: number;
}

class FindRun implements FindHost, FormatHost {
  readonly out: Output;
  status = 0;
  now = 0;
  nowNs = 0n;
  zone = timeZone(undefined);
  private ids: IdCache;
  private pruned = false;
  private quitting = false;
  private lsFmt: LsFormatter | null = null;
  private batches = new Map<string, Batch>();
  opts!: Options;

  constructor(readonly sys: Sys) {
    this.out = new Output(sys);
    this.ids = new IdCache(sys);
    this.zone = timeZone(sys.getenv('TZ'));
  }

  async error(msg: string): Promise<void> {
    await this.out.flush();
    await this.sys.writeAll(2, `find: ${msg}\n`);
    this.status = 1;
  }

  sysMsg(e: SysError, path: string): string {
    return isBusybox(this.sys) ? `${path}: ${strerror(e.code)}` : `'${path}': ${strerror(e.code)}`;
  }

  // ---- FindHost ------------------------------------------------------------------------------------

  print(_e: Entry, text: string): Promise<void> {
    return this.out.write(text);
  }

  async printf(e: Entry, fmt: CompiledFormat): Promise<void> {
    await this.out.write(await renderFormat(fmt, e, this));
  }

  async ls(e: Entry): Promise<void> {
    const line = await this.lsLine(e);
    if (line !== null) await this.out.write(line);
  }

  async lsLine(e: Entry): Promise<string | null> {
    const st = await e.stat();
    if (!st) return null;
    this.lsFmt ??= new LsFormatter(this, this.now);
    return this.lsFmt.line(e, st);
  }

  formatLine(e: Entry, fmt: CompiledFormat): Promise<string> {
    return renderFormat(fmt, e, this);
  }

  /** -fprint's files; a write that fails is remembered and reported, as fclose finds it, at the end. */
  readonly files: Array<{ out: Output; name: string; failure: SysError | null }> = [];

  async openOutput(name: string): Promise<(text: string) => Promise<void>> {
    if (name === '/dev/stdout') return (t) => this.out.write(t);
    if (name === '/dev/stderr') return async (t) => {
      await this.out.flush();
      await this.sys.writeAll(2, t);
    };
    let fd: number;
    try {
      fd = await this.sys.open(name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666);
    } catch (err) {
      if (!isSysError(err)) throw err;
      throw new FindUsageError(this.sysMsg(err, name));
    }
    const file = { out: new Output(this.sys, fd), name, failure: null as SysError | null };
    this.files.push(file);
    return (t) => (file.failure ? Promise.resolve() : catchWrite(file, () => file.out.write(t)));
  }

  basename(e: Entry): string {
    return matchName(e.path);
  }

  prune(): void {
    this.pruned = true;
  }

  quit(): void {
    this.quitting = true;
    throw new Quit();
  }

  daystart(): void {
    // Times count from the end of today (local midnight ahead), as GNU's -daystart.
    const day = 86400;
    const local = this.now + this.zone.offset;
    this.now = Math.floor(local / day) * day + day - this.zone.offset;
  }

  async readdirEmpty(e: Entry): Promise<boolean> {
    try {
      const fd = await this.sys.open(e.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      try {
        const list = await this.sys.getdents(fd);
        return list.every((d) => d.name === '.' || d.name === '..');
      } finally {
        await this.sys.close(fd);
      }
    } catch (err) {
      if (!isSysError(err)) throw err;
      await this.error(this.sysMsg(err, e.path));
      return false;
    }
  }

  async access(e: Entry, mode: number): Promise<boolean> {
    try {
      await this.sys.access(e.path, mode);
      return true;
    } catch (err) {
      if (!isSysError(err)) throw err;
      return false;
    }
  }

  async readlink(e: Entry): Promise<string | null> {
    try {
      return await this.sys.readlink(e.path);
    } catch (err) {
      if (!isSysError(err)) throw err;
      return null;
    }
  }

  async userId(name: string): Promise<number | null> {
    return (await userByName(this.sys, name))?.uid ?? null;
  }
  async groupId(name: string): Promise<number | null> {
    return (await groupByName(this.sys, name))?.gid ?? null;
  }
  async userExists(uid: number): Promise<boolean> {
    return (await userById(this.sys, uid)) !== null;
  }
  async groupExists(gid: number): Promise<boolean> {
    return (await groupById(this.sys, gid)) !== null;
  }
  user(uid: number): Promise<string | null> {
    return this.ids.user(uid);
  }
  group(gid: number): Promise<string | null> {
    return this.ids.group(gid);
  }

  async statPath(path: string): Promise<Stat | null> {
    try {
      return this.opts.follow === 'P' ? await this.sys.lstat(path) : await this.sys.stat(path);
    } catch (err) {
      if (!isSysError(err)) throw err;
      return null;
    }
  }

  warn(message: string): void {
    void this.sys.writeAll(2, `find: ${message}\n`);
  }

  async statFollowType(e: Entry): Promise<string> {
    const l = await e.lstat();
    if (!l) return 'N';
    if ((l.mode & S_IFMT) !== S_IFLNK) return typeLetterOf(l.mode);
    try {
      return typeLetterOf((await this.sys.stat(e.path)).mode);
    } catch (err) {
      if (!isSysError(err)) throw err;
      return err.code === 'ELOOP' ? 'L' : 'N';
    }
  }

  async fsType(e: Entry): Promise<string> {
    try {
      return fsTypeName((await this.sys.statfs(e.path)).type);
    } catch (err) {
      if (!isSysError(err)) throw err;
      return 'unknown';
    }
  }

  async deleteEntry(e: Entry): Promise<boolean> {
    if (e.path === '.' || e.path === './') return true;
    const st = await e.lstat();
    try {
      if (st && (st.mode & S_IFMT) === S_IFDIR) await this.sys.rmdir(e.path);
      else await this.sys.unlink(e.path);
      return true;
    } catch (err) {
      if (!isSysError(err)) throw err;
      await this.error(`cannot delete ${this.sysMsg(err, e.path)}`);
      return false;
    }
  }

  async exec(e: Entry, argv: string[], opts: { dir: boolean; batch: boolean; id: number }): Promise<boolean> {
    let name = e.path;
    let dir: string | null = null;
    if (opts.dir) {
      const trimmed = e.path.replace(/\/+$/, '') || '/';
      const slash = trimmed.lastIndexOf('/');
      dir = slash < 0 ? '.' : slash === 0 ? '/' : trimmed.slice(0, slash);
      const base = trimmed.slice(slash + 1) || '/';
      name = base === '/' ? '/' : `./${base}`;
    }
    if (!opts.batch) {
      const args = argv.map((a) => a.split('{}').join(name));
      const st = await this.run(args, dir);
      return st === 0;
    }
    const key = `${opts.id}\0${dir ?? ''}`;
    let batch = this.batches.get(key);
    if (batch && batch.size + name.length + 1 > ARG_LIMIT) {
      await this.flushBatch(batch);
      this.batches.delete(key);
      batch = undefined;
    }
    if (!batch) {
      // -execdir batches are per directory: a new directory flushes the others of this action.
      if (opts.dir) {
        for (const [k, b] of this.batches) if (k.startsWith(`${opts.id}\0`)) {
          await this.flushBatch(b);
          this.batches.delete(k);
        }
      }
      batch = { argv, dir, paths: [], size: argv.reduce((n, a) => n + a.length + 1, 0) };
      this.batches.set(key, batch);
    }
    batch.paths.push(name);
    batch.size += name.length + 1;
    return true;
  }

  private async flushBatch(b: Batch): Promise<void> {
    if (b.paths.length === 0) return;
    const st = await this.run([...b.argv, ...b.paths], b.dir);
    if (st !== 0) this.status = 1;
  }

  async flushBatches(): Promise<void> {
    for (const b of this.batches.values()) await this.flushBatch(b);
    this.batches.clear();
  }

  /** Run a command and wait for it: its exit status, or 1 after a message when it died badly. */
  private async run(argv: string[], dir: string | null): Promise<number> {
    await this.out.flush();
    const cmd = argv[0]!;
    const path = this.sys.getenv('PATH') ?? '/usr/bin:/bin';
    const candidates = cmd.includes('/') ? [cmd] : path.split(':').map((d) => `${d || '.'}/${cmd}`);
    const pid = await this.sys.fork(async (c) => {
      if (dir !== null) {
        try {
          await c.chdir(dir);
        } catch (err) {
          if (!isSysError(err)) throw err;
          await c.writeAll(2, `find: ${this.sysMsg(err, dir)}\n`);
          return 1;
        }
      }
      let failure: SysError | null = null;
      for (const file of candidates) {
        try {
          return await c.execve(file, argv);
        } catch (err) {
          if (!isSysError(err)) throw err;
          if (!failure || err.code !== 'ENOENT') failure = err;
        }
      }
      await c.writeAll(2, isBusybox(this.sys) ? `find: ${cmd}: ${strerror(failure!.code)}\n` : `find: '${cmd}': ${strerror(failure!.code)}\n`);
      return failure!.code === 'ENOENT' ? 127 : 126;
    });
    const [, st] = await this.sys.wait4(pid);
    if (WIFEXITED(st)) return WEXITSTATUS(st);
    await this.error(`'${cmd}' terminated by signal ${WTERMSIG(st)}`);
    return 128 + WTERMSIG(st);
  }

  // ---- the walk -------------------------------------------------------------------------------------

  private makeEntry(path: string, root: string, depth: number, dtype: string | null): Entry {
    let st: Stat | null | undefined;
    let lst: Stat | null | undefined;
    let fst: Stat | null | undefined;
    const sys = this.sys;
    const follow = this.opts.follow;
    const lstat = async (): Promise<Stat | null> => {
      if (lst === undefined) {
        try {
          lst = await sys.lstat(path);
        } catch (err) {
          if (!isSysError(err)) throw err;
          lst = null;
        }
      }
      return lst;
    };
    const statFollow = async (): Promise<Stat | null> => {
      if (fst === undefined) {
        try {
          fst = await sys.stat(path);
        } catch (err) {
          if (!isSysError(err)) throw err;
          fst = null;
        }
      }
      return fst;
    };
    return {
      path, root, depth, dtype,
      lstat, statFollow,
      stat: async () => {
        if (st === undefined) {
          const followThis = follow === 'L' || (follow === 'H' && depth === 0);
          st = followThis ? (await statFollow()) ?? (await lstat()) : await lstat();
        }
        return st;
      },
    };
  }

  private async evaluate(node: Node, e: Entry): Promise<boolean> {
    switch (node.kind) {
      case 'and': return (await this.evaluate(node.a!, e)) && this.evaluate(node.b!, e);
      case 'or': return (await this.evaluate(node.a!, e)) || this.evaluate(node.b!, e);
      case 'comma':
        await this.evaluate(node.a!, e);
        return this.evaluate(node.b!, e);
      case 'not': return !(await this.evaluate(node.a!, e));
      default: return node.eval!(e);
    }
  }

  async walkRoot(root: string, expr: Node): Promise<void> {
    const follow = this.opts.follow;
    let st: Stat;
    try {
      st = follow === 'P' ? await this.sys.lstat(root) : await this.sys.stat(root);
    } catch (err) {
      if (!isSysError(err)) throw err;
      // A dangling link named with -H/-L is still listed, as itself.
      if (follow !== 'P' && (err.code === 'ENOENT' || err.code === 'ELOOP')) {
        try {
          st = await this.sys.lstat(root);
        } catch (e2) {
          if (!isSysError(e2)) throw e2;
          await this.error(this.sysMsg(e2, root));
          return;
        }
      } else {
        await this.error(this.sysMsg(err, root));
        return;
      }
    }
    const isDir = (st.mode & S_IFMT) === S_IFDIR;
    await this.visit(root, root, 0, null, isDir, expr, follow === 'L' ? [st] : [], st);
  }

  private async visit(path: string, root: string, depth: number, dtype: string | null, isDir: boolean, expr: Node, ancestors: Stat[], known?: Stat): Promise<void> {
    const e = this.makeEntry(path, root, depth, dtype);
    if (known) {
      const s = known;
      e.stat = async () => s;
    }
    const opts = this.opts;
    const inRange = depth >= opts.mindepth;
    this.pruned = false;
    if (!opts.depthFirst && inRange) {
      await this.evaluate(expr, e);
    }
    const pruned = this.pruned;
    if (isDir && depth < opts.maxdepth && !pruned) await this.descend(e, expr, ancestors);
    if (opts.depthFirst && inRange) await this.evaluate(expr, e);
  }

  private async descend(e: Entry, expr: Node, ancestors: Stat[]): Promise<void> {
    let entries;
    try {
      const fd = await this.sys.open(e.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      try {
        entries = await this.sys.getdents(fd);
      } finally {
        await this.sys.close(fd);
      }
    } catch (err) {
      if (!isSysError(err)) throw err;
      await this.error(this.sysMsg(err, e.path));
      return;
    }
    const prefix = e.path.endsWith('/') ? e.path : `${e.path}/`;
    const follow = this.opts.follow;
    let count = 0;
    for (const d of entries) {
      if (d.name === '.' || d.name === '..') continue;
      const path = prefix + d.name;
      const depth = e.depth + 1;
      let isDir = d.type === 'dir';
      let dtype: string | null = d.type || null;
      let known: Stat | undefined;
      let next = ancestors;
      if (!dtype || (follow === 'L' && dtype === 'symlink')) {
        // No type from getdents, or a link to follow: only the inode can tell.
        let st: Stat | null = null;
        try {
          st = follow === 'L' ? await this.sys.stat(path) : await this.sys.lstat(path);
        } catch (err) {
          if (!isSysError(err)) throw err;
          try {
            st = await this.sys.lstat(path);
          } catch (e2) {
            if (!isSysError(e2)) throw e2;
            await this.error(this.sysMsg(e2, path));
            continue;
          }
        }
        known = st;
        isDir = (st.mode & S_IFMT) === S_IFDIR;
        if (!dtype) dtype = null;
      }
      if (follow === 'L' && isDir) {
        const st = known ?? await this.sys.stat(path);
        known = st;
        const loop = ancestors.find((a) => a.ino === st.ino && a.dev === st.dev);
        if (loop) {
          await this.error(`File system loop detected; '${path}' is part of the same file system loop as '${e.path}'.`);
          continue;
        }
        next = [...ancestors, st];
      }
      await this.visit(path, e.root, depth, dtype, isDir, expr, next, known);
      if ((++count & 1023) === 0) await this.sys.yield();
    }
  }

  get isQuitting(): boolean {
    return this.quitting;
  }
}

function looksLikeExpression(a: string): boolean {
  return (a.startsWith('-') && a.length > 1) || a === '(' || a === '!' || a === ')' || a === ',';
}

export default function find(sys: Sys): Promise<number> {
  // find names the stream, then says "write error", and fails with status 1; busybox's find
  // does not check its output.
  return guardOutput(sys, 'find', 1, () => run(sys), async (failure) => {
    if (isBusybox(sys)) return 0;
    // --help and --version meet close_stdout, with its words.
    if (sys.argv.some((a) => /^--?(help|version)$/.test(a))) {
      await reportWriteError(sys, 'find', failure);
      return 1;
    }
    // A closed stdout (EBADF) fails the close too, whose errno shows.
    const last = failure.code === 'EBADF' ? `write error: ${strerror(failure.code)}` : 'write error';
    await sys.writeAll(2, `find: 'standard output': ${strerror(failure.code)}\nfind: ${last}\n`).catch(() => undefined);
    return 1;
  });
}

async function run(sys: Sys): Promise<number> {
  const args = sys.argv.slice(1);
  const run = new FindRun(sys);
  let follow: 'P' | 'H' | 'L' = 'P';
  let i = 0;
  // Leading options: -H -L -P (and -D/-O, accepted and ignored).
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-H' || a === '-L' || a === '-P') follow = a[1] as 'P';
    else if (a === '-D') i++;
    else if (/^-O\d?$/.test(a)) continue;
    else if (/^-[HLP]+$/.test(a)) follow = a[a.length - 1] as 'P';
    else break;
  }
  if (args[i] === '--help' || args[i] === '-help') {
    const { helpText } = await import('../lib/help.ts');
    await sys.writeAll(1, helpText(meta));
    return 0;
  }
  if (args[i] === '--version' || args[i] === '-version') {
    const { versionText } = await import('../lib/help.ts');
    await sys.writeAll(1, versionText(meta));
    return 0;
  }
  const roots: string[] = [];
  while (i < args.length && !looksLikeExpression(args[i]!)) roots.push(args[i++]!);
  const now = await sys.clockGettime(0);
  run.nowNs = now;
  run.now = Number(now) / 1e9;
  const parser = new ExprParser(args.slice(i), run, follow);
  run.opts = parser.opts;
  let expr: Node | null;
  try {
    expr = parser.parse();
    for (const p of parser.pending) await p();
  } catch (e) {
    if (e instanceof FindUsageError) {
      const unknown = /^unknown predicate `(.*)'$/.exec(e.message);
      if (unknown && isBusybox(sys)) return (await dialectUsageError(sys, 'find', `find: unrecognized: ${unknown[1]}`))!;
      await sys.writeAll(2, `find: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const warnOn = parser.opts.warn ?? (await sys.isatty(0));
  if (warnOn) for (const w of parser.warnings.filter((x) => x.startsWith('warning: you have'))) await sys.writeAll(2, `find: ${w}\n`);
  for (const w of parser.warnings.filter((x) => !x.startsWith('warning: you have'))) await sys.writeAll(2, `find: ${w}\n`);
  const printNode: Node = { kind: 'pred', name: '-print', eval: async (e) => {
    await run.print(e, `${e.path}\n`);
    return true;
  }, action: true };
  if (!expr) expr = printNode;
  else if (!parser.hasAction) expr = { kind: 'and', a: expr, b: printNode };
  if (roots.length === 0) roots.push('.');
  try {
    for (const root of roots) {
      if (root === '') {
        await run.error(`'': No such file or directory`);
        continue;
      }
      await run.walkRoot(root, expr);
    }
  } catch (e) {
    if (!(e instanceof Quit)) throw e;
  }
  await run.flushBatches();
  await run.out.flush();
  for (const f of run.files) {
    if (!f.failure) await catchWrite(f, () => f.out.flush());
    if (f.failure) await run.error(run.sysMsg(f.failure, f.name));
  }
  return run.status;
}

async function catchWrite(file: { failure: SysError | null }, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (e) {
    if (!(e instanceof WriteError) || !isSysError(e.failure)) throw e;
    file.failure = e.failure;
  }
}
