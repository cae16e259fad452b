// What a docker --help page states as fact, so tests can hold our pages to Docker's recorded ones
// without comparing the sentences, which are ours: see skeleton(). Used by help.test.ts and by
// the recorded save/load/export/import command lines (test/runtime/transfer).

import { expect } from 'vitest';

const FLAG_ROW = /^( {2}(?:-\S, | {4})--[\w-]+(?: \S+)? +)(\S.*)?$/;
const HEADING = /^[A-Z][A-Za-z ]*:$/;
// pflag's default: one value, or a quoted string ("(default shows just running)" is prose)
const DEFAULT = / ?\(default ("[^"]*"|\S+)\)$/;

/** One flag of an Options section: its flag column (with padding) and its description lines. */
interface FlagRow {
  column: string;
  lines: string[];
}

/** A help page reduced to its facts (one token per fact), plus its flag rows. */
export function skeleton(page: string): { facts: string[]; flags: FlagRow[] } {
  const lines = page.split('\n');
  const raw: string[] = [];
  const flags: FlagRow[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line === '') {
      raw.push('blank');
      i++;
    } else if (line.startsWith('Usage:')) {
      for (; i < lines.length && lines[i] !== ''; i++) raw.push(`usage ${lines[i]}`);
    } else if (HEADING.test(line)) {
      raw.push(`heading ${line}`);
      i++;
      let col = 0;
      for (; i < lines.length && lines[i] !== ''; i++) {
        const row = lines[i]!;
        if (line === 'Aliases:') raw.push(`alias ${row}`);
        else if (line.endsWith('Commands:')) raw.push(`command ${/^ {2}\S+ +/.exec(row)?.[0] ?? row}`);
        else if (col > 0 && row.startsWith(' '.repeat(col))) flags[flags.length - 1]!.lines.push(row.slice(col));
        else {
          const m = FLAG_ROW.exec(row);
          if (!m) {
            raw.push(`unparsed ${row}`);
            continue;
          }
          col = m[1]!.length;
          flags.push({ column: m[1]!, lines: [m[2] ?? ''] });
        }
      }
      for (const f of flags.splice(0)) {
        const text = f.lines.map((l) => l.trim()).join(' ');
        const dflt = DEFAULT.exec(text);
        raw.push(`flag ${f.column}| described: ${text.length > 0}${dflt ? ` | default ${dflt[1]}` : ''}`);
        flags.push(f);
      }
    } else if (line.startsWith("Run '")) {
      raw.push(`footer ${line}`);
      i++;
    } else {
      raw.push('prose');
      i++;
    }
  }
  // A description of several lines or paragraphs counts as one piece of prose.
  const facts = raw.join('\0').replace(/prose(\0(blank\0)*prose)+/g, 'prose').split('\0');
  return { facts, flags };
}

/** Each flag's description as a line of words, without its "(default ...)". */
export function descriptions(page: string): Map<string, string> {
  return new Map(skeleton(page).flags.map((f) => [f.column.trim(), f.lines.map((l) => l.trim()).join(' ').replace(DEFAULT, '')]));
}

/** pflag's wrapping: no line past column 79 unless it is one word, continuations at the column. */
export function wrapProblems(page: string): string[] {
  const problems: string[] = [];
  for (const f of skeleton(page).flags) {
    const col = f.column.length;
    f.lines.forEach((l, n) => {
      const shown = (n === 0 ? f.column : ' '.repeat(col)) + l;
      if (shown.length > 79 && l.includes(' ')) problems.push(`too long: ${shown}`);
      if (n > 0 && l.startsWith(' ')) problems.push(`indented past the column: ${shown}`);
    });
  }
  return problems;
}

const isPage = (s: string): boolean => s.startsWith('Usage:');

/** Compare one output stream: a recorded help page by its facts (and check our wrapping and
 * that no flag description is Docker's), anything else (errors) byte for byte. */
export function expectSameOutput(got: string, want: string, what: string, helpPage: boolean): void {
  if (helpPage && isPage(want)) {
    expect(skeleton(got).facts, what).toEqual(skeleton(want).facts);
    expect(wrapProblems(got), what).toEqual([]);
    const theirs = descriptions(want);
    const same = [...descriptions(got)].filter(([flag, d]) => d !== '' && theirs.get(flag) === d);
    expect(same, `${what}: descriptions in Docker's own words`).toEqual([]);
  } else {
    expect(got, what).toBe(want);
  }
}
