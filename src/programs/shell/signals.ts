// Signal dispositions the shell installs, as dash's trap.c: a trapped signal is caught into a
// queue that the evaluator empties between commands (dotrap); an interactive shell ignores
// SIGQUIT and SIGTERM and catches SIGINT for itself; a forked child clears every trap that is
// not "ignore" and gets default dispositions back (a background job without job control
// ignores SIGINT and SIGQUIT instead).

import { isSysError } from '../../abi/errno.ts';
import { SIG } from '../../abi/signals.ts';
import type { Shell } from './shell.ts';

export type Installed = 'catch' | 'ignore';

/** What the shell itself set, per signal, so a child knows what to undo. */
const installed = new WeakMap<Shell, Map<number, Installed>>();
/** Signals that were ignored when the shell started: they cannot be trapped (POSIX). */
const hardIgnored = new WeakMap<Shell, Set<number>>();

function table(sh: Shell): Map<number, Installed> {
  let t = installed.get(sh);
  if (!t) installed.set(sh, (t = new Map()));
  return t;
}

function hard(sh: Shell): Set<number> {
  let t = hardIgnored.get(sh);
  if (!t) hardIgnored.set(sh, (t = new Set()));
  return t;
}

/**
 * Forked copies of a shell by their process (the handler's `self`): a handler the child inherited
 * queues the signal for the child's copy, as the child's own memory would on Linux, not the parent's.
 */
const forked = new WeakMap<object, Shell>();

/** Called on a fresh fork's copy before it makes any call (any call can take a signal). */
export function noteForkedShell(child: Shell): void {
  forked.set(child.sys.self, child);
}

async function setDisposition(sh: Shell, sig: number, how: 'default' | 'ignore' | 'catch'): Promise<void> {
  const action = how === 'catch'
    ? (s: number, self: object) => void (self === sh.sys.self ? sh : forked.get(self))?.pendingSignals.push(s)
    : how;
  try {
    await sh.sys.sigaction(sig, action);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return;
  }
  if (how === 'default') table(sh).delete(sig);
  else table(sh).set(sig, how);
}

/** The disposition the shell wants for `sig` given its traps and mode (dash's setsignal). */
export async function setsignal(sh: Shell, sig: number): Promise<void> {
  if (sig === 0) return;
  const t = table(sh);
  if (!t.has(sig) && hard(sh).has(sig)) return;
  if (!t.has(sig) && (sig === SIG.SIGINT || sig === SIG.SIGQUIT || sig === SIG.SIGTERM || sig === SIG.SIGTSTP || sig === SIG.SIGTTOU || sig === SIG.SIGTTIN)) {
    // Find out once whether we started with it ignored.
    try {
      const old = await sh.sys.sigaction(sig);
      if (old === 'ignore' && !sh.traps.has(sig)) {
        if (!sh.interactive || sh.isChild) {
          hard(sh).add(sig);
          return;
        }
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
  const action = sh.traps.get(sig);
  let how: 'default' | 'ignore' | 'catch' = 'default';
  if (action !== undefined) how = action === '' ? 'ignore' : 'catch';
  else if (sh.interactive && !sh.isChild) {
    if (sig === SIG.SIGINT) how = 'catch';
    else if (sig === SIG.SIGQUIT || sig === SIG.SIGTERM) how = 'ignore';
    else if (sh.opts.monitor && (sig === SIG.SIGTSTP || sig === SIG.SIGTTOU || sig === SIG.SIGTTIN)) how = 'ignore';
  }
  const cur = t.get(sig) ?? 'default';
  if (cur !== how) await setDisposition(sh, sig, how);
}

/** True if `sig` was ignored on entry and so cannot be trapped. */
export function isHardIgnored(sh: Shell, sig: number): boolean {
  return hard(sh).has(sig);
}

/** In a freshly forked child: drop the parent's catching handlers and non-ignore traps. */
export async function childSignals(parent: Shell, child: Shell, bg: boolean): Promise<void> {
  for (const [sig, action] of [...child.traps]) if (action !== '') child.traps.delete(sig);
  hardIgnored.set(child, new Set(hard(parent)));
  const mine = new Map<number, Installed>();
  installed.set(child, mine);
  const parentTable = table(parent);
  for (const [sig, how] of parentTable) {
    const keep = child.traps.get(sig) === '';
    if (keep) mine.set(sig, 'ignore');
    else {
      // The parent's handler (or interactive ignore) is not this child's.
      try {
        await child.sys.sigaction(sig, 'default');
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
      void how;
    }
  }
  if (bg && !parent.opts.monitor) {
    for (const sig of [SIG.SIGINT, SIG.SIGQUIT]) {
      if (child.traps.get(sig) === undefined) await setDisposition(child, sig, 'ignore');
    }
  }
}
