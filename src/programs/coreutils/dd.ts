// dd (GNU coreutils): copy a file block by block, converting as asked: read ibs-byte blocks from
// if= (standard input), write obs-byte blocks to of= (standard output), after skipping `skip`
// input blocks and seeking past `seek` output blocks, for `count` blocks or to the end. At the
// end (and on SIGUSR1, and before dying of SIGINT) it reports "N+M records in/out" and the
// transfer line on stderr, in GNU's format. Its buffers are mapped memory, charged to the
// memory cgroup, so `dd bs=512M` in a small cgroup meets memory.max as the real one does.

import { isSysError, strerror, type ErrnoName } from '../../abi/errno.ts';
import { O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import { SIG } from '../../abi/signals.ts';
import { isDir, isReg } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import {
  HUMAN_AUTOSCALE, HUMAN_B, HUMAN_BASE_1024, HUMAN_ROUND_TO_NEAREST, HUMAN_SI, HUMAN_SPACE_BEFORE_UNIT, humanReadable,
} from '../lib/human.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { localeIsUtf8 } from '../lib/locale.ts';
import { quote, quoteIfNeeded } from '../lib/quote.ts';
import { quotearg } from '../lib/quotearg.ts';
import { runTool, tryHelp } from '../lib/tool.ts';
import { Converter } from './dd-convert.ts';
import { DdUsage, type DdSettings, F_FULLBLOCK, hasFlag, O_DIRECT, openBits, parseOperands } from './dd-operands.ts';

export const meta: ProgramMeta = {
  name: 'dd', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPERAND]...', 'OPTION'],
  summary: 'Copy a file in blocks, converting and reformatting it on the way.',
  epilog: [
    'Operands:',
    '  bs=BYTES        read and write BYTES at a time (sets ibs and obs; no reblocking)',
    '  cbs=BYTES       record size for conv=block and conv=unblock',
    '  conv=CONVS      convert as the comma-separated words say (below)',
    '  count=N         copy N input blocks only (N bytes if N ends in B)',
    '  ibs=BYTES       read BYTES at a time (512 unless set)',
    '  if=FILE         read FILE, not standard input',
    '  iflag=FLAGS     open and read the input with these flags (below)',
    '  obs=BYTES       write BYTES at a time (512 unless set)',
    '  of=FILE         write FILE, not standard output',
    '  oflag=FLAGS     open and write the output with these flags (below)',
    '  seek=N, oseek=N step over N obs-sized blocks of the output first',
    '  skip=N, iseek=N step over N ibs-sized blocks of the input first',
    '  status=LEVEL    none: say nothing but errors; noxfer: leave out the transfer line;',
    '                  progress: show the transfer line once a second while copying',
    '',
    'N and BYTES may end in c (1), w (2), b (512), kB (1000), K (1024), MB, M, GB, G and so on,',
    'and may be a product such as 2x512 or 1Mx4.',
    '',
    'CONVS: ascii, ebcdic, ibm (character sets), block, unblock (fixed records and lines),',
    'lcase, ucase, sparse (seek over NUL blocks), swab (swap byte pairs), sync (pad short',
    'blocks), excl, nocreat, notrunc (how the output is opened), noerror (go on after read',
    'errors), fdatasync, fsync (write the output back before finishing).',
    '',
    'FLAGS: append, direct, directory, dsync, sync, fullblock (fill each input block),',
    'noatime, nocache, noctty, nofollow, nonblock, count_bytes, skip_bytes, seek_bytes.',
    '',
    'Send SIGUSR1 to a running dd to have it print its figures so far and carry on.',
  ].join('\n'),
  options: [],
};

/** dd's human_opts: autoscaled, rounded to nearest, "67 MB" with the space and B. */
const HUMAN_OPTS = HUMAN_AUTOSCALE | HUMAN_ROUND_TO_NEAREST | HUMAN_SPACE_BEFORE_UNIT | HUMAN_SI | HUMAN_B;
const SEEK_CUR = 1;
const SEEK_END = 2;
const EOVERFLOW_TEXT = 'Value too large for defined data type';
/** An offset past what a file offset can hold: GNU tries lseek only when it fits. */
const TOO_FAR = new Error('offset too large');
const CONVERTING = ['ascii', 'ebcdic', 'ibm', 'block', 'unblock', 'lcase', 'ucase', 'swab'] as const;

