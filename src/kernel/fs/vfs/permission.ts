// Discretionary access checks as Linux's generic_permission does them: owner, group or other
// bits, and root's bypass (root may execute only what some x bit allows).

import { R_OK, W_OK, X_OK } from '../../../abi/open-flags.ts';
import { S_ISVTX, isDir } from '../../../abi/stat.ts';
import type { Stat } from '../../../abi/stat.ts';
import type { Cred } from './types.ts';

export { R_OK, W_OK, X_OK };

export function inGroup(cred: Cred, gid: number): boolean {
  return cred.gid === gid || cred.groups.includes(gid);
}

export function mayAccess(st: Stat, cred: Cred, mask: number): boolean {
  if (cred.uid === 0) {
    return !(mask & X_OK) || isDir(st.mode) || (st.mode & 0o111) !== 0;
  }
  const bits = cred.uid === st.uid ? (st.mode >> 6) & 7 : inGroup(cred, st.gid) ? (st.mode >> 3) & 7 : st.mode & 7;
  return (bits & mask) === mask;
}

/** In a sticky directory only the owner of the entry, of the directory, or root may remove it. */
export function mayDeleteSticky(dir: Stat, victim: Stat, cred: Cred): boolean {
  if (!(dir.mode & S_ISVTX) || cred.uid === 0) return true;
  return cred.uid === victim.uid || cred.uid === dir.uid;
}
