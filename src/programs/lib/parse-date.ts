// Free-form dates as gnulib's parse_datetime reads them for `touch -d` and `date -d`: "@epoch",
// ISO 8601 ("2024-01-02 03:04:05", "2024-01-02T03:04:05Z", "... +01:00"), "Jan 2 2024", "2 Jan",
// "1/2/2024", `date`'s own output ("Tue Jan  2 03:04:05 UTC 2024"), times with am/pm, zone names
// and offsets, weekdays, "now", "today", "yesterday", "tomorrow" and relative items
// ("3 days ago", "+2 hours", "next week", "last month"). Items may come in any order, as in GNU.
// Local time is UTC unless TZ names a fixed offset (TZ=UTC0, TZ=EST5, TZ=<+03>-3).

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_EXTRA: Record<string, number> = { tues: 2, wednes: 3, thur: 4, thurs: 4 };

/** Zone abbreviations gnulib knows, as minutes east of UTC (daylight ones included). */
const ZONES: Record<string, number> = {
  gmt: 0, ut: 0, utc: 0, wet: 0, west: 60, bst: 60, art: -180, brt: -180, brst: -120, nst: -210, ndt: -150,
  ast: -240, adt: -180, clt: -240, clst: -180, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360,
  pst: -480, pdt: -420, akst: -540, akdt: -480, hst: -600, hast: -600, hadt: -540, sst: -660, wat: 60, cet: 60,
  cest: 120, met: 60, mez: 60, mest: 120, mesz: 120, eet: 120, eest: 180, cat: 120, sast: 120, eat: 180,
  msk: 180, msd: 240, ist: 330, sgt: 480, kst: 540, jst: 540, gst: 600, nzst: 720, nzdt: 780,
};

const UNITS: Record<string, [keyof Rel, number]> = {
  year: ['year', 1], month: ['month', 1], fortnight: ['day', 14], week: ['day', 7], day: ['day', 1],
  hour: ['hour', 1], minute: ['minute', 1], min: ['minute', 1], second: ['second', 1], sec: ['second', 1],
};

const ORDINALS: Record<string, number> = {
  last: -1, this: 0, next: 1, first: 1, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8,
  ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
};

interface Rel {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ns: number;
}

type Token =
  | { t: 'num'; v: number; digits: number; signed: boolean; text: string }
  | { t: 'word'; v: string }
  | { t: 'ch'; v: string };

function tokenize(s: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(') {
      // Comments in parentheses are skipped, nested.
      let depth = 0;
      do {
        if (s[i] === '(') depth++;
        else if (s[i] === ')') depth--;
        i++;
      } while (i < s.length && depth > 0);
      continue;
    }
    if ((c === '+' || c === '-') && /^[+-]\s*\d/.test(s.slice(i))) {
      let j = i + 1;
      while (/\s/.test(s[j]!)) j++;
      const m = /^\d+/.exec(s.slice(j))!;
      out.push({ t: 'num', v: Number(m[0]) * (c === '-' ? -1 : 1), digits: m[0].length, signed: true, text: m[0] });
      i = j + m[0].length;
      continue;
    }
    if (/\d/.test(c)) {
      const m = /^\d+/.exec(s.slice(i))!;
      out.push({ t: 'num', v: Number(m[0]), digits: m[0].length, signed: false, text: m[0] });
      i += m[0].length;
      continue;
    }
    if (/[a-zA-Z]/.test(c)) {
      const m = /^[a-zA-Z.]+/.exec(s.slice(i))!;
      let w = m[0].toLowerCase();
      i += m[0].length;
      // "a.m." and "p.m." keep their dots in the table; elsewhere dots are dropped.
      if (w === 'a.m.' || w === 'p.m.') w = w[0] + 'm';
      else w = w.replace(/\./g, '');
      out.push({ t: 'word', v: w });
      continue;
    }
    if (':/,.@'.includes(c)) {
      out.push({ t: 'ch', v: c });
      i++;
      continue;
    }
    return null;
  }
  return out;
}

function monthOf(w: string): number {
  if (w === 'sept') return 9;
  const full = MONTHS.indexOf(w);
  if (full >= 0) return full + 1;
  if (w.length === 3) {
    const ab = MONTHS.findIndex((m) => m.startsWith(w));
    if (ab >= 0) return ab + 1;
  }
  return 0;
}

function dayOf(w: string): number {
  const full = DAYS.indexOf(w);
  if (full >= 0) return full;
  if (w in DAY_EXTRA) return DAY_EXTRA[w]!;
  if (w.length === 3) return DAYS.findIndex((d) => d.startsWith(w));
  return -1;
}

function unitOf(w: string): [keyof Rel, number] | null {
  if (w in UNITS) return UNITS[w]!;
  if (w.endsWith('s') && w.slice(0, -1) in UNITS) return UNITS[w.slice(0, -1)]!;
  return null;
}

