// docker attach: follow a running container's output from now on until it stops, and end with
// its exit code. There is no daemon holding the container's streams: the output comes from the
// json-file log the shim writes, and input (for a container started with -i) goes into the
// stdin fifo the shim keeps in containerd's task state directory, as containerd's fifos do.
// On a -t container the input is watched for ^P^Q, which detaches and leaves it running.

import { isDaemonError, TASK_STATE } from '../../../runtime/containers/index.ts';
import { O_CLOEXEC, O_RDONLY, O_WRONLY } from '../../../abi/open-flags.ts';
import { isSysError } from '../../../abi/errno.ts';
import { WEXITSTATUS, WIFEXITED } from '../../../abi/signals.ts';
import { utf8Decode } from '../../../base/text.ts';
import type { DockerCommand } from '../command.ts';
import { rawTerminal, shimAlive, stores } from './container-common.ts';
import { proxySignals } from './run.ts';
import { type CommandDef, parseCommand } from './command-line.ts';
import { DETACHED, EscapeProxy } from './escape-proxy.ts';

const WNOHANG = 1;
export const ATTACH: CommandDef = {
  name: 'attach',
  flags: ['no-stdin', 'sig-proxy'],
  args: { exact: 1 },
};

const attach: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, ATTACH);
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
  if (!rec.State.Running) {
    await sys.writeAll(2, 'You cannot attach to a stopped container, start it first\n');
    return 1;
  }
  // The CLI checks the terminal before it knows whether the container takes input at all: a
  // -t container refuses a non-terminal stdin unless --no-stdin, even when it was started without -i.
  if (rec.Config.Tty && !f.bool('no-stdin') && !(await sys.isatty(0))) {
    await sys.writeAll(2, 'the input device is not a TTY\n');
    return 1;
  }
  let fd: number;
  try {
    fd = await sys.open(rec.LogPath, O_RDONLY);
  } catch (e) {
    if (!isSysError(e)) throw e;
    fd = -1;
  }
  if (fd >= 0) await sys.readAll(fd); // skip what was written before we came
  if (f.opt('sig-proxy') !== 'false' && !rec.Config.Tty) await proxySignals(ctx, rec.State.Pid);
  let relay = -1;
  let restore: (() => Promise<void>) | null = null;
  if (rec.Config.OpenStdin && !f.bool('no-stdin')) {
    let fifo = -1;
    try {
      fifo = await sys.open(`${TASK_STATE}/${rec.Id}/stdin`, O_WRONLY | O_CLOEXEC);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    if (fifo >= 0) {
      if (rec.Config.Tty) restore = await rawTerminal(sys, 0);
      const tty = rec.Config.Tty;
      relay = await sys.fork(async (c) => {
        const escape = new EscapeProxy();
        for (;;) {
          try {
            const chunk = await c.read(0, 4096);
            if (chunk.length === 0) return 0;
            // only a terminal's input is watched for the detach keys, as the CLI does
            const pass = tty ? escape.feed(chunk) : chunk;
            if (pass === null) return DETACHED;
            if (pass.length > 0) await c.writeAll(fifo, pass);
          } catch (e) {
            if (!isSysError(e)) throw e;
            return 0;
          }
        }
      });
      await sys.close(fifo);
    }
  }
  const finish = async (): Promise<void> => {
    if (relay > 0) {
      try {
        await sys.kill(relay, 9);
        await sys.wait4(relay);
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
    }
    if (restore) await restore();
  };
  let rest = '';
  const pump = async (): Promise<void> => {
    if (fd < 0) return;
    const lines = (rest + utf8Decode(await sys.readAll(fd))).split('\n');
    rest = lines.pop() ?? '';
    for (const l of lines) {
      try {
        const e = JSON.parse(l) as { log: string; stream: string };
        await sys.writeAll(e.stream === 'stderr' ? 2 : 1, e.log);
      } catch {
        // torn line
      }
    }
  };
  for (;;) {
    if (relay > 0) {
      const [pid, status] = await sys.wait4(relay, WNOHANG);
      if (pid === relay) {
        relay = -1;
        if (WIFEXITED(status) && WEXITSTATUS(status) === DETACHED) {
          // ^P^Q: leave the container running; the CLI reports the escape as its error
          await pump();
          if (fd >= 0) await sys.close(fd);
          await finish();
          await sys.writeAll(2, 'read escape sequence\n');
          return 1;
        }
      }
    }
    const cur = await containers.get(rec.Id);
    await pump();
    if (!cur || !cur.State.Running || !(await shimAlive(sys, rec.Id))) {
      await pump();
      if (fd >= 0) await sys.close(fd);
      await finish();
      // Read the record again: the first reading may predate the shim's last write.
      return (await containers.get(rec.Id))?.State.ExitCode ?? cur?.State.ExitCode ?? 0;
    }
    await sys.sleep(20);
  }
};

export default attach;
