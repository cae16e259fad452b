// Image layers in Docker's overlay2 layout under <root> (default /var/lib/docker), through
// syscalls only, so every step can be watched with strace and repeated by hand:
//   image/overlay2/layerdb/sha256/<chainid-hex>/{diff,size,cache-id,parent,tar-split.json.gz}
//   image/overlay2/layerdb/mounts/<container-id>/{init-id,mount-id,parent}
//   overlay2/<cache-id>/{diff/,link,lower,work/,merged/,committed}
//   overlay2/l/<26 chars> -> ../<cache-id>/diff
// A layer's diff/ is an overlay upper dir: whiteouts are char devices 0/0, opaque dirs carry
// trusted.overlay.opaque=y. A layer's metadata is written in layerdb/tmp and renamed into place
// last, so a half-registered layer is never seen. Layers are not refcounted in memory: release
// asks the disk what still needs a layer (images' chains, containers' mounts, child layers).

import { isSysError } from '../../abi/errno.ts';
import { S_IFDIR, S_IFLNK, S_IFMT } from '../../abi/stat.ts';
import type { Sys } from '../../sys/sys.ts';
import { gzipCompress, gzipDecompress, isGzip } from '../archive/gzip.ts';
import { chainIds, digestOf, hexOf } from '../oci/digest.ts';
import { applyLayerEntries, applyLayerTar } from './apply.ts';
import { type SparseTar, sparseTarEntries, splitSparseTar } from './sparse-tar.ts';
import { isOpaque, isWhiteoutStat, tarOfDir } from './diff-tar.ts';
import { exists, listEntries, listEntriesOrEmpty, lstatOrNull, mkdirAll, randomBytes, randomHex, readFile, readText, readTextOrNull, removeAll, writeFile } from '../sys-files.ts';
import { assembleTar, type SplitEntry, splitTar } from './tar-split.ts';
import { assembleTarChunks, splitTarSize } from './tar-split-stream.ts';
import { readFileChunks } from './read-chunks.ts';
import { utf8Decode, utf8Encode } from '../../base/text.ts';

