// Reads differences.md: the lines of recordings and the stat fields the conformance tests do
// not compare, each with its reason. A listed item must still differ (checked by the tests).

import { readFileSync } from 'node:fs';

const here = new URL('.', import.meta.url).pathname;

export interface KeptDifferences {
  /** Skipped recording lines: file -> line indices. */
  lines: Map<string, Set<number>>;
  /** Skipped stat fields: path -> field names. */
  stats: Map<string, Set<string>>;
}

export function keptDifferences(): KeptDifferences {
  const text = readFileSync(`${here}/differences.md`, 'utf8');
  const section = text.split('## Kept differences')[1]!.split('\n## ')[0]!;
  const lines = new Map<string, Set<number>>();
  const stats = new Map<string, Set<string>>();
  for (const row of section.split('\n')) {
    const line = /^- LINE (\S+) (\d+): .+/.exec(row);
    if (line) {
      if (!lines.has(line[1]!)) lines.set(line[1]!, new Set());
      lines.get(line[1]!)!.add(Number(line[2]));
      continue;
    }
    const stat = /^- STAT (\S+) (\w+): .+/.exec(row);
    if (stat) {
      if (!stats.has(stat[1]!)) stats.set(stat[1]!, new Set());
      stats.get(stat[1]!)!.add(stat[2]!);
      continue;
    }
    if (row.startsWith('- ')) throw new Error(`differences.md: cannot read "${row}"`);
  }
  return { lines, stats };
}
