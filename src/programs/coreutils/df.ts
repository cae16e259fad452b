// df (GNU coreutils 9.1): free space of each mounted file system, or of the ones holding the
// FILEs given. The mount table comes from /proc/self/mountinfo (else /proc/self/mounts); the
// numbers from statfs(2). As GNU does it, pseudo file systems (proc, sysfs, devpts... and any
// with no blocks) and all but one mount of each device are left out unless -a; columns are
// sized to their widest cell.

import { isSysError, strerror } from '../../abi/errno.ts';
import { O_CLOEXEC, O_RDONLY } from '../../abi/open-flags.ts';
import { makedev, type StatFs } from '../../abi/stat.ts';
import { utf8Decode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import { canonicalizeOrThrow } from '../lib/canonicalize.ts';
import {
  blockSizeMessage, HUMAN_AUTOSCALE, HUMAN_B, HUMAN_BASE_1024, HUMAN_GROUP_DIGITS, HUMAN_H, HUMAN_SI, HUMAN_SI_OPTS,
  HUMAN_SUPPRESS_POINT_ZERO, humanOptions, humanReadable,
} from '../lib/human.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { localeIsUtf8 } from '../lib/locale.ts';
import { displayWidth, quotearg } from '../lib/quotearg.ts';
import { runTool, type Tool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'df', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [FILE]...'],
  summary: 'Show the space used and free on the file system holding each FILE, or on every mounted file system.',
  options: [
    { short: 'a', long: 'all', help: 'include pseudo, duplicate and inaccessible file systems' },
    { short: 'B', long: 'block-size', arg: 'required', argName: 'SIZE', help: 'count in units of SIZE (e.g. K, M, 1000)' },
    { short: 'h', long: 'human-readable', help: 'sizes like 1K 234M 2G, in powers of 1024' },
    { short: 'H', long: 'si', help: 'like -h, in powers of 1000' },
    { short: 'i', long: 'inodes', help: 'show inodes instead of blocks' },
    { short: 'k', help: 'the same as --block-size=1K' },
    { short: 'l', long: 'local', help: 'only local file systems' },
    { long: 'no-sync', help: 'do not sync before reading the numbers (the default)' },
    { long: 'output', arg: 'optional', argName: 'FIELD_LIST', help: 'choose the columns: source, fstype, itotal, iused, iavail,\nipcent, size, used, avail, pcent, file, target (all when empty)' },
    { short: 'P', long: 'portability', help: 'POSIX output format' },
    { long: 'sync', help: 'sync before reading the numbers' },
    { long: 'total', help: 'add a line with the totals' },
    { short: 't', long: 'type', arg: 'required', argName: 'TYPE', help: 'only file systems of type TYPE' },
    { short: 'T', long: 'print-type', help: 'show the file system type' },
    { short: 'x', long: 'exclude-type', arg: 'required', argName: 'TYPE', help: 'leave out file systems of type TYPE' },
    { short: 'v', help: '(ignored)' },
  ],
};

type Field = 'source' | 'fstype' | 'itotal' | 'iused' | 'iavail' | 'ipcent' | 'size' | 'used' | 'avail' | 'pcent' | 'file' | 'target';
const FIELDS: Field[] = ['source', 'fstype', 'itotal', 'iused', 'iavail', 'ipcent', 'size', 'used', 'avail', 'pcent', 'file', 'target'];
const CAPTION: Record<Field, string> = {
  source: 'Filesystem', fstype: 'Type', itotal: 'Inodes', iused: 'IUsed', iavail: 'IFree', ipcent: 'IUse%',
  size: 'Size', used: 'Used', avail: 'Avail', pcent: 'Use%', file: 'File', target: 'Mounted on',
};
const MIN_WIDTH: Record<Field, number> = {
  source: 14, fstype: 4, itotal: 5, iused: 5, iavail: 5, ipcent: 4, size: 5, used: 5, avail: 5, pcent: 4, file: 4, target: 0,
};
const LEFT = new Set<Field>(['source', 'fstype', 'file', 'target']);

const DUMMY_TYPES = new Set(['autofs', 'proc', 'subfs', 'debugfs', 'devpts', 'fusectl', 'fuse.portal', 'mqueue', 'rpc_pipefs', 'sysfs', 'devfs', 'kernfs', 'ignore']);

interface MountEntry {
  devname: string;
  mountdir: string;
  mntroot: string | null;
  type: string;
  dummy: boolean;
  remote: boolean;
  dev: number;
}

interface Column {
  field: Field;
  caption: string;
  width: number;
}

class Quit {
  constructor(readonly status: number) {}
}

/** Undo the octal escapes (\040 for a space) of the kernel's mount tables. */
function unmangle(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

async function readText(sys: Sys, path: string): Promise<string> {
  const fd = await sys.open(path, O_RDONLY | O_CLOEXEC);
  try {
    return utf8Decode(await sys.readAll(fd));
  } finally {
    await sys.close(fd);
  }
}

/** read_file_system_list: /proc/self/mountinfo, else /proc/self/mounts, else /etc/mtab. */
async function readMounts(sys: Sys): Promise<MountEntry[]> {
  const entries: MountEntry[] = [];
  const make = (devname: string, mountdir: string, mntroot: string | null, type: string, opts: string, dev: number): MountEntry => ({
    devname, mountdir, mntroot, type, dev,
    dummy: DUMMY_TYPES.has(type) || (type === 'none' && !opts.includes('bind')),
    remote: devname.includes(':') || (devname.startsWith('//') && (type === 'smbfs' || type === 'cifs')),
  });
  try {
    const text = await readText(sys, '/proc/self/mountinfo');
    for (const line of text.split('\n')) {
      if (!line) continue;
      const sep = line.indexOf(' - ');
      if (sep < 0) continue;
      const left = line.slice(0, sep).split(' ');
      const right = line.slice(sep + 3).split(' ');
      const [maj, min] = (left[2] ?? '0:0').split(':').map(Number);
      entries.push(make(unmangle(right[1] ?? ''), unmangle(left[4] ?? ''), unmangle(left[3] ?? ''), unmangle(right[0] ?? ''), right[2] ?? '', makedev(maj!, min!)));
    }
    return entries;
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  let text: string;
  try {
    text = await readText(sys, '/proc/self/mounts');
  } catch (e) {
    if (!isSysError(e)) throw e;
    text = await readText(sys, '/etc/mtab');
  }
  for (const line of text.split('\n')) {
    const f = line.split(' ');
    if (f.length < 4) continue;
    entries.push(make(unmangle(f[0]!), unmangle(f[1]!), null, unmangle(f[2]!), f[3]!, -1));
  }
  return entries;
}

interface Totals {
  blocks: number;
  used: number;
  avail: number;
  files: number;
  iused: number;
  ifree: number;
}

class Df {
  readonly rows: string[][] = [];
  readonly totals: Totals = { blocks: 0, used: 0, avail: 0, files: 0, iused: 0, ifree: 0 };
  status = 0;
  private readonly utf8: boolean;

  constructor(
    readonly tool: Tool,
    readonly columns: Column[],
    readonly o: {
      showAll: boolean; local: boolean; select: string[]; exclude: string[]; humanOpts: number; blockSize: number;
      totals: boolean;
    },
  ) {
    this.utf8 = localeIsUtf8((n) => tool.sys.getenv(n));
  }

  selected(type: string): boolean {
    return (!this.o.select.length || this.o.select.includes(type)) && !this.o.exclude.includes(type);
  }

  quotef(s: string): string {
    return quotearg(s, { style: 'shell-escape', quoteTheseToo: ':', utf8: this.utf8 });
  }

  private readable(n: number, from: number): string {
    return humanReadable(n, this.o.humanOpts, from, this.o.blockSize);
  }

  private static pct(used: number, avail: number): string {
    const total = used + avail;
    if (!total) return '-';
    const pct = (used * 100) / total;
    const ipct = Math.trunc(pct);
    return `${ipct - 1 < pct && pct <= ipct + 1 ? ipct + (ipct < pct ? 1 : 0) : Math.ceil(pct)}%`;
  }

  /** get_dev: one row, or nothing when the file system is one df leaves out. */
  async addRow(me: { devname: string; mountdir: string; type: string; dummy: boolean; remote: boolean }, file: string | null, listed: boolean): Promise<void> {
    const { sys } = this.tool;
    if (me.remote && this.o.local) return;
    if (me.dummy && !this.o.showAll && !listed) return;
    if (!this.selected(me.type)) return;
    if (!me.mountdir.startsWith('/')) return;
    let fs: StatFs;
    let fstype = me.type;
    let unknown = false;
    try {
      fs = await sys.statfs(file ?? me.mountdir);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (!listed && (e.code === 'EACCES' || e.code === 'ENOENT')) {
        if (!this.o.showAll) return;
        fstype = '-';
        unknown = true;
        fs = { type: 0, bsize: 0, blocks: 0, bfree: 0, bavail: 0, files: 0, ffree: 0, namelen: 0 };
      } else {
        await this.tool.error(`${this.quotef(file ?? me.mountdir)}: ${strerror(e.code)}`);
        this.status = 1;
        return;
      }
    }
    if (fs.blocks === 0 && !this.o.showAll && !listed) return;
    const used = fs.blocks - fs.bfree;
    const iused = fs.files - fs.ffree;
    if (!unknown) {
      this.totals.blocks += fs.blocks * fs.bsize;
      this.totals.used += used * fs.bsize;
      this.totals.avail += fs.bavail * fs.bsize;
      this.totals.files += fs.files;
      this.totals.iused += iused;
      this.totals.ifree += fs.ffree;
    }
    const cell = (f: Field): string => {
      if (unknown && f !== 'source' && f !== 'fstype' && f !== 'file' && f !== 'target') return '-';
      switch (f) {
        case 'source': return me.devname;
        case 'fstype': return fstype;
        case 'itotal': return humanReadable(fs.files, this.inodeOpts(), 1, 1);
        case 'iused': return humanReadable(iused, this.inodeOpts(), 1, 1);
        case 'iavail': return humanReadable(fs.ffree, this.inodeOpts(), 1, 1);
        case 'ipcent': return Df.pct(iused, fs.ffree);
        case 'size': return this.readable(fs.blocks, fs.bsize);
        case 'used': return this.readable(used, fs.bsize);
        case 'avail': return this.readable(fs.bavail, fs.bsize);
        case 'pcent': return Df.pct(used, fs.bavail);
        case 'file': return file ?? '-';
        case 'target': return me.mountdir;
      }
    };
    this.rows.push(this.columns.map((c) => cell(c.field)));
  }

  /** Inode counts are never scaled by the block size, only autoscaled under -h/-H. */
  inodeOpts(): number {
    return this.o.humanOpts & HUMAN_AUTOSCALE ? this.o.humanOpts : this.o.humanOpts & HUMAN_GROUP_DIGITS;
  }

  addTotal(): void {
    const t = this.totals;
    const cell = (f: Field): string => {
      switch (f) {
        case 'source': return 'total';
        case 'fstype': case 'target': return '-';
        case 'file': return '-';
        case 'itotal': return humanReadable(t.files, this.inodeOpts(), 1, 1);
        case 'iused': return humanReadable(t.iused, this.inodeOpts(), 1, 1);
        case 'iavail': return humanReadable(t.ifree, this.inodeOpts(), 1, 1);
        case 'ipcent': return Df.pct(t.iused, t.ifree);
        case 'size': return this.readable(t.blocks, 1);
        case 'used': return this.readable(t.used, 1);
        case 'avail': return this.readable(t.avail, 1);
        case 'pcent': return Df.pct(t.used, t.avail);
      }
    };
    this.rows.push(this.columns.map((c) => cell(c.field)));
  }

  async print(): Promise<void> {
    const widths = this.columns.map((c) => Math.max(c.width, displayWidth(c.caption, this.utf8)));
    for (const row of this.rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i]!, displayWidth(cell, this.utf8))));
    const lines: string[] = [];
    for (const row of [this.columns.map((c) => c.caption), ...this.rows]) {
      const cells = row.map((cell, i) => {
        const last = i === row.length - 1;
        const pad = widths[i]! - displayWidth(cell, this.utf8);
        if (pad <= 0) return cell;
        if (LEFT.has(this.columns[i]!.field)) return last ? cell : cell + ' '.repeat(pad);
        return ' '.repeat(pad) + cell;
      });
      lines.push(cells.join(' '));
    }
    await this.tool.out.write(lines.join('\n') + '\n');
  }
}