/** Whether output goes through its own buffer (reblocked to obs) rather than block for block. */
function twoBuffers(s: DdSettings): boolean {
  return !s.bs || CONVERTING.some((c) => s.conv.has(c));
}

/** printf's %g: six significant digits, trailing zeros dropped, an exponent when very small or large. */
function formatG(x: number): string {
  if (x === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(x)));
  let s: string;
  // Rounding to six digits may carry into the next power of ten (9.999996 -> 10).
  const rounded = Number(x.toPrecision(6));
  const e = rounded === 0 ? exp : Math.floor(Math.log10(Math.abs(rounded)));
  if (e < -4 || e >= 6) {
    s = rounded.toExponential(5);
    let [mant, ex] = s.split('e') as [string, string];
    if (mant.includes('.')) mant = mant.replace(/0+$/, '').replace(/\.$/, '');
    const sign = ex.startsWith('-') ? '-' : '+';
    const digits = ex.replace(/^[+-]/, '').padStart(2, '0');
    return `${mant}e${sign}${digits}`;
  }
  s = rounded.toFixed(Math.max(0, 5 - e));
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s;
}

class Fatal extends Error {
  constructor(readonly status: number) {
    super('dd stops');
  }
}

class Dd {
  rFull = 0;
  rPartial = 0;
  wFull = 0;
  wPartial = 0;
  wBytes = 0;
  private progressLen = 0;
  private reportedBytes = -1;
  private startNs = 0n;
  private nextProgressNs = 0n;
  private obuf: Uint8Array;
  private oc = 0;
  private finalOpWasSeek = false;
  private sparse: boolean;
  private prevRead = 0;
  private warnPartialRead: boolean;
  private inputOffset = 0;
  private inputSeekable = false;
  private interrupt = 0;
  private infoRequests = 0;
  readonly inputName: string;
  readonly outputName: string;
  readonly conv: Converter;
  ifd = 0;
  ofd = 1;
  /** The copy has begun: from here on every ending reports the figures. */
  copying = false;

  constructor(readonly sys: Sys, readonly s: DdSettings) {
    this.inputName = s.input ?? 'standard input';
    this.outputName = s.output ?? 'standard output';
    this.conv = new Converter(s.conv, s.cbs);
    this.obuf = new Uint8Array(s.obs);
    this.sparse = s.conv.has('sparse');
    this.warnPartialRead = !hasFlag(s.iflags, F_FULLBLOCK) &&
      (s.skipRecords > 0 || (s.maxRecords > 0 && s.maxRecords < Infinity) || ((s.iflags | s.oflags) & O_DIRECT) !== 0);
  }

  async say(message: string): Promise<void> {
    await this.sys.writeAll(2, `dd: ${message}\n`);
  }

  async sayErr(e: unknown, message: string): Promise<void> {
    if (!isSysError(e)) throw e;
    await this.say(`${message}: ${strerror(e.code)}`);
  }

  get quiet(): boolean {
    return this.s.status === 'none';
  }

  // ---- signals -------------------------------------------------------------------------------

  async installHandlers(): Promise<void> {
    const old = await this.sys.sigaction(SIG.SIGINT);
    if (old !== 'ignore') {
      await this.sys.sigaction(SIG.SIGINT, (sig) => {
        this.interrupt = sig;
      });
    }
    await this.sys.sigaction(SIG.SIGUSR1, () => {
      this.infoRequests++;
    });
  }

  /** A SIGUSR1 prints the figures so far; a SIGINT prints them and then kills dd with itself. */
  async processSignals(): Promise<void> {
    while (this.interrupt || this.infoRequests) {
      const interrupt = this.interrupt;
      if (this.infoRequests) this.infoRequests--;
      await this.printStats();
      if (interrupt) {
        await this.sys.sigaction(interrupt, 'default');
        await this.sys.kill(await this.sys.getpid(), interrupt);
        // The signal ends the process at this call's return; nothing after it runs.
        await this.sys.getpid();
      }
    }
  }

  // ---- statistics ----------------------------------------------------------------------------

  async now(): Promise<bigint> {
    return this.sys.clockGettime(1);
  }

  startClock(now: bigint): void {
    this.copying = true;
    this.startNs = now;
    this.nextProgressNs = now + 1_000_000_000n;
  }

