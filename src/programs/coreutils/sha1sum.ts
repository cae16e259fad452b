// sha1sum (GNU coreutils): print or check SHA-1 checksums; the work is lib/digest.ts's,
// shared with md5sum.

import type { Sys } from '../../sys/sys.ts';
import { digestMeta, runDigest, SHA1 } from '../lib/digest.ts';

export const meta = digestMeta(SHA1);

export default function sha1sum(sys: Sys): Promise<number> {
  return runDigest(sys, SHA1);
}