export default function df(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    const getenv = (n: string): string | undefined => sys.getenv(n);
    const utf8 = localeIsUtf8(getenv);
    try {
      let humanOpts = 0;
      let blockSize = 1024;
      const env = humanOptions(getenv('DF_BLOCK_SIZE'), getenv);
      if (typeof env !== 'string') {
        humanOpts = env.opts;
        blockSize = env.size;
      }
      let mode: 'default' | 'human' | 'inodes' | 'posix' | 'output' = 'default';
      let printType = false;
      let inodes = false;
      let posix = false;
      const select: string[] = [];
      const exclude: string[] = [];
      const outputFields: Field[] = [];
      let output = false;
      for (const o of a.options) {
        const v = o.value;
        switch (o.key) {
          case 'block-size': {
            const r = humanOptions(v!, getenv);
            if (typeof r === 'string') {
              await tool.error(blockSizeMessage(r, o.spelled, v!));
              throw new Quit(1);
            }
            humanOpts = r.opts;
            blockSize = r.size;
            break;
          }
          case 'human-readable': humanOpts = HUMAN_H; blockSize = 1; break;
          case 'si': humanOpts = HUMAN_SI_OPTS; blockSize = 1; break;
          case 'inodes': inodes = true; break;
          case 'k': humanOpts = 0; blockSize = 1024; break;
          case 'portability': posix = true; break;
          case 'type': select.push(v!); break;
          case 'print-type': printType = true; break;
          case 'exclude-type': exclude.push(v!); break;
          case 'output': {
            output = true;
            const list = v === undefined ? FIELDS : v.split(',');
            for (const name of list) {
              const f = FIELDS.find((x) => x === name);
              if (!f) {
                await tool.error(`option --output: field ${quotearg(name, { style: 'locale', utf8 })} unknown`);
                await sys.writeAll(2, "Try 'df --help' for more information.\n");
                throw new Quit(1);
              }
              if (outputFields.includes(f)) {
                await tool.error(`option --output: field ${quotearg(name, { style: 'locale', utf8 })} used more than once`);
                await sys.writeAll(2, "Try 'df --help' for more information.\n");
                throw new Quit(1);
              }
              outputFields.push(f);
            }
            break;
          }
        }
      }
      for (const t of select) {
        if (exclude.includes(t)) {
          await tool.error(`file system type ${quotearg(t, { style: 'locale', utf8 })} both selected and excluded`);
          throw new Quit(1);
        }
      }
      if (output) {
        const clash = inodes ? '-i' : posix ? '-P' : printType ? '-T' : null;
        if (clash) {
          await tool.error(`options ${clash} and --output are mutually exclusive`);
          await sys.writeAll(2, "Try 'df --help' for more information.\n");
          throw new Quit(1);
        }
        mode = 'output';
      } else if (inodes) mode = 'inodes';
      else if (posix) mode = 'posix';
      else if (humanOpts & HUMAN_AUTOSCALE) mode = 'human';

      const col = (field: Field, caption?: string): Column => ({ field, caption: caption ?? CAPTION[field], width: MIN_WIDTH[field] });
      let columns: Column[];
      const typeCol = printType ? [col('fstype')] : [];
      switch (mode) {
        case 'default': columns = [col('source'), ...typeCol, col('size'), col('used'), col('avail', 'Available'), col('pcent'), col('target')]; break;
        case 'human': columns = [col('source'), ...typeCol, col('size', 'Size'), col('used'), col('avail', 'Avail'), col('pcent'), col('target')]; break;
        case 'inodes': columns = [col('source'), ...typeCol, col('itotal'), col('iused'), col('iavail'), col('ipcent'), col('target')]; break;
        case 'posix': columns = [col('source'), ...typeCol, col('size'), col('used'), col('avail', 'Available'), col('pcent', 'Capacity'), col('target')]; break;
        default: columns = outputFields.map((f) => col(f));
      }
      for (const c of columns) {
        if (c.field !== 'size') continue;
        if (mode === 'posix') c.caption = `${blockSize}-blocks`;
        else if (mode === 'default' || (mode === 'output' && !(humanOpts & HUMAN_AUTOSCALE))) c.caption = `${blocksHeader(humanOpts, blockSize)}-blocks`;
      }

      const runner = new Df(tool, columns, { showAll: a.has('all'), local: a.has('local'), select, exclude, humanOpts, blockSize, totals: a.has('total') });
      let mounts: MountEntry[];
      try {
        mounts = await readMounts(sys);
      } catch (e) {
        if (!isSysError(e)) throw e;
        // Fatal without FILEs or with a filter; otherwise a warning, and FILEs are still shown.
        const fatal = a.operands.length === 0 || a.has('all') || a.has('local') || select.length > 0 || exclude.length > 0;
        await tool.error(`${fatal ? '' : 'Warning: '}cannot read table of mounted file systems: ${strerror(e.code)}`, fatal ? 1 : 0);
        if (fatal) throw new Quit(1);
        mounts = [];
      }

      if (a.operands.length) {
        for (const name of a.operands) {
          let st;
          try {
            st = await sys.stat(name);
          } catch (e) {
            if (!isSysError(e)) throw e;
            await tool.error(`${runner.quotef(name)}: ${strerror(e.code)}`);
            runner.status = 1;
            continue;
          }
          let best: MountEntry | null = null;
          try {
            const resolved = await canonicalizeOrThrow(sys, name, 'existing');
            let bestLen = 0;
            for (const me of mounts) {
              if (me.type === 'lofs' || !(!best || best.dummy || !me.dummy)) continue;
              const len = me.mountdir.length;
              if (bestLen <= len && len <= resolved.length && (len === 1 || ((len === resolved.length || resolved[len] === '/') && resolved.startsWith(me.mountdir)))) {
                best = me;
                bestLen = len;
              }
            }
          } catch (e) {
            if (!isSysError(e)) throw e;
          }
          if (best) {
            try {
              if ((await sys.stat(best.mountdir)).dev !== st.dev) best = null;
            } catch (e) {
              if (!isSysError(e)) throw e;
              best = null;
            }
          }
          if (!best) {
            for (const me of mounts) {
              if (me.dev === st.dev && me.type !== 'lofs' && (!best || best.dummy || !me.dummy)) best = me;
            }
          }
          if (best) await runner.addRow(best, name, true);
          else await runner.addRow({ devname: '-', mountdir: name, type: '-', dummy: false, remote: false }, name, true);
        }
      } else {
        for (const me of filterMounts(mounts, runner, a.has('all'), a.has('local'))) await runner.addRow(me, null, false);
      }
      if (runner.rows.length === 0 && runner.status === 0) {
        await tool.error('no file systems processed');
        return 1;
      }
      if (runner.rows.length) {
        if (a.has('total')) runner.addTotal();
        await runner.print();
      }
      return runner.status;
    } catch (e) {
      if (e instanceof Quit) return e.status;
      throw e;
    }
  });
}