  async xferLine(progressNs: bigint | null): Promise<void> {
    const now = progressNs ?? (await this.now());
    const si = humanReadable(this.wBytes, HUMAN_OPTS, 1, 1);
    const iec = humanReadable(this.wBytes, HUMAN_OPTS | HUMAN_BASE_1024, 1, 1);
    let rate: string;
    let seconds: number;
    if (this.startNs < now) {
      const delta = now - this.startNs;
      seconds = Number(delta) / 1e9;
      rate = `${humanReadable(this.wBytes, HUMAN_OPTS, 1e9, Number(delta))}/s`;
    } else {
      seconds = 0;
      rate = 'Infinity B/s';
    }
    const time = progressNs !== null ? `${seconds.toFixed(0)} s` : `${formatG(seconds)} s`;
    const lacksPrefix = (h: string): boolean => h[h.length - 2] === ' ';
    const b = this.wBytes;
    const line = lacksPrefix(si)
      ? `${b} byte${b === 1 ? '' : 's'} copied, ${time}, ${rate}`
      : lacksPrefix(iec) ? `${b} bytes (${si}) copied, ${time}, ${rate}` : `${b} bytes (${si}, ${iec}) copied, ${time}, ${rate}`;
    if (progressNs !== null) {
      // Overwrite the last progress line, blanking what the new one does not cover.
      const pad = line.length < this.progressLen ? ' '.repeat(this.progressLen - line.length) : '';
      await this.sys.writeAll(2, `\r${line}${pad}`);
      this.progressLen = line.length;
    } else await this.sys.writeAll(2, `${line}\n`);
    this.reportedBytes = this.wBytes;
  }

  async printStats(): Promise<void> {
    if (this.s.status === 'none') return;
    let text = '';
    if (this.progressLen > 0) {
      text += '\n';
      this.progressLen = 0;
    }
    text += `${this.rFull}+${this.rPartial} records in\n${this.wFull}+${this.wPartial} records out\n`;
    const t = this.conv.truncated;
    if (t) text += `${t} truncated record${t === 1 ? '' : 's'}\n`;
    await this.sys.writeAll(2, text);
    if (this.s.status === 'noxfer') return;
    await this.xferLine(null);
  }

  // ---- opening -------------------------------------------------------------------------------

  async open(): Promise<void> {
    const { sys, s } = this;
    if (s.input !== null) {
      try {
        this.ifd = await sys.open(s.input, O_RDONLY | openBits(s.iflags));
      } catch (e) {
        await this.sayErr(e, `failed to open ${quote(s.input)}`);
        throw new Fatal(1);
      }
    }
    if (s.output !== null) {
      const conv = s.conv;
      const opts = openBits(s.oflags) | (conv.has('nocreat') ? 0 : O_CREAT) | (conv.has('excl') ? O_EXCL : 0) |
        (s.seekRecords || conv.has('notrunc') ? 0 : O_TRUNC);
      const size = s.seekRecords * s.obs + s.seekBytes;
      if (!Number.isSafeInteger(size) && !conv.has('notrunc')) {
        await this.say(`offset too large: cannot truncate to a length of seek=${s.seekRecords} (${s.obs}-byte) blocks`);
        throw new Fatal(1);
      }
      // Read access too when seeking, in case the output cannot seek and must be read past.
      let fd = -1;
      if (s.seekRecords) fd = await sys.open(s.output, O_RDWR | opts, 0o666).catch(() => -1);
      if (fd < 0) {
        try {
          fd = await sys.open(s.output, O_WRONLY | opts, 0o666);
        } catch (e) {
          await this.sayErr(e, `failed to open ${quote(s.output)}`);
          throw new Fatal(1);
        }
      }
      this.ofd = fd;
      if (s.seekRecords && !conv.has('notrunc')) {
        try {
          await sys.ftruncate(fd, size);
        } catch (e) {
          // Only regular files and directories are expected to truncate (not /dev/null, a tty).
          const st = await sys.fstat(fd);
          if (isReg(st.mode) || isDir(st.mode)) {
            await this.sayErr(e, `failed to truncate to ${size} bytes in output file ${quote(s.output)}`);
            throw new Fatal(1);
          }
        }
      }
    }
  }

