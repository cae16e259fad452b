// What every non-directory, non-symlink node answers to the directory and link operations of
// VNode: ENOTDIR for names, EINVAL for readlink, as Linux does for a regular file or a pipe.
// Nodes that are never directories (a cgroup interface file, an object a magic link reaches)
// extend it and write only what they are.

import { SysError } from '../../../abi/errno.ts';
import type { DirEntry, VNode } from './types.ts';

export abstract class LeafNode {
  async lookup(): Promise<VNode | null> {
    throw new SysError('ENOTDIR');
  }
  async readdir(): Promise<DirEntry[]> {
    throw new SysError('ENOTDIR');
  }
  async mknod(): Promise<VNode> {
    throw new SysError('ENOTDIR');
  }
  async mkdir(): Promise<VNode> {
    throw new SysError('ENOTDIR');
  }
  async symlink(): Promise<VNode> {
    throw new SysError('ENOTDIR');
  }
  async link(): Promise<void> {
    throw new SysError('ENOTDIR');
  }
  async unlink(): Promise<void> {
    throw new SysError('ENOTDIR');
  }
  async rmdir(): Promise<void> {
    throw new SysError('ENOTDIR');
  }
  async rename(): Promise<void> {
    throw new SysError('ENOTDIR');
  }
  async readlink(): Promise<string> {
    throw new SysError('EINVAL');
  }
}