export interface LayerInfo { chainId: string; diffId: string; cacheId: string; parent: string | null; size: number; diffDir: string }
export interface RWLayer {
  containerId: string; mountId: string; initId: string;
  lowerDirs: string[] /* top first: the diff dirs, the -init layer's first (what inspect's LowerDir shows) */;
  upperDir: string; workDir: string; mergedDir: string;
  /** The same lowers as overlay2/l/ short links (absolute), what Docker puts in lowerdir=. */
  lowerLinks: string[];
}
export interface Change { kind: 'A' | 'C' | 'D'; path: string }
/** A layer tar to be streamed: its length and digest known before any byte is read. */
export interface LayerTarStream { size: number; digest: string; chunks(): AsyncGenerator<Uint8Array> }

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export class LayerStore {
  readonly layerdb: string;
  readonly overlay: string;

  constructor(readonly sys: Sys, readonly root = '/var/lib/docker') {
    this.layerdb = `${root}/image/overlay2/layerdb`;
    this.overlay = `${root}/overlay2`;
  }

  /** Register a layer tar (gzip or not) on top of `parent` (a chain id, or null for a base layer). */
  async register(tar: Uint8Array, parent: string | null): Promise<LayerInfo> {
    const raw = isGzip(tar) ? gzipDecompress(tar).data : tar;
    const diffId = digestOf(raw);
    const chainId = parent ? digestOf(`${parent} ${diffId}`) : diffId;
    const have = await this.get(chainId);
    if (have) return have;
    let parentCache: string | null = null;
    if (parent) {
      const p = await this.get(parent);
      if (!p) throw new Error(`layer does not exist: ${parent}`);
      parentCache = p.cacheId;
    }
    const split = splitTar(raw); // throws TarError on a broken tar before anything is written
    return this.create(chainId, diffId, parent, parentCache, split, (diff) => applyLayerTar(this.sys, diff, raw));
  }

  /**
   * Register a layer given as a sparse tar (./sparse-tar.ts) whose diff id the caller knows (a
   * bundled image's, worked out when the image was generated): the same layer `register` makes
   * of the full tar, without the bulk ever being allocated, hashed or written.
   */
  async registerSparse(tar: SparseTar, diffId: string, parent: string | null): Promise<LayerInfo> {
    const chainId = parent ? digestOf(`${parent} ${diffId}`) : diffId;
    const have = await this.get(chainId);
    if (have) return have;
    let parentCache: string | null = null;
    if (parent) {
      const p = await this.get(parent);
      if (!p) throw new Error(`layer does not exist: ${parent}`);
      parentCache = p.cacheId;
    }
    const split = splitSparseTar(tar);
    return this.create(chainId, diffId, parent, parentCache, split, (diff) => applyLayerEntries(this.sys, diff, sparseTarEntries(tar)));
  }

  /** overlay2 Create, the unpack into diff/, then the layerdb entry (removing the dir if unpacking fails). */
  private async create(chainId: string, diffId: string, parent: string | null, parentCache: string | null, split: SplitEntry[],
    apply: (diff: string) => Promise<number>): Promise<LayerInfo> {
    const cacheId = await randomHex(this.sys);
    const dir = await this.createDir(cacheId, parentCache);
    let size: number;
    try {
      size = await apply(`${dir}/diff`);
    } catch (e) {
      await this.removeDir(cacheId);
      throw e;
    }
    await this.writeLayerMeta(chainId, { diff: diffId, size: String(size), 'cache-id': cacheId, ...(parent ? { parent } : {}) }, split);
    return { chainId, diffId, cacheId, parent, size, diffDir: `${dir}/diff` };
  }

  async get(chainId: string): Promise<LayerInfo | null> {
    const dir = `${this.layerdb}/sha256/${hexOf(chainId)}`;
    const cacheId = await readTextOrNull(this.sys, `${dir}/cache-id`);
    if (cacheId === null) return null;
    const diffId = await readText(this.sys, `${dir}/diff`);
    const size = Number(await readText(this.sys, `${dir}/size`));
    const parent = await readTextOrNull(this.sys, `${dir}/parent`);
    return { chainId: `sha256:${hexOf(chainId)}`, diffId, cacheId, parent: parent || null, size, diffDir: `${this.overlay}/${cacheId}/diff` };
  }

  /** Every registered layer. */
  async list(): Promise<LayerInfo[]> {
    const out: LayerInfo[] = [];
    for (const e of await listEntriesOrEmpty(this.sys, `${this.layerdb}/sha256`)) {
      const l = await this.get(`sha256:${e.name}`);
      if (l) out.push(l);
    }
    return out;
  }

  /** Delete the layer (and then its parents) unless an image, a container or a child needs it. */
  async release(chainId: string): Promise<void> {
    const layer = await this.get(chainId);
    if (!layer) return;
    if ((await this.needed()).has(layer.chainId)) return;
    for (const l of await this.list()) if (l.parent === layer.chainId) return;
    await removeAll(this.sys, `${this.layerdb}/sha256/${hexOf(layer.chainId)}`);
    await this.removeDir(layer.cacheId);
    if (layer.parent) await this.release(layer.parent);
  }

  /** The layer as an uncompressed tar: the bytes it was registered from (its diff id holds). */
  async tarOf(chainId: string): Promise<Uint8Array> {
    const layer = await this.get(chainId);
    if (!layer) throw new Error(`layer does not exist: ${chainId}`);
    const splitPath = `${this.layerdb}/sha256/${hexOf(layer.chainId)}/tar-split.json.gz`;
    if (await exists(this.sys, splitPath)) {
      const lines = utf8Decode(gzipDecompress(await readFile(this.sys, splitPath)).data).split('\n').filter(Boolean);
      const entries = lines.map((l) => JSON.parse(l) as SplitEntry);
      return assembleTar(entries, (name) => readFile(this.sys, `${layer.diffDir}/${name}`));
    }
    return tarOfDir(this.sys, layer.diffDir);
  }

  /**
   * The same tar as tarOf, to be read in pieces. Its digest is the recorded diff id and its
   * length comes from tar-split, so nothing is hashed or held; a layer without tar-split (made by
   * an older store) is built whole and hashed, as it always was.
   */
  async tarStream(chainId: string): Promise<LayerTarStream> {
    const layer = await this.get(chainId);
    if (!layer) throw new Error(`layer does not exist: ${chainId}`);
    const splitPath = `${this.layerdb}/sha256/${hexOf(layer.chainId)}/tar-split.json.gz`;
    if (!(await exists(this.sys, splitPath))) {
      const bytes = await tarOfDir(this.sys, layer.diffDir);
      return { size: bytes.length, digest: digestOf(bytes), chunks: async function* () { yield bytes; } };
    }
    const lines = utf8Decode(gzipDecompress(await readFile(this.sys, splitPath)).data).split('\n').filter(Boolean);
    const entries = lines.map((l) => JSON.parse(l) as SplitEntry);
    const body = async function* (sys: Sys, path: string, size: number): AsyncGenerator<Uint8Array> {
      // As assembleTar: a diff file whose size changed would break the diff id, so say so.
      const st = await sys.lstat(path);
      if (st.size !== size) throw new Error(`tar-split: ${path}: size ${st.size}, expected ${size}`);
      yield* readFileChunks(sys, path, size);
    };
    return {
      size: splitTarSize(entries),
      digest: layer.diffId,
      chunks: () => assembleTarChunks(entries, (name, size) => body(this.sys, `${layer.diffDir}/${name}`, size)),
    };
  }

  /** The container's layers: <mount-id>-init (Docker's init layer) and <mount-id> over the image. */
  async createRW(containerId: string, parentChainId: string | null): Promise<RWLayer> {
    let parentCache: string | null = null;
    if (parentChainId) {
      const p = await this.get(parentChainId);
      if (!p) throw new Error(`layer does not exist: ${parentChainId}`);
      parentCache = p.cacheId;
    }
    const mountId = await randomHex(this.sys);
    const initId = `${mountId}-init`;
    await this.createDir(initId, parentCache);
    await this.setupInitLayer(initId);
    const dir = await this.createDir(mountId, initId);
    await mkdirAll(this.sys, `${dir}/merged`, 0o700);
    const mounts = `${this.layerdb}/mounts/${containerId}`;
    await mkdirAll(this.sys, mounts, 0o755);
    await writeFile(this.sys, `${mounts}/init-id`, initId);
    await writeFile(this.sys, `${mounts}/mount-id`, mountId);
    if (parentChainId) await writeFile(this.sys, `${mounts}/parent`, `sha256:${hexOf(parentChainId)}`);
    return (await this.getRW(containerId))!;
  }

  async getRW(containerId: string): Promise<RWLayer | null> {
    const mounts = `${this.layerdb}/mounts/${containerId}`;
    const mountId = await readTextOrNull(this.sys, `${mounts}/mount-id`);
    if (mountId === null) return null;
    const initId = (await readTextOrNull(this.sys, `${mounts}/init-id`)) ?? `${mountId}-init`;
    const dir = `${this.overlay}/${mountId}`;
    const lower = (await readTextOrNull(this.sys, `${dir}/lower`)) ?? '';
    const links = lower ? lower.split(':') : [];
    const lowerDirs: string[] = [];
    for (const l of links) {
      const target = await this.sys.readlink(`${this.overlay}/${l}`); // ../<cache-id>/diff
      lowerDirs.push(`${this.overlay}/${target.replace(/^\.\.\//, '')}`);
    }
    return {
      containerId, mountId, initId, lowerDirs,
      upperDir: `${dir}/diff`, workDir: `${dir}/work`, mergedDir: `${dir}/merged`,
      lowerLinks: links.map((l) => `${this.overlay}/${l}`),
    };
  }

  async removeRW(containerId: string): Promise<void> {
    const rw = await this.getRW(containerId);
    if (rw) {
      try {
        await this.sys.umount(rw.mergedDir, true);
      } catch {
        // Not mounted: the usual case.
      }
      await this.removeDir(rw.mountId);
      await this.removeDir(rw.initId);
    }
    await removeAll(this.sys, `${this.layerdb}/mounts/${containerId}`);
  }

  /**
   * What `docker diff` prints (moby pkg/archive OverlayChanges): the upper dir walked in order; a
   * whiteout or an opaque dir is D, anything else C when some lower layer has the path (a dir
   * with the same size, mode and mtime there is skipped), else A; the parent of an A or D is C
   * when not listed yet.
   */
  async changes(containerId: string): Promise<Change[]> {
    const rw = await this.getRW(containerId);
    if (!rw) throw new Error(`no such container layer: ${containerId}`);
    const out: Change[] = [];
    const changedDirs = new Set<string>();
    const walk = async (rel: string): Promise<void> => {
      for (const ent of await listEntries(this.sys, `${rw.upperDir}${rel}`)) {
        const path = `${rel}/${ent.name}`;
        const st = await this.sys.lstat(`${rw.upperDir}${path}`);
        const isDir = (st.mode & S_IFMT) === S_IFDIR;
        let kind: Change['kind'];
        let skip = false;
        if (isWhiteoutStat(st.mode, st.rdev) || (isDir && (await isOpaque(this.sys, `${rw.upperDir}${path}`)))) {
          kind = 'D';
        } else {
          kind = 'A';
          for (const lower of rw.lowerDirs) {
            // os.Stat in moby: follows a symlink; a dangling one counts as absent.
            const ls = await statOrNull(this.sys, `${lower}${path}`);
            if (!ls) continue;
            if ((ls.mode & S_IFMT) === S_IFDIR && isDir && ls.size === st.size && ls.mode === st.mode
              && sameFsTime(ls.mtimeNs, st.mtimeNs)) skip = true;
            kind = 'C';
            break;
          }
        }
        if (!skip) {
          if (isDir) changedDirs.add(path);
          if (kind !== 'C') {
            const parent = rel || '/';
            if (!changedDirs.has(parent) && parent !== '/') {
              out.push({ kind: 'C', path: parent });
              changedDirs.add(parent);
            }
          }
          out.push({ kind, path });
        }
        if (isDir && !isWhiteoutStat(st.mode, st.rdev)) await walk(path);
      }
    };
    await walk('');
    return out;
  }

  /** The container's upper dir as a layer tar (what commit and build steps register). */
  async tarOfRW(containerId: string): Promise<Uint8Array> {
    const rw = await this.getRW(containerId);
    if (!rw) throw new Error(`no such container layer: ${containerId}`);
    return tarOfDir(this.sys, rw.upperDir);
  }

  /** Bytes in a container's upper dir, counted as the layer size is (`docker ps -s`). */
  async sizeOfRW(containerId: string): Promise<number> {
    const rw = await this.getRW(containerId);
    return rw ? dirSize(this.sys, rw.upperDir) : 0;
  }

  // ---- overlay2 driver steps ----------------------------------------------------------------

  /** overlay2 Create: <id>/ (0710), diff/, link + l/ short link, and with a parent work/ and lower. */
  private async createDir(id: string, parentId: string | null): Promise<string> {
    const dir = `${this.overlay}/${id}`;
    await mkdirAll(this.sys, this.overlay, 0o710);
    await mkdirAll(this.sys, `${this.overlay}/l`, 0o700);
    await this.sys.mkdir(dir, 0o710);
    await this.sys.chmod(dir, 0o710);
    await this.sys.mkdir(`${dir}/diff`, 0o755);
    await this.sys.chmod(`${dir}/diff`, 0o755);
    const lid = await this.shortId();
    await this.sys.symlink(`../${id}/diff`, `${this.overlay}/l/${lid}`);
    await writeFile(this.sys, `${dir}/link`, lid);
    if (parentId === null) return dir;
    await this.sys.mkdir(`${dir}/work`, 0o700);
    await writeFile(this.sys, `${this.overlay}/${parentId}/committed`, '', 0o600);
    const parentLink = await readText(this.sys, `${this.overlay}/${parentId}/link`);
    const parentLower = await readTextOrNull(this.sys, `${this.overlay}/${parentId}/lower`);
    await writeFile(this.sys, `${dir}/lower`, parentLower ? `l/${parentLink}:${parentLower}` : `l/${parentLink}`);
    return dir;
  }

  private async removeDir(id: string): Promise<void> {
    const link = await readTextOrNull(this.sys, `${this.overlay}/${id}/link`);
    if (link) await removeAll(this.sys, `${this.overlay}/l/${link}`);
    await removeAll(this.sys, `${this.overlay}/${id}`);
  }

  /** 26 characters of base32, as overlay2's generateID. */
  private async shortId(): Promise<string> {
    for (;;) {
      const b = await randomBytes(this.sys, 26);
      const id = [...b].map((x) => BASE32[x & 31]).join('');
      if (!(await exists(this.sys, `${this.overlay}/l/${id}`))) return id;
    }
  }

  /**
   * Docker's setupInitLayer, written straight into the -init layer's diff: the mount points and
   * bind-mount targets a container needs (dirs only where the image lacks them, files always
   * fresh and empty, mode 0755) and /etc/mtab -> /proc/mounts. A parent dir the image has is
   * copied up with its attributes, as the overlay would.
   */
  private async setupInitLayer(initId: string): Promise<void> {
    const diff = `${this.overlay}/${initId}/diff`;
    const lowerText = await readTextOrNull(this.sys, `${this.overlay}/${initId}/lower`);
    const lowers: string[] = [];
    for (const l of lowerText ? lowerText.split(':') : []) {
      lowers.push(`${this.overlay}/${(await this.sys.readlink(`${this.overlay}/${l}`)).replace(/^\.\.\//, '')}`);
    }
    const inImage = async (path: string) => {
      for (const lower of lowers) {
        const st = await lstatOrNull(this.sys, `${lower}${path}`);
        if (st) return isWhiteoutStat(st.mode, st.rdev) ? null : st;
      }
      return null;
    };
    const ensureParent = async (path: string): Promise<void> => {
      const parts = path.split('/').filter(Boolean).slice(0, -1);
      let at = '';
      for (const p of parts) {
        at += `/${p}`;
        if (await exists(this.sys, `${diff}${at}`)) continue;
        const st = await inImage(at);
        await this.sys.mkdir(`${diff}${at}`, 0o755);
        if (st && (st.mode & S_IFMT) === S_IFDIR) {
          await this.sys.chmod(`${diff}${at}`, st.mode & 0o7777);
          await this.sys.lchown(`${diff}${at}`, st.uid, st.gid);
        } else {
          await this.sys.chmod(`${diff}${at}`, 0o755);
        }
      }
    };
    const items: [string, string][] = [
      ['/dev/pts', 'dir'], ['/dev/shm', 'dir'], ['/proc', 'dir'], ['/sys', 'dir'], ['/.dockerenv', 'file'],
      ['/etc/resolv.conf', 'file'], ['/etc/hosts', 'file'], ['/etc/hostname', 'file'], ['/dev/console', 'file'],
      ['/etc/mtab', '/proc/mounts'],
    ];
    for (const [path, kind] of items) {
      const st = await inImage(path);
      if (kind === 'dir') {
        if (st && (st.mode & S_IFMT) === S_IFDIR) continue;
        await ensureParent(path);
        await mkdirAll(this.sys, `${diff}${path}`, 0o755);
        await this.sys.chmod(`${diff}${path}`, 0o755);
      } else if (kind === 'file') {
        if (st && (st.mode & S_IFMT) === S_IFDIR) continue;
        await ensureParent(path);
        await writeFile(this.sys, `${diff}${path}`, '', 0o755);
        await this.sys.chmod(`${diff}${path}`, 0o755);
      } else {
        if (st && (st.mode & S_IFMT) === S_IFDIR) continue;
        if (st && (st.mode & S_IFMT) === S_IFLNK && (await this.lowerReadlink(lowers, path)) === kind) continue;
        await ensureParent(path);
        await this.sys.symlink(kind, `${diff}${path}`);
      }
    }
  }

  private async lowerReadlink(lowers: string[], path: string): Promise<string | null> {
    for (const lower of lowers) {
      if (await exists(this.sys, `${lower}${path}`)) return this.sys.readlink(`${lower}${path}`);
    }
    return null;
  }

  private async writeLayerMeta(chainId: string, files: Record<string, string>, split: SplitEntry[]): Promise<void> {
    const tmp = `${this.layerdb}/tmp/write-set-${await randomHex(this.sys, 8)}`;
    await mkdirAll(this.sys, tmp, 0o755);
    for (const [name, text] of Object.entries(files)) await writeFile(this.sys, `${tmp}/${name}`, text);
    const json = split.map((e) => JSON.stringify(e)).join('\n') + '\n';
    await writeFile(this.sys, `${tmp}/tar-split.json.gz`, gzipCompress(utf8Encode(json)));
    await mkdirAll(this.sys, `${this.layerdb}/sha256`, 0o755);
    await this.sys.rename(tmp, `${this.layerdb}/sha256/${hexOf(chainId)}`);
  }

  /** Chain ids that images and containers use (every prefix of every image's stack). */
  private async needed(): Promise<Set<string>> {
    const need = new Set<string>();
    const content = `${this.root}/image/overlay2/imagedb/content/sha256`;
    for (const e of await listEntriesOrEmpty(this.sys, content)) {
      try {
        const cfg = JSON.parse(utf8Decode(await readFile(this.sys, `${content}/${e.name}`))) as { rootfs?: { diff_ids?: string[] } };
        for (const c of chainIds(cfg.rootfs?.diff_ids ?? [])) need.add(c);
      } catch {
        // An unreadable config holds nothing.
      }
    }
    for (const e of await listEntriesOrEmpty(this.sys, `${this.layerdb}/mounts`)) {
      let p = await readTextOrNull(this.sys, `${this.layerdb}/mounts/${e.name}/parent`);
      while (p) {
        need.add(p);
        p = (await this.get(p))?.parent ?? null;
      }
    }
    return need;
  }
}