  /** The buffers, as memory the process maps (GNU's malloc, which memory.max then meets). */
  async mapBuffers(twoBuffers: boolean): Promise<void> {
    const ask = async (size: number, which: string): Promise<void> => {
      try {
        await this.sys.mmap(size);
      } catch (e) {
        if (!isSysError(e, 'ENOMEM')) throw e;
        const h = humanReadable(size, HUMAN_OPTS | HUMAN_BASE_1024, 1, 1);
        await this.say(`memory exhausted by ${which} buffer of size ${size} bytes (${h})`);
        throw new Fatal(1);
      }
    };
    await ask(this.s.ibs, 'input');
    if (twoBuffers) await ask(this.s.obs, 'output');
  }

  // ---- reading and writing -------------------------------------------------------------------

  /** One read, retried after signals, with GNU's partial-read warning. */
  async iread(fd: number, size: number): Promise<Uint8Array | { error: unknown }> {
    let data: Uint8Array;
    for (;;) {
      await this.processSignals();
      try {
        data = await this.sys.read(fd, size);
        break;
      } catch (e) {
        if (isSysError(e, 'EINTR')) continue;
        if (!isSysError(e)) throw e;
        this.prevRead = -1;
        return { error: e };
      }
    }
    const n = data.length;
    if (n > 0 && n < size) await this.processSignals();
    if (n > 0 && this.warnPartialRead && this.prevRead > 0 && this.prevRead < size) {
      const p = this.prevRead;
      if (!this.quiet) await this.say(`warning: partial read (${p} byte${p === 1 ? '' : 's'}); suggest iflag=fullblock`);
      this.warnPartialRead = false;
    }
    this.prevRead = n;
    return data;
  }

  /** iflag=fullblock: read until the block is full or the input ends. */
  async ireadFull(fd: number, size: number): Promise<Uint8Array | { error: unknown; got: Uint8Array }> {
    if (!hasFlag(this.s.iflags, F_FULLBLOCK)) {
      const r = await this.iread(fd, size);
      return r instanceof Uint8Array ? r : { error: r.error, got: new Uint8Array(0) };
    }
    const parts: Uint8Array[] = [];
    let got = 0;
    while (got < size) {
      const r = await this.iread(fd, size - got);
      if (!(r instanceof Uint8Array)) return { error: r.error, got: join(parts, got) };
      if (r.length === 0) break;
      parts.push(r);
      got += r.length;
    }
    return join(parts, got);
  }

  /** Write all of `buf` (a NUL block only seeked over with conv=sparse); returns what was written. */
  async iwrite(buf: Uint8Array): Promise<{ written: number; error: unknown }> {
    let total = 0;
    while (total < buf.length) {
      await this.processSignals();
      this.finalOpWasSeek = false;
      if (this.sparse && buf.every((b) => b === 0)) {
        try {
          await this.sys.lseek(this.ofd, buf.length, SEEK_CUR);
          this.finalOpWasSeek = true;
          total = buf.length;
          continue;
        } catch {
          // The sparse request is advice only: write the zeros instead.
          this.sparse = false;
        }
      }
      try {
        const n = await this.sys.write(this.ofd, buf.subarray(total));
        if (n === 0) return { written: total, error: { code: 'ENOSPC' } };
        total += n;
      } catch (e) {
        if (isSysError(e, 'EINTR')) continue;
        if (!isSysError(e)) throw e;
        return { written: total, error: e };
      }
    }
    return { written: total, error: null };
  }

  async writeError(error: unknown, message: string): Promise<void> {
    const code = (error as { code: ErrnoName }).code;
    await this.say(`${message}: ${strerror(code)}`);
  }

  /** write_output: one full output block from obuf. */
  async writeOutput(): Promise<void> {
    const r = await this.iwrite(this.obuf.subarray(0, this.s.obs));
    this.wBytes += r.written;
    if (r.written !== this.s.obs) {
      await this.writeError(r.error, `writing to ${quote(this.outputName)}`);
      if (r.written !== 0) this.wPartial++;
      throw new Fatal(1);
    }
    this.wFull++;
    this.oc = 0;
  }

  /** Converted bytes into the output buffer, writing each block as it fills. */
  async put(bytes: Uint8Array): Promise<void> {
    let at = 0;
    while (at < bytes.length) {
      const n = Math.min(bytes.length - at, this.s.obs - this.oc);
      this.obuf.set(bytes.subarray(at, at + n), this.oc);
      this.oc += n;
      at += n;
      if (this.oc >= this.s.obs) await this.writeOutput();
    }
  }

