// Log timestamps as the daemons write them, in UTC: Apache's "[Tue Mar 10 10:20:30.123456 2020]",
// php-fpm's "[10-Mar-2020 10:20:30]" and nginx's "2020/03/10 10:20:30".

import type { Sys } from '../../../sys/sys.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

/** The realtime clock in microseconds. */
export async function nowMicros(sys: Sys): Promise<number> {
  return Number((await sys.clockGettime(0)) / 1000n);
}

export function apacheTime(us: number): string {
  const d = new Date(Math.floor(us / 1000));
  const micro = String(us % 1_000_000).padStart(6, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${micro} ${d.getUTCFullYear()}`;
}

export function fpmTime(us: number): string {
  const d = new Date(Math.floor(us / 1000));
  return `${p2(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

export function nginxTime(us: number): string {
  const d = new Date(Math.floor(us / 1000));
  return `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}
