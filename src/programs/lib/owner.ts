// What chown and chgrp share (GNU chown-core.c and userspec.c): reading USER[:GROUP] specs
// against /etc/passwd and /etc/group (names first, then numbers; "+N" is always a number),
// walking the files (-R visits a directory after its entries; -H/-L/-P say which symbolic
// links are followed, -h changes links themselves), --from filtering, and the -v/-c reports.

import { isSysError, strerror, type ErrnoName } from '../../abi/errno.ts';
import { S_IFLNK, S_IFMT, type Stat } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import { IdCache } from './idcache.ts';
import { groupByName, groupById, userByName } from './passwd.ts';
import { quote } from './quote.ts';
import { localeQuote, report } from './report.ts';
import type { OptionSpec } from './meta.ts';
import type { Tool } from './tool.ts';
import { rootWarning, walk, type Follow, type WalkEntry } from './walk.ts';

export interface OwnerSpec {
  uid: number;
  gid: number;
  /** The names the reports print ("" for a user when only a group was given to chown). */
  userName: string | null;
  groupName: string | null;
}

const MAXID = 0xffffffff;

/** xstrtoul base 10 as userspec.c reads a numeric id ("+5" too); null when it is no id. */
function numeric(s: string): number | null {
  if (!/^\s*\+?\d+$/.test(s)) return null;
  const v = Number(s.trim().replace(/^\+/, ''));
  return v <= MAXID && v !== MAXID ? v : null;
}

/** parse_with_separator: the error word, or the ids and names. */
async function parseWith(sys: Sys, spec: string, sep: number | null): Promise<OwnerSpec | string> {
  const u = sep === null ? (spec === '' ? null : spec) : sep === 0 ? null : spec.slice(0, sep);
  const g = sep === null || sep + 1 >= spec.length ? null : spec.slice(sep + 1);
  let uid = -1;
  let gid = -1;
  let groupName: string | null = null;
  if (u !== null) {
    const pw = u.startsWith('+') ? null : await userByName(sys, u);
    if (!pw) {
      if (sep !== null && g === null) return 'invalid spec';
      const n = numeric(u);
      if (n === null) return 'invalid user';
      uid = n;
    } else {
      uid = pw.uid;
      if (g === null && sep !== null) {
        // "user:" means the user's login group.
        gid = pw.gid;
        groupName = (await groupById(sys, gid))?.name ?? String(gid);
      }
    }
  }
  if (g !== null) {
    const gr = g.startsWith('+') ? null : await groupByName(sys, g);
    if (!gr) {
      const n = numeric(g);
      if (n === null) return 'invalid group';
      gid = n;
    } else gid = gr.gid;
    groupName = g;
  }
  return { uid, gid, userName: u, groupName };
}

/** parse_user_spec_warn: USER[:GROUP] (or the old USER.GROUP, with a warning). */
export async function parseOwnerSpec(sys: Sys, spec: string): Promise<{ spec: OwnerSpec; warning?: string } | { error: string }> {
  const colon = spec.indexOf(':');
  const r = await parseWith(sys, spec, colon < 0 ? null : colon);
  if (colon < 0) {
    const dot = spec.indexOf('.');
    if (dot >= 0) {
      const r2 = await parseWith(sys, spec, dot);
      if (typeof r2 !== 'string' && typeof r === 'string') return { spec: r2, warning: "warning: '.' should be ':'" };
    }
  }
  if (typeof r === 'string') return { error: r };
  return { spec: r };
}

export interface ChownJob {
  uid: number;
  gid: number;
  userName: string | null;
  groupName: string | null;
  requiredUid: number;
  requiredGid: number;
  recurse: boolean;
  follow: Follow;
  /** Change what a symbolic link points to (chown without -h, or -R with -H/-L). */
  referent: boolean;
  verbosity: 'off' | 'changes' | 'high';
  silent: boolean;
  preserveRoot: Stat | null;
}

type Status = 'failed' | 'not-applied' | 'no-change' | 'succeeded';

class Chowner {
  private readonly names: IdCache;

  constructor(readonly tool: Tool, readonly job: ChownJob) {
    this.names = new IdCache(tool.sys);
  }

  private async complain(message: string): Promise<void> {
    if (!this.job.silent) await report(this.tool, message);
  }

