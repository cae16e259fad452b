// gnulib's quotearg: every quoting style GNU tools use for names (literal, shell, shell-always,
// shell-escape, shell-escape-always, c, c-maybe, escape, locale, clocale), with the locale's
// say in what is printable (C: bytes past ASCII are not; UTF-8: characters are) and the screen
// width of what comes out. ls names files with it; stat's %N and the "cannot access" messages
// too. The logic follows quotearg_buffer_restyled step by step, so the odd cases agree.

import { utf8Encode } from '../../base/text.ts';

export type QuotingStyle =
  | 'literal' | 'shell' | 'shell-always' | 'shell-escape' | 'shell-escape-always'
  | 'c' | 'c-maybe' | 'escape' | 'locale' | 'clocale';

/** The names --quoting-style and QUOTING_STYLE accept, in GNU's order. */
export const QUOTING_STYLES: QuotingStyle[] = [
  'literal', 'shell', 'shell-always', 'shell-escape', 'shell-escape-always', 'c', 'c-maybe', 'escape', 'locale', 'clocale',
];

export interface QuotingOptions {
  style: QuotingStyle;
  /** Characters (ASCII) to backslash-escape too, as set_char_quoting adds them. */
  quoteTheseToo?: string;
  /** Whether the locale's character set is UTF-8 (else bytes past ASCII are unprintable). */
  utf8: boolean;
}

const NONPRINTING = /[\p{Cc}\p{Cs}\p{Cn}\u2028\u2029]/u;

/** iswprint for one character in a UTF-8 locale. */
export function printable(ch: string): boolean {
  return !NONPRINTING.test(ch);
}

const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;

/** wcwidth: 0 for combining marks, 2 for wide East Asian characters, -1 unprintable, else 1. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20 || cp === 0x7f) return -1;
  if (cp < 0x7f) return 1;
  if (!printable(ch)) return -1;
  if (cp === 0xad) return 1;
  if (ZERO_WIDTH.test(ch) || (cp >= 0x1160 && cp <= 0x11ff)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) || (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd)
  ) return 2;
  return 1;
}

/** mbsnwidth of text that is already quoted: unprintable characters count nothing. */
export function displayWidth(s: string, utf8: boolean): number {
  if (/^[\x20-\x7e]*$/.test(s)) return s.length;
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (!utf8) {
      if (cp >= 0x20 && cp < 0x7f) w++;
      continue;
    }
    const cw = charWidth(ch);
    if (cw > 0) w += cw;
  }
  return w;
}

/** Left and right quotes of the locale styles: ‘ ’ in a UTF-8 locale, else ' ' (or " " for clocale). */
function localeQuotes(style: QuotingStyle, utf8: boolean): [string, string] {
  if (utf8) return ['\u2018', '\u2019'];
  return style === 'clocale' ? ['"', '"'] : ["'", "'"];
}

const octal = (b: number): string => `${b >> 6}${(b >> 3) & 7}${b & 7}`;

const C_ESCAPES: Record<string, string> = { '\x07': 'a', '\b': 'b', '\f': 'f', '\v': 'v' };

class ForceOuter extends Error {}

/** The whole name quoted in `options.style` (quotearg_buffer). */
export function quotearg(arg: string, options: QuotingOptions): string {
  return restyled(arg, options.style, false, options.quoteTheseToo ?? '', options.utf8);
}

function restyled(arg: string, styleIn: QuotingStyle, elideIn: boolean, quoteTheseToo: string, utf8: boolean): string {
  try {
    return restyledOnce(arg, styleIn, elideIn, quoteTheseToo, utf8);
  } catch (e) {
    if (!(e instanceof ForceOuter)) throw e;
    // force_outer_quoting_style: the same string with outer quotes and nothing extra to quote.
    return restyledOnce(arg, e.message as QuotingStyle, false, '', utf8);
  }
}

