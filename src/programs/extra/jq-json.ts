// jq's values as JSON: the types, the order jq sorts them in, how jq 1.6 prints them (numbers,
// escapes, indentation), and a reader for a stream of JSON texts with jq's parse error words.

export type Json = null | boolean | number | string | Json[] | JObj;
export type JObj = Map<string, Json>;

/** A runtime error: jq prints `jq: error (at FILE:LINE): message`. */
export class JqError extends Error {
  /** Results produced before the error: jq prints them (or `?` keeps them) before it stops. */
  partial: Json[] = [];
  constructor(readonly value: Json) {
    super(typeof value === 'string' ? value : '');
  }
}

export function typeOf(v: Json): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  return Array.isArray(v) ? 'array' : 'object';
}

/** A number as jq 1.6 prints it: shortest digits, exponent form past 17 digits or below 1e-4. */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'null';
  if (!Number.isFinite(n)) n = n > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE;
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mant, expPart] = n.toExponential().split('e');
  const neg = mant!.startsWith('-');
  const digits = mant!.replace(/^-/, '').replace('.', '');
  const decpt = Number(expPart) + 1;
  let out: string;
  if (decpt <= -4 || decpt > digits.length + 15) {
    const e = decpt - 1;
    out = (digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits) + `e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  } else if (decpt <= 0) out = `0.${'0'.repeat(-decpt)}${digits}`;
  else if (decpt >= digits.length) out = digits + '0'.repeat(decpt - digits.length);
  else out = `${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
  return neg ? `-${out}` : out;
}

export function quoteString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

export interface Style {
  indent: string; // '' for compact
  sortKeys: boolean;
}

export function dump(v: Json, style: Style, depth = 0): string {
  if (v === null || typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return quoteString(v);
  const pad = style.indent ? '\n' + style.indent.repeat(depth + 1) : '';
  const end = style.indent ? '\n' + style.indent.repeat(depth) : '';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${v.map((x) => pad + dump(x, style, depth + 1)).join(',')}${end}]`;
  }
  if (v.size === 0) return '{}';
  const keys = [...v.keys()];
  if (style.sortKeys) keys.sort(compareStrings);
  const sep = style.indent ? ': ' : ':';
  return `{${keys.map((k) => pad + quoteString(k) + sep + dump(v.get(k)!, style, depth + 1)).join(',')}${end}}`;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const ORDER = ['null', 'boolean', 'number', 'string', 'array', 'object'];

export function compare(a: Json, b: Json): number {
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (ta !== tb) return ORDER.indexOf(ta) - ORDER.indexOf(tb);
  if (ta === 'null') return 0;
  if (ta === 'boolean') return Number(a) - Number(b);
  if (ta === 'number') return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
  if (ta === 'string') return compareStrings(a as string, b as string);
  if (Array.isArray(a)) {
    const bb = b as Json[];
    for (let i = 0; i < a.length && i < bb.length; i++) {
      const c = compare(a[i]!, bb[i]!);
      if (c) return c;
    }
    return a.length - bb.length;
  }
  const ao = a as JObj;
  const bo = b as JObj;
  const ka = [...ao.keys()].sort(compareStrings);
  const kb = [...bo.keys()].sort(compareStrings);
  const c = compare(ka, kb);
  if (c) return c;
  for (const k of ka) {
    const d = compare(ao.get(k)!, bo.get(k)!);
    if (d) return d;
  }
  return 0;
}

/** How a value shows inside an error message: `number (5)`, `string ("a")`. */
export function described(v: Json): string {
  let s = dump(v, { indent: '', sortKeys: false });
  if (s.length > 11) s = s.slice(0, 10) + '...';
  return `${typeOf(v)} (${s})`;
}

export function toStr(v: Json): string {
  return typeof v === 'string' ? v : dump(v, { indent: '', sortKeys: false });
}

/** Where a parse error happened, as jq words it. */
export function lineCol(text: string, pos: number): string {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - (before.lastIndexOf('\n') + 1);
  return `line ${line}, column ${col}`;
}

/** Parse exactly one JSON text (fromjson, tonumber, --argjson), with jq 1.6's error words. */
export function parseOne(text: string): Json {
  const r = new JsonReader(text);
  try {
    const v = r.next();
    if (v === undefined) throw new JqError(`Expected JSON value (while parsing '${text}')`);
    if (r.next() !== undefined) throw new JqError(`Unexpected extra JSON values (while parsing '${text}')`);
    return v;
  } catch (e) {
    if (!(e instanceof JsonParseError)) throw e;
    throw new JqError(`${e.message} at ${lineCol(text, Math.min(r.pos, text.length))} (while parsing '${text}')`);
  }
}

/** Reads whitespace-separated JSON values from a text, tracking lines for jq's messages. */
export class JsonReader {
  pos = 0;
  constructor(readonly s: string) {}

  ws(): void {
    while (this.pos < this.s.length && ' \t\n\r'.includes(this.s[this.pos]!)) this.pos++;
  }

  next(): Json | undefined {
    this.ws();
    if (this.pos >= this.s.length) return undefined;
    return this.value();
  }

  fail(msg: string): never {
    throw new JsonParseError(msg);
  }

  value(): Json {
    this.ws();
    const c = this.s[this.pos];
    if (c === undefined) this.fail('Unfinished JSON term at EOF');
    if (c === '{') {
      this.pos++;
      const o: JObj = new Map();
      this.ws();
      if (this.s[this.pos] === '}') {
        this.pos++;
        return o;
      }
      for (;;) {
        this.ws();
        if (this.s[this.pos] === '}' && o.size > 0) {
          this.pos++;
          this.fail('Expected another key-value pair');
        }
        if (this.s[this.pos] !== '"') {
          if (this.pos >= this.s.length) this.fail('Unfinished JSON term at EOF');
          this.skipToken();
          this.fail('Object keys must be strings');
        }
        const k = this.string();
        this.ws();
        if (this.s[this.pos] !== ':') {
          if (this.pos >= this.s.length) this.fail('Unfinished JSON term at EOF');
          const punct = ',}]'.includes(this.s[this.pos]!);
          this.skipToken();
          this.fail(punct ? 'Objects must consist of key:value pairs' : 'Expected separator between values');
        }
        this.pos++;
        o.set(k, this.value());
        this.ws();
        const d = this.s[this.pos];
        if (d === '}' || d === ',') this.pos++;
        if (d === '}') return o;
        if (d !== ',') this.separatorError();
      }
    }
    if (c === '[') {
      this.pos++;
      const a: Json[] = [];
      this.ws();
      if (this.s[this.pos] === ']') {
        this.pos++;
        return a;
      }
      for (;;) {
        this.ws();
        if (this.s[this.pos] === ']' && a.length > 0) {
          this.pos++;
          this.fail('Expected another array element');
        }
        a.push(this.value());
        this.ws();
        const d = this.s[this.pos];
        if (d === ']' || d === ',') this.pos++;
        if (d === ']') return a;
        if (d !== ',') this.separatorError();
      }
    }
    if (c === '"') return this.string();
    const bare = /[^\s[\]{},:"]+/y; // sticky: no copy of the rest of a large input
    bare.lastIndex = this.pos;
    const m = bare.exec(this.s);
    const word = m ? m[0] : this.s[this.pos]!;
    this.pos += word.length;
    if (word === 'null') return null;
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(word)) return Number(word);
    // jq reads the character that ends a bad literal before it complains.
    const atEof = this.pos >= this.s.length ? ' at EOF' : '';
    if (!atEof) this.pos++;
    this.fail(`${/^[tfn]/.test(word) ? 'Invalid literal' : 'Invalid numeric literal'}${atEof}`);
  }

  /** jq tokenizes first: a value after a value is noticed when that second token ends. */
  separatorError(): never {
    if (this.pos >= this.s.length) this.fail('Unfinished JSON term at EOF');
    this.skipToken();
    this.fail('Expected separator between values');
  }

  /** Move past the token at pos the way jq's tokenizer completes it (a bare word ends on the
   * character after it, which is read too). */
  skipToken(): void {
    const c = this.s[this.pos]!;
    if (c === '"') {
      this.pos++;
      while (this.pos < this.s.length && this.s[this.pos] !== '"') this.pos += this.s[this.pos] === '\\' ? 2 : 1;
      this.pos = Math.min(this.pos + 1, this.s.length);
      return;
    }
    const bare = /[^\s[\]{},:"]+/y;
    bare.lastIndex = this.pos;
    const m = bare.exec(this.s);
    if (!m) {
      this.pos++;
      return;
    }
    this.pos = Math.min(this.pos + m[0].length + 1, this.s.length);
  }

  string(): string {
    this.pos++;
    let out = '';
    for (;;) {
      const c = this.s[this.pos++];
      if (c === undefined) this.fail('Unfinished string at EOF');
      if (c === '"') return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.s[this.pos++];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e !== undefined && e in simple) out += simple[e];
      else if (e === 'u') {
        out += String.fromCharCode(parseInt(this.s.slice(this.pos, this.pos + 4), 16));
        this.pos += 4;
      } else this.fail('Invalid escape');
    }
  }
}

export class JsonParseError extends Error {}
