// Every docker subcommand, loaded on first use, and the management-command spellings
// (`docker container ls`, `docker image rm`) that reach the same files.

import type { DockerCommand } from './command.ts';

type Loader = () => Promise<{ default: DockerCommand }>;

/** Top-level subcommands by name (`docker NAME`). */
export const COMMANDS: Record<string, Loader> = {
  save: () => import('./cmd/save.ts'),
  load: () => import('./cmd/load.ts'),
  export: () => import('./cmd/export.ts'),
  import: () => import('./cmd/import.ts'),
  attach: () => import('./cmd/attach.ts'),
  commit: () => import('./cmd/commit.ts'),
  'container-prune': () => import('./cmd/container-prune.ts'),
  create: () => import('./cmd/create.ts'),
  exec: () => import('./cmd/exec.ts'),
  kill: () => import('./cmd/kill.ts'),
  logs: () => import('./cmd/logs.ts'),
  restart: () => import('./cmd/restart.ts'),
  rm: () => import('./cmd/rm.ts'),
  run: () => import('./cmd/run.ts'),
  start: () => import('./cmd/start.ts'),
  stop: () => import('./cmd/stop.ts'),
  wait: () => import('./cmd/wait.ts'),
  pull: () => import('./cmd/pull.ts'),
  push: () => import('./cmd/push.ts'),
  tag: () => import('./cmd/tag.ts'),
  rmi: () => import('./cmd/rmi.ts'),
  'image-prune': () => import('./cmd/image-prune.ts'),
  build: () => import('./cmd/build.ts'),
  ps: () => import('./cmd/ps.ts'),
  inspect: () => import('./cmd/inspect.ts'),
  top: () => import('./cmd/top.ts'),
  stats: () => import('./cmd/stats.ts'),
  diff: () => import('./cmd/diff.ts'),
  history: () => import('./cmd/history.ts'),
  images: () => import('./cmd/images.ts'),
  'system-df': () => import('./cmd/system-df.ts'),
  version: () => import('./cmd/version.ts'),
  info: () => import('./cmd/info.ts'),
  cp: () => import('./cmd/cp.ts'),
  rename: () => import('./cmd/rename.ts'),
  'volume-create': () => import('./cmd/volume-create.ts'),
  'volume-ls': () => import('./cmd/volume-ls.ts'),
  'volume-inspect': () => import('./cmd/volume-inspect.ts'),
  'volume-rm': () => import('./cmd/volume-rm.ts'),
  'volume-prune': () => import('./cmd/volume-prune.ts'),
};

/** `docker GROUP VERB` spellings, as [group, verb] -> top-level name. */
export const MANAGEMENT: Record<string, Record<string, string>> = {
  container: {
    export: 'export', attach: 'attach', commit: 'commit', create: 'create', exec: 'exec', kill: 'kill', logs: 'logs',
    prune: 'container-prune', restart: 'restart', rm: 'rm', remove: 'rm', run: 'run', start: 'start', stop: 'stop', wait: 'wait',
    ls: 'ps', list: 'ps', ps: 'ps', inspect: 'inspect', top: 'top', stats: 'stats', diff: 'diff',
    cp: 'cp', rename: 'rename',
  },
  image: { save: 'save', load: 'load', import: 'import', pull: 'pull', push: 'push', tag: 'tag', rm: 'rmi', remove: 'rmi', prune: 'image-prune', build: 'build', ls: 'images', list: 'images', inspect: 'inspect', history: 'history' },
  system: { df: 'system-df', info: 'info' },
  builder: { build: 'build' },
  volume: { create: 'volume-create', ls: 'volume-ls', list: 'volume-ls', inspect: 'volume-inspect', rm: 'volume-rm', remove: 'volume-rm', prune: 'volume-prune' },
};

/**
 * Operand counts of the Docker commands no file here does, as the real client checks them
 * before it asks the engine anything: `docker port` with no container is cobra's
 * "requires at least 1 and at most 2 arguments", not "cowbox does not have".
 */
export const LACKING_ARGS: Record<string, { exact?: number; min?: number; max?: number }> = {
  events: { exact: 0 }, login: { max: 1 }, logout: { max: 1 }, pause: { min: 1 }, port: { min: 1, max: 2 },
  search: { exact: 1 }, unpause: { min: 1 }, update: { min: 1 }, 'system prune': { exact: 0 }, 'volume update': { max: 1 },
};

/**
 * Alias verbs and the verb cobra names the command by: `docker container list -z` says
 * "Usage:  docker container ls" and "See 'docker container ls --help'", as Docker does.
 */
export const VERB_ALIASES: Record<string, Record<string, string>> = {
  container: { list: 'ls', ps: 'ls', remove: 'rm' },
  image: { list: 'ls', remove: 'rm' },
  volume: { list: 'ls', remove: 'rm' },
};
