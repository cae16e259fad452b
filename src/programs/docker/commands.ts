// Every docker subcommand, loaded on first use, and the management-command spellings
// (`docker container ls`, `docker image rm`) that reach the same files.

import type { DockerCommand } from './command.ts';

type Loader = () => Promise<{ default: DockerCommand }>;

/** Top-level subcommands by name (`docker NAME`). */
export const COMMANDS: Record<string, Loader> = {
};

/** `docker GROUP VERB` spellings, as [group, verb] -> top-level name. */
export const MANAGEMENT: Record<string, Record<string, string>> = {
  container: {},
  image: {},
  system: {},
};
