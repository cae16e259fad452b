// Who may do what only a privileged process may: kernel root, or root inside a user namespace
// of its own, which holds capabilities over what that namespace owns (its other namespaces).

import type { FsContext } from '../fs/vfs/vfs.ts';
import type { Kernel } from '../kernel.ts';
import { idFromKernel } from '../ns/namespaces.ts';
import type { Task } from '../task/task.ts';

/**
 * Whether `t` holds capabilities in its own user namespace: kernel root, or root inside a user
 * namespace of its own (what unshare --user --map-root-user gives).
 */
export function privileged(t: Task): boolean {
  return t.cred.euid === 0 || (t.ns.user.parent !== null && idFromKernel(t.ns.user, t.cred.euid, 'uid') === 0);
}

/**
 * The context mount calls run in. Root inside a user namespace may mount in a mount namespace
 * of its own (made after the user namespace), never in the host's: there it acts as root.
 */
export function mountCtx(k: Kernel, t: Task): FsContext {
  const ctx = t.fs;
  if (ctx.cred.uid === 0 || !privileged(t) || t.fs.mounts === k.initialNs.mnt) return ctx;
  return { ...ctx, cred: { uid: 0, gid: 0, groups: [] } };
}

