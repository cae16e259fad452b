// gzip, gunzip and zcat (gzip 1.12): compress FILE to FILE.gz (keeping its mode and times and
// removing it unless -k or -c), or decompress FILE.gz back. Standard input when there is no
// FILE or FILE is "-". Errors give 1, warnings (existing output, unknown suffix, directories) 2.
// The gzip framing is runtime/archive/gzip.ts; gunzip is `gzip -d`, zcat is `gzip -dc`.

import { isSysError, strerror, type SysError } from '../../abi/errno.ts';
import { O_CLOEXEC, O_CREAT, O_EXCL, O_RDONLY, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import { S_IFDIR, S_IFLNK, S_IFMT, S_IFREG, type Stat } from '../../abi/stat.ts';
import { basename } from '../../base/path.ts';
import type { Sys } from '../../sys/sys.ts';
import { gzipCompress, gzipDecompress, GzipError, isGzip, parseGzipHeader } from '../../runtime/archive/gzip.ts';
import { helpText, versionText } from '../lib/help.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { parseArgs, UsageError, type Parsed } from '../lib/options.ts';
import { dialectUsageError, isBusybox } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'gzip', package: 'gzip', version: '1.12',
  usage: ['[OPTION]... [FILE]...'],
  summary: 'Compress FILEs in place (FILE becomes FILE.gz), or with -d restore them. With no FILE, or when FILE is -, read standard input.',
  standardOptions: false,
  options: [
    { short: 'c', long: 'stdout', help: 'write to standard output and keep the input files' },
    { short: 'd', long: 'decompress', help: 'decompress' },
    { long: 'uncompress', key: 'decompress', help: '' },
    { short: 'f', long: 'force', help: 'overwrite existing output files and compress links' },
    { short: 'h', long: 'help', help: 'show this help and exit' },
    { short: 'k', long: 'keep', help: 'keep the input files' },
    { short: 'l', long: 'list', help: 'list compressed and uncompressed sizes' },
    { short: 'n', long: 'no-name', help: 'do not save or restore the original name and time stamp' },
    { short: 'N', long: 'name', help: 'save or restore the original name and time stamp' },
    { short: 'q', long: 'quiet', help: 'say nothing about warnings' },
    { short: 'r', long: 'recursive', help: 'work on the files in directories too' },
    { short: 'S', long: 'suffix', arg: 'required', argName: 'SUF', help: 'use suffix SUF instead of .gz' },
    { short: 't', long: 'test', help: 'check that compressed files are sound' },
    { short: 'v', long: 'verbose', help: 'say what is done to each file' },
    { short: 'V', long: 'version', help: 'show the version and exit' },
    { short: '1', long: 'fast', help: 'compress faster' },
    { short: '2', help: '' }, { short: '3', help: '' }, { short: '4', help: '' }, { short: '5', help: '' },
    { short: '6', help: '' }, { short: '7', help: '' }, { short: '8', help: '' },
    { short: '9', long: 'best', help: 'compress better' },
    { long: 'rsyncable', help: 'accepted; makes no difference here' },
    { long: 'synchronous', help: 'accepted; makes no difference here' },
  ],
};

const OK = 0;
const ERROR = 1;
const WARNING = 2;

/** Suffixes gunzip knows and what they become. */
const KNOWN_SUFFIXES = ['.gz', '-gz', '.z', '-z', '_z', '.Z'];

interface Settings {
  prog: string;
  decompress: boolean;
  stdout: boolean;
  force: boolean;
  keep: boolean;
  list: boolean;
  test: boolean;
  quiet: boolean;
  verbose: boolean;
  recursive: boolean;
  saveName: boolean;
  restoreName: boolean;
  level: number;
  suffix: string;
}

/** A write of the output failed: gzip's write_error ends the run ("\ngzip: OFNAME: strerror", 1). */
class GzipWriteError extends Error {
  constructor(readonly ofname: string, readonly failure: SysError) {
    super('write error');
  }
}

/** Write to standard output; `ofname` is what gzip calls that output in the message. */
async function writeOut(sys: Sys, data: string | Uint8Array, ofname: string): Promise<void> {
  try {
    await sys.writeAll(1, data);
  } catch (e) {
    if (!isSysError(e)) throw e;
    throw new GzipWriteError(ofname, e);
  }
}

class Gzip {
  status = OK;
  private listedHeader = false;
  private totals = { compressed: 0, uncompressed: 0, count: 0 };

  constructor(private readonly sys: Sys, private readonly s: Settings) {}

