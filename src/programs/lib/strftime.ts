// Broken-down local time and strftime, as glibc gives them to ls, stat and date in the C locale:
// TZ unset or naming UTC means UTC (the simulated machine has no /etc/localtime); a POSIX TZ
// with a fixed offset ("EST5", "UTC-2", "<+03>-3") is honoured; %N (nanoseconds) and the
// GNU flags (_ - 0 ^ #) and field widths work as in gnulib's nstrftime.

export interface Tm {
  year: number;
  /** 0-11 */
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  /** 0 = Sunday */
  wday: number;
  /** 0-365 */
  yday: number;
  /** Seconds east of UTC. */
  gmtoff: number;
  zone: string;
  /** Seconds since the epoch, for %s. */
  epoch: number;
}

export interface TimeZone {
  offset: number;
  name: string;
}

/** The zone TZ names: UTC unless it gives a fixed POSIX offset. */
export function timeZone(tz: string | undefined): TimeZone {
  if (tz === undefined || tz === '') return { offset: 0, name: 'UTC' };
  const spec = tz.startsWith(':') ? tz.slice(1) : tz;
  const m = /^(<[^>]*>|[A-Za-z]{3,})([+-]?)(\d{1,2})(?::(\d{1,2}))?(?::(\d{1,2}))?$/.exec(spec);
  if (m) {
    const sign = m[2] === '-' ? 1 : -1;
    const offset = sign * (Number(m[3]) * 3600 + Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0));
    const name = m[1]!.startsWith('<') ? m[1]!.slice(1, -1) : m[1]!;
    return { offset, name };
  }
  return { offset: 0, name: /^[A-Za-z]{3,}$/.test(spec) ? spec : 'UTC' };
}

const DAY = 86400;

/** localtime_r for `epoch` seconds in `zone`. */
export function localTime(epoch: number, zone: TimeZone): Tm {
  const t = epoch + zone.offset;
  let days = Math.floor(t / DAY);
  let rem = t - days * DAY;
  const hour = Math.floor(rem / 3600);
  rem -= hour * 3600;
  const min = Math.floor(rem / 60);
  const sec = rem - min * 60;
  const wday = (((days + 4) % 7) + 7) % 7;
  // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
  days += 719468;
  const era = Math.floor(days / 146097);
  const doe = days - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const mday = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mon = mp < 10 ? mp + 2 : mp - 10;
  const year = yoe + era * 400 + (mon <= 1 ? 1 : 0);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334][mon]!;
  const yday = before + mday - 1 + (leap && mon > 1 ? 1 : 0);
  return { year, mon, mday, hour, min, sec, wday, yday, gmtoff: zone.offset, zone: zone.name, epoch };
}

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function isoWeek(tm: Tm): { year: number; week: number } {
  // ISO 8601: weeks start on Monday; week 1 holds the year's first Thursday.
  const wdayMon = (tm.wday + 6) % 7;
  let year = tm.year;
  let week = Math.floor((tm.yday - wdayMon + 10) / 7);
  const weeksIn = (y: number): number => {
    const p = (yy: number): number => (yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400)) % 7;
    return p(y) === 4 || p(y - 1) === 3 ? 53 : 52;
  };
  if (week < 1) {
    year--;
    week = weeksIn(year);
  } else if (week > weeksIn(year)) {
    year++;
    week = 1;
  }
  return { year, week };
}

/**
 * nstrftime: `fmt` for `tm`, with `ns` nanoseconds for %N. Unknown conversions are copied as
 * written, as glibc does.
 */
