// cksum (GNU coreutils 9.1): POSIX's CRC-32 with the byte count ("CRC SIZE NAME") by default;
// with -a the old sums (bsd, sysv) or an md5/sha digest in BSD-tagged lines (--untagged for
// md5sum's layout), and -c to check such lines, each naming its own algorithm unless -a does.
// blake2b and sm3, which the real 9.1 has, are not implemented here and say so.

import { strerror } from '../../abi/errno.ts';
import { utf8Encode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import { type Algorithm, type CheckAlgo, checkFile, digestLine, hashFile, MD5, SHA1, SHA224, SHA256, SHA384, SHA512 } from '../lib/digest.ts';
import { legacySumFile, type LegacyKind } from '../lib/legacy-sum.ts';
import { localeIsUtf8 } from '../lib/locale.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { quoteIfNeeded } from '../lib/quote.ts';
import { quotearg } from '../lib/quotearg.ts';
import { runTool, tryHelp } from '../lib/tool.ts';

type Choice = { legacy: LegacyKind } | { digest: Algorithm } | { missing: string };

// In GNU's order, which its "Valid arguments" list follows; each with its BSD tag.
const ALGORITHMS: [string, string, Choice][] = [
  ['bsd', 'BSD', { legacy: 'bsd' }], ['sysv', 'SYSV', { legacy: 'sysv' }], ['crc', 'CRC', { legacy: 'crc' }],
  ['md5', 'MD5', { digest: MD5 }], ['sha1', 'SHA1', { digest: SHA1 }], ['sha224', 'SHA224', { digest: SHA224 }],
  ['sha256', 'SHA256', { digest: SHA256 }], ['sha384', 'SHA384', { digest: SHA384 }], ['sha512', 'SHA512', { digest: SHA512 }],
  ['blake2b', 'BLAKE2b', { missing: 'blake2b' }], ['sm3', 'SM3', { missing: 'sm3' }],
];

/** cksum -c without -a: the tags it checks; the old sums' tags and the missing ones fail the line. */
const BY_TAG: ReadonlyMap<string, Algorithm | null> = new Map(ALGORITHMS.map(([, tag, c]) => [tag, 'digest' in c ? c.digest : null]));

export const meta: ProgramMeta = {
  name: 'cksum', package: 'GNU coreutils', version: '9.1',
  helpWriteError: 'plain',
  usage: ['[OPTION]... [FILE]...'],
  summary: 'Print or check a checksum of each FILE: by default the POSIX 32-bit CRC and the byte count.\n'
    + 'With no FILE, or FILE "-", read standard input.',
  epilog: 'TYPE is one of: sysv (as sum -s), bsd (as sum -r), crc (the default), md5, sha1, sha224, sha256,\n'
    + 'sha384, sha512 (as the md5sum and sha*sum tools). blake2b and sm3 are not available here.',
  options: [
    { short: 'a', long: 'algorithm', arg: 'required', argName: 'TYPE', help: 'the checksum to compute; see TYPE below' },
    { short: 'c', long: 'check', help: 'read checksum lines from the FILEs and verify them' },
    { short: 'l', long: 'length', arg: 'required', argName: 'BITS', help: 'digest length in bits, for blake2b only (not available here)' },
    { long: 'tag', help: 'print BSD-style lines, ALGO (NAME) = HASH (the default for md5 and sha*)' },
    { long: 'untagged', help: 'print HASH  NAME lines, without the algorithm' },
    { short: 'z', long: 'zero', help: 'end each output line with NUL, not newline, and do not escape names' },
    { long: 'ignore-missing', help: 'with -c, do not fail or report for missing files' },
    { long: 'quiet', help: 'with -c, do not print OK for each verified file' },
    { long: 'status', help: 'with -c, print nothing; the exit status tells' },
    { long: 'strict', help: 'with -c, fail on improperly formatted checksum lines' },
    { short: 'w', long: 'warn', help: 'with -c, warn about improperly formatted checksum lines' },
    { long: 'debug', help: 'say which CRC implementation runs' },
    // 9.1 accepts -b and -t from md5sum's set, then refuses them with a bare usage error.
    { short: 'b', help: '' },
    { short: 't', help: '' },
  ],
};

const VERIFY_ONLY = ['ignore-missing', 'status', 'warn', 'quiet', 'strict'];

export default function cksum(sys: Sys): Promise<number> {
  return runTool(sys, meta, async (tool) => {
    tool.plainWriteError();
    const a = tool.args;
    const utf8 = localeIsUtf8((n) => sys.getenv(n));
    const q = (s: string): string => quotearg(s, { style: 'locale', utf8 });
    let word: string | undefined;
    let entry = ALGORITHMS[2]!;
    for (word of a.values('algorithm')) {
      const found = ALGORITHMS.find(([w]) => w === word);
      if (!found) {
        // Only the exact words count: 9.1 takes no abbreviation here.
        const valid = ALGORITHMS.map(([w]) => `  - ${q(w)}\n`).join('');
        await sys.writeAll(2, `cksum: invalid argument ${q(word)} for ${q('--algorithm')}\nValid arguments are:\n${valid}${tryHelp(meta)}`);
        return 1;
      }
      entry = found;
    }
    let length = 0;
    for (const l of a.values('length')) {
      if (!/^[ \t]*\+?\d+$/.test(l)) return fail(`invalid length: ${q(l)}`);
      length = Number(l.trim());
      if (length % 8 !== 0) {
        await tool.error(`invalid length: ${q(l)}`);
        return fail('length is not a multiple of 8');
      }
    }
    if (a.has('b') || a.has('t')) {
      await sys.writeAll(2, tryHelp(meta));
      return 1;
    }
    const choice = entry[2];
    if (length !== 0 && !('missing' in choice && choice.missing === 'blake2b')) return fail('--length is only supported with --algorithm=blake2b');
    if ('missing' in choice) return fail(`the ${choice.missing} algorithm is not implemented in cowbox's cksum`);
    const check = a.has('check');
    if (check && 'legacy' in choice && word !== undefined) return fail('--check is not supported with --algorithm={bsd,sysv,crc}');
    const zero = a.has('zero');
    if (zero && check) return tool.usage('cksum: the --zero option is not supported when verifying checksums');
    for (const opt of VERIFY_ONLY) {
      if (!check && a.has(opt)) return tool.usage(`cksum: the --${opt} option is meaningful only when verifying checksums`);
    }
    const files = a.operands.length ? a.operands : ['-'];
    let ok = true;
    if (check) {
      const which: CheckAlgo = 'digest' in choice ? { algo: choice.digest, tag: choice.digest.tag, cksum: true } : { algo: MD5, tag: 'CRC', detect: BY_TAG, cksum: true };
      const flags = { quiet: a.has('quiet'), status: a.has('status'), strict: a.has('strict'), warn: a.has('warn'), ignoreMissing: a.has('ignore-missing') };
      for (const name of files) if (!(await checkFile(tool, which, name, flags))) ok = false;
      return ok ? 0 : 1;
    }
    const end = zero ? '\0' : '\n';
    let debugSaid = false;
    for (const name of files) {
      if ('legacy' in choice) {
        if (choice.legacy === 'crc' && a.has('debug') && !debugSaid) {
          // Ours is the plain table-driven CRC, as GNU's is on a CPU without pclmul.
          debugSaid = true;
          await tool.out.flush();
          await tool.error('pclmul support not detected', 0);
        }
        const got = await legacySumFile(sys, choice.legacy, name, choice.legacy === 'crc');
        if (typeof got === 'string') {
          await tool.out.flush();
          await tool.error(`${quoteIfNeeded(name)}: ${strerror(got)}`);
          ok = false;
          continue;
        }
        await tool.out.write(utf8Encode(got.line(a.operands.length ? name : null) + end));
        continue;
      }
      const got = await hashFile(tool, choice.digest, name);
      if (typeof got === 'string') {
        await tool.out.flush();
        await tool.error(`${quoteIfNeeded(name)}: ${got}`);
        ok = false;
        continue;
      }
      const tag = a.last('tag', 'untagged') !== 'untagged';
      await tool.out.write(utf8Encode(digestLine(choice.digest, name, got, { tag, binary: false, zero })));
    }
    return ok ? 0 : 1;

    async function fail(message: string): Promise<number> {
      await tool.error(message);
      return 1;
    }
  });
}
