// The media types of OCI image-spec 1.1 and Docker's schema 2, as the strings registries,
// index.json files and manifests carry them.

export const MEDIA_TYPE = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  ociLayerZstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const;

/** The `imageLayoutVersion` an oci-layout file names. */
export const OCI_LAYOUT_VERSION = '1.0.0';

/** Annotation keys Docker writes into a saved index.json. */
export const ANNOTATION = {
  refName: 'org.opencontainers.image.ref.name',
  imageName: 'io.containerd.image.name',
  created: 'org.opencontainers.image.created',
} as const;

export function isLayerMediaType(t: string): boolean {
  return t.startsWith('application/vnd.oci.image.layer.') || t.startsWith('application/vnd.docker.image.rootfs.');
}

export function isGzipLayer(t: string): boolean {
  return t.endsWith('+gzip') || t.endsWith('.tar.gzip');
}
