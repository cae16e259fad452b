// du (GNU coreutils 9.1): disk usage of each FILE, directories summed over everything below
// them, walked depth first in directory order as fts walks it. A file reached twice (a hard
// link, or a name given twice) counts once unless -l; -S leaves subdirectories out of their
// parent's figure; -c adds a grand total. Sizes are st_blocks (or st_size with
// --apparent-size) shown in 1024-byte units unless a block size says otherwise.

import { isSysError, strerror, type SysError } from '../../abi/errno.ts';
import { O_CLOEXEC, O_DIRECTORY, O_RDONLY } from '../../abi/open-flags.ts';
import { S_IFDIR, S_IFLNK, S_IFMT, type Stat } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import { fnmatch } from '../lib/fnmatch.ts';
import { argmatch, blockSizeMessage, HUMAN_H, HUMAN_SI_OPTS, humanOptions, humanReadable } from '../lib/human.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { localeIsUtf8 } from '../lib/locale.ts';
import { quotearg } from '../lib/quotearg.ts';
import { localTime, strftime, timeZone, type TimeZone } from '../lib/strftime.ts';
import { parseSuffixed } from '../lib/suffixed.ts';
import { runTool, type Tool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'du', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [FILE]...'],
  summary: 'Show the disk space each FILE uses, directories counted with everything below them\n(the current directory when no FILE is given).',
  options: [
    { short: '0', long: 'null', help: 'end each line with NUL, not newline' },
    { short: 'a', long: 'all', help: 'show files too, not only directories' },
    { long: 'apparent-size', help: 'count sizes in bytes of content, not space used' },
    { short: 'B', long: 'block-size', arg: 'required', argName: 'SIZE', help: 'count in units of SIZE (e.g. K, M, 1000)' },
    { short: 'b', long: 'bytes', help: 'the same as --apparent-size --block-size=1' },
    { short: 'c', long: 'total', help: 'end with a grand total' },
    { short: 'D', long: 'dereference-args', key: 'H', help: 'follow symbolic links named on the command line' },
    { short: 'd', long: 'max-depth', arg: 'required', argName: 'N', help: 'show totals only for directories N or fewer levels down' },
    { short: 'H', help: 'the same as -D' },
    { short: 'h', long: 'human-readable', help: 'sizes like 1K 234M 2G' },
    { long: 'inodes', help: 'count inodes instead of space' },
    { short: 'k', help: 'the same as --block-size=1K' },
    { short: 'L', long: 'dereference', help: 'follow every symbolic link' },
    { short: 'l', long: 'count-links', help: 'count a file every time it is reached' },
    { short: 'm', help: 'the same as --block-size=1M' },
    { short: 'P', long: 'no-dereference', help: 'follow no symbolic link (the default)' },
    { short: 'S', long: 'separate-dirs', help: "leave subdirectories out of a directory's figure" },
    { long: 'si', help: 'like -h, in powers of 1000' },
    { short: 's', long: 'summarize', help: 'only a total for each FILE' },
    { short: 't', long: 'threshold', arg: 'required', argName: 'SIZE', help: 'leave out entries smaller than SIZE (or larger, if negative)' },
    { long: 'time', arg: 'optional', argName: 'WORD', help: 'show the newest modification time below each entry\n(or WORD: atime, access, use, ctime, status)' },
    { long: 'time-style', arg: 'required', argName: 'STYLE', help: 'full-iso, long-iso, iso or +FORMAT for --time' },
    { long: 'exclude', arg: 'required', argName: 'PATTERN', help: 'skip files whose names match PATTERN' },
    { short: 'x', long: 'one-file-system', help: 'stay on the file system of each FILE' },
  ],
};

interface Usage {
  size: number;
  inodes: number;
  /** Newest time seen, ns. */
  tmax: bigint;
}

const zero = (): Usage => ({ size: 0, inodes: 0, tmax: -(1n << 62n) });
const add = (a: Usage, b: Usage): void => {
  a.size += b.size;
  a.inodes += b.inodes;
  if (b.tmax > a.tmax) a.tmax = b.tmax;
};

