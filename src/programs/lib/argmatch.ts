// gnulib's argmatch for option arguments chosen from a list (--interactive=WHEN, --preserve=ATTR,
// --backup=CONTROL, --time=WORD): an exact word or an unambiguous abbreviation, several
// spellings of one value counting as one; otherwise GNU's message and its list of valid words.

import { quotearg } from './quotearg.ts';

/** The value a word stands for, or the error text (without the Try line) when it has none. */
export function argmatch<T>(program: string, option: string, word: string, table: [string, T][], utf8 = false): { value: T } | { error: string } {
  const quote = (s: string): string => quotearg(s, { style: 'locale', utf8 });
  const exact = table.find(([w]) => w === word);
  if (exact) return { value: exact[1] };
  const matches = word === '' ? [] : table.filter(([w]) => w.startsWith(word));
  const values = new Set(matches.map(([, v]) => v));
  if (values.size === 1) return { value: matches[0]![1] };
  const problem = values.size === 0 ? 'invalid' : 'ambiguous';
  const groups: string[][] = [];
  const seen = new Map<T, string[]>();
  for (const [w, v] of table) {
    const g = seen.get(v);
    if (g) g.push(w);
    else {
      const fresh = [w];
      seen.set(v, fresh);
      groups.push(fresh);
    }
  }
  const lines = [`${program}: ${problem} argument ${quote(word)} for ${quote(option)}`, 'Valid arguments are:'];
  for (const g of groups) lines.push(`  - ${g.map(quote).join(', ')}`);
  return { error: lines.join('\n') };
}
