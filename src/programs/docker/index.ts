// The container engine's commands: the docker CLI (which does the engine's work itself, in user
// space, through syscalls only) and the shim that stays behind as each container's parent.

import type { ProgramTable } from '../lib/table.ts';

export const DOCKER: ProgramTable = {
  docker: () => import('./docker.ts'),
  'containerd-shim-runc-v2': () => import('./containerd-shim-runc-v2.ts'),
};