  private async describe(file: string, status: Status, oldUser: string | null, oldGroup: string | null, user: string | null, group: string | null): Promise<void> {
    const q = quote(file);
    if (status === 'not-applied') return this.tool.out.write(`neither symbolic link ${q} nor referent has been changed\n`);
    const str = (u: string | null, g: string | null): string | null => (u !== null ? (g !== null ? `${u}:${g}` : u) : g);
    let spec = str(user, group);
    let oldSpec = str(user !== null ? oldUser : null, group !== null ? oldGroup : null);
    let text: string;
    if (status === 'succeeded') {
      text = user !== null ? `changed ownership of ${q} from ${oldSpec} to ${spec}` : group !== null ? `changed group of ${q} from ${oldSpec} to ${spec}` : `no change to ownership of ${q}`;
    } else if (status === 'failed') {
      if (oldSpec !== null) {
        text = user !== null ? `failed to change ownership of ${q} from ${oldSpec} to ${spec}` : group !== null ? `failed to change group of ${q} from ${oldSpec} to ${spec}` : `failed to change ownership of ${q}`;
      } else {
        oldSpec = spec;
        spec = null;
        text = user !== null ? `failed to change ownership of ${q} to ${oldSpec}` : group !== null ? `failed to change group of ${q} to ${oldSpec}` : `failed to change ownership of ${q}`;
      }
    } else {
      text = user !== null ? `ownership of ${q} retained as ${oldSpec}` : group !== null ? `group of ${q} retained as ${oldSpec}` : `ownership of ${q} retained`;
    }
    await this.tool.out.write(`${text}\n`);
  }

  /** change_file_owner: false when this entry failed. */
  async visit(e: WalkEntry): Promise<{ ok: boolean; skip?: boolean }> {
    const { sys } = this.tool;
    const job = this.job;
    let ok = true;
    switch (e.kind) {
      case 'dir':
        if (job.recurse) {
          if (job.preserveRoot && e.stat!.dev === job.preserveRoot.dev && e.stat!.ino === job.preserveRoot.ino) {
            for (const line of rootWarning(e.path)) await report(this.tool, line);
            return { ok: false, skip: true };
          }
          return { ok: true };
        }
        break;
      case 'no-stat':
        await this.complain(`${this.tool.busybox ? e.path : `cannot access ${quote(e.path)}`}: ${strerror(e.error!.code)}`);
        ok = false;
        break;
      case 'unreadable':
        await this.complain(`cannot read directory ${quote(e.path)}: ${strerror(e.error!.code)}`);
        ok = false;
        break;
      case 'cycle':
        await report(this.tool, `WARNING: Circular directory structure.\nThis almost certainly means that you have a corrupted file system.\nNOTIFY YOUR SYSTEM MANAGER.\nThe following directory is part of the cycle:\n  ${quote(e.path)}\n`);
        return { ok: false };
      default:
        break;
    }
    let st: Stat | null = ok ? e.stat ?? null : null;
    let doChown = ok;
    if (ok && job.referent && st && (st.mode & S_IFMT) === S_IFLNK) {
      try {
        st = await sys.stat(e.path);
      } catch (err) {
        if (!isSysError(err)) throw err;
        await this.complain(`cannot dereference ${quote(e.path)}: ${strerror(err.code)}`);
        ok = false;
        doChown = false;
      }
    }
    if (ok && st) doChown = (job.requiredUid === -1 || job.requiredUid === st.uid) && (job.requiredGid === -1 || job.requiredGid === st.gid);
    let symlinkChanged = true;
    if (doChown) {
      let code: ErrnoName | null = null;
      try {
        if (job.referent) await sys.chown(e.path, job.uid, job.gid);
        else await sys.lchown(e.path, job.uid, job.gid);
      } catch (err) {
        if (!isSysError(err)) throw err;
        code = err.code;
        if (!job.referent && code === 'EOPNOTSUPP') {
          code = null;
          symlinkChanged = false;
        }
      }
      if (code !== null) {
        ok = false;
        await this.complain(`${job.uid !== -1 ? 'changing ownership of' : 'changing group of'} ${quote(e.path)}: ${strerror(code)}`);
      }
    }
    if (job.verbosity !== 'off') {
      const changed = doChown && ok && symlinkChanged && !((job.uid === -1 || job.uid === st?.uid) && (job.gid === -1 || job.gid === st?.gid));
      if (changed || job.verbosity === 'high') {
        const status: Status = !ok ? 'failed' : !symlinkChanged ? 'not-applied' : !changed ? 'no-change' : 'succeeded';
        const oldUser = st ? (await this.names.user(st.uid)) ?? String(st.uid) : null;
        const oldGroup = st ? (await this.names.group(st.gid)) ?? String(st.gid) : null;
        const user = job.userName ?? (job.uid !== -1 ? String(job.uid) : null);
        const group = job.groupName ?? (job.gid !== -1 ? String(job.gid) : null);
        await this.describe(e.path, status, oldUser, oldGroup, user, group);
      }
    }
    return { ok, skip: !job.recurse };
  }
}

