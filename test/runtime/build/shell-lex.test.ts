// BuildKit's word processing: quotes, escapes and ${VAR} modifiers (reference section 2.2, 2.3).
import { describe, expect, it } from 'vitest';
import { expandHeredocBody, expandWord, expandWords, processWord } from '../../../src/runtime/build/dockerfile/index.ts';

const env = new Map([
  ['A', 'a'],
  ['E', ''],
  ['P', '80 443/udp'],
  ['F', 'file.tar.gz'],
  ['S', 'a/b/c'],
]);
const look = (n: string): string | undefined => env.get(n);
const w = (s: string): string => expandWord(s, look);

describe('expansion', () => {
  it('$name, ${name}, positional parameters and literal $', () => {
    expect(w('$A-${A}')).toBe('a-a');
    expect(w('$UNSET|')).toBe('|');
    expect(w('$1${1}x')).toBe('x');
    expect(w('$.')).toBe('$.');
    expect(w('cost$')).toBe('cost$');
  });
  it('the modifiers', () => {
    expect(w('${A:-x} ${E:-x} ${U:-x}')).toBe('a x x');
    expect(w('${A-x}|${E-x}|${U-x}')).toBe('a||x');
    expect(w('${A:+x}|${E:+x}|${U:+x}')).toBe('x||');
    expect(w('${A+x}|${E+x}|${U+x}')).toBe('x|x|');
    expect(w('${U:-${A}-x}')).toBe('a-x');
    expect(w('${F#*.}|${F##*.}|${F%.*}|${F%%.*}')).toBe('tar.gz|gz|file.tar|file');
    expect(w('${S/\\//-}|${S//\\//-}')).toBe('a-b/c|a-b-c');
    expect(() => w('${U:?}')).toThrow('failed to process "${U:?}": U: is not allowed to be unset');
    expect(() => w('${E:?}')).toThrow('E: is not allowed to be empty');
    expect(() => w('${U?custom}')).toThrow('U: custom');
    expect(w('${E?x}')).toBe('');
  });
  it('parse errors in substitutions, wrapped with the word', () => {
    expect(() => w('${}')).toThrow('failed to process "${}": syntax error: bad substitution');
    expect(() => w('${:}')).toThrow('syntax error: bad substitution');
    expect(() => w('${:-x}')).toThrow('syntax error: bad substitution');
    expect(() => w('${{x}')).toThrow('syntax error: bad substitution');
    expect(() => w('${A')).toThrow("syntax error: missing '}'");
    expect(() => w('${A:-x')).toThrow("syntax error: missing '}'");
    expect(() => w('${A:=x}')).toThrow('unsupported modifier (:=) in substitution');
  });
});

describe('quotes and escapes', () => {
  it('unquoted escapes take the next character literally', () => {
    expect(w('\\$A')).toBe('$A');
    expect(w('a\\ b\\"c')).toBe('a b"c');
    expect(w('a\\tb')).toBe('atb');
    expect(w('end\\')).toBe('end');
  });
  it('single quotes are literal, double quotes expand and escape only " $ and the escape', () => {
    expect(w("'$A \\x'")).toBe('$A \\x');
    expect(w('"$A \\"q\\" \\$A \\\\ a\\tb"')).toBe('a "q" $A \\ a\\tb');
    expect(w('hello   world')).toBe('hello   world');
  });
  it('unterminated quotes', () => {
    expect(() => w('"abc')).toThrow('unexpected end of statement while looking for matching double-quote');
    expect(() => w("'abc")).toThrow('unexpected end of statement while looking for matching single-quote');
  });
  it('the backtick escape', () => {
    expect(processWord('a`"b`$A', look, { escape: '`' })).toBe('a"b$A');
    expect(processWord('C:\\x', look, { escape: '`' })).toBe('C:\\x');
  });
  it('word splitting splits expansions but not quoted text', () => {
    expect(expandWords('$P 8080', look)).toEqual(['80', '443/udp', '8080']);
    expect(expandWords('"$P"', look)).toEqual(['80 443/udp']);
  });
  it('heredoc bodies: no quote processing, backslash escapes $ and itself', () => {
    expect(expandHeredocBody('"$A" \'${A}\' \\$A \\\\ \\n\n', look)).toBe('"a" \'a\' $A \\ \\n\n');
  });
});