  // ---- skipping and seeking ------------------------------------------------------------------

  /** skip=: lseek over the input, else read past it. Returns whether the whole offset was reached. */
  async skipInput(records: number, bytes: number): Promise<boolean> {
    const { sys, s } = this;
    const offset = records * s.ibs + bytes;
    const target = this.inputOffset + offset;
    try {
      if (!Number.isSafeInteger(offset)) throw TOO_FAR;
      await sys.lseek(this.ifd, offset, SEEK_CUR);
      const st = await sys.fstat(this.ifd);
      if (isReg(st.mode) && st.size > 0 && st.size - this.inputOffset < offset) {
        this.inputOffset = st.size;
        return false;
      }
      this.inputOffset = target;
      return true;
    } catch (first) {
      if (!isSysError(first) && first !== TOO_FAR) throw first;
      // A seekable input that refused the offset cannot be read past either.
      const atEnd = await sys.lseek(this.ifd, 0, SEEK_END).then(() => true, () => false);
      if (atEnd) {
        await this.say(`${quoteIfNeeded(this.inputName)}: cannot skip: ${isSysError(first) ? strerror(first.code) : EOVERFLOW_TEXT}`);
        throw new Fatal(1);
      }
      // Not seekable (a pipe, a terminal): read the blocks and drop them.
      let left = records;
      let rest = bytes;
      while (left || rest) {
        const r = await this.ireadFull(this.ifd, left ? s.ibs : rest);
        if (!(r instanceof Uint8Array)) {
          await this.sayErr(r.error, `error reading ${quote(this.inputName)}`);
          if (s.conv.has('noerror')) await this.printStats();
          throw new Fatal(1);
        }
        if (r.length === 0) return false;
        this.inputOffset += r.length;
        if (left) left--;
        else rest = 0;
      }
      return true;
    }
  }

  /** seek=: lseek the output forward (a pipe cannot be). */
  async seekOutput(records: number, bytes: number): Promise<void> {
    const offset = records * this.s.obs + bytes;
    try {
      await this.sys.lseek(this.ofd, offset, SEEK_CUR);
    } catch (e) {
      await this.sayErr(e, `${quoteIfNeeded(this.outputName)}: cannot seek`);
      throw new Fatal(1);
    }
  }

  // ---- the copy ------------------------------------------------------------------------------

