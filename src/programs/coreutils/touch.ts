// touch (GNU coreutils): set the access and modification times of each FILE (to now, to a date
// given with -d in the forms GNU's date parser reads, to a -t [[CC]YY]MMDDhhmm[.ss] stamp, or to
// a reference file's), creating missing files unless -c or -h says not to. -a/-m pick one time;
// -h changes a symbolic link itself. "-" stands for standard output's file.

import { isSysError, strerror, type ErrnoName } from '../../abi/errno.ts';
import { O_CREAT, O_NOCTTY, O_NONBLOCK, O_WRONLY } from '../../abi/open-flags.ts';
import { S_IFDIR, S_IFMT, type Stat } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import { argmatch } from '../lib/argmatch.ts';
import { localeIsUtf8 } from '../lib/locale.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { parseDate, tzOffsetMinutes } from '../lib/parse-date.ts';
import { quote } from '../lib/quote.ts';
import { localeQuote, report } from '../lib/report.ts';
import { runTool, tryHelp, type Tool } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'touch', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... FILE...'],
  summary: 'Set the access and modification times of each FILE to the current time.\nA FILE that does not exist is created empty, unless -c or -h is given.\nA FILE of - means the file standard output is connected to.',
  options: [
    { short: 'a', help: 'change the access time only' },
    { short: 'c', long: 'no-create', help: 'do not create files that are missing' },
    { short: 'd', long: 'date', arg: 'required', argName: 'STRING', help: 'use the date STRING describes instead of now' },
    { short: 'f', help: '(accepted and ignored)' },
    { short: 'h', long: 'no-dereference', help: 'change a symbolic link itself, not the file it points to\n(implies -c)' },
    { short: 'm', help: 'change the modification time only' },
    { short: 'r', long: 'reference', arg: 'required', argName: 'FILE', help: "use FILE's times instead of now" },
    { short: 't', arg: 'required', argName: 'STAMP', help: 'use [[CC]YY]MMDDhhmm[.ss] instead of now' },
    { long: 'time', arg: 'required', argName: 'WORD', help: 'which time to change: access, atime or use (as -a);\nmodify or mtime (as -m)' },
  ],
};

const NS = 1_000_000_000n;

/** POSIX touch -t: [[CC]YY]MMDDhhmm[.ss] in local time; null when invalid. */
export function parseStamp(stamp: string, nowNs: bigint, tz?: string): bigint | null {
  const m = /^(\d{8}|\d{10}|\d{12})(?:\.(\d{2}))?$/.exec(stamp);
  if (!m) return null;
  const digits = m[1]!;
  const local = tzOffsetMinutes(tz);
  let year: number;
  let rest: string;
  if (digits.length === 12) {
    year = Number(digits.slice(0, 4));
    rest = digits.slice(4);
  } else if (digits.length === 10) {
    const yy = Number(digits.slice(0, 2));
    year = yy < 69 ? 2000 + yy : 1900 + yy;
    rest = digits.slice(2);
  } else {
    year = new Date(Number(nowNs / NS) * 1000 + local * 60000).getUTCFullYear();
    rest = digits;
  }
  const [mon, day, hour, min] = [0, 2, 4, 6].map((k) => Number(rest.slice(k, k + 2)));
  const sec = m[2] === undefined ? 0 : Number(m[2]);
  if (mon! < 1 || mon! > 12 || day! < 1 || day! > 31 || hour! > 23 || min! > 59 || sec > 60) return null;
  const ms = Date.UTC(year, mon! - 1, day!, hour!, min!, Math.min(sec, 59));
  const check = new Date(ms);
  if (check.getUTCMonth() !== mon! - 1 || check.getUTCDate() !== day!) return null;
  // A leap second (ss = 60) becomes the next minute's first second, as mktime makes it.
  return (BigInt(ms / 1000) + BigInt(sec === 60 ? 1 : 0) - BigInt(local * 60)) * NS;
}

interface Plan {
  atime: boolean;
  mtime: boolean;
  /** Explicit [atime, mtime]; null means now. */
  times: [bigint, bigint] | null;
  noCreate: boolean;
  noDeref: boolean;
}

