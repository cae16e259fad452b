// Unit tests of the POSIX regex translator (src/programs/lib/regex.ts): BRE and ERE with GNU's
// extensions, GNU's error words in both dialects, leftmost-longest matches, line-end and M-flag
// rules, case folding per locale, and the byte/UTF-8 text forms.

import { describe, expect, it } from 'vitest';
import { localeIsUtf8 } from '../../src/programs/lib/locale.ts';
import {
  argToText, bytesToText, compileRegex, hasEncodingErrors, RegexError, textToBytes, translateRegex,
  type RegexOptions,
} from '../../src/programs/lib/regex.ts';

const BRE: RegexOptions = { syntax: 'basic' };
const ERE: RegexOptions = { syntax: 'extended' };

/** The leftmost-longest match of `pattern` in `text`, as [index, text], or null. */
function first(pattern: string, text: string, opts: RegexOptions = BRE): [number, string] | null {
  const m = compileRegex(pattern, opts).exec(text, 0);
  return m ? [m.index, m[0]] : null;
}

function all(pattern: string, text: string, opts: RegexOptions = BRE): string[] {
  const m = compileRegex(pattern, opts);
  const out: string[] = [];
  for (let p = 0; p <= text.length;) {
    const f = m.exec(text, p);
    if (!f) break;
    out.push(f[0]);
    p = f.index + Math.max(1, f[0].length);
  }
  return out;
}

function error(pattern: string, opts: RegexOptions = BRE): string {
  try {
    compileRegex(pattern, opts);
  } catch (e) {
    if (e instanceof RegexError) return e.message;
    throw e;
  }
  return 'no error';
}

describe('BRE', () => {
  it('reads GNU operators', () => {
    expect(first('a\\+', 'baaa')).toEqual([1, 'aaa']);
    expect(first('ab\\?c', 'xac')).toEqual([1, 'ac']);
    expect(first('cat\\|dog', 'hotdog')).toEqual([3, 'dog']);
    expect(first('a\\{2,3\\}', 'aaaa')).toEqual([0, 'aaa']);
    expect(first('a\\{,2\\}b', 'aaab')).toEqual([1, 'aab']);
    expect(first('\\(ab\\)\\1', 'xababy')).toEqual([1, 'abab']);
  });

  it('treats +, ?, {, |, ( as ordinary characters', () => {
    expect(first('a+b', 'aab a+b')).toEqual([4, 'a+b']);
    expect(first('x{2}', 'xx x{2}')).toEqual([3, 'x{2}']);
    expect(first('(a|b)', 'a (a|b)')).toEqual([2, '(a|b)']);
  });

  it('makes * literal at the start, after \\( and \\|, and after a leading ^', () => {
    expect(first('*a', 'a*a')).toEqual([1, '*a']);
    expect(first('\\(*a\\)', 'a*a')).toEqual([1, '*a']);
    expect(first('x\\|*b', 'a*b')).toEqual([1, '*b']);
    expect(first('^*', '*x')).toEqual([0, '*']);
    expect(first('^*', 'x*')).toBeNull();
  });

  it('anchors ^ and $ only at the ends of an expression', () => {
    expect(first('a^b', 'a^b')).toEqual([0, 'a^b']);
    expect(first('a$b', 'a$b')).toEqual([0, 'a$b']);
    expect(first('^^', '^x')).toEqual([0, '^']);
    expect(first('\\(^a\\)', 'ba')).toBeNull();
    expect(first('b$\\|c', 'cb')).toEqual([0, 'c']);
  });

  it('reads bracket expressions', () => {
    expect(first('[]a]\\+', 'x]a]')).toEqual([1, ']a]']);
    expect(first('[^]a]', ']ab')).toEqual([2, 'b']);
    expect(first('[[:digit:]]\\+', 'ab123')).toEqual([2, '123']);
    expect(first('[[:alpha:][:digit:]]*', 'a1-')).toEqual([0, 'a1']);
    expect(first('[a-]', 'x-')).toEqual([1, '-']);
    expect(first('[\\]', 'a\\')).toEqual([1, '\\']);
    expect(first('[[.-.]]', 'a-')).toEqual([1, '-']);
    expect(first('[[=e=]]', 'xe')).toEqual([1, 'e']);
  });

  it('has the word and space operators', () => {
    expect(first('\\<the\\>', 'other the')).toEqual([6, 'the']);
    expect(first('\\bon\\b', 'one on')).toEqual([4, 'on']);
    expect(first('o\\B', 'on o')).toEqual([0, 'o']);
    expect(first('\\w\\+', '-- ab_1 ')).toEqual([3, 'ab_1']);
    expect(first('\\W', 'ab-c')).toEqual([2, '-']);
    expect(first('\\s\\S', 'a \tb')).toEqual([2, '\tb']);
    expect(first('\\`a', 'aa')).toEqual([0, 'a']);
    expect(first("a\\'", 'aa')).toEqual([1, 'a']);
  });

  it("refuses what glibc refuses, in GNU's words", () => {
    expect(error('a\\(')).toBe('Unmatched ( or \\(');
    expect(error('a\\)')).toBe('Unmatched ) or \\)');
    expect(error('[a')).toBe('Unmatched [, [^, [:, [., or [=');
    expect(error('a\\{1')).toBe('Unmatched \\{');
    expect(error('a\\{1,0\\}')).toBe('Invalid content of \\{\\}');
    expect(error('a\\{x\\}')).toBe('Invalid content of \\{\\}');
    expect(error('a\\')).toBe('Trailing backslash');
    expect(error('\\(a\\)\\2')).toBe('Invalid back reference');
    expect(error('\\(a\\1\\)')).toBe('Invalid back reference');
    expect(error('\\(a\\)\\|\\1')).toBe('Invalid back reference');
    expect(error('[[:foo:]]')).toBe('Invalid character class name');
    expect(error('[b-a]')).toBe('Invalid range end');
    expect(error('[[:alpha:]-z]')).toBe('Invalid range end');
    expect(error('[[.ab.]]')).toBe('Invalid collation character');
    expect(error('x\\{32768\\}')).toBe('Regular expression too big');
    expect(error('a**')).toBe('Invalid preceding regular expression');
    expect(error('\\{1\\}')).toBe('Invalid preceding regular expression');
  });

  it('refuses [:space:] without its outer brackets as the dfa does', () => {
    let caught: unknown;
    try {
      compileRegex('[:space:]', BRE);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RegexError);
    expect((caught as RegexError).message).toBe('character class syntax is [[:space:]], not [:space:]');
    expect((caught as RegexError).dfa).toBe(true);
    expect(error('[::]')).toBe('no error');
  });

  it("takes grep's reading of the odd corners in the grep dialect", () => {
    const g: RegexOptions = { syntax: 'basic', dialect: 'grep' };
    expect(error('a**', g)).toBe('no error');
    expect(first('\\{', '{', g)).toEqual([0, '{']);
    expect(error('[', g)).toBe('Invalid regular expression');
  });
});