  async copy(): Promise<number> {
    const { sys, s } = this;
    let status = 0;
    this.inputSeekable = await sys.lseek(this.ifd, 0, SEEK_CUR).then((off) => {
      this.inputOffset = off;
      return true;
    }, () => false);
    if (s.skipRecords || s.skipBytes) {
      const reached = await this.skipInput(s.skipRecords, s.skipBytes);
      if (!reached && !this.quiet) await this.say(`${quoteIfNeeded(this.inputName)}: cannot skip to specified offset`);
    }
    if (s.seekRecords || s.seekBytes) await this.seekOutput(s.seekRecords, s.seekBytes);
    if (s.maxRecords === 0 && s.maxBytes === 0) return status;

    const reblock = twoBuffers(s);
    const padSync = s.conv.has('sync');
    let partread = 0;
    for (;;) {
      if (s.status === 'progress') {
        const now = await this.now();
        if (this.nextProgressNs <= now) {
          await this.xferLine(now);
          this.nextProgressNs += 1_000_000_000n;
        }
      }
      if (this.rPartial + this.rFull >= s.maxRecords + (s.maxBytes ? 1 : 0)) break;
      const want = this.rPartial + this.rFull >= s.maxRecords ? s.maxBytes : s.ibs;
      const r = await this.ireadFull(this.ifd, want);
      let block: Uint8Array;
      if (r instanceof Uint8Array) {
        if (r.length === 0) break;
        this.inputOffset += r.length;
        block = r;
      } else {
        if (!s.conv.has('noerror') || !this.quiet) await this.sayErr(r.error, `error reading ${quote(this.inputName)}`);
        if (!s.conv.has('noerror')) {
          status = 1;
          break;
        }
        await this.printStats();
        // Step over the bad block when the input can seek.
        const bad = s.ibs - partread;
        if (this.inputSeekable) {
          try {
            await sys.lseek(this.ifd, bad, SEEK_CUR);
            this.inputOffset += bad;
          } catch (e) {
            await this.sayErr(e, `${quoteIfNeeded(this.inputName)}: cannot seek`);
            status = 1;
            this.inputSeekable = false;
          }
        }
        if (padSync && !partread) block = new Uint8Array(0);
        else continue;
      }
      if (block.length < s.ibs) {
        this.rPartial++;
        partread = block.length;
        if (padSync) {
          const padded = new Uint8Array(s.ibs).fill(this.conv.padByte);
          padded.set(block);
          block = padded;
        }
      } else {
        this.rFull++;
        partread = 0;
      }
      if (!reblock) {
        const w = await this.iwrite(block);
        this.wBytes += w.written;
        if (w.written !== block.length) {
          await this.writeError(w.error, `error writing ${quote(this.outputName)}`);
          return 1;
        }
        if (block.length === s.ibs) this.wFull++;
        else this.wPartial++;
        continue;
      }
      await this.put(this.conv.convert(block));
    }

    await this.put(this.conv.finish());
    if (this.oc) {
      const w = await this.iwrite(this.obuf.subarray(0, this.oc));
      this.wBytes += w.written;
      if (w.written) this.wPartial++;
      if (w.written !== this.oc) {
        await this.writeError(w.error, `error writing ${quote(this.outputName)}`);
        return 1;
      }
      this.oc = 0;
    }
    if (this.finalOpWasSeek) {
      // Seeking over a final NUL block leaves the file short: make it as long as it should be.
      const st = await sys.fstat(this.ofd);
      if (isReg(st.mode)) {
        const at = await sys.lseek(this.ofd, 0, SEEK_CUR);
        if (st.size < at) {
          try {
            await sys.ftruncate(this.ofd, at);
          } catch (e) {
            await this.sayErr(e, `failed to truncate to ${at} bytes in output file ${quote(this.outputName)}`);
            return 1;
          }
        }
      }
    }
    const syncs = s.conv.has('fdatasync') || s.conv.has('fsync');
    if (syncs && s.status === 'progress' && this.reportedBytes >= 0 && this.reportedBytes < this.wBytes) await this.xferLine(null);
    let fsync = s.conv.has('fsync');
    if (s.conv.has('fdatasync')) {
      try {
        await sys.fdatasync(this.ofd);
      } catch (e) {
        if (!isSysError(e, 'ENOSYS') && !isSysError(e, 'EINVAL')) {
          await this.sayErr(e, `fdatasync failed for ${quote(this.outputName)}`);
          status = 1;
        }
        fsync = true;
      }
    }
    if (fsync) {
      try {
        await sys.fsync(this.ofd);
      } catch (e) {
        await this.sayErr(e, `fsync failed for ${quote(this.outputName)}`);
        return 1;
      }
    }
    return status;
  }
}

function join(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export default function dd(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    let settings: DdSettings;
    try {
      // Operand complaints quote for the locale (‘0’ under UTF-8); file names in failures do not.
      const utf8 = localeIsUtf8((n) => sys.getenv(n));
      settings = parseOperands(tool.args.operands, (s) => quotearg(s, { style: 'locale', utf8 })).settings;
    } catch (e) {
      if (!(e instanceof DdUsage)) throw e;
      for (const w of e.warnings) await sys.writeAll(2, `dd: ${w}\n`);
      await sys.writeAll(2, `dd: ${e.message}\n${e.usage ? tryHelp(meta) : ''}`);
      return 1;
    }
    const run = new Dd(sys, settings);
    let status: number;
    try {
      await run.installHandlers();
      await run.open();
      await run.mapBuffers(twoBuffers(settings));
      run.startClock(await run.now());
      status = await run.copy();
    } catch (e) {
      if (!(e instanceof Fatal)) throw e;
      // A failure before the copy began (opening, buffers) ends dd without figures.
      if (!run.copying) return e.status;
      status = e.status;
    }
    // cleanup closes the input before the figures are printed: a closed standard input dies
    // there, without them.
    if (!tool.busybox) {
      try {
        await sys.close(run.ifd);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await sys.writeAll(2, `dd: closing input file ${quote(run.inputName)}: ${strerror(e.code)}\n`);
        return 1;
      }
    }
    await run.printStats();
    return status;
  });
}
