// sha224sum (GNU coreutils): print or check SHA-224 checksums; the work is lib/digest.ts's,
// shared with md5sum.

import type { Sys } from '../../sys/sys.ts';
import { digestMeta, runDigest, SHA224 } from '../lib/digest.ts';

export const meta = digestMeta(SHA224);

export default function sha224sum(sys: Sys): Promise<number> {
  return runDigest(sys, SHA224);
}
