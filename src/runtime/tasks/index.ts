// Tasks: the processes of containers. runTask starts a container's PID 1 (namespaces, cgroup,
// overlay root, pivot_root, user, exec), execTask runs another process inside, and the signal
// helpers stop and kill them.

export * from './cgroup.ts';
export * from './exec-task.ts';
export * from './run-task.ts';
export * from './task-spec.ts';
export { parseBind } from './rootfs.ts';
export { resolveUser } from './user.ts';
