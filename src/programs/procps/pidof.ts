// pidof: print the PIDs of the processes running a program, newest first, on one line; status
// 1 when there is none. The recording machine (Debian 12) has no procps pidof: `dpkg -S
// /bin/pidof` says sysvinit-utils, where pidof is killall5 (3.06) under another name. So this is
// sysvinit's pidof, matched as killall5.c matches: argv[0], its base name, or the name in stat
// (for a program that rewrote its argv[0], or a login shell); -x also matches scripts by their
// argv[1]; a NAME with a slash matches /proc/PID/exe. -s prints one PID, -o omits PIDs
// (%PPID is our parent), -d sets the separator, -q prints nothing, -c keeps processes under our
// root, -z includes zombies (killall5 skips only state Z, though its help speaks of D too), -n
// is accepted (there are no network filesystems to skip). sysvinit's getopt is silent: a bad
// option ends with status 1, and its complaints go to stderr only when stdin is a terminal (to
// syslog otherwise, which nobody reads here). -h prints the help (in cowbox's words).

import { O_DIRECTORY, O_RDONLY } from '../../abi/open-flags.ts';
import { isSysError } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import { helpText } from '../lib/help.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { readText } from './proc.ts';
import { guardOutput } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'pidof', package: 'sysvinit-utils', version: '3.06', style: 'procps',
  usage: ['[options] <program-name>...'],
  summary: 'Print the process IDs of the processes running each named program.',
  standardOptions: false,
  options: [
    { short: 'c', help: 'only processes with the same root directory as ours (root only)' },
    { short: 'd', arg: 'required', argName: 'sep', help: 'put the character sep between the PIDs' },
    { short: 'h', help: 'display this help and exit' },
    { short: 'n', help: 'do not stat programs on network filesystems' },
    { short: 'o', arg: 'required', argName: 'pid', help: 'leave out these PIDs (a list; %PPID is our parent)' },
    { short: 'q', help: 'print nothing, only set the exit status' },
    { short: 's', help: 'print one PID only' },
    { short: 'x', help: 'also match shells running a script of that name' },
    { short: 'z', help: 'also list zombie processes' },
  ],
};

/** How long a name in /proc/PID/stat may be (the kernel's comm, less its NUL). */
const STATNAMELEN = 15;

interface Proc {
  pid: number;
  statname: string;
  argv0: string | null;
  argv0base: string | null;
  argv1: string | null;
  argv1base: string | null;
  pathname: string | null;
}

const base = (s: string): string => s.slice(s.lastIndexOf('/') + 1);