/** moby's sameFsTime: equal, or the same second with either side lacking nanoseconds (tar times). */
function sameFsTime(a: bigint, b: bigint): boolean {
  const G = 1_000_000_000n;
  return a === b || (a / G === b / G && (a % G === 0n || b % G === 0n));
}

async function statOrNull(sys: Sys, path: string) {
  try {
    return await sys.stat(path);
  } catch (e) {
    if (isSysError(e)) return null;
    throw e;
  }
}

/** Bytes of the non-directory entries under `dir`, each inode once (moby's directory.Size). */
export async function dirSize(sys: Sys, dir: string): Promise<number> {
  const seen = new Set<string>();
  let total = 0;
  const walk = async (p: string): Promise<void> => {
    for (const e of await listEntries(sys, p)) {
      const st = await sys.lstat(`${p}/${e.name}`);
      if ((st.mode & S_IFMT) === S_IFDIR) {
        await walk(`${p}/${e.name}`);
        continue;
      }
      if (st.size === 0) continue;
      const key = `${st.dev}:${st.ino}`;
      if (seen.has(key)) continue;
      seen.add(key);
      total += st.size;
    }
  };
  await walk(dir);
  return total;
}

/**
 * The mount options Docker's overlay2 driver passes for a container's root: the l/ short links
 * as absolute paths (what `mount` and mountinfo show in a real container). Docker switches to
 * relative paths only when this would not fit in a page; see mountOverlay.
 */
