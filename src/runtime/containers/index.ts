// The containers part of the engine: records (what `docker inspect` prints), their store on disk,
// generated names, and the daemon's error words.

export * from './container-record.ts';
export * from './container-store.ts';
export * from './errors.ts';
export { goJson, now, rfc3339Nano } from '../go-style.ts';
export { makeName, VALID_NAME } from './names.ts';