/** Military letters: A-I +1..+9, K-M +10..+12, N-Y -1..-12, Z 0 (J is local time, not a zone). */
function militaryZone(w: string): number | null {
  if (w.length !== 1 || w === 'j') return null;
  const c = w.charCodeAt(0) - 97;
  if (w === 'z') return 0;
  if (c <= 8) return (c + 1) * 60;
  if (c <= 12) return c * 60;
  if (c <= 24) return -(c - 12) * 60;
  return null;
}

class State {
  year: { v: number; digits: number } | null = null;
  month = 0;
  day = 0;
  hour = 0;
  minute = 0;
  second = 0;
  ns = 0;
  meridian: 'am' | 'pm' | null = null;
  zone: number | null = null;
  weekday: { day: number; ordinal: number } | null = null;
  rel: Rel = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, ns: 0 };
  dates = 0;
  times = 0;
  rels = 0;
  zones = 0;
  days = 0;
}

function toYear(y: { v: number; digits: number }): number {
  if (y.digits === 2 && y.v >= 0) return y.v < 69 ? y.v + 2000 : y.v + 1900;
  return y.v;
}

function zoneOffset(n: Token & { t: 'num' }, minutes: Token | undefined): number {
  const sign = n.v < 0 || n.text.startsWith('-') ? -1 : 1;
  const abs = Math.abs(n.v);
  if (minutes && minutes.t === 'num') return sign * (abs * 60 + minutes.v);
  return sign * (n.digits <= 2 ? abs * 60 : Math.floor(abs / 100) * 60 + (abs % 100));
}

