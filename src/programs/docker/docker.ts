// docker: the engine's command line. There is no daemon: each invocation does its work itself
// through syscalls (clone with namespace flags, overlay mounts under the data root, cgroup
// files), so every step it takes can be repeated by hand and shows in `strace -f docker ...`.
// This file only picks the subcommand; the work is in cmd/.

import type { Sys } from '../../sys/sys.ts';
import { COMMANDS, MANAGEMENT } from './commands.ts';

const DATA_ROOT = '/var/lib/docker';

export default async function docker(sys: Sys): Promise<number> {
  const args = sys.argv.slice(1);
  let name = args[0];
  let rest = args.slice(1);
  let shown = name ?? '';
  const group = name !== undefined ? MANAGEMENT[name] : undefined;
  if (group && rest[0] !== undefined && group[rest[0]] !== undefined) {
    shown = `${name} ${rest[0]}`;
    name = group[rest[0]];
    rest = rest.slice(1);
  }
  const load = name !== undefined ? COMMANDS[name] : undefined;
  if (!load) {
    await sys.writeAll(2, `docker: unknown command: docker ${args.join(' ')}\n\nRun 'docker --help' for more information\n`);
    return 1;
  }
  const run = (await load()).default;
  return run({ sys, name: shown, args: rest, root: DATA_ROOT });
}