function restyledOnce(arg: string, styleIn: QuotingStyle, elideIn: boolean, quoteTheseToo: string, utf8: boolean): string {
  let style = styleIn;
  let elide = elideIn;
  let backslash = false;
  let quoteString = '';
  let encounteredSingleQuote = false;
  let allCompat = true;
  const out: string[] = [];

  if (style === 'c-maybe') {
    style = 'c';
    elide = true;
  }
  switch (style) {
    case 'c':
      if (!elide) out.push('"');
      backslash = true;
      quoteString = '"';
      break;
    case 'escape':
      backslash = true;
      elide = false;
      break;
    case 'locale':
    case 'clocale': {
      const [left, right] = localeQuotes(style, utf8);
      if (!elide) out.push(left);
      backslash = true;
      quoteString = right;
      break;
    }
    case 'shell-escape':
      backslash = true;
      elide = true;
      style = 'shell-always';
      break;
    case 'shell':
      elide = true;
      style = 'shell-always';
      break;
    case 'shell-escape-always':
      if (!elide) backslash = true;
      style = 'shell-always';
      if (!elide) out.push("'");
      quoteString = "'";
      break;
    case 'shell-always':
      if (!elide) out.push("'");
      quoteString = "'";
      break;
    case 'literal':
      elide = false;
      break;
  }
  if (style === 'shell-always' && elide) {
    // shell and shell-escape: quote only if needed; the outer quote is what would be added.
    quoteString = "'";
  }
  const shellAlways = style === 'shell-always';
  const force = (): never => {
    throw new ForceOuter(shellAlways ? (backslash ? 'shell-escape-always' : 'shell-always') : style);
  };

  let pendingShellEscapeEnd = false;
  let escaping = false;
  const startEsc = (): void => {
    if (elide) force();
    escaping = true;
    if (shellAlways && !pendingShellEscapeEnd) {
      out.push("'$'");
      pendingShellEscapeEnd = true;
    }
    out.push('\\');
  };
  const endEsc = (): void => {
    if (pendingShellEscapeEnd && !escaping) {
      out.push("''");
      pendingShellEscapeEnd = false;
    }
  };

  const chars = [...arg];
  let offset = 0;
  for (let i = 0; i < chars.length; offset += chars[i]!.length, i++) {
    const ch = chars[i]!;
    const code = ch.codePointAt(0)!;
    escaping = false;
    let compat = false;
    let isRightQuote = false;
    let c = ch;

    if (backslash && !shellAlways && quoteString && arg.startsWith(quoteString, offset)) {
      if (elide) force();
      isRightQuote = true;
    }

    let action: 'store' | 'escape' | 'check' = 'check';
    if (code >= 0x80) {
      // A multibyte character (UTF-8) or a run of unprintable bytes (C locale).
      const bytes = utf8Encode(ch);
      const ok = utf8 && printable(ch);
      compat = ok;
      if (!ok && backslash) {
        // Each byte as \ooo; inside one character the escape stays open.
        for (const b of bytes) {
          startEsc();
          out.push(octal(b));
        }
        allCompat = false;
        continue;
      }
      if (utf8 && bytes.length > 1) {
        endEsc();
        out.push(ch);
        if (!compat) allCompat = false;
        continue;
      }
      action = 'check';
    } else {
      switch (ch) {
        case '\0':
          if (backslash) {
            startEsc();
            if (!shellAlways && i + 1 < chars.length && chars[i + 1]! >= '0' && chars[i + 1]! <= '9') out.push('00');
            c = '0';
            action = 'store';
          }
          break;
        case '?':
          if (shellAlways && elide) force();
          break;
        case '\x07':
        case '\b':
        case '\f':
        case '\v':
          if (backslash) {
            c = C_ESCAPES[ch]!;
            action = 'escape';
          }
          break;
        case '\n':
        case '\r':
        case '\t':
          if (shellAlways && elide) force();
          if (backslash) {
            c = ch === '\n' ? 'n' : ch === '\r' ? 'r' : 't';
            action = 'escape';
          }
          break;
        case '\\':
          if (shellAlways) {
            if (elide) force();
            action = 'store';
            break;
          }
          if (backslash && elide && quoteString) {
            action = 'store';
            break;
          }
          if (backslash) action = 'escape';
          break;
        case '{':
        case '}':
        case '#':
        case '~':
        case ' ':
        case '!': case '"': case '$': case '&': case '(': case ')': case '*': case ';':
        case '<': case '=': case '>': case '[': case '^': case '`': case '|': {
          // { and } are special only alone; # and ~ only first; the rest always.
          if ((ch === '{' || ch === '}') && chars.length !== 1) break;
          if ((ch === '{' || ch === '}' || ch === '#' || ch === '~') && i !== 0) break;
          if (ch === '{' || ch === '}' || ch === '#' || ch === '~' || ch === ' ') compat = true;
          if (shellAlways && elide) force();
          break;
        }
        case "'":
          encounteredSingleQuote = true;
          compat = true;
          if (shellAlways) {
            if (elide) force();
            out.push("'\\'");
            pendingShellEscapeEnd = false;
          }
          break;
        default:
          if (/[%+,\-./0-9:A-Z\]_a-z]/.test(ch)) {
            compat = true;
            break;
          }
          // Other ASCII: printable (@, ...) or a control character.
          {
            const ok = code >= 0x20 && code < 0x7f;
            compat = ok;
            if (backslash && !ok) {
              startEsc();
              out.push(octal(code).slice(0, 2));
              c = String(code & 7);
              action = 'store';
            }
          }
          break;
      }
    }

    if (action === 'check') {
      const inList = code < 0x80 && quoteTheseToo.includes(ch);
      if (!(((backslash && !shellAlways) || elide) && inList) && !isRightQuote) action = 'store';
      else action = 'escape';
    }
    if (action === 'escape') startEsc();
    endEsc();
    out.push(c);
    if (!compat) allCompat = false;
  }

  if (out.length === 0 && shellAlways && elide) force();

  if (shellAlways && !elide && encounteredSingleQuote && allCompat) {
    return restyledOnce(arg, 'c', false, quoteTheseToo, utf8);
  }
  if (quoteString && !elide) out.push(quoteString);
  return out.join('');
}
