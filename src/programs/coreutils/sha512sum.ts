// sha512sum (GNU coreutils): print or check SHA-512 checksums; the work is lib/digest.ts's,
// shared with md5sum.

import type { Sys } from '../../sys/sys.ts';
import { digestMeta, runDigest, SHA512 } from '../lib/digest.ts';

export const meta = digestMeta(SHA512);

export default function sha512sum(sys: Sys): Promise<number> {
  return runDigest(sys, SHA512);
}