/** Parse `text` at `nowNs`; ns since the epoch, or null when it is not a date GNU would take. */
export function parseDate(text: string, nowNs: bigint, tz?: string): bigint | null {
  const trimmed = text.trim();
  const epoch = /^@\s*([+-]?\d+)(?:[.,](\d+))?$/.exec(trimmed);
  if (epoch) {
    const sec = BigInt(epoch[1]!);
    const frac = BigInt((epoch[2] ?? '').padEnd(9, '0').slice(0, 9) || '0');
    return sec * 1_000_000_000n + (sec < 0n ? -frac : frac);
  }
  const tokens = tokenize(trimmed);
  if (!tokens) return null;
  const st = new State();
  let i = 0;
  const tok = (k: number): Token | undefined => tokens[i + k];
  const isCh = (k: number, c: string): boolean => tok(k)?.t === 'ch' && tok(k)!.v === c;
  const num = (k: number): (Token & { t: 'num' }) | null => {
    const x = tok(k);
    return x && x.t === 'num' ? x : null;
  };
  const unum = (k: number): (Token & { t: 'num' }) | null => {
    const x = num(k);
    return x && !x.signed ? x : null;
  };
  const word = (k: number): string | null => {
    const x = tok(k);
    return x && x.t === 'word' ? x.v : null;
  };

  /** hh:mm[:ss[.frac]] [am|pm] [±zone] starting at `i`, or false. */
  const time = (): boolean => {
    const h = unum(0);
    if (!h) return false;
    if (isCh(1, ':') && unum(2)) {
      st.hour = h.v;
      st.minute = unum(2)!.v;
      st.second = 0;
      st.ns = 0;
      i += 3;
      if (isCh(0, ':') && unum(1)) {
        st.second = unum(1)!.v;
        i += 2;
        if ((isCh(0, '.') || isCh(0, ',')) && unum(1)) {
          st.ns = Number(unum(1)!.text.padEnd(9, '0').slice(0, 9));
          i += 2;
        }
      }
      st.times++;
      const mer = word(0);
      if (mer === 'am' || mer === 'pm') {
        st.meridian = mer;
        i++;
      } else {
        const z = num(0);
        if (z && z.signed) {
          const withColon = isCh(1, ':') && unum(2);
          st.zone = zoneOffset(z, withColon ? unum(2)! : undefined);
          st.zones++;
          i += withColon ? 3 : 1;
        }
      }
      return true;
    }
    const mer = word(1);
    if (mer === 'am' || mer === 'pm') {
      st.hour = h.v;
      st.minute = 0;
      st.second = 0;
      st.ns = 0;
      st.meridian = mer;
      st.times++;
      i += 2;
      return true;
    }
    return false;
  };

  const addRel = (unit: [keyof Rel, number], n: number): void => {
    st.rel[unit[0]] += unit[1] * n;
    st.rels++;
  };

  while (i < tokens.length) {
    const t = tok(0)!;
    // ISO 8601 date: 2024-01-02, and the T between it and a time.
    if (t.t === 'num' && !t.signed && num(1)?.signed && num(1)!.v <= 0 && num(2)?.signed && num(2)!.v <= 0) {
      st.year = { v: t.v, digits: t.digits };
      st.month = -num(1)!.v;
      st.day = -num(2)!.v;
      st.dates++;
      i += 3;
      if (word(0) === 't' && unum(1)) {
        i++;
        if (!time()) {
          // 2024-01-02T0304: a bare number after T is hhmm.
          const n = unum(0)!;
          st.hour = n.digits <= 2 ? n.v : Math.floor(n.v / 100);
          st.minute = n.digits <= 2 ? 0 : n.v % 100;
          st.times++;
          i++;
        }
      }
      continue;
    }
    if (t.t === 'num' && !t.signed && isCh(1, '/') && unum(2)) {
      const a = t;
      const b = unum(2)!;
      if (isCh(3, '/') && unum(4)) {
        const c = unum(4)!;
        if (a.digits >= 3) {
          st.year = { v: a.v, digits: a.digits };
          st.month = b.v;
          st.day = c.v;
        } else {
          st.month = a.v;
          st.day = b.v;
          st.year = { v: c.v, digits: c.digits };
        }
        i += 5;
      } else {
        st.month = a.v;
        st.day = b.v;
        i += 3;
      }
      st.dates++;
      continue;
    }
    if (t.t === 'num' && !t.signed && time()) continue;
    // 2 Jan [2024], 2-Jan-2024
    if (t.t === 'num' && !t.signed && word(1) && monthOf(word(1)!)) {
      st.day = t.v;
      st.month = monthOf(word(1)!);
      i += 2;
      const y = num(0);
      if (y && (!y.signed || y.v < 0) && !(isCh(1, ':'))) {
        st.year = { v: Math.abs(y.v), digits: y.digits };
        i++;
      }
      st.dates++;
      continue;
    }
    if (t.t === 'word') {
      const w = t.v;
      const month = monthOf(w);
      if (month) {
        // Jan 2 [, 2024] | Jan-2-2024 | Jan 2024? (GNU reads "Jan 2024" as day 2024: invalid)
        st.month = month;
        i++;
        const d = num(0);
        if (d) {
          st.day = Math.abs(d.v);
          i++;
          if (isCh(0, ',') && unum(1)) {
            st.year = { v: unum(1)!.v, digits: unum(1)!.digits };
            i += 2;
          } else if (num(0)?.signed && num(0)!.v < 0 && !isCh(1, ':')) {
            st.year = { v: -num(0)!.v, digits: num(0)!.digits };
            i++;
          }
        }
        st.dates++;
        continue;
      }
      const day = dayOf(w);
      if (day >= 0) {
        st.weekday = { day, ordinal: st.weekday?.ordinal ?? 0 };
        st.days++;
        i++;
        if (isCh(0, ',')) i++;
        continue;
      }
      if (w === 'now' || w === 'today') {
        st.rels++;
        i++;
        continue;
      }
      if (w === 'yesterday' || w === 'tomorrow') {
        addRel(['day', 1], w === 'yesterday' ? -1 : 1);
        i++;
        continue;
      }
      if (w === 'ago') return null;
      if (w in ORDINALS) {
        const n = ORDINALS[w]!;
        const unit = word(1) ? unitOf(word(1)!) : null;
        const wd = word(1) ? dayOf(word(1)!) : -1;
        if (unit) {
          i += 2;
          const ago = word(0) === 'ago';
          if (ago) i++;
          addRel(unit, ago ? -n : n);
          continue;
        }
        if (wd >= 0) {
          st.weekday = { day: wd, ordinal: n };
          st.days++;
          i += 2;
          continue;
        }
        return null;
      }
      const unit = unitOf(w);
      if (unit) {
        i++;
        const ago = word(0) === 'ago';
        if (ago) i++;
        addRel(unit, ago ? -1 : 1);
        continue;
      }
      if (w in ZONES || militaryZone(w) !== null) {
        st.zone = w in ZONES ? ZONES[w]! : militaryZone(w)!;
        st.zones++;
        i++;
        // "UTC+3", "GMT-05:00"
        const z = num(0);
        if (z && z.signed) {
          const withColon = isCh(1, ':') && unum(2);
          st.zone += zoneOffset(z, withColon ? unum(2)! : undefined);
          i += withColon ? 3 : 1;
        }
        continue;
      }
      if (w === 'dst' && st.zone !== null) {
        st.zone += 60;
        i++;
        continue;
      }
      return null;
    }
    if (t.t === 'num') {
      // A number before a unit is relative: "3 days", "-2 hours ago".
      const unit = word(1) ? unitOf(word(1)!) : null;
      if (unit) {
        i += 2;
        let n = t.v;
        if (word(0) === 'ago') {
          n = -n;
          i++;
        }
        if (unit[0] === 'second' && (isCh(0, '.') || isCh(0, ','))) return null;
        addRel(unit, n);
        continue;
      }
      // "3 monday": the third Monday from now.
      if (!t.signed && word(1) && dayOf(word(1)!) >= 0) {
        st.weekday = { day: dayOf(word(1)!), ordinal: t.v };
        st.days++;
        i += 2;
        continue;
      }
      if (t.signed) {
        // A signed number after a zone or time adjusts the zone; otherwise GNU rejects it.
        if (st.zones || st.times) {
          const withColon = isCh(1, ':') && unum(2);
          st.zone = (st.zone ?? 0) + zoneOffset(t, withColon ? unum(2)! : undefined);
          i += withColon ? 3 : 1;
          continue;
        }
        return null;
      }
      // A bare number: a year after a date, else yyyymmdd or hhmm.
      if (st.dates && !st.year && !st.rels && (st.times || t.digits > 2)) {
        st.year = { v: t.v, digits: t.digits };
      } else if (t.digits > 4) {
        st.dates++;
        st.day = t.v % 100;
        st.month = Math.floor(t.v / 100) % 100;
        st.year = { v: Math.floor(t.v / 10000), digits: t.digits - 4 };
      } else {
        st.times++;
        st.hour = t.digits <= 2 ? t.v : Math.floor(t.v / 100);
        st.minute = t.digits <= 2 ? 0 : t.v % 100;
        st.second = 0;
        st.ns = 0;
        st.meridian = null;
      }
      i++;
      continue;
    }
    return null;
  }
  if (st.times > 1 || st.dates > 1 || st.days > 1 || st.zones > 1) return null;
  return resolve(st, nowNs, tz);
}