async function touchOne(tool: Tool, plan: Plan, file: string): Promise<void> {
  const { sys } = tool;
  const path = file === '-' ? '/proc/self/fd/1' : file;
  let openErr: ErrnoName | null = null;
  if (file !== '-' && !(plan.noCreate || plan.noDeref)) {
    try {
      await sys.close(await sys.open(file, O_WRONLY | O_CREAT | O_NONBLOCK | O_NOCTTY, 0o666));
    } catch (e) {
      if (!isSysError(e)) throw e;
      openErr = e.code;
    }
  }
  let utimeErr: ErrnoName | null = null;
  try {
    let [a, m]: [bigint | undefined, bigint | undefined] = plan.times ?? [undefined, undefined];
    if (!(plan.atime && plan.mtime)) {
      // Only one time changes: the other is written back as it was.
      const now = plan.times ? undefined : await sys.clockGettime(0);
      const st: Stat = plan.noDeref ? await sys.lstat(path) : await sys.stat(path);
      if (!plan.atime) [a, m] = [st.atimeNs, m ?? now];
      else [a, m] = [a ?? now, st.mtimeNs];
    }
    await sys.utimensat(path, a, m, !plan.noDeref);
  } catch (e) {
    if (!isSysError(e)) throw e;
    utimeErr = e.code;
  }
  if (utimeErr === null) return;
  if (file === '-' && utimeErr === 'EBADF' && plan.noCreate) return;
  if (openErr && openErr !== 'EISDIR' && !(openErr === 'EINVAL' && (await isDir(sys, file)))) {
    await report(tool, `${tool.busybox ? file : `cannot touch ${quote(file)}`}: ${strerror(openErr)}`);
    return;
  }
  if (plan.noCreate && utimeErr === 'ENOENT') return;
  await report(tool, `setting times of ${quote(file)}: ${strerror(utimeErr)}`);
}

async function isDir(sys: Sys, path: string): Promise<boolean> {
  try {
    return ((await sys.stat(path)).mode & S_IFMT) === S_IFDIR;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return false;
  }
}

export default function touch(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    let atime = false;
    let mtime = false;
    for (const o of a.options) {
      if (o.key === 'a') atime = true;
      else if (o.key === 'm') mtime = true;
      else if (o.key === 'time') {
        const r = argmatch('touch', '--time', o.value!, [['atime', 'a'], ['access', 'a'], ['use', 'a'], ['mtime', 'm'], ['modify', 'm']], localeIsUtf8((n) => sys.getenv(n)));
        if ('error' in r) {
          await sys.writeAll(2, `${r.error}\n${tryHelp(meta)}`);
          return 1;
        }
        if (r.value === 'a') atime = true;
        else mtime = true;
      }
    }
    if (!atime && !mtime) atime = mtime = true;
    const date = a.value('date');
    const stamp = a.value('t');
    const ref = a.value('reference');
    const tz = sys.getenv('TZ');
    let times: [bigint, bigint] | null = null;
    if (stamp !== undefined) {
      // -t is read as the options are, before anything else is checked.
      const t = parseStamp(stamp, await sys.clockGettime(0), tz);
      if (t === null) {
        await report(tool, `invalid date format ${localeQuote(sys, stamp)}`);
        return 1;
      }
      times = [t, t];
      if (date !== undefined || ref !== undefined) return tool.usage('touch: cannot specify times from more than one source');
    }
    if (ref !== undefined) {
      let st: Stat;
      try {
        st = a.has('no-dereference') ? await sys.lstat(ref) : await sys.stat(ref);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await report(tool, `failed to get attributes of ${quote(ref)}: ${strerror(e.code)}`);
        return 1;
      }
      times = [st.atimeNs, st.mtimeNs];
      if (date !== undefined) {
        const at = parseDate(date, st.atimeNs, tz);
        const mt = parseDate(date, st.mtimeNs, tz);
        if (at === null || mt === null) {
          await report(tool, `invalid date format ${localeQuote(sys, date)}`);
          return 1;
        }
        times = [at, mt];
      }
    } else if (date !== undefined) {
      const t = parseDate(date, await sys.clockGettime(0), tz);
      if (t === null) {
        await report(tool, `invalid date format ${localeQuote(sys, date)}`);
        return 1;
      }
      times = [t, t];
    }
    if (a.operands.length === 0) return tool.usage('touch: missing file operand');
    const plan: Plan = { atime, mtime, times, noCreate: a.has('no-create'), noDeref: a.has('no-dereference') };
    for (const file of a.operands) await touchOne(tool, plan, file);
  });
}
