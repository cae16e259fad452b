// tee (GNU coreutils): copy standard input to standard output and to every FILE as it arrives
// (-a appends instead of truncating; "-" is a file like any other). A file that cannot be
// opened or written is reported and dropped; -i ignores SIGINT; -p/--output-error chooses what
// a failed write does (warn and go on, or exit; the -nopipe forms say nothing on a broken pipe).

import { isSysError, strerror } from '../../abi/errno.ts';
import { O_APPEND, O_CREAT, O_TRUNC, O_WRONLY } from '../../abi/open-flags.ts';
import { SIG } from '../../abi/signals.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quote, quoteIfNeeded } from '../lib/quote.ts';
import { runTool, tryHelp } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'tee', package: 'GNU coreutils', version: '9.1',
  usage: ['[OPTION]... [FILE]...'],
  summary: 'Copy standard input to each FILE, and to standard output as well.',
  options: [
    { short: 'a', long: 'append', help: 'add to the FILEs instead of overwriting them' },
    { short: 'i', long: 'ignore-interrupts', help: 'ignore the SIGINT signal' },
    { short: 'p', key: 'p', help: 'the same as --output-error=warn-nopipe' },
    { long: 'output-error', arg: 'optional', argName: 'MODE', help: 'what to do when writing fails: warn, warn-nopipe (the default\nwith the option), exit, exit-nopipe' },
  ],
};

const MODES = ['warn', 'warn-nopipe', 'exit', 'exit-nopipe'];

interface Out {
  fd: number;
  name: string;
}

export default function tee(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    const a = tool.args;
    let mode: string | null = null;
    for (const o of a.options) {
      if (o.key === 'p') mode = 'warn-nopipe';
      if (o.key !== 'output-error') continue;
      if (o.value === undefined) {
        mode = 'warn-nopipe';
        continue;
      }
      const v = o.value;
      const hits = MODES.filter((m) => m.startsWith(v));
      const exact = MODES.find((m) => m === v);
      if (!exact && (v === '' || hits.length !== 1)) {
        const kind = v !== '' && hits.length > 1 ? 'ambiguous' : 'invalid';
        await sys.writeAll(2, `tee: ${kind} argument ${quote(v)} for '--output-error'\nValid arguments are:\n${MODES.map((m) => `  - ${quote(m)}\n`).join('')}${tryHelp(meta)}`);
        return 1;
      }
      mode = exact ?? hits[0]!;
    }
    if (a.has('ignore-interrupts')) await sys.sigaction(SIG.SIGINT, 'ignore');
    // With any --output-error mode a closed pipe is a write error to handle, not a fatal signal.
    if (mode !== null) await sys.sigaction(SIG.SIGPIPE, 'ignore');
    const outs: Out[] = [{ fd: 1, name: 'standard output' }];
    const flags = O_WRONLY | O_CREAT | (a.has('append') ? O_APPEND : O_TRUNC);
    for (const name of a.operands) {
      try {
        outs.push({ fd: await sys.open(name, flags, 0o666), name });
      } catch (e) {
        await tool.sysError(e, quoteIfNeeded(name));
      }
    }
    let live = outs.slice();
    for (;;) {
      let chunk: Uint8Array;
      try {
        chunk = await sys.read(0, 65536);
      } catch (e) {
        await tool.sysError(e, 'read error');
        break;
      }
      if (chunk.length === 0) break;
      for (const out of live.slice()) {
        try {
          await sys.writeAll(out.fd, chunk);
        } catch (e) {
          if (!isSysError(e)) throw e;
          live = live.filter((o) => o !== out);
          // Without a mode, a closed pipe (SIGPIPE ignored) is dropped quietly, as with -p.
          const quiet = e.code === 'EPIPE' && (mode === null || mode === 'warn-nopipe' || mode === 'exit-nopipe');
          if (!quiet) await tool.error(`${quoteIfNeeded(out.name)}: ${strerror(e.code)}`);
          if (mode === 'exit' || (mode === 'exit-nopipe' && !quiet)) return 1;
        }
      }
      if (live.length === 0) break;
    }
    for (const out of outs) if (out.fd !== 1) await sys.close(out.fd);
    // tee closes its standard input at the end; a closed one fails there too.
    if (!tool.busybox) await tool.closeStdin('standard input');
  });
}
