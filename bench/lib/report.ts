// Output of a benchmark group: a table for people and .bench/<group>.json for tools.
// The JSON keeps `figures` a flat name → number map (what other tools compare); everything
// else (units, goals, details, raw data) sits beside it under `details`.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Figure, type Goal, goalMet } from './group.ts';

function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(1) : v.toFixed(3);
}

function formatGoal(g?: Goal): string {
  return g ? `${g.op} ${formatValue(g.value)}` : '';
}

function verdict(f: Figure): string {
  if (!f.goal) return '-';
  return goalMet(f.value, f.goal) ? 'met' : 'MISSED';
}

export function formatTable(group: string, figures: readonly Figure[], elapsedMs: number): string {
  const rows = figures.map((f) => [f.name, formatValue(f.value), f.unit, formatGoal(f.goal), verdict(f)]);
  const head = ['figure', 'value', 'unit', 'goal', 'status'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const out = [`== bench ${group} (${(elapsedMs / 1000).toFixed(1)} s)`, line(head), line(widths.map((w) => '-'.repeat(w)))];
  for (let i = 0; i < figures.length; i++) {
    out.push(line(rows[i]!));
    const d = figures[i]!.detail;
    if (d) out.push(`    ${d}`);
  }
  return out.join('\n');
}

export async function writeJson(dir: string, group: string, figures: readonly Figure[], elapsedMs: number): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${group}.json`);
  const body = {
    figures: Object.fromEntries(figures.map((f) => [f.name, f.value])),
    details: Object.fromEntries(figures.map((f) => [f.name, {
      unit: f.unit,
      ...(f.goal ? { goal: `${f.goal.op} ${f.goal.value}`, met: goalMet(f.value, f.goal) } : {}),
      ...(f.detail ? { detail: f.detail } : {}),
      ...(f.data ? { data: f.data } : {}),
    }])),
    elapsed_ms: Math.round(elapsedMs),
    finished_at: new Date().toISOString(),
    node: process.version,
  };
  await writeFile(file, JSON.stringify(body, null, 2) + '\n');
  return file;
}
