// Shape templates made from recordings of the real /proc. A recorded file is turned, line by
// line, into a regular expression that keeps everything structural literally (keys, their
// order, tabs versus spaces, punctuation, words) and replaces only the values that describe a
// particular process or machine:
//   - a number right-aligned after two or more spaces becomes "any number in exactly that many
//     columns" (so column widths are compared: `VmRSS:\t    1436 kB`, meminfo, net/dev);
//   - 16 hex digits stay 16 hex digits (signal and capability masks);
//   - any other number becomes "any number" (but digits glued to letters, as in `cpu0`,
//     `DirectMap4k`, `ext4`, are part of a name and stay literal);
// and per-line overrides replace the value of named keys whose words differ by nature (Name,
// State). Each template is first checked against the recording it came from, so a template can
// never be looser than "matches the real file"; then the simulator's file must match it with
// the same number of lines.

import { expect } from 'vitest';
import { readFileSync } from 'node:fs';

const here = new URL('.', import.meta.url).pathname;

export function recording(name: string): string {
  return readFileSync(`${here}/recordings/${name}`, 'latin1');
}

export function facts(): any {
  return JSON.parse(readFileSync(`${here}/recordings/facts.json`, 'utf8'));
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Exactly `width` columns holding a right-aligned number. */
export function aligned(width: number): string {
  const alts: string[] = [];
  for (let digits = 1; digits <= width; digits++) alts.push(`${' '.repeat(width - digits)}\\d{${digits}}`);
  return `(?:${alts.join('|')})`;
}

const isAlpha = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_]/.test(c);
const isAlnum = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);

/** One line (without its newline) as a regular-expression source. */
export function generalize(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const rest = line.slice(i);
    const alignedNum = /^( {2,})(\d+)/.exec(rest);
    if (alignedNum && !isAlpha(line[i + alignedNum[0].length])) {
      out += aligned(alignedNum[0].length);
      i += alignedNum[0].length;
      continue;
    }
    const hex16 = /^[0-9a-f]{16}/.exec(rest);
    if (hex16 && !isAlnum(line[i - 1]) && !isAlnum(line[i + 16])) {
      out += '[0-9a-f]{16}';
      i += 16;
      continue;
    }
    const hex = /^0x[0-9a-f]+/.exec(rest);
    if (hex && !isAlnum(line[i - 1])) {
      out += '0x[0-9a-f]+';
      i += hex[0].length;
      continue;
    }
    const num = /^\d+/.exec(rest);
    if (num) {
      const glued = isAlpha(line[i - 1]) || isAlpha(line[i + num[0].length]);
      out += glued ? escape(num[0]) : '\\d+';
      i += num[0].length;
      continue;
    }
    out += escape(line[i]!);
    i++;
  }
  return out;
}

export interface TemplateOptions {
  /** Regex source for the value of "Key:<sep>value" lines, by key; the separator is kept. */
  values?: Record<string, string>;
  /** Regex source for a whole line, by its index in the recording. */
  lines?: Record<number, string>;
}

export function template(recorded: string, opts: TemplateOptions = {}): RegExp[] {
  const lines = recorded.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line, i) => {
    if (opts.lines?.[i] !== undefined) return new RegExp(`^${opts.lines[i]}$`);
    const kv = /^([^:\t]+:)([\t ]+)(.*)$/.exec(line);
    if (kv && opts.values?.[kv[1]!.slice(0, -1)] !== undefined) {
      return new RegExp(`^${escape(kv[1]!)}${escape(kv[2]!)}${opts.values[kv[1]!.slice(0, -1)]}$`);
    }
    return new RegExp(`^${generalize(line)}$`);
  });
}

/**
 * Every line of `text` matches its template line, and there are as many lines. Lines listed in
 * `kept` (differences.md) are not compared, but must still differ, so the list cannot go stale.
 */
export function expectShape(text: string, tpl: RegExp[], label: string, kept: ReadonlySet<number> = new Set()): void {
  expect(text.endsWith('\n'), `${label}: ends with a newline`).toBe(true);
  const lines = text.slice(0, -1).split('\n');
  const bad = lines.flatMap((l, i) => {
    const ok = tpl[i] !== undefined && tpl[i]!.test(l);
    if (kept.has(i)) return ok ? [`line ${i} is listed in differences.md but no longer differs: ${JSON.stringify(l)}`] : [];
    return ok ? [] : [`line ${i}: ${JSON.stringify(l)} !~ ${tpl[i] ?? '(no line expected)'}`];
  });
  expect(bad, `${label}: lines that differ in shape`).toEqual([]);
  expect(lines.length, `${label}: line count`).toBe(tpl.length);
}

/** Builds the template from a recording, proves it matches that recording, returns it. */
export function recordedTemplate(name: string, opts: TemplateOptions = {}): RegExp[] {
  const rec = recording(name);
  const tpl = template(rec, opts);
  expectShape(rec, tpl, `recording ${name}`);
  return tpl;
}
