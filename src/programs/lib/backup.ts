// Backups of files about to be replaced, as cp, mv, ln and install make them with -b,
// --backup[=CONTROL] and -S SUFFIX (gnulib's backupfile): simple (NAME~), numbered (NAME.~N~),
// existing (numbered if the file has numbered backups already, else simple), or none. CONTROL
// defaults to $VERSION_CONTROL, the suffix to $SIMPLE_BACKUP_SUFFIX, then "~".

import { isSysError } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import { argmatch } from './argmatch.ts';
import { localeIsUtf8 } from './locale.ts';
import type { Parsed } from './options.ts';
import { listDir } from './walk.ts';

export type BackupType = 'none' | 'simple' | 'existing' | 'numbered';

const CONTROLS: [string, BackupType][] = [
  ['none', 'none'], ['off', 'none'], ['simple', 'simple'], ['never', 'simple'],
  ['existing', 'existing'], ['nil', 'existing'], ['numbered', 'numbered'], ['t', 'numbered'],
];

export interface Backup {
  type: BackupType;
  suffix: string;
}

/**
 * The backup settings the options ask for (keys 'backup', 'b', 'suffix'), or GNU's message when
 * a CONTROL word is wrong (the caller adds the Try line).
 */
export function backupSettings(sys: Sys, program: string, args: Parsed): Backup | { error: string } {
  const utf8 = localeIsUtf8((n) => sys.getenv(n));
  let suffix = sys.getenv('SIMPLE_BACKUP_SUFFIX') || '~';
  const given = args.value('suffix');
  if (given !== undefined) suffix = given;
  if (suffix.includes('/')) suffix = '~';
  const wanted = args.has('backup') || args.has('b') || given !== undefined;
  if (!wanted) return { type: 'none', suffix };
  // The last --backup=CONTROL decides; -b and a bare --backup mean $VERSION_CONTROL.
  const control = args.options.filter((o) => o.key === 'backup' && o.value !== undefined).pop()?.value;
  if (control !== undefined) {
    const m = argmatch(program, 'backup type', control, CONTROLS, utf8);
    if ('error' in m) return m;
    return { type: m.value, suffix };
  }
  const env = sys.getenv('VERSION_CONTROL');
  if (env === undefined || env === '') return { type: 'existing', suffix };
  const m = argmatch(program, '$VERSION_CONTROL', env, CONTROLS, utf8);
  if ('error' in m) return m;
  return { type: m.value, suffix };
}

/** The name a backup of `path` gets, or null when no backup is to be made. */
export async function backupName(sys: Sys, path: string, backup: Backup): Promise<string | null> {
  if (backup.type === 'none') return null;
  if (backup.type === 'simple') return path + backup.suffix;
  const slash = path.lastIndexOf('/');
  const dir = slash < 0 ? '.' : path.slice(0, slash + 1) || '/';
  const base = path.slice(slash + 1);
  let highest = 0;
  try {
    for (const e of await listDir(sys, dir)) {
      if (!e.name.startsWith(`${base}.~`) || !e.name.endsWith('~')) continue;
      const n = e.name.slice(base.length + 2, -1);
      if (/^[1-9]\d*$/.test(n)) highest = Math.max(highest, Number(n));
    }
  } catch (e) {
    // An unreadable directory has no numbered backups we can see.
    if (!isSysError(e)) throw e;
  }
  if (backup.type === 'existing' && highest === 0) return path + backup.suffix;
  return `${path}.~${highest + 1}~`;
}
