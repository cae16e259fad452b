// md5sum and the sha*sum tools as busybox's applets (md5_sha1_sum.c): -c checks, -s prints
// nothing (the status tells), -w warns of lines without a hash; a file it cannot open is "can't
// open 'NAME'", and a check ends with "WARNING: N of M computed checksums did NOT match". The
// hashing and the output line are digest.ts's, shared with the GNU tools.

import { isSysError, strerror } from '../../abi/errno.ts';
import { utf8Decode, utf8Encode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import { digestLine, hashFile, hex, type Algorithm } from './digest.ts';
import type { ProgramMeta } from './meta.ts';
import { runTool, type Tool } from './tool.ts';

function busyboxMeta(algo: Algorithm): ProgramMeta {
  return {
    name: algo.program, package: 'busybox', version: '1.35.0', style: 'busybox',
    usage: ['[-c[sw]] [FILE]...'],
    summary: `Print or check ${algo.tag} checksums`,
    options: [
      { short: 'c', help: 'check the sums listed in FILEs' },
      { short: 's', help: 'print nothing; the status tells' },
      { short: 'w', help: 'warn about lines that are not checksum lines' },
    ],
  };
}

/** -c for one list: how many lines were checked and how many of them failed. */
async function checkList(tool: Tool, algo: Algorithm, listName: string, silent: boolean, warn: boolean): Promise<{ total: number; failed: number } | null> {
  const { sys } = tool;
  let text: string;
  let fd = 0;
  try {
    if (listName !== '-') fd = await sys.open(listName, 0);
    text = utf8Decode(await sys.readAll(fd));
  } catch (e) {
    if (!isSysError(e)) throw e;
    await tool.error(`can't open '${listName}': ${strerror(e.code)}`);
    return null;
  } finally {
    if (fd !== 0) await sys.close(fd);
  }
  let total = 0;
  let failed = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    total++;
    const gap = line.indexOf('  ');
    if (gap < 0) {
      if (warn) await tool.error('invalid format');
      failed++;
      continue;
    }
    const name = line.slice(gap + 2);
    const got = await hashFile(tool, algo, name);
    if (typeof got === 'string') {
      await tool.out.flush();
      await tool.error(`can't open '${name}': ${got}`);
    }
    const ok = typeof got !== 'string' && hex(got) === line.slice(0, gap).toLowerCase();
    if (!ok) failed++;
    if (!silent) await tool.out.write(`${name}: ${ok ? 'OK' : 'FAILED'}\n`);
  }
  return { total, failed };
}

export function runBusyboxDigest(sys: Sys, algo: Algorithm): Promise<number> {
  return runTool(sys, busyboxMeta(algo), async (tool) => {
    const a = tool.args;
    const files = a.operands.length ? a.operands : ['-'];
    let status = 0;
    // -s and -w mean something only with -c: busybox answers with its usage.
    if (!a.has('c') && (a.has('s') || a.has('w'))) return tool.usage('');
    if (a.has('c')) {
      let total = 0;
      let failed = 0;
      for (const name of files) {
        const r = await checkList(tool, algo, name, a.has('s'), a.has('w'));
        if (!r) {
          status = 1;
          continue;
        }
        total += r.total;
        failed += r.failed;
      }
      await tool.out.flush();
      if (failed > 0) {
        status = 1;
        if (!a.has('s')) await tool.error(`WARNING: ${failed} of ${total} computed checksums did NOT match`);
      }
      return status;
    }
    for (const name of files) {
      const got = await hashFile(tool, algo, name);
      if (typeof got === 'string') {
        await tool.out.flush();
        await tool.error(`can't open '${name}': ${got}`);
        status = 1;
        continue;
      }
      await tool.out.write(utf8Encode(digestLine(algo, name, got, { tag: false, binary: false, zero: false })));
    }
    return status;
  });
}
