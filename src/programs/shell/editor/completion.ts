// Tab completion: the word before the cursor completes as a command name (builtins, functions,
// aliases and programs on PATH) in command position, as a `docker` subcommand after `docker`,
// and otherwise as a path (directories get a trailing slash, dot files only when asked for).

import { isSysError } from '../../../abi/errno.ts';
import { O_DIRECTORY, O_RDONLY } from '../../../abi/open-flags.ts';
import { isDir } from '../../../abi/stat.ts';
import { BUILTINS } from '../builtin-table.ts';
import type { Shell } from '../shell.ts';

export const DOCKER_COMMANDS = [
  'attach', 'build', 'builder', 'commit', 'container', 'cp', 'create', 'diff', 'events', 'exec', 'export',
  'history', 'image', 'images', 'import', 'info', 'inspect', 'kill', 'load', 'login', 'logout', 'logs',
  'network', 'pause', 'port', 'ps', 'pull', 'push', 'rename', 'restart', 'rm', 'rmi', 'run', 'save',
  'search', 'start', 'stats', 'stop', 'system', 'tag', 'top', 'unpause', 'update', 'version', 'volume', 'wait',
];

const KEYWORDS = ['case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'if', 'in', 'then', 'until', 'while'];

export interface Completion {
  /** Start of the word being completed in the line. */
  start: number;
  /** Candidates, each the whole replacement word. */
  matches: string[];
  /** What to add after a single match: ' ' for a finished word, '' after a directory. */
  suffixes: string[];
}

async function listDir(sh: Shell, dir: string): Promise<Array<{ name: string; dir: boolean }>> {
  let fd: number;
  try {
    fd = await sh.sys.open(dir || '.', O_RDONLY | O_DIRECTORY);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return [];
  }
  try {
    const entries = await sh.sys.getdents(fd);
    const out: Array<{ name: string; dir: boolean }> = [];
    for (const e of entries) {
      if (e.name === '.' || e.name === '..') continue;
      let d = e.type === 'dir';
      if (e.type === 'symlink') {
        try {
          d = isDir((await sh.sys.stat(`${dir || '.'}/${e.name}`)).mode);
        } catch (err) {
          if (!isSysError(err)) throw err;
        }
      }
      out.push({ name: e.name, dir: d });
    }
    return out;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return [];
  } finally {
    await sh.sys.close(fd).catch((e: unknown) => {
      if (!isSysError(e)) throw e;
    });
  }
}

/** Where the word under the cursor starts, and whether it is in command position. */
function wordAt(line: string, cursor: number): { start: number; command: boolean; words: string[] } {
  let start = cursor;
  while (start > 0 && !/[\s;&|()<>]/.test(line[start - 1]!)) start--;
  const before = line.slice(0, start);
  const tail = before.replace(/\s+$/, '');
  const lastSep = Math.max(tail.lastIndexOf(';'), tail.lastIndexOf('&'), tail.lastIndexOf('|'), tail.lastIndexOf('('));
  const segment = tail.slice(lastSep + 1).trim();
  const words = segment ? segment.split(/\s+/) : [];
  const command = words.length === 0 || (words.length > 0 && KEYWORDS.includes(words[words.length - 1]!) && words.length === 1);
  return { start, command, words };
}

export async function complete(sh: Shell, line: string, cursor: number): Promise<Completion> {
  const { start, command, words } = wordAt(line, cursor);
  const word = line.slice(start, cursor);
  if (words.length === 1 && words[0] === 'docker' && !word.startsWith('-')) {
    const m = DOCKER_COMMANDS.filter((c) => c.startsWith(word));
    return { start, matches: m, suffixes: m.map(() => ' ') };
  }
  if (command && !word.includes('/')) {
    const names = new Set<string>();
    for (const n of BUILTINS.keys()) names.add(n);
    for (const n of sh.funcs.keys()) names.add(n);
    for (const n of sh.aliases.keys()) names.add(n);
    for (const n of KEYWORDS) names.add(n);
    for (const dir of (sh.getVar('PATH') ?? '').split(':')) {
      if (!dir) continue;
      for (const e of await listDir(sh, dir)) if (!e.dir) names.add(e.name);
    }
    const m = [...names].filter((n) => n.startsWith(word)).sort();
    return { start, matches: m, suffixes: m.map(() => ' ') };
  }
  // A path: complete the last component inside its directory.
  let expanded = word;
  const home = sh.getVar('HOME') ?? '';
  if (word.startsWith('~/')) expanded = home + word.slice(1);
  const slash = expanded.lastIndexOf('/');
  const dir = slash >= 0 ? expanded.slice(0, slash + 1) : '';
  const prefix = expanded.slice(slash + 1);
  const entries = (await listDir(sh, dir === '' ? '.' : dir)).filter((e) => e.name.startsWith(prefix) && (prefix.startsWith('.') || !e.name.startsWith('.')));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const shown = word.slice(0, word.length - prefix.length);
  return {
    start,
    matches: entries.map((e) => shown + e.name + (e.dir ? '/' : '')),
    suffixes: entries.map((e) => (e.dir ? '' : ' ')),
  };
}

/** The longest common prefix of the candidates. */
export function commonPrefix(list: string[]): string {
  if (list.length === 0) return '';
  let p = list[0]!;
  for (const s of list) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}
