// cat: copy each file (or standard input, for "-" or no operand) to standard output, as GNU cat
// does without options; a file it cannot read is reported and skipped, and the status is 1.

import { isSysError, strerror } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';

async function copy(sys: Sys, fd: number): Promise<void> {
  for (let chunk = await sys.read(fd, 65536); chunk.length > 0; chunk = await sys.read(fd, 65536)) await sys.writeAll(1, chunk);
}

export default async function cat(sys: Sys): Promise<number> {
  const files = sys.argv.slice(1);
  let status = 0;
  for (const name of files.length ? files : ['-']) {
    try {
      if (name === '-') {
        await copy(sys, 0);
        continue;
      }
      const fd = await sys.open(name, 0);
      try {
        await copy(sys, fd);
      } finally {
        await sys.close(fd);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      await sys.writeAll(2, `cat: ${name}: ${strerror(e.code)}\n`);
      status = 1;
    }
  }
  return status;
}
