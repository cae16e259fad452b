// Replays every scenario in scenarios/ on the simulator's overlay and compares each op's
// outcome and both final trees exactly with what Linux's overlayfs did (recordings/, made by
// record.py). Only the differences listed in differences.md are skipped, and those must differ.

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defaultMountOptions, replay } from './replay.ts';
import type { Observed, Recording, Scenario } from './scenario.ts';

const here = new URL('.', import.meta.url).pathname;
const names = readdirSync(`${here}/scenarios`).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();

type Where = { kind: 'op'; index: number } | { kind: 'merged' | 'upper'; path: string } | { kind: 'mount' };
interface KeptDifference { scenario: string; where: Where; reason: string; line: string }

function parseDifferences(md: string): KeptDifference[] {
  const section = md.split(/^## Kept differences\s*$/m)[1];
  if (section === undefined) throw new Error('differences.md has no "## Kept differences" section');
  const out: KeptDifference[] = [];
  for (const line of section.split('\n')) {
    if (!line.startsWith('- ')) continue;
    const m = /^- ([a-z0-9-]+) (?:op (\d+)|(merged|upper) (\S+)|(mount)): (.+)$/.exec(line);
    if (!m) throw new Error(`differences.md: cannot parse ${JSON.stringify(line)}`);
    const where: Where = m[2] !== undefined ? { kind: 'op', index: Number(m[2]) }
      : m[3] !== undefined ? { kind: m[3] as 'merged' | 'upper', path: m[4]! } : { kind: 'mount' };
    out.push({ scenario: m[1]!, where, reason: m[6]!, line });
  }
  return out;
}

const differences = parseDifferences(readFileSync(`${here}/differences.md`, 'utf8'));

function load(name: string): { raw: Buffer; scenario: Scenario; recording: Recording } {
  const raw = readFileSync(`${here}/scenarios/${name}.json`);
  const recording = JSON.parse(readFileSync(`${here}/recordings/${name}.json`, 'utf8')) as Recording;
  return { raw, scenario: JSON.parse(raw.toString('utf8')) as Scenario, recording };
}

/** Replace a kept difference by the same marker on both sides; complain if it no longer differs. */
function skip(expected: Observed, actual: Observed, d: KeptDifference): void {
  const marker = { skipped: d.reason };
  const pick = (o: Observed): unknown => {
    switch (d.where.kind) {
      case 'op': return o.results[d.where.index];
      case 'mount': return o.mount;
      default: return o[d.where.kind]?.[d.where.path];
    }
  };
  if (isDeepStrictEqual(pick(expected), pick(actual))) {
    throw new Error(`differences.md lists a difference that is gone; remove it: ${d.line}`);
  }
  for (const o of [expected, actual]) {
    const w = d.where;
    if (w.kind === 'op') {
      o.results[w.index] = marker as never;
    } else if (w.kind === 'mount') {
      // Nothing after a mount that went differently is comparable.
      Object.assign(o, { mount: marker, results: [], merged: null, upper: null });
    } else if (o[w.kind]) {
      o[w.kind]![w.path] = marker as never;
    }
  }
}

describe('overlay conformance with Linux overlayfs recordings', () => {
  it('has enough scenarios, each with a recording made from its current text', () => {
    expect(names.length).toBeGreaterThanOrEqual(45);
    for (const name of names) {
      const { raw, recording } = load(name);
      const sha = createHash('sha256').update(raw).digest('hex');
      expect(sha, `${name}: scenario changed since it was recorded; run record.py ${name}`).toBe(recording.scenario_sha256);
      expect(recording.scenario).toBe(name);
    }
  });

  it('lists kept differences only for existing scenarios', () => {
    for (const d of differences) expect(names, d.line).toContain(d.scenario);
  });

  it.each(names)('%s', async (name) => {
    const { scenario, recording } = load(name);
    const options = scenario.mount_options ?? defaultMountOptions(scenario.layers.length, scenario.readonly ?? false);
    expect(options).toBe(recording.mount_options);
    const actual = await replay(scenario);
    const expected: Observed = structuredClone({
      mount: recording.mount, results: recording.results, merged: recording.merged, upper: recording.upper,
    });
    for (const d of differences.filter((x) => x.scenario === name)) skip(expected, actual, d);
    expect(actual).toEqual(expected);
  });
});
