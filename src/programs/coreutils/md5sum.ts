// md5sum (GNU coreutils): print or check MD5 checksums; the work is lib/digest.ts's, shared
// with sha256sum.

import type { Sys } from '../../sys/sys.ts';
import { digestMeta, MD5, runDigest } from '../lib/digest.ts';

export const meta = digestMeta(MD5);

export default function md5sum(sys: Sys): Promise<number> {
  return runDigest(sys, MD5);
}
