// The base images the simulated registry serves without anyone pushing them, written compactly
// (repository, tags, where the files come from, config, history) and built into a real image
// (layer tar.gz blobs, config, manifest, and for Docker Hub's images an OCI index) the first
// time one is asked for. Built images are kept in memory: the bytes never change. A layer is
// kept as its sparse tar (headers and heads; its bulk is zeros) with the digests from
// ./bundled-digests.ts, so building one hashes kilobytes, not the hundreds of megabytes the
// images weigh. `scratch` is not here: Docker refuses to pull it by name (see pull.ts).

import { sha256Hex } from '../../base/sha256.ts';
import { utf8Encode } from '../../base/text.ts';
import { MEDIA_TYPE } from '../oci/media-types.ts';
import { digestOf } from '../oci/digest.ts';
import type { SparseTar } from '../layers/sparse-tar.ts';
import { BUNDLED_DIGESTS } from './bundled-digests.ts';
import { computeLayerDigests, epochOf, type LayerDigests, layerSparseTar as sparseTarOf, sparseLayerBlob, sparseTarFingerprint } from './layer-tar.ts';
import { busyboxRootfs, distroRootfs, type RootEntry } from './rootfs.ts';

const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface Description {
  /** domain/path */
  repository: string;
  tags: string[];
  /** Catalog id (src/runtime/distro) or 'busybox'. */
  source: string;
  created: string;
  /** Config and manifest style: who made the real image. */
  style: 'buildkit' | 'plain' | 'legacy' | 'redhat';
  runConfig: Record<string, unknown>;
  /** History entries; `layer` marks the ones that made a layer (empty_layer otherwise). */
  history: Array<{ created?: string; created_by?: string; comment?: string; layer?: boolean }>;
  /** Paths split off into a second layer (UBI's build info). */
  topLayer?: RegExp;
  /** Served behind an OCI index (Docker Hub's images are multi-platform). */
  index: boolean;
}

const UBI_DESCRIPTION = 'The Universal Base Image is designed and engineered to be the base layer for all of your containerized applications, middleware and utilities. This base image is freely redistributable, but Red Hat only supports Red Hat technologies through subscriptions for Red Hat Enterprise Linux.';

const UBI_LABELS = {
  architecture: 'x86_64',
  'authoritative-source-url': 'registry.access.redhat.com',
  'build-date': '2020-01-14T11:31:34.281473',
  'com.redhat.build-host': 'cpt-1005.osbs.prod.upshift.rdu2.redhat.com',
  'com.redhat.component': 'ubi8-container',
  'com.redhat.license_terms': 'https://www.redhat.com/en/about/red-hat-end-user-license-agreements#UBI',
  description: UBI_DESCRIPTION,
  'distribution-scope': 'public',
  'io.k8s.description': UBI_DESCRIPTION,
  'io.k8s.display-name': 'Red Hat Universal Base Image 8',
  'io.openshift.expose-services': '',
  'io.openshift.tags': 'base rhel8',
  maintainer: 'Red Hat, Inc.',
  name: 'ubi8',
  release: '328',
  summary: 'Provides the latest release of Red Hat Universal Base Image 8.',
  url: 'https://access.redhat.com/containers/#/registry.access.redhat.com/ubi8/images/8.1-328',
  'vcs-ref': 'b10b3dbc0a4e0bb2ba1cea1bd5b0dc4ba0e4ae1d',
  'vcs-type': 'git',
  vendor: 'Red Hat, Inc.',
  version: '8.1',
};

function alpine(release: string, tags: string[], created: string): Description {
  return {
    repository: 'docker.io/library/alpine', tags, source: `alpine-${release.slice(0, 4)}`, created, style: 'buildkit', index: true,
    runConfig: { Env: [PATH_ENV], Cmd: ['/bin/sh'], WorkingDir: '/', ArgsEscaped: true },
    history: [
      { created, created_by: `ADD alpine-minirootfs-${release}-x86_64.tar.gz / # buildkit`, comment: 'buildkit.dockerfile.v0', layer: true },
      { created, created_by: 'CMD ["/bin/sh"]', comment: 'buildkit.dockerfile.v0' },
    ],
  };
}

