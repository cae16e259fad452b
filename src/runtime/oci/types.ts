// OCI image-spec and Docker image types. Field order in each interface is the order Go's
// encoding/json writes them (struct order), so code that builds these objects in declaration
// order serialises as Docker does.

/** A content descriptor (OCI descriptor.go). */
export interface OciDescriptor {
  mediaType: string;
  digest: string;
  size: number;
  urls?: string[];
  annotations?: Record<string, string>;
  data?: string;
  platform?: OciPlatform;
  artifactType?: string;
}

export interface OciPlatform {
  architecture: string;
  os: string;
  'os.version'?: string;
  'os.features'?: string[];
  variant?: string;
}

/** index.json / an image index (OCI index.go). */
export interface OciIndex {
  schemaVersion: 2;
  mediaType?: string;
  artifactType?: string;
  manifests: OciDescriptor[];
  subject?: OciDescriptor;
  annotations?: Record<string, string>;
}

/** An image manifest (OCI manifest.go). */
export interface OciManifest {
  schemaVersion: 2;
  mediaType?: string;
  artifactType?: string;
  config: OciDescriptor;
  layers: OciDescriptor[];
  subject?: OciDescriptor;
  annotations?: Record<string, string>;
}

/** The runtime part of an OCI image config (OCI config.go ImageConfig). */
export interface OciRunConfig {
  User?: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  Env?: string[];
  Entrypoint?: string[];
  Cmd?: string[];
  Volumes?: Record<string, Record<string, never>>;
  WorkingDir?: string;
  Labels?: Record<string, string>;
  StopSignal?: string;
  ArgsEscaped?: boolean;
}

export interface RootFS {
  type: 'layers';
  diff_ids: string[];
}

export interface HistoryEntry {
  created?: string;
  created_by?: string;
  author?: string;
  comment?: string;
  empty_layer?: boolean;
}

/** An OCI image config (OCI config.go Image). */
export interface OciImageConfig {
  created?: string;
  author?: string;
  architecture: string;
  os: string;
  'os.version'?: string;
  'os.features'?: string[];
  variant?: string;
  config?: OciRunConfig;
  rootfs: RootFS;
  history?: HistoryEntry[];
}

export interface HealthConfig {
  Test?: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

/** Docker's container.Config as stored in an image config (moby api/types/container/config.go). */
export interface DockerContainerConfig {
  Hostname?: string;
  Domainname?: string;
  User?: string;
  AttachStdin?: boolean;
  AttachStdout?: boolean;
  AttachStderr?: boolean;
  ExposedPorts?: Record<string, Record<string, never>>;
  Tty?: boolean;
  OpenStdin?: boolean;
  StdinOnce?: boolean;
  Env?: string[] | null;
  Cmd?: string[] | null;
  Healthcheck?: HealthConfig;
  ArgsEscaped?: boolean;
  Image?: string;
  Volumes?: Record<string, Record<string, never>> | null;
  WorkingDir?: string;
  Entrypoint?: string[] | null;
  NetworkDisabled?: boolean;
  MacAddress?: string;
  OnBuild?: string[] | null;
  Labels?: Record<string, string> | null;
  StopSignal?: string;
  StopTimeout?: number;
  Shell?: string[];
}

/**
 * An image config as Docker writes it (moby image/image.go: V1Image then Image fields). A
 * pulled or loaded image keeps its own bytes; this order matters only for configs we write
 * (commit, import, build).
 */
export interface DockerImageConfig {
  id?: string;
  parent?: string;
  comment?: string;
  created?: string;
  container?: string;
  container_config?: DockerContainerConfig;
  docker_version?: string;
  author?: string;
  config?: DockerContainerConfig;
  architecture: string;
  variant?: string;
  os: string;
  Size?: number;
  rootfs: RootFS;
  history?: HistoryEntry[];
  'os.version'?: string;
  'os.features'?: string[];
}

/** One entry of a docker-archive manifest.json (moby image/tarexport). */
export interface DockerArchiveManifestEntry {
  Config: string;
  RepoTags: string[] | null;
  Layers: string[];
  LayerSources?: Record<string, OciDescriptor>;
}

/** The oci-layout file. */
export interface OciLayout {
  imageLayoutVersion: string;
}