describe('ERE', () => {
  it('reads the operators', () => {
    expect(first('(ab)+', 'xababy', ERE)).toEqual([1, 'abab']);
    expect(first('a{2}|b', 'aab', ERE)).toEqual([0, 'aa']);
    expect(first('(a)\\1', 'aa', ERE)).toEqual([0, 'aa']);
    expect(first('a{1}{2}', 'aaa', ERE)).toEqual([0, 'aa']);
    expect(first('\\(x\\)', '(x)', ERE)).toEqual([0, '(x)']);
  });

  it('anchors ^ and $ anywhere', () => {
    expect(first('a^b', 'a^b', ERE)).toBeNull();
    expect(first('(^a|b$)', 'ab', ERE)).toEqual([0, 'a']);
  });

  it('refuses stray operators in the sed dialect', () => {
    expect(error('*a', ERE)).toBe('Invalid preceding regular expression');
    expect(error('a|*b', ERE)).toBe('Invalid preceding regular expression');
    expect(error('^*', ERE)).toBe('Invalid preceding regular expression');
    expect(error('a$?', ERE)).toBe('Invalid preceding regular expression');
    expect(error(')', ERE)).toBe('Unmatched ) or \\)');
    expect(error('a{1', ERE)).toBe('Unmatched \\{');
    expect(error('a{x}', ERE)).toBe('Invalid content of \\{\\}');
  });

  it("warns and goes on in grep's dialect", () => {
    const g: RegexOptions = { syntax: 'extended', dialect: 'grep' };
    expect(compileRegex('*a', g).warnings).toEqual(['* at start of expression']);
    expect(compileRegex('(+a)', g).warnings).toEqual(['+ at start of expression']);
    expect(compileRegex('{1}a', g).warnings).toEqual(['{...} at start of expression']);
    expect(first(')', 'a)', g)).toEqual([1, ')']);
    expect(first('a{1', 'a{1', g)).toEqual([0, 'a{1']);
    // The dfa repeats the anchor (so ^*a finds any a); glibc's reading gives the extent.
    expect(compileRegex('^*a', g).test('ba')).toBe(true);
    expect(error('a{}', g)).toBe('Invalid content of \\{\\}');
  });
});