/** The offset in minutes east of UTC a fixed-offset TZ value names; 0 when it names none. */
export function tzOffsetMinutes(tz: string | undefined): number {
  if (!tz) return 0;
  const m = /^:?(?:[A-Za-z]{3,}|<[^>]*>)([+-]?)(\d{1,2})(?::(\d{2}))?/.exec(tz);
  if (!m) return 0;
  // POSIX TZ offsets are west-positive: EST5 is five hours behind UTC.
  const west = (Number(m[2]) * 60 + Number(m[3] ?? 0)) * (m[1] === '-' ? -1 : 1);
  return -west;
}

function resolve(st: State, nowNs: bigint, tz?: string): bigint | null {
  const local = tzOffsetMinutes(tz);
  const nowSec = Number(nowNs / 1_000_000_000n);
  const nowFrac = Number(nowNs % 1_000_000_000n);
  const nowLocal = new Date((nowSec + local * 60) * 1000);
  let year = nowLocal.getUTCFullYear();
  let month = nowLocal.getUTCMonth() + 1;
  let day = nowLocal.getUTCDate();
  let hour = nowLocal.getUTCHours();
  let minute = nowLocal.getUTCMinutes();
  let second = nowLocal.getUTCSeconds();
  let ns = nowFrac;
  if (st.dates || st.times || st.days) {
    if (st.dates) {
      if (st.year) year = toYear(st.year);
      month = st.month;
      day = st.day;
      if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    }
    if (st.times) {
      hour = st.hour;
      if (st.meridian) {
        if (hour < 1 || hour > 12) return null;
        hour = (hour % 12) + (st.meridian === 'pm' ? 12 : 0);
      }
      if (hour > 23 || st.minute > 59 || st.second > 60) return null;
      minute = st.minute;
      second = st.second;
      ns = st.ns;
    } else {
      // A date or weekday without a time means its midnight.
      hour = minute = second = ns = 0;
    }
  }
  // A day that the month does not have is invalid (Feb 30), as mktime's check in GNU.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (st.dates && (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)) return null;
  if (st.days && st.weekday && !st.dates) {
    // The weekday moves the date first; relative items apply after, as in GNU.
    const wday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
    const w = st.weekday;
    const delta = (w.day - wday + 7) % 7;
    day += delta + 7 * (w.ordinal - (w.ordinal > 0 && delta !== 0 ? 1 : 0));
  }
  const r = st.rel;
  let y = year + r.year;
  let mo = month + r.month;
  const d = day + r.day;
  y += Math.floor((mo - 1) / 12);
  mo = ((((mo - 1) % 12) + 12) % 12) + 1;
  const ms = Date.UTC(y, mo - 1, 1, hour, minute, second) + (d - 1) * 86400000;
  const zone = st.zone ?? local;
  let sec = BigInt(Math.round(ms / 1000)) - BigInt(zone * 60);
  sec += BigInt(r.hour * 3600 + r.minute * 60 + r.second);
  return sec * 1_000_000_000n + BigInt(ns);
}
