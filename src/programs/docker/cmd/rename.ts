// docker rename (container rename): give a container a new name, running or not. The checks are
// the daemon's, in its order (daemon/rename.go): the container must exist, the new name differ
// from its current one, match Docker's name pattern and be free; "/NAME" and "NAME" are the
// same name. The new name is written into the container's record (config.v2.json), which is
// what ps and inspect read. On a refusal the client adds its own line after the daemon's.

import { ContainerStore, DaemonError, isDaemonError, nameConflict, VALID_NAME } from '../../../runtime/containers/index.ts';
import type { DockerCommand } from '../command.ts';
import { parseCommand } from './command-line.ts';

const PATTERN = '[a-zA-Z0-9][a-zA-Z0-9_.-]';

const rename: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, { name: 'rename', args: { exact: 2 } });
  if (typeof f === 'number') return f;
  const { sys } = ctx;
  const oldName = f.operands[0]!.trim();
  const newName = f.operands[1]!.trim();
  if (oldName === '' || newName === '') {
    await sys.writeAll(2, 'Error: Neither old nor new names may be empty\n');
    return 1;
  }
  const store = new ContainerStore(sys, ctx.root);
  try {
    const rec = await store.lookup(oldName);
    const full = newName.startsWith('/') ? newName : `/${newName}`;
    if (rec.Name === full) throw new DaemonError('Renaming a container with the same name as its current name', 'invalid');
    if (!VALID_NAME.test(full.slice(1))) {
      throw new DaemonError(`Error when allocating new name: Invalid container name (${full}), only ${PATTERN} are allowed`, 'invalid');
    }
    const other = (await store.list()).find((c) => c.Name === full && c.Id !== rec.Id);
    if (other) throw new DaemonError(`Error when allocating new name: ${nameConflict(full, other.Id).message}`, 'conflict');
    const done = await store.update(rec.Id, (r) => {
      r.Name = full;
    });
    if (!done) throw new DaemonError(`No such container: ${oldName}`, 'not-found');
    return 0;
  } catch (e) {
    if (!isDaemonError(e)) throw e;
    await sys.writeAll(2, `Error response from daemon: ${e.message}\nError: failed to rename container named ${oldName}\n`);
    return 1;
  }
};

export default rename;
