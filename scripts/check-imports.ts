// The import-rule check of `npm test`: reads every .ts file under src/, finds each import, re-export
// and import(), and reports every one that DESIGN.md's layer table forbids, as file:line, the
// specifier and the rule. Exits 1 when anything is reported. Usage: tsx scripts/check-imports.ts [--root DIR]

import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brokenRule, resolveSpecifier, type Target } from './import-rules/layer-rules.ts';
import { scanImports } from './import-rules/scan-imports.ts';

export interface SourceFile {
  /** Project-relative path with '/' separators, e.g. 'src/kernel/fs/vfs/vfs.ts'. */
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  rule: string;
}

export interface CheckResult {
  files: number;
  imports: number;
  violations: Violation[];
}

export function checkImports(files: readonly SourceFile[]): CheckResult {
  const violations: Violation[] = [];
  let imports = 0;
  for (const file of files) {
    for (const ref of scanImports(file.text)) {
      imports++;
      let rule: string | undefined;
      if (ref.computed) {
        rule = 'import() of a computed specifier cannot be checked; use a string or template literal';
      } else {
        const target = resolveSpecifier(file.path, ref.specifier);
        rule = brokenRule(file.path, target) ?? valueImportOfSys(file.path, target, ref.kind);
      }
      if (rule !== undefined) {
        const shown = ref.partial && !ref.computed ? `${ref.specifier}\${...}` : ref.specifier;
        violations.push({ file: file.path, line: ref.line, specifier: shown, rule });
      }
    }
  }
  return { files: files.length, imports, violations };
}

/**
 * Programs take Sys as a type only (the registry, which makes the Sys of each process, aside): a
 * program chunk importing sys.ts for a value, or through `import { type Sys }` (which keeps a
 * side-effect import), makes the bundler split the modules sys.ts imports out of the kernel
 * worker's first script, one more request before the worker runs.
 */
function valueImportOfSys(from: string, target: Target, kind: string): string | undefined {
  if (target.kind !== 'local' || target.path !== 'src/sys/sys.ts' || !from.startsWith('src/programs/') || from === 'src/programs/registry.ts') return undefined;
  if (kind === 'import-type') return undefined;
  return 'programs import sys/sys.ts with `import type` only (a value import splits the kernel worker\'s first script)';
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile() && /\.tsx?$/.test(entry.name)) yield full;
  }
}

/** Reads every .ts file under root/src (sorted, so the report is stable). */
export async function loadSources(root: string): Promise<SourceFile[]> {
  const paths: string[] = [];
  for await (const full of walk(join(root, 'src'))) paths.push(full);
  paths.sort();
  return Promise.all(
    paths.map(async (full) => ({ path: relative(root, full).split(sep).join('/'), text: await readFile(full, 'utf8') })),
  );
}

export function formatViolation(v: Violation): string {
  return `${v.file}:${v.line}: import '${v.specifier}'\n    breaks: ${v.rule}`;
}

async function main(argv: string[]): Promise<number> {
  const rootFlag = argv.indexOf('--root');
  const defaultRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
  const root = rootFlag === -1 ? defaultRoot : resolve(argv[rootFlag + 1] ?? '.');
  const result = checkImports(await loadSources(root));
  for (const v of result.violations) console.error(formatViolation(v));
  const summary = `${result.files} files, ${result.imports} imports`;
  if (result.violations.length > 0) {
    console.error(`check-imports: FAIL: ${result.violations.length} import(s) break DESIGN.md's layer rules (${summary})`);
    return 1;
  }
  console.log(`check-imports: ok (${summary})`);
  return 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
