// Sizes and durations as Docker prints them (docker/go-units): HumanSize in decimal units with
// a given number of significant digits (Go's %g: `7.8MB`, `192MB`, `0B`), BytesSize in binary
// units for stats (`10.41MiB`), and HumanDuration (`About a minute`, `3 weeks`). HumanSize and
// Go's %g live in src/runtime/go-style.ts, which the engine's own output uses too.

import { customSize } from '../../../runtime/go-style.ts';

export { goG, humanSize } from '../../../runtime/go-style.ts';

const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

/** go-units BytesSize: binary units with 4 significant digits (`docker stats` memory). */
export function bytesSize(size: number): string {
  return customSize(size, 4, 1024, BINARY);
}

/** go-units HumanDuration of a number of seconds (fractions allowed). */
export function humanDuration(seconds: number): string {
  const s = Math.floor(seconds);
  if (s < 1) return 'Less than a second';
  if (s === 1) return '1 second';
  if (s < 60) return `${s} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(seconds / 3600 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(Math.floor(seconds / 3600) / 24 / 365)} years`;
}

/** Seconds since the epoch of an RFC 3339 time ("0001-01-01T00:00:00Z" included). */
export function unixOf(rfc3339: string): number {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$/.exec(rfc3339);
  if (!m) return 0;
  // setUTCFullYear, not Date.UTC, which maps years below 100 to 19xx (Go's zero time is year 1)
  const d = new Date(0);
  d.setUTCFullYear(+m[1]!, +m[2]! - 1, +m[3]!);
  d.setUTCHours(+m[4]!, +m[5]!, +m[6]!, 0);
  let t = d.getTime() / 1000;
  if (m[8] !== 'Z') {
    const sign = m[8]![0] === '-' ? -1 : 1;
    t -= sign * (+m[8]!.slice(1, 3) * 3600 + +m[8]!.slice(4, 6) * 60);
  }
  return t + (m[7] ? Number(`0${m[7]}`) : 0);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Go's time.Time String() for a UTC unix time: `2026-11-27 03:51:49 +0000 UTC`. */
export function goTimeString(unix: number): string {
  const d = new Date(Math.floor(unix) * 1000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000 UTC`;
}

/** RFC 3339 in UTC without fractions (`history -H=false`): `2026-11-06T03:51:54Z`. */
export function rfc3339(unix: number): string {
  const d = new Date(Math.floor(unix) * 1000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}Z`;
}
