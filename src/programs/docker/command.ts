// What one `docker SUBCOMMAND` is: a function over the arguments after the subcommand's name,
// with the streams and the engine's root handed in. Each subcommand is one file in cmd/.

import type { Sys } from '../../sys/sys.ts';

export interface DockerContext {
  sys: Sys;
  /** The subcommand as the user named it ("ps", "container ls", "image rm"), for messages. */
  name: string;
  /** Arguments after the subcommand's name. */
  args: string[];
  /** Where the engine keeps its state (Docker's data-root). */
  root: string;
}

export type DockerCommand = (ctx: DockerContext) => Promise<number>;