describe('leftmost-longest', () => {
  it('prefers the longest alternative at the leftmost start', () => {
    expect(first('ab\\|abcd', 'xabcd')).toEqual([1, 'abcd']);
    expect(first('a|ab|abc', 'abcd', ERE)).toEqual([0, 'abc']);
    expect(first('(a|ab)(c|bcd)', 'abcd', ERE)).toEqual([0, 'abcd']);
    expect(first('(ab)?(abcd)?', 'abcd', ERE)).toEqual([0, 'abcd']);
  });

  it('finds the same start as leftmost-first', () => {
    expect(first('b|ab', 'xab', ERE)).toEqual([1, 'ab']);
    expect(all('ab|a', 'aab', ERE)).toEqual(['a', 'ab']);
  });

  it('finds empty matches where nothing longer starts', () => {
    expect(all('x*', 'ab')).toEqual(['', '', '']);
  });
});

describe('lines and the pattern space', () => {
  it('keeps matches inside lines when a line end is given', () => {
    const o: RegexOptions = { syntax: 'basic', lineEnd: '\n' };
    expect(first('a.b', 'a\nb', o)).toBeNull();
    expect(first('a[^x]b', 'a\nb', o)).toBeNull();
    expect(first('a[[:space:]]b', 'a\nb a b', o)).toEqual([4, 'a b']);
    expect(first('^b', 'ab\nb', o)).toEqual([3, 'b']);
    expect(first('a$', 'a\nb', o)).toEqual([0, 'a']);
    expect(first('a\\sb', 'a\nb', o)).toBeNull();
  });

  it("lets . match a newline in sed's pattern space, but not under M", () => {
    expect(first('a.b', 'a\nb')).toEqual([0, 'a\nb']);
    expect(first('a.b', 'a\nb', { syntax: 'basic', multiline: true })).toBeNull();
    expect(all('^.', 'ab\ncd', { syntax: 'basic', multiline: true })).toEqual(['a', 'c']);
    expect(all('.$', 'ab\ncd', { syntax: 'basic', multiline: true })).toEqual(['b', 'd']);
    expect(all('^.', 'ab\ncd')).toEqual(['a']);
  });
});

describe('case and text forms', () => {
  it('folds only ASCII letters in the C locale', () => {
    const o: RegexOptions = { syntax: 'basic', icase: true };
    expect(first('abc', 'xABC', o)).toEqual([1, 'ABC']);
    expect(first('[a-c]\\+', 'xABC', o)).toEqual([1, 'ABC']);
    // é and É in UTF-8 are different bytes, and bytes above 0x7f never fold.
    const e = argToText('é', false);
    expect(first(e, argToText('É', false), o)).toBeNull();
  });

  it('folds letters and takes . as one character in a UTF-8 locale', () => {
    const o: RegexOptions = { syntax: 'basic', icase: true, utf8: true };
    expect(first('café', 'CAFÉ', o)).toEqual([0, 'CAFÉ']);
    expect(first('f.$', 'café', { syntax: 'basic', utf8: true })).toEqual([2, 'fé']);
    // In the C locale é is two bytes, so . is half of it.
    expect(first('f.$', argToText('café', false))).toBeNull();
    expect(first('f..$', argToText('café', false))![1].length).toBe(3);
    expect(first('\\w\\+', 'naïve!', { syntax: 'basic', utf8: true })).toEqual([0, 'naïve']);
  });

  it('keeps bytes that are not UTF-8 through a round trip', () => {
    const bytes = Uint8Array.of(0x63, 0xe9, 0x0a, 0xc3, 0xa9, 0xff);
    const text = bytesToText(bytes, true);
    expect(hasEncodingErrors(text)).toBe(true);
    expect(Array.from(textToBytes(text, true))).toEqual(Array.from(bytes));
    expect(Array.from(textToBytes(bytesToText(bytes, false), false))).toEqual(Array.from(bytes));
    // . does not match a byte that is not UTF-8.
    expect(compileRegex('c.', { syntax: 'basic', utf8: true }).test(text)).toBe(false);
  });

  it('tells a UTF-8 locale from the environment', () => {
    const env = (vars: Record<string, string>) => (n: string) => vars[n];
    expect(localeIsUtf8(env({ LANG: 'C.UTF-8' }))).toBe(true);
    expect(localeIsUtf8(env({ LANG: 'C.UTF-8', LC_ALL: 'C' }))).toBe(false);
    expect(localeIsUtf8(env({ LC_CTYPE: 'en_US.utf8' }))).toBe(true);
    expect(localeIsUtf8(env({}))).toBe(false);
  });
});

describe('joining patterns', () => {
  it('numbers the groups of later patterns after the earlier ones', () => {
    const m = compileRegex(['\\(a\\)\\1', '\\(b\\)\\1'], BRE);
    expect(m.groups).toBe(2);
    expect(m.test('xbb')).toBe(true);
    expect(m.test('xab')).toBe(false);
    expect(translateRegex('\\(b\\)\\1', BRE, 1).source).toContain('\\2');
  });
});
