// The benchmark runner: `npm run bench -- NAME...` runs bench/groups/NAME.ts, every group when no
// name is given. Prints each group's figures as a table and writes .bench/NAME.json.
// Exits 1 when a group fails, or (with --strict) when a figure misses its goal.

import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchGroup, type Figure, goalMet } from './lib/group.ts';
import { formatTable, writeJson } from './lib/report.ts';

const here = dirname(fileURLToPath(import.meta.url));
const groupsDir = join(here, 'groups');
const outDir = join(here, '..', '.bench');

async function allGroups(): Promise<string[]> {
  const files = await readdir(groupsDir);
  return files.filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
}

async function loadGroup(name: string): Promise<BenchGroup> {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(name)) throw new Error(`bad group name '${name}'`);
  const mod = (await import(pathToFileURL(join(groupsDir, `${name}.ts`)).href)) as Partial<BenchGroup>;
  if (typeof mod.run !== 'function') throw new Error(`bench/groups/${name}.ts exports no run(ctx)`);
  return { description: mod.description ?? '', run: mod.run };
}

async function runGroup(name: string): Promise<{ figures: Figure[]; failed: boolean }> {
  const figures: Figure[] = [];
  const start = performance.now();
  let failed = false;
  try {
    const group = await loadGroup(name);
    console.log(`-- ${name}: ${group.description}`);
    await group.run({
      report: (f) => {
        figures.push(f);
        console.log(`   ${f.name} = ${f.value} ${f.unit}`);
      },
      log: (m) => console.log(`   ${m}`),
    });
  } catch (e) {
    failed = true;
    console.error(`bench ${name} failed:`, e);
  }
  const elapsed = performance.now() - start;
  console.log(formatTable(name, figures, elapsed));
  if (figures.length > 0) console.log(`wrote ${await writeJson(outDir, name, figures, elapsed)}`);
  return { figures, failed };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const strict = args.includes('--strict');
  const names = args.filter((a) => !a.startsWith('--'));
  const known = await allGroups();
  const chosen = names.length > 0 ? names : known;
  const unknown = chosen.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    console.error(`unknown bench group(s): ${unknown.join(', ')}; known: ${known.join(', ')}`);
    return 2;
  }
  let status = 0;
  for (const name of chosen) {
    const { figures, failed } = await runGroup(name);
    if (failed) status = 1;
    if (strict && figures.some((f) => f.goal && !goalMet(f.value, f.goal))) status = 1;
  }
  return status;
}

// Exit when the groups are done: machines a group leaves behind (containers sleeping on the
// kernel's timers) must not keep Node running.
process.exit(await main());