class Fail {
  constructor(readonly status: number) {}
}

interface Config {
  all: boolean;
  apparent: boolean;
  humanOpts: number;
  blockSize: number;
  maxDepth: number;
  separate: boolean;
  countLinks: boolean;
  deref: 'P' | 'H' | 'L';
  inodes: boolean;
  threshold: number;
  time: 'mtime' | 'atime' | 'ctime' | null;
  timeFormat: string;
  excludes: string[];
  xdev: boolean;
  eol: string;
}

class Du {
  private readonly seen = new Set<string>();
  private hashAll = false;
  private status = 0;
  readonly total = zero();
  private readonly utf8: boolean;
  private readonly zone: TimeZone;
  private rootDev = 0;

  constructor(private readonly tool: Tool, private readonly c: Config) {
    this.utf8 = localeIsUtf8((n) => tool.sys.getenv(n));
    this.zone = timeZone(tool.sys.getenv('TZ'));
  }

  private quoteAf(name: string): string {
    return quotearg(name, { style: 'shell-escape-always', utf8: this.utf8 });
  }

  private async fail(message: string, e: SysError): Promise<void> {
    await this.tool.out.flush();
    await this.tool.error(`${message}: ${strerror(e.code)}`);
    this.status = 1;
  }

  private excluded(path: string): boolean {
    if (!this.c.excludes.length) return false;
    // Unanchored: the pattern may match the whole name or any part after a slash.
    const tails = [path];
    for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) tails.push(path.slice(i + 1));
    return this.c.excludes.some((p) => tails.some((t) => fnmatch(p, t)));
  }

  async run(names: string[]): Promise<number> {
    this.hashAll = names.length > 1;
    for (const name of names) await this.visit(name, 0, true);
    return this.status;
  }

  private async printSize(u: Usage, name: string): Promise<void> {
    const c = this.c;
    const v = c.inodes ? u.inodes : u.size;
    if (c.threshold < 0 ? v > -c.threshold : v < c.threshold) return;
    let line = c.inodes ? humanReadable(u.inodes, c.humanOpts, 1, c.blockSize) : humanReadable(u.size, c.humanOpts, 1, c.blockSize);
    if (c.time) line += `\t${this.showTime(u.tmax)}`;
    await this.tool.out.write(`${line}\t${name}${c.eol}`);
  }

  private showTime(ns: bigint): string {
    const NS = 1_000_000_000n;
    const sec = ns >= 0n ? ns / NS : -((-ns + NS - 1n) / NS);
    return strftime(this.c.timeFormat, localTime(Number(sec), this.zone), Number(ns - sec * NS));
  }

  /** One fts entry and, for a directory, everything below it: its whole usage, and whether it is a directory. */
  private async visit(path: string, level: number, root: boolean): Promise<{ usage: Usage; isDir: boolean } | null> {
    const c = this.c;
    const { sys } = this.tool;
    if (this.excluded(path)) return null;
    const follow = c.deref === 'L' || (c.deref === 'H' && root);
    let st: Stat;
    try {
      st = follow ? await sys.stat(path) : await sys.lstat(path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (follow) {
        // fts's FTS_SLNONE: a link to nothing is reported without an errno.
        let dangling = false;
        try {
          dangling = ((await sys.lstat(path)).mode & S_IFMT) === S_IFLNK;
        } catch (e2) {
          if (!isSysError(e2)) throw e2;
        }
        if (dangling) {
          await this.tool.out.flush();
          await this.tool.error(`cannot access ${this.quoteAf(path)}`);
          this.status = 1;
          return null;
        }
      }
      await this.fail(this.tool.busybox ? path : `cannot access ${this.quoteAf(path)}`, e);
      return null;
    }
    if (root) this.rootDev = st.dev;
    if (c.xdev && !root && st.dev !== this.rootDev) return null;
    const type = st.mode & S_IFMT;
    const isDir = type === S_IFDIR;
    if (!c.countLinks && (this.hashAll || (!isDir && st.nlink > 1))) {
      const key = `${st.dev}:${st.ino}`;
      if (this.seen.has(key)) return null;
      this.seen.add(key);
    }
    // usable_st_size: only regular files and symbolic links have a meaningful st_size... and
    // directories, whose st_size du counts too.
    const own: Usage = {
      size: c.apparent ? (type === S_IFLNK || type === S_IFDIR || type === 0o100000 ? Math.max(0, st.size) : 0) : st.blocks * 512,
      inodes: 1,
      tmax: c.time === 'atime' ? st.atimeNs : c.time === 'ctime' ? st.ctimeNs : st.mtimeNs,
    };
    add(this.total, own);
    if (!isDir) {
      if ((c.all && level <= c.maxDepth) || level === 0) await this.printSize(own, path);
      return { usage: own, isDir };
    }
    const whole: Usage = { ...own };
    const printed: Usage = { ...own };
    let names: string[] = [];
    try {
      const fd = await sys.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      try {
        names = (await sys.getdents(fd)).map((d) => d.name).filter((n) => n !== '.' && n !== '..');
      } finally {
        await sys.close(fd);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      await this.fail(`cannot read directory ${this.quoteAf(path)}`, e);
    }
    for (const name of names) {
      const child = await this.visit(path.endsWith('/') ? path + name : `${path}/${name}`, level + 1, false);
      if (!child) continue;
      add(whole, child.usage);
      // -S: a subdirectory counts for itself only.
      if (!(c.separate && child.isDir)) add(printed, child.usage);
    }
    if (level <= c.maxDepth) await this.printSize(printed, path);
    return { usage: whole, isDir };
  }
}

export default function du(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    tool.plainWriteError();
    const a = tool.args;
    const getenv = (n: string): string | undefined => sys.getenv(n);
    const utf8 = localeIsUtf8(getenv);
    const c: Config = {
      all: false, apparent: false, humanOpts: 0, blockSize: 1024, maxDepth: Infinity, separate: false,
      countLinks: false, deref: 'P', inodes: false, threshold: 0, time: null, timeFormat: '%Y-%m-%d %H:%M',
      excludes: [], xdev: false, eol: '\n',
    };
    const env = humanOptions(getenv('DU_BLOCK_SIZE'), getenv);
    if (typeof env !== 'string') {
      c.humanOpts = env.opts;
      c.blockSize = env.size;
    }
    let summarize = false;
    let maxDepthGiven: number | null = null;
    let timeStyle: string | null = null;
    try {
      for (const o of a.options) {
        const v = o.value;
        switch (o.key) {
          case 'null': c.eol = '\0'; break;
          case 'all': c.all = true; break;
          case 'apparent-size': c.apparent = true; break;
          case 'block-size': {
            const r = humanOptions(v!, getenv);
            if (typeof r === 'string') {
              await tool.error(blockSizeMessage(r, o.spelled, v!));
              throw new Fail(1);
            }
            c.humanOpts = r.opts;
            c.blockSize = r.size;
            break;
          }
          case 'bytes': c.apparent = true; c.humanOpts = 0; c.blockSize = 1; break;
          case 'total': break;
          case 'H': c.deref = 'H'; break;
          case 'max-depth': {
            if (!/^\s*\+?\d+$/.test(v!)) {
              await tool.error(`invalid maximum depth ${quotearg(v!, { style: 'locale', utf8 })}`);
              await sys.writeAll(2, "Try 'du --help' for more information.\n");
              throw new Fail(1);
            }
            maxDepthGiven = Number(v!.trim());
            c.maxDepth = maxDepthGiven;
            break;
          }
          case 'human-readable': c.humanOpts = HUMAN_H; c.blockSize = 1; break;
          case 'inodes': c.inodes = true; break;
          case 'k': c.humanOpts = 0; c.blockSize = 1024; break;
          case 'dereference': c.deref = 'L'; break;
          case 'count-links': c.countLinks = true; break;
          case 'm': c.humanOpts = 0; c.blockSize = 1024 * 1024; break;
          case 'no-dereference': c.deref = 'P'; break;
          case 'separate-dirs': c.separate = true; break;
          case 'si': c.humanOpts = HUMAN_SI_OPTS; c.blockSize = 1; break;
          case 'summarize': summarize = true; break;
          case 'threshold': {
            const neg = v!.startsWith('-');
            const r = parseSuffixed(neg ? v!.slice(1) : v!, 'eEgGkKmMpPtTyYzZ0');
            if (typeof r === 'string' || (neg && r === 0n)) {
              await tool.error(blockSizeMessage(r === 'overflow' ? 'overflow' : r === 'invalid' && /^-?[0-9]/.test(v!) ? 'suffix' : 'invalid', o.spelled, v!));
              throw new Fail(1);
            }
            c.threshold = (neg ? -1 : 1) * Number(r);
            break;
          }
          case 'time': {
            if (v === undefined) c.time = 'mtime';
            else {
              const args = ['atime', 'access', 'use', 'ctime', 'status'];
              const i = argmatch(v, args);
              if (i < 0) {
                let msg = `du: invalid argument ${quotearg(v, { style: 'locale', utf8 })} for '--time'\nValid arguments are:\n  - 'atime', 'access', 'use'\n  - 'ctime', 'status'\n`;
                msg += "Try 'du --help' for more information.\n";
                await sys.writeAll(2, msg);
                throw new Fail(1);
              }
              c.time = i < 3 ? 'atime' : 'ctime';
            }
            break;
          }
          case 'time-style': timeStyle = v!; break;
          case 'exclude': c.excludes.push(v!); break;
          case 'one-file-system': c.xdev = true; break;
        }
      }
      if (c.all && summarize) {
        await tool.error('cannot both summarize and show all entries');
        await sys.writeAll(2, "Try 'du --help' for more information.\n");
        return 1;
      }
      if (summarize && maxDepthGiven !== null && maxDepthGiven !== 0) {
        await tool.error(`warning: summarizing conflicts with --max-depth=${maxDepthGiven}`);
        await sys.writeAll(2, "Try 'du --help' for more information.\n");
        return 1;
      }
      if (summarize && maxDepthGiven === 0) await tool.error('warning: summarizing is the same as using --max-depth=0', 0);
      if (summarize) c.maxDepth = 0;
      if (c.inodes) {
        if (c.apparent) await tool.error('warning: options --apparent-size and -b are ineffective with --inodes', 0);
        c.apparent = false;
        if (c.humanOpts === 0) c.blockSize = 1;
      }
      if (c.time) {
        const style = timeStyle ?? getenv('TIME_STYLE') ?? 'long-iso';
        const s = style.replace(/^posix-/, '');
        if (s.startsWith('+')) c.timeFormat = s.slice(1).split('\n')[0]!;
        else {
          const i = argmatch(s, ['full-iso', 'long-iso', 'iso']);
          if (i < 0) {
            await sys.writeAll(2, `du: invalid argument ${quotearg(s, { style: 'locale', utf8 })} for 'time style'\nValid arguments are:\n  - 'full-iso'\n  - 'long-iso'\n  - 'iso'\nTry 'du --help' for more information.\n`);
            return 1;
          }
          c.timeFormat = ['%Y-%m-%d %H:%M:%S.%N %z', '%Y-%m-%d %H:%M', '%Y-%m-%d'][i]!;
        }
      }
    } catch (e) {
      if (e instanceof Fail) return e.status;
      throw e;
    }
    const runner = new Du(tool, c);
    const names = a.operands.length ? a.operands : ['.'];
    const status = await runner.run(names);
    if (a.has('total')) {
      const t = runner.total;
      const v = c.inodes ? t.inodes : t.size;
      let line = humanReadable(v, c.humanOpts, 1, c.blockSize);
      if (c.time) line += `\t${strftime(c.timeFormat, localTime(Number(t.tmax / 1_000_000_000n), timeZone(getenv('TZ'))), Number(t.tmax % 1_000_000_000n))}`;
      await tool.out.write(`${line}\ttotal${c.eol}`);
    }
    return status;
  });
}