export function strftime(fmt: string, tm: Tm, ns = 0): string {
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const start = i;
    let pad: string | null = null;
    let upper = false;
    let swapCase = false;
    for (i++; i < fmt.length && '_-0^#'.includes(fmt[i]!); i++) {
      const f = fmt[i]!;
      if (f === '^') upper = true;
      else if (f === '#') swapCase = true;
      else pad = f;
    }
    let width = -1;
    if (i < fmt.length && fmt[i]! >= '1' && fmt[i]! <= '9') {
      width = 0;
      for (; i < fmt.length && fmt[i]! >= '0' && fmt[i]! <= '9'; i++) width = width * 10 + Number(fmt[i]);
    }
    while (i < fmt.length && (fmt[i] === 'E' || fmt[i] === 'O')) i++;
    if (i >= fmt.length) {
      out += fmt.slice(start);
      break;
    }
    const conv = fmt[i]!;
    const num = (v: number, digits: number, defPad = '0'): string => {
      const p = pad ?? defPad;
      const neg = v < 0;
      let s = String(Math.abs(v));
      const w = width >= 0 ? width : digits;
      if (p === '-') return (neg ? '-' : '') + s;
      const fill = p === '_' ? ' ' : '0';
      if (fill === '0') s = s.padStart(w - (neg ? 1 : 0), '0');
      s = (neg ? '-' : '') + s;
      return fill === ' ' ? s.padStart(w, ' ') : s;
    };
    const text = (s: string, defUpper = false): string => {
      let r = upper || defUpper ? s.toUpperCase() : s;
      if (swapCase) r = r === r.toUpperCase() ? r.toLowerCase() : r.toUpperCase();
      if (width > r.length) r = r.padStart(width, pad === '0' ? '0' : ' ');
      return r;
    };
    const h12 = tm.hour % 12 === 0 ? 12 : tm.hour % 12;
    switch (conv) {
      case '%': out += text('%'); break;
      case 'n': out += text('\n'); break;
      case 't': out += text('\t'); break;
      case 'a': out += text(DAYS[tm.wday]!.slice(0, 3)); break;
      case 'A': out += text(DAYS[tm.wday]!); break;
      case 'b':
      case 'h': out += text(MONTHS[tm.mon]!.slice(0, 3)); break;
      case 'B': out += text(MONTHS[tm.mon]!); break;
      case 'c': out += text(strftime('%a %b %e %H:%M:%S %Y', tm, ns)); break;
      case 'C': out += num(Math.floor(tm.year / 100), 2); break;
      case 'd': out += num(tm.mday, 2); break;
      case 'D': out += text(strftime('%m/%d/%y', tm, ns)); break;
      case 'e': out += num(tm.mday, 2, '_'); break;
      case 'F': {
        const w = width;
        width = -1;
        const s = `${num(tm.year, 4)}-${strftime('%m-%d', tm, ns)}`;
        out += w > s.length ? s.padStart(w, pad === '_' ? ' ' : '0') : s;
        break;
      }
      case 'g': out += num(((isoWeek(tm).year % 100) + 100) % 100, 2); break;
      case 'G': out += num(isoWeek(tm).year, 4); break;
      case 'H': out += num(tm.hour, 2); break;
      case 'I': out += num(h12, 2); break;
      case 'j': out += num(tm.yday + 1, 3); break;
      case 'k': out += num(tm.hour, 2, '_'); break;
      case 'l': out += num(h12, 2, '_'); break;
      case 'm': out += num(tm.mon + 1, 2); break;
      case 'M': out += num(tm.min, 2); break;
      case 'N': {
        const digits = String(ns).padStart(9, '0');
        const w = width >= 0 ? width : 9;
        out += w <= 9 ? digits.slice(0, w) : digits.padEnd(w, '0');
        break;
      }
      case 'p': out += swapCase ? text(tm.hour < 12 ? 'am' : 'pm') : text(tm.hour < 12 ? 'AM' : 'PM'); break;
      case 'P': out += text(tm.hour < 12 ? 'am' : 'pm'); break;
      case 'r': out += text(strftime('%I:%M:%S %p', tm, ns)); break;
      case 'R': out += text(strftime('%H:%M', tm, ns)); break;
      case 's': out += num(tm.epoch, 1); break;
      case 'S': out += num(tm.sec, 2); break;
      case 'T': out += text(strftime('%H:%M:%S', tm, ns)); break;
      case 'u': out += num(tm.wday === 0 ? 7 : tm.wday, 1); break;
      case 'U': out += num(Math.floor((tm.yday + 7 - tm.wday) / 7), 2); break;
      case 'V': out += num(isoWeek(tm).week, 2); break;
      case 'w': out += num(tm.wday, 1); break;
      case 'W': out += num(Math.floor((tm.yday + 7 - ((tm.wday + 6) % 7)) / 7), 2); break;
      case 'x': out += text(strftime('%m/%d/%y', tm, ns)); break;
      case 'X': out += text(strftime('%H:%M:%S', tm, ns)); break;
      case 'y': out += num(((tm.year % 100) + 100) % 100, 2); break;
      case 'Y': out += num(tm.year, 1); break;
      case 'z': {
        const off = Math.abs(tm.gmtoff);
        const sign = tm.gmtoff < 0 ? '-' : '+';
        out += sign + String(Math.floor(off / 3600)).padStart(2, '0') + String(Math.floor((off % 3600) / 60)).padStart(2, '0');
        break;
      }
      case 'Z': out += text(tm.zone); break;
      default: out += fmt.slice(start, i + 1);
    }
  }
  return out;
}
