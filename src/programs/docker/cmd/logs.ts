// docker logs: the container's json-file log (<id>-json.log, one {"log","stream","time"} line per
// line of output), stdout entries to our stdout and stderr entries to our stderr; --tail N, -t
// (the entry's time, with nine fraction digits as docker prints it), -f to follow the file
// until the container stops.

import { isSysError } from '../../../abi/errno.ts';
import { O_RDONLY } from '../../../abi/open-flags.ts';
import { utf8Decode } from '../../../base/text.ts';
import { isDaemonError } from '../../../runtime/containers/index.ts';
import type { DockerCommand } from '../command.ts';
import { shimAlive, stores } from './container-common.ts';
import { type CommandDef, parseCommand } from './command-line.ts';

export const LOGS: CommandDef = {
  name: 'logs',
  flags: ['details', 'follow', 'tail', 'timestamps'],
  args: { exact: 1 },
};

interface Entry {
  log: string;
  stream: string;
  time: string;
}

/** RFC3339Nano with the fraction always nine digits (jsonmessage.RFC3339NanoFixed). */
function fixedTime(t: string): string {
  const m = /^(.*?)(?:\.(\d+))?Z$/.exec(t);
  return m ? `${m[1]}.${(m[2] ?? '').padEnd(9, '0')}Z` : t;
}

const logs: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, LOGS);
  if (typeof f === 'number') return f;
  const sys = ctx.sys;
  const { containers } = stores(ctx);
  let rec;
  try {
    rec = await containers.lookup(f.operands[0]!);
  } catch (e) {
    if (!isDaemonError(e)) throw e;
    await sys.writeAll(2, `Error response from daemon: ${e.message}\n`);
    return 1;
  }
  const tailArg = f.opt('tail') ?? 'all';
  const tail = tailArg === 'all' || Number(tailArg) < 0 ? Infinity : Number(tailArg);
  if (Number.isNaN(tail)) {
    await sys.writeAll(2, `Error response from daemon: invalid value for "tail": "${tailArg}"\n`);
    return 1;
  }
  const stamps = f.bool('timestamps');
  const print = async (e: Entry): Promise<void> => {
    const text = stamps ? `${fixedTime(e.time)} ${e.log}` : e.log;
    await sys.writeAll(e.stream === 'stderr' ? 2 : 1, text);
  };
  let fd: number | null = null;
  try {
    fd = await sys.open(rec.LogPath, O_RDONLY);
  } catch (e) {
    if (!isSysError(e, 'ENOENT')) throw e;
  }
  let rest = '';
  const take = async (): Promise<Entry[]> => {
    if (fd === null) {
      try {
        fd = await sys.open(rec.LogPath, O_RDONLY);
      } catch (e) {
        if (!isSysError(e, 'ENOENT')) throw e;
        return [];
      }
    }
    const text = rest + utf8Decode(await sys.readAll(fd));
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    const out: Entry[] = [];
    for (const l of lines) {
      try {
        out.push(JSON.parse(l) as Entry);
      } catch {
        // a torn line: skip it
      }
    }
    return out;
  };
  const first = await take();
  for (const e of tail === Infinity ? first : tail === 0 ? [] : first.slice(-tail)) await print(e);
  if (f.bool('follow')) {
    for (;;) {
      const cur = await containers.get(rec.Id);
      const more = await take();
      for (const e of more) await print(e);
      if (!cur || !cur.State.Running || !(await shimAlive(sys, rec.Id))) {
        for (const e of await take()) await print(e);
        break;
      }
      await sys.sleep(20);
    }
  }
  if (fd !== null) await sys.close(fd);
  return 0;
};

export default logs;
