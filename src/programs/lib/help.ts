// --help and --version text, drawn from a program's metadata in the layout GNU tools use: the
// synopsis, a summary, then one line per option with its help aligned at column 30. The
// sentences are cowbox's own; the layout and the version line are what learners know.

import type { OptionSpec, ProgramMeta } from './meta.ts';
import { allOptions } from './options.ts';

function optionColumn(spec: OptionSpec): string {
  const argText = spec.argName ? (spec.arg === 'optional' ? `[=${spec.argName}]` : spec.long ? `=${spec.argName}` : ` ${spec.argName}`) : '';
  const short = spec.short ? `-${spec.short}${spec.long ? ', ' : argText}` : '    ';
  const long = spec.long ? `--${spec.long}${argText}` : '';
  return `  ${short}${long}`;
}

export function helpText(meta: ProgramMeta): string {
  const lines: string[] = [];
  meta.usage.forEach((u, i) => lines.push(`${i === 0 ? 'Usage:' : '  or: '} ${meta.name}${u ? ` ${u}` : ''}`));
  lines.push(meta.summary, '');
  const specs = allOptions(meta).filter((s) => s.help);
  if (specs.some((s) => s.arg === 'required' && s.short && s.long)) {
    lines.push('Mandatory arguments to long options are mandatory for short options too.');
  }
  for (const spec of specs) {
    const left = optionColumn(spec);
    const [first, ...rest] = spec.help.split('\n');
    if (left.length < 29) lines.push(`${left.padEnd(29)}${first}`);
    else lines.push(left, `${' '.repeat(29)}${first}`);
    for (const more of rest) lines.push(`${' '.repeat(31)}${more}`);
  }
  if (meta.epilog) lines.push('', meta.epilog);
  return lines.join('\n') + '\n';
}

export function versionText(meta: ProgramMeta): string {
  if (meta.style === 'procps') return `${meta.name} from ${meta.package} ${meta.version}\n`;
  if (meta.style === 'util-linux') return `${meta.name} from ${meta.package} ${meta.version}\n`;
  const head = meta.package === meta.name ? `${meta.name} ${meta.version}` : `${meta.name} (${meta.package}) ${meta.version}`;
  return `${head}\nThis is cowbox's simulation of ${meta.name}; it runs in the browser's simulated kernel.\n`;
}
