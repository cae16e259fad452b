// Redirections, as dash applies them: each target is opened (or duplicated) in order and moved
// onto its fd; when the redirection is temporary (a builtin, a function, a compound command)
// the fd's previous description is first saved above 10 with close-on-exec and put back after.
// Failures print dash's words (`cannot create f: Directory nonexistent`) and give status 2, or
// ash's (`can't create f: nonexistent directory`, status 1).

import { isSysError, strerror } from '../../abi/errno.ts';
import { O_APPEND, O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import { isReg } from '../../abi/stat.ts';
import type { Redir } from './ast.ts';
import { fromBytes, latin1ToBytes } from './bytes.ts';
import { ShellError } from './errors.ts';
import { expandString } from './expand.ts';
import { forkOrFail, type Shell } from './shell.ts';

const F_DUPFD_CLOEXEC = 1030;
const SAVE_MIN = 10;
const PIPE_CAPACITY = 65536;

/** How to undo one redirection: the saved copy of the fd, or null if it was closed. */
export interface SavedFd {
  fd: number;
  copy: number | null;
}

/** A redirection with its target expanded (dash's expredir). */
export interface ExpandedRedir {
  r: Redir;
  /** File name, or the here-document text. */
  text: string;
  /** For >& and <&: the fd to copy, -1 to close. */
  dupfd?: number;
}

export { openErrorText } from './dialect.ts';

export async function expandRedirs(sh: Shell, redirs: Redir[]): Promise<ExpandedRedir[]> {
  const out: ExpandedRedir[] = [];
  for (const r of redirs) {
    if (r.op === '<<' || r.op === '<<-') {
      const body = r.heredoc!;
      const text = body.quoted ? (body.body.parts[0] as { s: string } | undefined)?.s ?? '' : await expandString(sh, body.body, false);
      out.push({ r, text });
      continue;
    }
    if (r.op === '>&' || r.op === '<&') {
      if (r.dupfd !== undefined) {
        out.push({ r, text: '', dupfd: r.dupfd });
        continue;
      }
      const text = await expandString(sh, r.target);
      if (/^[0-9]+$/.test(text)) out.push({ r, text, dupfd: Number(text) });
      else if (text === '-') out.push({ r, text, dupfd: -1 });
      else if (sh.dialect.bashSyntax && text !== '') {
        // busybox ash takes `>&FILE` as bash's `&>FILE`; only fd 1 may be sent to a file so.
        if (r.fd !== 1) {
          await sh.warn('redir error');
          throw new ShellError(2);
        }
        out.push(...bothToFile(r, text));
      } else {
        await sh.warnAt(sh.plinno, 'Syntax error: Bad fd number');
        throw new ShellError(2);
      }
      continue;
    }
    if (r.op === '&>') {
      out.push(...bothToFile(r, await expandString(sh, r.target)));
      continue;
    }
    out.push({ r, text: await expandString(sh, r.target) });
  }
  return out;
}

/** `&>FILE` as the two redirections it stands for: `>FILE 2>&1`. */
function bothToFile(r: Redir, text: string): ExpandedRedir[] {
  return [
    { r: { ...r, fd: 1, op: '>' }, text },
    { r: { ...r, fd: 2, op: '>&' }, text: '1', dupfd: 1 },
  ];
}

/**
 * Apply expanded redirections. With `save`, returns what undoes them. On failure the message is
 * printed, what was already done is undone (when saving), and null is returned.
 */
export async function applyRedirs(sh: Shell, list: ExpandedRedir[], save: boolean): Promise<SavedFd[] | null> {
  const saved: SavedFd[] = [];
  for (const x of list) {
    const fd = x.r.fd;
    // Set the old fd aside first, so a new file cannot take its number while it is saved.
    if (save && !saved.some((s) => s.fd === fd)) saved.push({ fd, copy: await saveFd(sh, fd) });
    let newfd: number;
    try {
      newfd = await openRedirect(sh, x);
    } catch (e) {
      if (!(e instanceof RedirFailure)) throw e;
      await sh.warn(e.message);
      if (save) await popRedirs(sh, saved);
      return null;
    }
    if (newfd === fd) continue;
    try {
      if (newfd === -1) await closeQuietly(sh, fd);
      else if (x.dupfd !== undefined) await sh.sys.dup2(newfd, fd);
      else {
        await sh.sys.dup2(newfd, fd);
        await sh.sys.close(newfd);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      // dash has already set fd 2 aside when it is the one failing, so its message is lost.
      if (fd !== 2) await sh.warn(`${newfd}: ${strerror(e.code)}`);
      if (save) await popRedirs(sh, saved);
      return null;
    }
  }
  return saved;
}

class RedirFailure extends Error {}

/** Open the target of one redirection; -1 means "close the fd". */
async function openRedirect(sh: Shell, x: ExpandedRedir): Promise<number> {
  const { r } = x;
  const name = x.text;
  const open = async (flags: number, creating: boolean): Promise<number> => {
    try {
      return await sh.sys.open(fromBytes(name), flags, 0o666);
    } catch (e) {
      if (!isSysError(e)) throw e;
      throw new RedirFailure(sh.dialect.redirFailed(name, e.code, creating));
    }
  };
  switch (r.op) {
    case '<': return open(O_RDONLY, false);
    case '<>': return open(O_RDWR | O_CREAT, true);
    case '>>': return open(O_WRONLY | O_CREAT | O_APPEND, true);
    case '>|': return open(O_WRONLY | O_CREAT | O_TRUNC, true);
    case '>': {
      if (!sh.opts.noclobber) return open(O_WRONLY | O_CREAT | O_TRUNC, true);
      // noclobber refuses an existing regular file but still writes to devices and fifos.
      try {
        const st = await sh.sys.stat(fromBytes(name));
        if (isReg(st.mode)) throw new RedirFailure(sh.dialect.redirFailed(name, 'EEXIST', true));
        return open(O_WRONLY, true);
      } catch (e) {
        if (!isSysError(e)) throw e;
        return open(O_WRONLY | O_CREAT | O_EXCL, true);
      }
    }
    case '>&': case '<&':
      if (x.dupfd === -1) return -1;
      return x.dupfd!;
    case '<<': case '<<-':
      return heredocPipe(sh, x.text);
    case '&>':
      throw new Error('&> is expanded into > and 2>&1');
  }
}

async function heredocPipe(sh: Shell, text: string): Promise<number> {
  const [rd, wr] = await sh.sys.pipe();
  const bytes = latin1ToBytes(text);
  if (bytes.length <= PIPE_CAPACITY) {
    if (bytes.length) await sh.sys.writeAll(wr, bytes);
  } else {
    // A body larger than the pipe is written by a child while the command reads it.
    await forkOrFail(sh, async (c) => {
      await c.close(rd);
      try {
        await c.writeAll(wr, bytes);
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
      return 0;
    });
  }
  await sh.sys.close(wr);
  return rd;
}

/** Keep a copy of `fd` above 10 (close-on-exec); null when `fd` was not open. */
async function saveFd(sh: Shell, fd: number): Promise<number | null> {
  try {
    return await sh.sys.fcntl(fd, F_DUPFD_CLOEXEC, SAVE_MIN);
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.code === 'EBADF') return null;
    throw e;
  }
}

async function closeQuietly(sh: Shell, fd: number): Promise<void> {
  try {
    await sh.sys.close(fd);
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
}

/** Undo saved redirections, last first. */
export async function popRedirs(sh: Shell, saved: SavedFd[]): Promise<void> {
  await sh.flushOut();
  for (let i = saved.length - 1; i >= 0; i--) {
    const s = saved[i]!;
    if (s.copy === null) await closeQuietly(sh, s.fd);
    else {
      await sh.sys.dup2(s.copy, s.fd);
      await sh.sys.close(s.copy);
    }
  }
}

/** `exec` with only redirections keeps them: forget the saved copies. */
export async function dropSaved(sh: Shell, saved: SavedFd[]): Promise<void> {
  for (const s of saved) if (s.copy !== null) await closeQuietly(sh, s.copy);
}