export const BUNDLED: readonly Description[] = [
  {
    repository: 'docker.io/library/busybox', tags: ['latest', '1.37.0', '1.37', '1', 'stable'], source: 'busybox', created: '2024-09-26T21:31:42Z',
    style: 'plain', index: true, runConfig: { Env: [PATH_ENV], Cmd: ['sh'] },
    history: [
      { created: '2024-09-26T21:31:42Z', created_by: 'BusyBox 1.37.0 (glibc), Debian 12', layer: true },
      { created: '2024-09-26T21:31:42Z', created_by: 'CMD ["sh"]' },
    ],
  },
  alpine('3.20.3', ['3.20', '3.20.3', 'latest', '3'], '2024-09-06T12:05:36Z'),
  alpine('3.19.4', ['3.19', '3.19.4'], '2024-09-06T12:05:36Z'),
  {
    repository: 'docker.io/library/debian', tags: ['12', 'bookworm', 'latest', '12.8', 'bookworm-20241111'], source: 'debian-12',
    created: '2024-11-11T00:00:00Z', style: 'plain', index: true, runConfig: { Env: [PATH_ENV], Cmd: ['bash'] },
    history: [{ created: '2024-11-11T00:00:00Z', created_by: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1731283200'", comment: 'debuerreotype 0.15', layer: true }],
  },
  {
    repository: 'docker.io/library/ubuntu', tags: ['24.04', 'noble', 'latest', 'noble-20241011'], source: 'ubuntu-24.04',
    created: '2024-10-11T03:49:37.462390226Z', style: 'legacy', index: true,
    runConfig: { Env: [PATH_ENV], Cmd: ['/bin/bash'], Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '24.04' } },
    history: [
      { created: '2024-10-11T03:49:34.954245098Z', created_by: '/bin/sh -c #(nop)  ARG RELEASE' },
      { created: '2024-10-11T03:49:34.988040713Z', created_by: '/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH' },
      { created: '2024-10-11T03:49:35.018797264Z', created_by: '/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu' },
      { created: '2024-10-11T03:49:35.05088322Z', created_by: '/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=24.04' },
      { created: '2024-10-11T03:49:37.10276689Z', created_by: '/bin/sh -c #(nop) ADD file:{layer} in / ', layer: true },
      { created: '2024-10-11T03:49:37.462390226Z', created_by: '/bin/sh -c #(nop)  CMD ["/bin/bash"]' },
    ],
  },
  {
    repository: 'registry.access.redhat.com/ubi8/ubi', tags: ['8.1', 'latest', '8.1-328'], source: 'ubi8', created: '2020-01-14T11:32:23.145106Z',
    style: 'redhat', index: false, runConfig: { Env: [PATH_ENV, 'container=oci'], Cmd: ['/bin/bash'], Labels: UBI_LABELS },
    history: [
      { created: '2020-01-14T11:32:04.658425Z', comment: 'Imported from -', layer: true },
      { created: '2020-01-14T11:32:23.145106Z', layer: true },
    ],
    topLayer: /^\/root\/buildinfo(\/|$)/,
  },
];

export interface BuiltLayer {
  mediaType: string;
  /** Digest and size of the compressed blob, as the manifest lists it. */
  digest: string;
  size: number;
  /** sha256 of the uncompressed tar (config rootfs.diff_ids). */
  diffId: string;
  /** The image and which of its layers this is, to make the layer's tar again when it is asked for. */
  from: Description;
  index: number;
}

/**
 * The tars of the image built last, for the pull that usually asks for them at once; dropped
 * when its top layer has been taken. Keeping the tars of every image built would hold a
 * thousand small objects an image on the heap for as long as the page runs.
 */
let fresh: { d: Description; tars: SparseTar[] } | null = null;

/** The layer's uncompressed tar as headers and heads (the bulk is zeros), made again when not at hand (~50 ms). */
export async function layerSparseTar(l: BuiltLayer): Promise<SparseTar> {
  const f = fresh;
  if (f && f.d === l.from) {
    if (l.index === f.tars.length - 1) fresh = null;
    return f.tars[l.index]!;
  }
  return (await bundledLayerTars(l.from))[l.index]!;
}

/** A layer's gzip blob as bytes: the whole layer allocated, so only for who needs the bytes themselves. */
export async function layerBlob(l: BuiltLayer): Promise<Uint8Array> {
  return sparseLayerBlob(await layerSparseTar(l));
}

export interface BuiltImage {
  repository: string;
  configBytes: Uint8Array;
  configDigest: string;
  manifestBytes: Uint8Array;
  manifestDigest: string;
  manifestMediaType: string;
  /** The OCI index the tag points at, for multi-platform images. */
  indexBytes?: Uint8Array;
  indexDigest?: string;
  layers: BuiltLayer[];
}

/** The bundled description a reference names, or null (repository full name, tag). */
export function findBundled(repository: string, tag: string): Description | null {
  return BUNDLED.find((d) => d.repository === repository && d.tags.includes(tag)) ?? null;
}

export function hasBundledRepository(repository: string): boolean {
  return BUNDLED.some((d) => d.repository === repository);
}

const cache = new Map<Description, Promise<BuiltImage>>();
/** Configs and layers of the images built so far, by digest. */
const blobs = new Map<string, Uint8Array | BuiltLayer>();

/** A config or layer of an image built already (a pull resolves its image before it asks for blobs). */
export function builtBlob(digest: string): Uint8Array | BuiltLayer | null {
  return blobs.get(digest) ?? null;
}

/** The image, built on first use and kept. */
export function buildBundled(d: Description): Promise<BuiltImage> {
  let p = cache.get(d);
  if (!p) {
    p = build(d).then((b) => {
      blobs.set(b.configDigest, b.configBytes);
      for (const l of b.layers) blobs.set(l.digest, l);
      return b;
    });
    cache.set(d, p);
    p.catch(() => cache.delete(d));
  }
  return p;
}

const fakeHex = (seed: string): string => sha256Hex(utf8Encode(seed));

/** The image's layer tars, bottom first. */
export async function bundledLayerTars(d: Description): Promise<SparseTar[]> {
  const mtime = epochOf(d.created);
  const entries: RootEntry[] = d.source === 'busybox' ? busyboxRootfs() : await distroRootfs(d.source, mtime);
  const groups = d.topLayer ? [entries.filter((e) => !d.topLayer!.test(e.path)), topLayerEntries(entries, d.topLayer)] : [entries];
  return groups.map((g) => sparseTarOf(g, mtime, entries));
}

/** Digests worked out while this page runs, for layers the table does not know (its catalog changed since). */
const computed = new Map<string, LayerDigests>();

/** A layer's digests: from the table made in advance, else streamed through SHA-256 once (slow) and kept. */
function digestsOf(tar: SparseTar): LayerDigests {
  const key = sparseTarFingerprint(tar);
  const known = BUNDLED_DIGESTS[key] ?? computed.get(key);
  if (known) return known;
  const d = computeLayerDigests(tar);
  computed.set(key, d);
  return d;
}

async function build(d: Description): Promise<BuiltImage> {
  const layerMediaType = d.index || d.style === 'buildkit' ? MEDIA_TYPE.ociLayerGzip : MEDIA_TYPE.dockerLayerGzip;
  const tars = await bundledLayerTars(d);
  fresh = { d, tars };
  const layers: BuiltLayer[] = tars.map((tar, index) => ({ mediaType: layerMediaType, ...digestsOf(tar), from: d, index }));
  const history = d.history.map((h) => {
    const out: Record<string, unknown> = {};
    if (h.created !== undefined) out.created = h.created;
    if (h.created_by !== undefined) out.created_by = h.created_by.replace('{layer}', layers[0]!.diffId.slice(7));
    if (h.comment !== undefined) out.comment = h.comment;
    if (!h.layer) out.empty_layer = true;
    return out;
  });
  const rootfs = { type: 'layers', diff_ids: layers.map((l) => l.diffId) };
  let config: Record<string, unknown>;
  if (d.style === 'legacy' || d.style === 'redhat') {
    const full = (run: Record<string, unknown>, image: string): Record<string, unknown> => ({
      Hostname: d.style === 'redhat' ? 'ed11f485244a' : '', Domainname: '', User: '', AttachStdin: false, AttachStdout: false, AttachStderr: false,
      Tty: false, OpenStdin: false, StdinOnce: false, Env: run.Env, Cmd: run.Cmd, Image: image, Volumes: null, WorkingDir: '',
      Entrypoint: null, OnBuild: null, Labels: run.Labels ?? null,
    });
    const image = `sha256:${fakeHex(`${d.repository} parent`)}`;
    const cmd = d.runConfig.Cmd as string[];
    config = {
      architecture: 'amd64',
      config: full(d.runConfig, image),
      container: fakeHex(`${d.repository} container`),
      container_config: full({ ...d.runConfig, Cmd: ['/bin/sh', '-c', '#(nop) ', `CMD [${cmd.map((c) => JSON.stringify(c)).join(' ')}]`] }, image),
      created: d.created,
      docker_version: d.style === 'redhat' ? '1.13.1' : '24.0.7',
      history,
      os: 'linux',
      rootfs,
    };
  } else {
    config = { architecture: 'amd64', config: d.runConfig, created: d.created, history, os: 'linux', rootfs };
  }
  const configBytes = utf8Encode(JSON.stringify(config));
  const configDigest = digestOf(configBytes);
  const oci = d.index || d.style === 'buildkit';
  const manifest = {
    schemaVersion: 2,
    mediaType: oci ? MEDIA_TYPE.ociManifest : MEDIA_TYPE.dockerManifest,
    config: { mediaType: oci ? MEDIA_TYPE.ociConfig : MEDIA_TYPE.dockerConfig, digest: configDigest, size: configBytes.length },
    layers: layers.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size })),
  };
  const manifestBytes = utf8Encode(JSON.stringify(manifest));
  const manifestDigest = digestOf(manifestBytes);
  const built: BuiltImage = {
    repository: d.repository, configBytes, configDigest, manifestBytes, manifestDigest, manifestMediaType: manifest.mediaType, layers,
  };
  if (d.index) {
    const index = {
      schemaVersion: 2,
      mediaType: MEDIA_TYPE.ociIndex,
      manifests: [{ mediaType: MEDIA_TYPE.ociManifest, digest: manifestDigest, size: manifestBytes.length, platform: { architecture: 'amd64', os: 'linux' } }],
    };
    built.indexBytes = utf8Encode(JSON.stringify(index));
    built.indexDigest = digestOf(built.indexBytes);
  }
  return built;
}

/** The second layer's entries: the split-off files with the directories above them. */
function topLayerEntries(entries: RootEntry[], re: RegExp): RootEntry[] {
  const picked = entries.filter((e) => re.test(e.path));
  const parents = new Set<string>();
  for (const e of picked) for (let i = e.path.indexOf('/', 1); i > 0; i = e.path.indexOf('/', i + 1)) parents.add(e.path.slice(0, i));
  return entries.filter((e) => re.test(e.path) || (parents.has(e.path) && e.type === 'dir'));
}

/**
 * The bundled layer whose uncompressed tar has this diff id, or null: lets a caller that holds
 * such a layer (a push of an image built on a bundled one) name its blob without rebuilding and
 * hashing the whole tar.
 */
export async function bundledLayerByDiffId(diffId: string): Promise<BuiltLayer | null> {
  for (const d of BUNDLED) {
    const layer = (await buildBundled(d)).layers.find((l) => l.diffId === diffId);
    if (layer) return layer;
  }
  return null;
}

/** Every tag the bundled images give a repository (for `docker pull --all-tags`). */
export function bundledTags(repository: string): string[] {
  return BUNDLED.filter((d) => d.repository === repository).flatMap((d) => d.tags);
}
