// sha256sum (GNU coreutils): print or check SHA-256 checksums; the work is lib/digest.ts's,
// shared with md5sum.

import type { Sys } from '../../sys/sys.ts';
import { digestMeta, runDigest, SHA256 } from '../lib/digest.ts';

export const meta = digestMeta(SHA256);

export default function sha256sum(sys: Sys): Promise<number> {
  return runDigest(sys, SHA256);
}
