// What a cgroupfs needs only once something looks inside it: the interface file tables of every
// controller and the file nodes that read and write them. One module, so that it loads as one
// piece at the first lookup or listing (load-files.ts); the kernel counts and limits without it.

export { filesOf } from '../../cgroup/files/file-table.ts';
export { CgroupFileNode } from './cgroup-file.ts';
