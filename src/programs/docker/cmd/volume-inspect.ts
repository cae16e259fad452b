// docker volume inspect: each volume's document as one indented JSON array, or each through
// the -f template; a missing one is the engine's "get NAME: no such volume", status 1.

import { VolumeStore } from '../../../runtime/volumes/volume-store.ts';
import type { DockerCommand } from '../command.ts';
import type { CliExit, ParsedFlags } from '../format/cli.ts';
import { goOrder, indentJson, inspectTemplate } from '../format/inspect.ts';
import { finish } from '../format/state.ts';
import { TemplateError } from '../format/template.ts';
import type { VolumeView } from '../format/volumes.ts';
import { type CommandDef, parseCommand } from './command-line.ts';

export const VOLUME_INSPECT: CommandDef = { name: 'volume inspect', flags: ['format'], args: { min: 1 } };

/** The CLI's output for the volumes found by `get` (null: no such volume). */
export function renderVolumeInspect(get: (name: string) => VolumeView | null, flags: ParsedFlags): CliExit {
  const format = flags.str('format');
  const parsed = inspectTemplate(format);
  if (!('tmpl' in parsed)) return parsed;
  const { tmpl } = parsed;
  const docs: unknown[] = [];
  let stdout = '';
  let stderr = '';
  for (const name of flags.operands) {
    const v = get(name);
    if (!v) {
      stderr += `Error response from daemon: get ${name}: no such volume\n`;
      continue;
    }
    const { UsageData: _u, ...doc } = v;
    if (!tmpl) {
      docs.push(doc);
      continue;
    }
    try {
      stdout += `${tmpl.execute(goOrder(doc))}\n`;
    } catch (e) {
      if (e instanceof TemplateError) return { stdout, stderr: `${stderr}template parsing error: ${e.message}\n`, status: 1 };
      throw e;
    }
  }
  if (!tmpl) stdout = format === 'json' ? `${JSON.stringify(goOrder(docs))}\n` : indentJson(docs);
  return { stdout, stderr, status: stderr ? 1 : 0 };
}

const inspect: DockerCommand = async (ctx) => {
  const f = await parseCommand(ctx, VOLUME_INSPECT);
  if (typeof f === 'number') return f;
  const store = new VolumeStore(ctx.sys, ctx.root);
  const found = new Map<string, VolumeView | null>();
  for (const name of f.operands) found.set(name, await store.get(name));
  return finish(ctx.sys, renderVolumeInspect((n) => found.get(n) ?? null, f));
};

export default inspect;
