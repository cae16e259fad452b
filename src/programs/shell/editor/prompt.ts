// Prompts for the line editor. PS1 and PS2 are expanded as dash expands them (parameters,
// command substitution), and, as bash and busybox do for interactive use, backslash escapes are
// decoded first: \u user, \h host, \H full host, \w directory (~ for $HOME), \W its last part,
// \$ (# for root), \n, \r, \a, \e, \\, \NNN octal, and \[ \] around non-printing text (colours).

import { fromBytes, toBytes } from '../bytes.ts';
import { expandPrompt } from '../eval.ts';
import { nameOf } from '../passwd.ts';
import type { Shell } from '../shell.ts';

/** Marks around text that takes no room on the screen (readline's \001 and \002). */
export const START_IGNORE = '\x01';
export const END_IGNORE = '\x02';

/** Protect text so the dash expansion that follows leaves it as it is. */
function literal(s: string): string {
  return s.replace(/[\\$`]/g, '\\$&');
}

/** Decode the backslash escapes, then expand as dash does. Returns a real (Unicode) string. */
export async function renderPrompt(sh: Shell, ps: string): Promise<string> {
  let out = '';
  for (let i = 0; i < ps.length; i++) {
    const c = ps[i]!;
    if (c !== '\\' || i + 1 >= ps.length) {
      out += c;
      continue;
    }
    const e = ps[++i]!;
    switch (e) {
      case 'u': {
        const uid = await sh.sys.geteuid();
        out += literal((await nameOf(sh, uid)) ?? String(uid));
        break;
      }
      case 'h': out += literal(toBytes((await sh.sys.uname()).nodename.split('.')[0]!)); break;
      case 'H': out += literal(toBytes((await sh.sys.uname()).nodename)); break;
      case 'w': case 'W': {
        let dir = sh.curdir ?? '';
        const home = sh.getVar('HOME');
        if (e === 'W' && dir !== '/') dir = dir.slice(dir.lastIndexOf('/') + 1);
        else if (home && home !== '/' && (dir === home || dir.startsWith(`${home}/`))) dir = `~${dir.slice(home.length)}`;
        out += literal(dir);
        break;
      }
      case '$': out += (await sh.sys.geteuid()) === 0 ? '#' : literal('$'); break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\x07'; break;
      case 'e': out += '\x1b'; break;
      case '\\': out += '\\\\'; break;
      case '[': out += START_IGNORE; break;
      case ']': out += END_IGNORE; break;
      case 's': out += literal(sh.arg0.replace(/^.*\//, '')); break;
      default:
        if (e >= '0' && e <= '7') {
          let n = e;
          while (n.length < 3 && ps[i + 1]! >= '0' && ps[i + 1]! <= '7') n += ps[++i];
          out += String.fromCharCode(parseInt(n, 8));
        } else out += `\\${e}`;
    }
  }
  return fromBytes(await expandPrompt(sh, out));
}

/** Columns a prompt takes: escapes and marked non-printing text take none. */
export function promptWidth(p: string): number {
  let width = 0;
  let hidden = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === START_IGNORE) hidden = true;
    else if (c === END_IGNORE) hidden = false;
    else if (hidden) continue;
    else if (c === '\x1b' && p[i + 1] === '[') {
      i += 2;
      while (i < p.length && !/[@-~]/.test(p[i]!)) i++;
    } else if (c === '\n') width = 0;
    else width++;
  }
  return width;
}

/** What is written to the terminal: the prompt without its markers. */
export function promptText(p: string): string {
  return p.replace(/[\x01\x02]/g, '');
}
