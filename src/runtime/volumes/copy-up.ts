// Filling a new volume from the image: when an empty volume is mounted over a directory the
// image has files in, the engine first copies those files into the volume (moby's
// copyExistingContents), keeping modes, owners, symlinks and times, so `-v data:/etc/app`
// starts with the image's /etc/app. Runs in the container's mount namespace, before the bind.

import type { Sys } from '../../sys/sys.ts';
import { isDir, isFile, isLink, listEntriesOrEmpty, lstatOrNull, readFile, writeFile } from '../sys-files.ts';

/** Copy what is under `from` into the empty directory `to`; false when there was nothing to copy. */
export async function copyImageContent(sys: Sys, from: string, to: string): Promise<boolean> {
  const top = await lstatOrNull(sys, from);
  if (!top || !isDir(top)) return false;
  if ((await listEntriesOrEmpty(sys, to)).length > 0) return false;
  const entries = await listEntriesOrEmpty(sys, from);
  if (entries.length === 0) return false;
  await copyChildren(sys, from, to);
  // the volume's root takes the image directory's owner and mode (moby copyOwnership)
  await sys.chmod(to, top.mode & 0o7777);
  await sys.lchown(to, top.uid, top.gid);
  return true;
}

async function copyChildren(sys: Sys, from: string, to: string): Promise<void> {
  for (const e of await listEntriesOrEmpty(sys, from)) {
    const src = `${from}/${e.name}`;
    const dst = `${to}/${e.name}`;
    const st = await sys.lstat(src);
    if (isDir(st)) {
      await sys.mkdir(dst, 0o700);
      await copyChildren(sys, src, dst);
      await sys.chmod(dst, st.mode & 0o7777);
    } else if (isLink(st)) {
      await sys.symlink(await sys.readlink(src), dst);
    } else if (isFile(st)) {
      await writeFile(sys, dst, await readFile(sys, src), 0o600);
      await sys.chmod(dst, st.mode & 0o7777);
    } else {
      // fifos and device nodes are made again; sockets are not copied
      if ((st.mode & 0o170000) === 0o140000) continue;
      await sys.mknod(dst, st.mode, st.rdev);
    }
    await sys.lchown(dst, st.uid, st.gid);
    if (!isLink(st)) await sys.utimensat(dst, st.atimeNs, st.mtimeNs);
  }
}