/** readproc: every process of /proc, last directory entry first (killall5 prepends). */
async function readProcs(sys: Sys, withDz: boolean): Promise<Proc[]> {
  let fd: number;
  try {
    fd = await sys.open('/proc', O_RDONLY | O_DIRECTORY);
  } catch (e) {
    if (isSysError(e)) return [];
    throw e;
  }
  const names: string[] = [];
  try {
    for (const e of await sys.getdents(fd)) names.push(e.name);
  } finally {
    await sys.close(fd);
  }
  const list: Proc[] = [];
  for (const name of names) {
    const pid = parseInt(name, 10);
    if (!pid) continue;
    const stat = await readText(sys, `/proc/${name}/stat`);
    if (!stat) continue;
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    if (open < 0 || close < 0) continue;
    const state = stat.slice(close + 2).split(' ')[0] ?? '';
    if (!withDz && state.includes('Z')) continue;
    const cmdline = await readText(sys, `/proc/${name}/cmdline`);
    if (cmdline === null) continue;
    const args = cmdline === '' ? [] : cmdline.replace(/\0$/, '').split('\0');
    const argv0 = args[0] ? args[0] : null;
    // argv[1]: the first later word not starting with '-' (an empty word means none).
    let argv1: string | null = null;
    for (const a of args.slice(1)) {
      if (a === '') break;
      if (a[0] !== '-') {
        argv1 = a;
        break;
      }
    }
    let pathname: string | null = null;
    try {
      pathname = await sys.readlink(`/proc/${name}/exe`);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    list.unshift({
      pid, statname: stat.slice(open + 1, close), argv0, argv0base: argv0 === null ? null : base(argv0),
      argv1, argv1base: argv1 === null ? null : base(argv1), pathname,
    });
  }
  return list;
}

/** The processes running `prog`, in list order (killall5.c's pidof()). */
function matches(plist: Proc[], prog: string, scripts: boolean, root: boolean): Proc[] {
  const s = base(prog);
  if (!s) return [];
  const found: Proc[] = [];
  // killall5 3.06 resolves a full path with realpath() and then clears the result before
  // comparing (so its match by dev/ino finds nothing); the exe link is compared as written.
  for (const p of plist) {
    if (prog[0] === '/') {
      let byName = false;
      if (!p.pathname) {
        if (root) continue;
        byName = true;
      } else if (prog !== p.pathname && p.pathname !== `${prog} (deleted)`) {
        if (!scripts) continue;
        byName = true;
      }
      if (!byName) {
        found.push(p);
        continue;
      }
    }
    let ok = (p.argv0 !== null && p.argv0 === prog)
      || (p.argv0 !== null && s !== prog && p.argv0 === s)
      || (p.argv0base !== null && p.argv0base === prog);
    if (scripts && p.argv1base && p.statname.slice(0, STATNAMELEN) === p.argv1base.slice(0, STATNAMELEN)) {
      ok ||= p.argv1 === prog || (s !== prog && p.argv1 === s) || p.argv1base === prog;
    }
    // A program that rewrote its argv[0], or a login shell ("-sh"): its name in stat.
    if (s.length <= STATNAMELEN && (!p.argv0 || p.argv0.includes(' '))) ok ||= p.statname === s;
    if (s.length <= STATNAMELEN && p.argv1 === null && p.argv0 !== null && p.argv0[0] === '-') ok ||= p.statname === s;
    if (ok) found.push(p);
  }
  return found;
}

export default function pidof(sys: Sys): Promise<number> {
  return guardOutput(sys, 'pidof', 0, () => run(sys), async () => 0);
}

async function run(sys: Sys): Promise<number> {
  const say = async (msg: string): Promise<void> => {
    if (await sys.isatty(0)) await sys.writeAll(2, `pidof: ${msg}\n`);
  };
  // getopt with "qhco:d:sxzn" and opterr = 0: operands may come anywhere, "--" ends options.
  const args = sys.argv.slice(1);
  const names: string[] = [];
  let sep = ' ';
  const omit: number[] = [];
  let single = false;
  let quiet = false;
  let scripts = false;
  let withDz = false;
  let chroot = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      names.push(...args.slice(i + 1));
      break;
    }
    if (arg[0] !== '-' || arg === '-') {
      names.push(arg);
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j]!;
      if ('od'.includes(c)) {
        let value = arg.slice(j + 1);
        if (value === '') {
          if (i + 1 >= args.length) {
            await say('invalid options on command line!\n');
            return 1;
          }
          value = args[++i]!;
        }
        if (c === 'd') sep = value[0] ?? '\0';
        else {
          for (const token of value.split(/[,;:]/)) {
            const pid = token === '%PPID' ? await sys.getppid() : parseInt(token, 10) || 0;
            if (pid < 1) await say(`illegal omit pid value (${token})!\n`);
            else omit.push(pid);
          }
        }
        break;
      }
      switch (c) {
        case 'c': if ((await sys.geteuid()) === 0) chroot = true; break;
        case 'h':
          await sys.writeAll(1, helpText(meta));
          return 0;
        case 'q': quiet = true; break;
        case 's': single = true; break;
        case 'x': scripts = true; break;
        case 'z': withDz = true; break;
        case 'n': break;
        default:
          await say('invalid options on command line!\n');
          return 1;
      }
    }
  }

  let ownRoot: { dev: number; ino: number } | null = null;
  if (chroot) {
    try {
      const st = await sys.stat(`/proc/${await sys.getpid()}/root`);
      ownRoot = { dev: Number(st.dev), ino: Number(st.ino) };
    } catch (e) {
      if (!isSysError(e)) throw e;
      await say(`stat failed for /proc/${await sys.getpid()}/root!\n`);
      return 1;
    }
  }
  const plist = await readProcs(sys, withDz);
  if (!plist.length && (await readText(sys, '/proc/version')) === null) await say('chdir /proc failed');
  const root = (await sys.getuid()) === 0;
  const out: number[] = [];
  for (const name of names) {
    let one = false;
    for (const p of matches(plist, name, scripts, root)) {
      if (omit.includes(p.pid)) continue;
      if (single) {
        if (one) continue;
        one = true;
      }
      if (ownRoot) {
        try {
          const st = await sys.stat(`/proc/${p.pid}/root`);
          if (Number(st.dev) !== ownRoot.dev || Number(st.ino) !== ownRoot.ino) continue;
        } catch (e) {
          if (!isSysError(e)) throw e;
          continue;
        }
      }
      out.push(p.pid);
    }
  }
  if (out.length && !quiet) await sys.writeAll(1, `${out.join(sep)}\n`);
  return out.length ? 0 : 1;
}