/** chown_files: every operand, walked as the options say; false if anything failed. */
export async function chownFiles(tool: Tool, job: ChownJob, files: string[]): Promise<boolean> {
  const chowner = new Chowner(tool, job);
  let ok = true;
  for (const f of files) {
    await walk(tool.sys, f, { follow: job.follow, postorder: job.recurse }, async (e) => {
      // With -R a directory is changed after its entries, on the way back up.
      const entry: WalkEntry = e.kind === 'post' ? { ...e, kind: 'file' } : e;
      const r = await chowner.visit(entry);
      if (!r.ok) ok = false;
      return r.skip ? 'skip' : undefined;
    });
  }
  return ok;
}

/** Who owns RFILE, for --reference. */
export async function referenceOwner(tool: Tool, file: string): Promise<Stat | null> {
  try {
    return await tool.sys.stat(file);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await report(tool, `failed to get attributes of ${quote(file)}: ${strerror(e.code)}`);
    return null;
  }
}

/** What the options say about the walk and the reports, the same for chown and chgrp. */
export type WalkOptions = Omit<ChownJob, 'uid' | 'gid' | 'userName' | 'groupName' | 'requiredUid' | 'requiredGid'>;

/** Options chown and chgrp read the same way; null after a message when they conflict. */
async function walkOptions(tool: Tool): Promise<WalkOptions | null> {
  const a = tool.args;
  const recurse = a.has('recursive');
  const walk = a.last('H', 'L', 'P') ?? 'P';
  const deref = a.last('dereference', 'no-dereference');
  let referent = deref !== 'no-dereference';
  let follow: ChownJob['follow'] = walk as ChownJob['follow'];
  if (recurse) {
    if (walk === 'P') {
      if (deref === 'dereference') {
        await report(tool, '-R --dereference requires either -H or -L');
        return null;
      }
      referent = false;
    }
  } else {
    // Without -R the walk looks at the name itself; the referent is looked up when it matters.
    follow = 'P';
  }
  const verbose = a.last('verbose', 'changes');
  return {
    recurse, follow, referent,
    verbosity: verbose === 'verbose' ? 'high' : verbose === 'changes' ? 'changes' : 'off',
    silent: a.has('silent'),
    preserveRoot: recurse && a.last('preserve-root', 'no-preserve-root') === 'preserve-root' ? await tool.sys.lstat('/') : null,
  };
}

/**
 * How chown and chgrp start: the operands (OWNER or GROUP first, unless --reference names the
 * file to copy), checked for being enough, and the walk options. A number is the status to exit
 * with, after the message.
 */
export async function ownerCommand(tool: Tool): Promise<{ operands: string[]; ref: string | undefined; common: WalkOptions } | number> {
  const operands = [...tool.args.operands];
  const ref = tool.args.value('reference');
  if (operands.length < (ref !== undefined ? 1 : 2)) {
    return tool.usage(operands.length === 0 ? `${tool.name}: missing operand` : `${tool.name}: missing operand after ${localeQuote(tool.sys, operands[operands.length - 1]!)}`);
  }
  const common = await walkOptions(tool);
  if (!common) return 1;
  return { operands, ref, common };
}

/**
 * The options chown and chgrp share, in --help's order; chown adds --from (`extra`, placed
 * before --no-preserve-root) and each says what --reference takes.
 */
export function ownerOptions(referenceHelp: string, extra: OptionSpec[] = []): OptionSpec[] {
  return [
    { short: 'c', long: 'changes', help: 'like verbose, but only for files that changed' },
    { short: 'f', long: 'silent', key: 'silent', help: 'leave out most error messages' },
    { long: 'quiet', key: 'silent', help: '' },
    { short: 'v', long: 'verbose', help: 'say what was done to every file' },
    { long: 'dereference', help: 'change what a symbolic link points to, not the link\n(the default)' },
    { short: 'h', long: 'no-dereference', help: 'change symbolic links themselves' },
    ...extra,
    { long: 'no-preserve-root', help: "treat '/' like any other directory (the default)" },
    { long: 'preserve-root', help: "refuse to work recursively on '/'" },
    { long: 'reference', arg: 'required', argName: 'RFILE', help: referenceHelp },
    { short: 'R', long: 'recursive', help: 'work on directories and everything below them' },
    { short: 'H', help: 'with -R, follow symbolic links named on the command line' },
    { short: 'L', help: 'with -R, follow every symbolic link to a directory' },
    { short: 'P', help: 'with -R, follow no symbolic links (the default)' },
  ];
}
