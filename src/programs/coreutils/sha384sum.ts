// sha384sum (GNU coreutils): print or check SHA-384 checksums; the work is lib/digest.ts's,
// shared with md5sum.

import type { Sys } from '../../sys/sys.ts';
import { digestMeta, runDigest, SHA384 } from '../lib/digest.ts';

export const meta = digestMeta(SHA384);

export default function sha384sum(sys: Sys): Promise<number> {
  return runDigest(sys, SHA384);
}