  private async say(msg: string): Promise<void> {
    await this.sys.writeAll(2, `${this.s.prog}: ${msg}\n`);
  }

  async error(msg: string): Promise<void> {
    await this.say(msg);
    this.status = ERROR;
  }

  async warn(msg: string): Promise<void> {
    if (!this.s.quiet) await this.say(msg);
    if (this.status === OK) this.status = WARNING;
  }

  /** gzip's "\nPROG: NAME: ..." errors about the data (it starts them on a fresh line). */
  async dataError(name: string, msg: string, warning = false): Promise<void> {
    if (!warning || !this.s.quiet) await this.sys.writeAll(2, `\n${this.s.prog}: ${name}: ${msg}\n`);
    if (warning) {
      if (this.status === OK) this.status = WARNING;
    } else this.status = ERROR;
  }

  private async readAll(fd: number): Promise<Uint8Array> {
    return this.sys.readAll(fd);
  }

  /** Turn input bytes into output bytes; null after reporting bad data. */
  private async transform(input: Uint8Array, name: string, mtime: number, shownName: string): Promise<{ out: Uint8Array; origName: string | null; mtime: number } | null> {
    if (!this.s.decompress) {
      return { out: gzipCompress(input, { level: this.s.level, mtime: this.s.saveName ? mtime : 0, name: this.s.saveName && name ? basename(name) : null }), origName: null, mtime };
    }
    if (!isGzip(input)) {
      await this.dataError(shownName, 'not in gzip format');
      return null;
    }
    try {
      const r = gzipDecompress(input);
      if (r.trailingGarbage) await this.dataError(shownName, 'decompression OK, trailing garbage ignored', true);
      return { out: r.data, origName: r.header.name, mtime: r.header.mtime };
    } catch (e) {
      if (!(e instanceof GzipError)) throw e;
      await this.dataError(shownName, e.reason === 'format' ? 'not in gzip format' : e.message);
      return null;
    }
  }

  async doStdin(): Promise<void> {
    if (!this.s.decompress && !this.s.list && !this.s.test && !this.s.force && (await this.sys.isatty(1))) {
      await this.say('compressed data not written to a terminal. Use -f to force compression.');
      await this.sys.writeAll(2, `For help, type: ${this.s.prog} -h\n`);
      this.status = ERROR;
      return;
    }
    let input: Uint8Array;
    try {
      input = await this.readAll(0);
    } catch (e) {
      if (!isSysError(e)) throw e;
      // busybox takes a standard input it cannot read for an empty one.
      if (!isBusybox(this.sys)) {
        await this.error(`standard input: ${strerror(e.code)}`);
        return;
      }
      input = new Uint8Array(0);
    }
    if (this.s.list) {
      await this.listOne(input, 'stdin', null);
      return;
    }
    const r = await this.transform(input, '', 0, 'stdin');
    if (!r) return;
    if (this.s.test) return;
    await writeOut(this.sys, r.out, 'stdout');
  }

