// /proc/PID/ns: one link per namespace, `TYPE:[INODE]`, in the order Linux lists them (recorded:
// net uts ipc pid pid_for_children user mnt cgroup time time_for_children). Two processes share a
// namespace exactly when their links read the same. setns(2) needs the namespace object behind
// a link: `namespaceOfLink` gives it for a node reached with O_PATH|O_NOFOLLOW.

import { SysError } from '../../../abi/errno.ts';
import type { MountNamespace } from '../vfs/mount.ts';
import type { VNode } from '../vfs/types.ts';
import type { Namespace, NsProxy, NsType } from '../../ns/namespaces.ts';
import type { Task } from '../../task/task.ts';
import { ProcLink, type ProcNode, type ProcSuper, StaticDir } from './proc-node.ts';
import { isZombie, live, mayInspect } from './task-view.ts';

export const NS_LINKS = ['net', 'uts', 'ipc', 'pid', 'pid_for_children', 'user', 'mnt', 'cgroup', 'time', 'time_for_children'] as const;
export type NsLinkName = (typeof NS_LINKS)[number];

/** What a link stands for: its type and the namespace object (a MountNamespace for mnt). */
export interface LinkedNamespace {
  type: NsType;
  ino: number;
  ns: Namespace | MountNamespace | NsProxy['cgroup'];
}

export function namespaceOf(task: Task, name: NsLinkName): LinkedNamespace {
  switch (name) {
    case 'net': return { type: 'net', ino: task.ns.net.ino, ns: task.ns.net };
    case 'uts': return { type: 'uts', ino: task.ns.uts.ino, ns: task.ns.uts };
    case 'ipc': return { type: 'ipc', ino: task.ns.ipc.ino, ns: task.ns.ipc };
    case 'pid': return { type: 'pid', ino: task.pidNs.ino, ns: task.pidNs };
    case 'pid_for_children': return { type: 'pid', ino: task.pidNsForChildren.ino, ns: task.pidNsForChildren };
    case 'user': return { type: 'user', ino: task.ns.user.ino, ns: task.ns.user };
    case 'mnt': return { type: 'mnt', ino: task.fs.mounts.id, ns: task.fs.mounts };
    case 'cgroup': return { type: 'cgroup', ino: task.ns.cgroup.ino, ns: task.ns.cgroup };
    // This kernel has no time namespace offsets, so children always stay in the parent's.
    case 'time':
    case 'time_for_children': return { type: 'time', ino: task.ns.time.ino, ns: task.ns.time };
  }
}

const linked = new WeakMap<VNode, () => LinkedNamespace>();

/** The namespace behind a /proc/PID/ns/* link node, for setns(2); null for any other node. */
export function namespaceOfLink(node: VNode): LinkedNamespace | null {
  return linked.get(node)?.() ?? null;
}

export function buildNsDir(fs: ProcSuper, task: Task, owner: () => { uid: number; gid: number }): StaticDir {
  return new StaticDir(fs, { mode: 0o511, owner, perProcess: true }, () =>
    NS_LINKS.map((name): [string, ProcNode] => {
      const current = (): LinkedNamespace => {
        if (isZombie(live(task))) throw new SysError('ENOENT');
        return namespaceOf(task, name);
      };
      const link = new ProcLink(fs, { mode: 0o777, owner, perProcess: true }, {
        target: (caller) => {
          const ns = current();
          if (!mayInspect(caller, task)) throw new SysError('EACCES');
          return `${ns.type}:[${ns.ino}]`;
        },
      });
      linked.set(link, current);
      return [name, link];
    }),
  );
}
