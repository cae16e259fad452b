// Prints the kernel's syscall table (name, support level, note) as a Markdown table, from the
// table itself, so the list in the docs is never out of date: `npm run syscalls`.

import { buildSyscallTable } from '../src/kernel/syscalls/table.ts';

export function syscallListing(): string {
  const rows = [...buildSyscallTable().values()].sort((a, b) => a.name.localeCompare(b.name));
  const lines = ['| syscall | support | note |', '|---|---|---|'];
  for (const e of rows) lines.push(`| ${e.name} | ${e.support} | ${e.note.replace(/\|/g, '\\|')} |`);
  const full = rows.filter((e) => e.support === 'full').length;
  const partial = rows.filter((e) => e.support === 'partial').length;
  lines.push('', `${rows.length} calls: ${full} full, ${partial} partial, ${rows.length - full - partial} answer ENOSYS.`);
  return lines.join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(syscallListing());