  async doPath(name: string): Promise<void> {
    let st: Stat;
    let path = name;
    try {
      st = await this.sys.lstat(path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      // gunzip x may mean x.gz.
      if (this.s.decompress && e.code === 'ENOENT' && !hasSuffix(name, this.s.suffix)) {
        for (const suf of [this.s.suffix, ...KNOWN_SUFFIXES.filter((x) => x !== this.s.suffix)]) {
          try {
            st = await this.sys.lstat(name + suf);
            path = name + suf;
            return this.doFile(path, st);
          } catch (e2) {
            if (!isSysError(e2)) throw e2;
          }
        }
      }
      // gunzip reports the name it tried last of those it may mean.
      const tried = this.s.decompress && e.code === 'ENOENT' && !hasSuffix(name, this.s.suffix) && !isBusybox(this.sys) ? name + this.s.suffix : name;
      await this.error(`${tried}: ${strerror(e.code)}`);
      return;
    }
    return this.doFile(path, st);
  }

  private async doFile(path: string, st: Stat): Promise<void> {
    const type = st.mode & S_IFMT;
    if (type === S_IFDIR) {
      if (this.s.recursive) {
        const fd = await this.sys.open(path, O_RDONLY | O_CLOEXEC | 0o200000);
        let list;
        try {
          list = await this.sys.getdents(fd);
        } finally {
          await this.sys.close(fd);
        }
        for (const d of list) {
          if (d.name === '.' || d.name === '..') continue;
          await this.doPath(`${path.replace(/\/+$/, '')}/${d.name}`);
        }
        return;
      }
      await this.warn(`${path} is a directory -- ignored`);
      return;
    }
    if (type === S_IFLNK && !this.s.force && !this.s.stdout) {
      await this.warn(`${path}: Too many levels of symbolic links`);
      return;
    }
    if (type !== S_IFREG && type !== S_IFLNK && !this.s.stdout) {
      await this.warn(`${path} is not a directory or a regular file - ignored`);
      return;
    }
    // Where the output goes.
    let outName: string | null = null;
    if (!this.s.stdout && !this.s.test && !this.s.list) {
      if (this.s.decompress) {
        outName = stripSuffix(path, this.s.suffix);
        if (outName === null) {
          await this.warn(`${path}: unknown suffix -- ignored`);
          return;
        }
      } else {
        if (hasSuffix(path, this.s.suffix) || (this.s.suffix === '.gz' && KNOWN_SUFFIXES.some((x) => path.endsWith(x)))) {
          const suf = KNOWN_SUFFIXES.find((x) => path.endsWith(x)) ?? this.s.suffix;
          if (!this.s.quiet) await this.say(`${path} already has ${suf} suffix -- unchanged`);
          return;
        }
        outName = path + this.s.suffix;
      }
    }
    let input: Uint8Array;
    try {
      const fd = await this.sys.open(path, O_RDONLY | O_CLOEXEC);
      try {
        input = await this.readAll(fd);
      } finally {
        await this.sys.close(fd);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      await this.error(`${path}: ${strerror(e.code)}`);
      return;
    }
    if (this.s.list) {
      await this.listOne(input, path, stripSuffix(path, this.s.suffix) ?? path);
      return;
    }
    const mtime = Number(st.mtimeNs / 1000000000n);
    const r = await this.transform(input, path, mtime, path);
    if (!r) return;
    if (this.s.test) {
      if (this.s.verbose) await this.sys.writeAll(2, `${path}:\t OK\n`);
      return;
    }
    if (outName === null) {
      await writeOut(this.sys, r.out, 'stdout');
      return;
    }
    if (this.s.decompress && this.s.restoreName && r.origName) {
      const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
      outName = dir + basename(r.origName);
    }
    // Refuse to overwrite unless forced.
    let exists = false;
    try {
      await this.sys.lstat(outName);
      exists = true;
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    if (exists) {
      if (!this.s.force) {
        if (isBusybox(this.sys)) await this.error(`can't open '${outName}': File exists`);
        else await this.warn(`${outName} already exists;\tnot overwritten`);
        return;
      }
      await this.sys.unlink(outName);
    }
    let ofd: number;
    try {
      ofd = await this.sys.open(outName, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC, 0o600);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await this.error(`${outName}: ${strerror(e.code)}`);
      return;
    }
    try {
      await this.sys.writeAll(ofd, r.out);
    } finally {
      await this.sys.close(ofd);
    }
    // The output takes the input's mode, owner and times (or the stored time with -N).
    try {
      await this.sys.chmod(outName, st.mode & 0o7777);
      await this.sys.chown(outName, st.uid, st.gid).catch((e: unknown) => {
        if (!isSysError(e)) throw e;
      });
      const mt = this.s.decompress && this.s.restoreName && r.mtime ? BigInt(r.mtime) * 1000000000n : st.mtimeNs;
      await this.sys.utimensat(outName, st.atimeNs, mt);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    if (this.s.verbose) {
      const ratio = ratioText(this.s.decompress ? r.out.length : input.length, this.s.decompress ? input.length : r.out.length);
      await this.sys.writeAll(2, `${path}:\t${ratio} -- ${this.s.keep ? 'created' : 'replaced with'} ${outName}\n`);
    }
    if (!this.s.keep) {
      try {
        await this.sys.unlink(path);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await this.error(`${path}: ${strerror(e.code)}`);
      }
    }
  }

  private async listOne(input: Uint8Array, shown: string, outName: string | null): Promise<void> {
    if (!isGzip(input)) {
      await this.dataError(shown, 'not in gzip format');
      return;
    }
    let uncompressed = 0;
    try {
      uncompressed = gzipDecompress(input).data.length;
      parseGzipHeader(input);
    } catch (e) {
      if (!(e instanceof GzipError)) throw e;
      await this.dataError(shown, e.message);
      return;
    }
    // gzip names the output by the uncompressed name it would have.
    const ofname = outName ?? '';
    if (!this.listedHeader) {
      await writeOut(this.sys, '         compressed        uncompressed  ratio uncompressed_name\n', ofname);
      this.listedHeader = true;
    }
    this.totals.compressed += input.length;
    this.totals.uncompressed += uncompressed;
    this.totals.count++;
    await writeOut(this.sys, `${String(input.length).padStart(19)} ${String(uncompressed).padStart(19)} ${ratioText(uncompressed, input.length).padStart(5)} ${outName ?? ''}\n`, ofname);
  }

  async finishList(): Promise<void> {
    if (this.totals.count > 1) {
      const t = this.totals;
      await writeOut(this.sys, `${String(t.compressed).padStart(19)} ${String(t.uncompressed).padStart(19)} ${ratioText(t.uncompressed, t.compressed).padStart(5)} (totals)\n`, '');
    }
  }
}

/** gzip's ratio: the space saved, one decimal, as "61.9%". */
function ratioText(uncompressed: number, compressed: number): string {
  if (uncompressed === 0) return '0.0%';
  const r = ((uncompressed - compressed) * 1000) / uncompressed;
  return `${(Math.trunc(r) / 10).toFixed(1)}%`;
}

function hasSuffix(name: string, suffix: string): boolean {
  return name.length > suffix.length && name.endsWith(suffix);
}

/** The name gunzip gives the output, or null for an unknown suffix. */
function stripSuffix(name: string, suffix: string): string | null {
  const base = basename(name);
  const lower = base.toLowerCase();
  if (lower.endsWith('.tgz') || lower.endsWith('.taz')) return `${name.slice(0, -4)}.tar`;
  for (const suf of [suffix, ...KNOWN_SUFFIXES]) {
    if (base.length > suf.length && base.endsWith(suf)) return name.slice(0, -suf.length);
  }
  return null;
}

export default async function gzip(sys: Sys): Promise<number> {
  // gunzip and zcat are scripts around gzip: messages always say "gzip".
  const called = basename(sys.argv[0] ?? 'gzip') || 'gzip';
  const prog = 'gzip';
  const self = meta;
  let args: Parsed;
  try {
    args = parseArgs(self, sys.argv.slice(1));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    const bb = await dialectUsageError(sys, sys.argv[0] === 'gunzip' || sys.argv[0] === 'zcat' ? sys.argv[0] : 'gzip', e.text);
    if (bb !== null) return bb;
    await sys.writeAll(2, `${e.text}\nTry \`${prog} --help' for more information.\n`);
    return ERROR;
  }
  try {
    return await run(sys, args, called, prog);
  } catch (e) {
    if (!(e instanceof GzipWriteError)) throw e;
    // busybox: "APPLET: write error: strerror"; GNU starts its message on a fresh line.
    const text = isBusybox(sys) ? `${called}: write error: ${strerror(e.failure.code)}\n`
      : `\n${prog}: ${e.ofname === '' ? '' : `${e.ofname}: `}${strerror(e.failure.code)}\n`;
    await sys.writeAll(2, text).catch(() => undefined);
    return ERROR;
  }
}

async function run(sys: Sys, args: Parsed, called: string, prog: string): Promise<number> {
  const self = meta;
  if (args.has('help')) {
    await writeOut(sys, helpText(self), '');
    return OK;
  }
  if (args.has('version')) {
    await writeOut(sys, versionText(self), '');
    return OK;
  }
  const levelKey = args.last('1', '2', '3', '4', '5', '6', '7', '8', '9', 'fast', 'best');
  const level = levelKey === 'fast' ? 1 : levelKey === 'best' ? 9 : levelKey ? Number(levelKey) : 6;
  const decompress = args.has('decompress') || called === 'gunzip' || called === 'zcat' || args.has('test') || args.has('list');
  const nameFlag = args.last('name', 'no-name');
  const s: Settings = {
    prog,
    decompress,
    stdout: args.has('stdout') || called === 'zcat',
    force: args.has('force'),
    keep: args.has('keep') || args.has('stdout') || called === 'zcat',
    list: args.has('list'),
    test: args.has('test'),
    quiet: args.has('quiet'),
    verbose: args.has('verbose'),
    recursive: args.has('recursive'),
    saveName: nameFlag !== 'no-name',
    restoreName: nameFlag === 'name',
    level,
    suffix: args.value('suffix') ?? '.gz',
  };
  if (s.suffix === '') {
    await sys.writeAll(2, `${prog}: invalid suffix ''\n`);
    return ERROR;
  }
  const g = new Gzip(sys, s);
  const files = args.operands.length ? args.operands : ['-'];
  for (const f of files) {
    if (f === '-') await g.doStdin();
    else await g.doPath(f);
  }
  if (s.list) await g.finishList();
  return g.status;
}
