// Number formats /proc prints, each matching a printf/seq_put_decimal_* call in fs/proc: widths
// and paddings are the kernel's, so columns line up exactly as on Linux.

/** `%*lu` right-aligned in `width` columns (a longer number simply overflows, as printf does). */
export function rightAlign(value: number | bigint | string, width: number): string {
  return String(value).padStart(width, ' ');
}

/** `%-*s` left-aligned in `width` columns. */
export function leftAlign(value: number | bigint | string, width: number): string {
  return String(value).padEnd(width, ' ');
}

/** A /proc/PID/status memory value: eight columns, then " kB". */
export function kB(value: number): string {
  return `${rightAlign(value, 8)} kB`;
}

/** A signal set as status prints it: 64 bits in 16 hex digits, bit N-1 for signal N. */
export function sigmask(signals: Iterable<number>): string {
  let mask = 0n;
  for (const s of signals) if (s >= 1 && s <= 64) mask |= 1n << BigInt(s - 1);
  return mask.toString(16).padStart(16, '0');
}

/** The same set as /proc/PID/stat prints it: a decimal number. */
export function sigmaskDecimal(signals: Iterable<number>): string {
  let mask = 0n;
  for (const s of signals) if (s >= 1 && s <= 64) mask |= 1n << BigInt(s - 1);
  return mask.toString(10);
}

/** Seconds with two decimals, as /proc/uptime and /proc/loadavg print them (truncated, not rounded). */
export function centis(hundredths: number): string {
  const h = Math.max(0, Math.floor(hundredths));
  return `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;
}

/** USER_HZ: the unit of the clock-tick columns of /proc/PID/stat and /proc/stat. */
export const USER_HZ = 100;

/** Nanoseconds as clock ticks (USER_HZ). */
export function ticks(ns: bigint): number {
  return Number(ns / 10_000_000n);
}

/** mountinfo/mounts escape these characters in paths as \ooo, so fields stay space-separated. */
export function mangle(path: string): string {
  return path.replace(/[ \t\n\\]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`);
}