export function overlayOptions(rw: RWLayer): string {
  const lowers = rw.lowerLinks.length ? rw.lowerLinks : rw.lowerDirs;
  return `lowerdir=${lowers.join(':')},upperdir=${rw.upperDir},workdir=${rw.workDir}`;
}

const PAGE_SIZE = 4096;

/**
 * Mount a container's root at its merged dir as overlay2's Get does: the absolute options when
 * they fit in a page, otherwise `lowerdir=l/A:l/B,upperdir=<id>/diff,workdir=<id>/work` relative
 * to <root>/overlay2, mounted from there (Docker's mountFrom chdirs in a helper process; here the
 * caller's cwd is changed for the call and put back).
 */
export async function mountOverlay(sys: Sys, rw: RWLayer, target = rw.mergedDir): Promise<void> {
  const abs = overlayOptions(rw);
  if (abs.length <= PAGE_SIZE - 1) {
    await sys.mount('overlay', target, 'overlay', abs);
    return;
  }
  const home = rw.upperDir.slice(0, rw.upperDir.length - `/${rw.mountId}/diff`.length);
  const rel = `lowerdir=${rw.lowerLinks.map((l) => l.slice(home.length + 1)).join(':')},upperdir=${rw.mountId}/diff,workdir=${rw.mountId}/work`;
  const cwd = await sys.getcwd();
  await sys.chdir(home);
  try {
    await sys.mount('overlay', target.startsWith(`${home}/`) ? target.slice(home.length + 1) : target, 'overlay', rel);
  } finally {
    await sys.chdir(cwd);
  }
}
