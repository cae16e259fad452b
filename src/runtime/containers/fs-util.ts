// Old names of the engine's file helpers, kept only for src/runtime/tasks/ and
// src/programs/docker/containerd-shim-runc-v2.ts until they import src/runtime/sys-files.ts
// (readTextOrNull, mkdirAll, removeAll, writeFileAtomic) and src/runtime/go-style.ts directly;
// then delete this file. New code must not import it.

export {
  mkdirAll as mkdirp, readFile, readText, readTextOrNull as readTextIfExists, removeAll as removeTree, writeFile,
  writeFileAtomic as writeAtomic,
} from '../sys-files.ts';
export { goJson, now, rfc3339Nano } from '../go-style.ts';