/** filter_mount_list: one entry per device, preferring real device names and shorter mount points. */
function filterMounts(mounts: MountEntry[], runner: Df, showAll: boolean, local: boolean): MountEntry[] {
  const byDev = new Map<number, MountEntry>();
  const kept: MountEntry[] = [];
  for (const me of mounts) {
    if ((me.remote && local) || (me.dummy && !showAll) || !runner.selected(me.type)) {
      kept.push(me);
      continue;
    }
    const seen = byDev.get(me.dev);
    if (!seen) {
      byDev.set(me.dev, me);
      kept.push(me);
      continue;
    }
    const targetNearerRoot = seen.mountdir.length > me.mountdir.length;
    const sourceBelowRoot = seen.mntroot !== null && me.mntroot !== null && seen.mntroot.length < me.mntroot.length;
    if (
      (me.devname.includes('/') && !seen.devname.includes('/')) ||
      (targetNearerRoot && !sourceBelowRoot) ||
      (seen.devname !== me.devname && me.mountdir === seen.mountdir)
    ) {
      kept[kept.indexOf(seen)] = me;
      byDev.set(me.dev, me);
    }
  }
  return showAll ? mounts : kept;
}

/** The "1K" of "1K-blocks": the block size in the base that writes it exactly. */
function blocksHeader(humanOpts: number, blockSize: number): string {
  let opts = HUMAN_SUPPRESS_POINT_ZERO | HUMAN_AUTOSCALE | HUMAN_SI | (humanOpts & (HUMAN_GROUP_DIGITS | HUMAN_BASE_1024 | HUMAN_B));
  let q1000 = blockSize;
  let q1024 = blockSize;
  let by1000: boolean;
  let by1024: boolean;
  do {
    by1000 = q1000 % 1000 === 0;
    q1000 = Math.floor(q1000 / 1000);
    by1024 = q1024 % 1024 === 0;
    q1024 = Math.floor(q1024 / 1024);
  } while (by1000 && by1024);
  // Prefer the base that writes the block size more exactly.
  if (!by1000 && by1024) opts |= HUMAN_BASE_1024;
  if (!by1024 && by1000) opts &= ~HUMAN_BASE_1024;
  if (!(opts & HUMAN_BASE_1024)) opts |= HUMAN_B;
  return humanReadable(blockSize, opts, 1, 1);
}
