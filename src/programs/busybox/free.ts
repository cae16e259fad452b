// busybox free: memory from /proc/meminfo in kB (-b bytes, -k, -m, -g, -h human), in busybox's
// columns: a 7-wide label then 12-wide numbers; buff/cache counts SReclaimable as busybox does.

import type { Sys } from '../../sys/sys.ts';
import { dialectOf } from '../lib/tool.ts';
import { meminfo } from './proc.ts';

/** busybox's make_human_readable_str for kB: one decimal below 100 units, none above. */
function human(kb: number): string {
  if (kb === 0) return '0';
  let v = kb * 1024;
  const units = ['', 'K', 'M', 'G', 'T'];
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  if (u === 0) return String(v);
  return `${v.toFixed(1)}${units[u]}`;
}

export default async function free(sys: Sys): Promise<number> {
  let unit = 'k';
  for (const a of sys.argv.slice(1)) {
    if (!/^-[bkmgh]+$/.test(a)) {
      const msg = a.startsWith('--') ? `free: unrecognized option '${a}'` : a.startsWith('-') ? `free: invalid option -- '${a.slice(1).replace(/[bkmgh]/g, '')[0]}'` : '';
      await sys.writeAll(2, `${msg ? `${msg}\n` : ''}${dialectOf(sys)?.usage('free') ?? ''}`);
      return 1;
    }
    unit = a[a.length - 1]!;
  }
  const m = await meminfo(sys);
  const get = (k: string): number => m.get(k) ?? 0;
  const total = get('MemTotal');
  const freeKb = get('MemFree');
  const cached = get('Cached') + get('SReclaimable');
  const buffers = get('Buffers');
  const used = total - freeKb - buffers - cached;
  const shift: Record<string, number> = { b: -10, k: 0, m: 10, g: 20 };
  const show = (kb: number): string => {
    if (unit === 'h') return human(kb).padStart(12);
    const s = shift[unit]!;
    const v = s < 0 ? kb * 1024 : Math.floor(kb / 2 ** s);
    return String(v).padStart(12);
  };
  const head = `${' '.repeat(7)}${['total', 'used', 'free', 'shared', 'buff/cache', 'available'].map((h) => h.padStart(12)).join('')}`;
  const mem = `${'Mem:'.padEnd(7)}${[total, used, freeKb, get('Shmem'), buffers + cached, get('MemAvailable')].map(show).join('')}`;
  const swapTotal = get('SwapTotal');
  const swapFree = get('SwapFree');
  const swap = `${'Swap:'.padEnd(7)}${[swapTotal, swapTotal - swapFree, swapFree].map(show).join('')}`;
  await sys.writeAll(1, `${head}\n${mem}\n${swap}\n`);
  return 0;
}
