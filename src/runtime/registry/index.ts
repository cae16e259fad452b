// The simulated registry: bundled base images, pushed images, and pulling into the engine.

export { Registry, REGISTRY_ROOT, repositoryName, type RegistryImage, type RegistryLayer, type PushImage, type Lookup } from './registry.ts';
export { pullImage, PullError, notFoundMessage, type PullOptions, type PullResult } from './pull.ts';
export { parseRef, familiarString, ReferenceError, type ImageRef } from '../images/reference.ts';
export { ProgressDisplay, humanSize, progressString, stdoutTerminal } from './progress.ts';
export { BUNDLED, buildBundled, bundledTags } from './bundled.ts';
