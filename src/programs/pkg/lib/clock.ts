// Times as the package managers print them, in UTC (a container's default zone): C-locale %c
// for dnf, Python's timedelta, and the RFC 2822 form apt's lists and dpkg use.

import type { Sys } from '../../../sys/sys.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

/** Seconds since the epoch, from the kernel's clock. */
export async function nowSeconds(sys: Sys): Promise<number> {
  return Number((await sys.clockGettime(0)) / 1_000_000n) / 1000;
}

/** strftime("%c") in the C locale: "Tue Mar 10 10:20:30 2020". */
export function cTime(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** str(datetime.timedelta(seconds=n)): "0:00:10", "1 day, 2:03:04". */
export function timedelta(seconds: number): string {
  const s = Math.floor(seconds);
  const days = Math.floor(s / 86400);
  const rest = s % 86400;
  const hms = `${Math.floor(rest / 3600)}:${p2(Math.floor((rest % 3600) / 60))}:${p2(rest % 60)}`;
  return days ? `${days} day${days === 1 ? '' : 's'}, ${hms}` : hms;
}
