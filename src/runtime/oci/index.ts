// The OCI/Docker image formats: types, media types, digests and chain ids.

export * from './types.ts';
export * from './media-types.ts';
export * from './digest.ts';
