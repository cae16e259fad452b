// Vim's search patterns ('magic' on, the default) turned into JavaScript regular expressions:
// the common subset a learner types (. * [] ^ $, \+ \? \= \| \( \) \{n,m} \< \> \s \d \w, \c \C).
// ^ and $ are anchors only at the ends of a branch, as in vim; elsewhere they are plain characters.

export function vimPattern(pat: string): RegExp {
  let out = '';
  let flags = '';
  let atStart = true;
  for (let i = 0; i < pat.length; i++) {
    const ch = pat[i]!;
    const wasStart = atStart;
    atStart = false;
    if (ch === '\\') {
      const n = pat[++i];
      if (n === undefined) {
        out += '\\\\';
        break;
      }
      switch (n) {
        case '+': case '?': case '|': case '(': case ')':
          out += n;
          if (n === '|' || n === '(') atStart = true;
          break;
        case '=': out += '?'; break;
        case '{': {
          const close = pat.indexOf('}', i);
          if (close < 0) {
            out += '\\{';
            break;
          }
          let body = pat.slice(i + 1, close);
          if (body.startsWith('-')) body = body.slice(1);
          if (body.endsWith('\\')) body = body.slice(0, -1);
          out += `{${body === '' ? '0,' : body.startsWith(',') ? '0' + body : body}}`;
          i = close;
          break;
        }
        case '<': out += '(?<![\\p{L}\\p{N}_])(?=[\\p{L}\\p{N}_])'; break;
        case '>': out += '(?<=[\\p{L}\\p{N}_])(?![\\p{L}\\p{N}_])'; break;
        case 's': case 'S': case 'd': case 'D': case 'w': case 'W': out += '\\' + n; break;
        case 'a': out += '[A-Za-z]'; break;
        case 'A': out += '[^A-Za-z]'; break;
        case 'l': out += '[a-z]'; break;
        case 'u': out += '[A-Z]'; break;
        case 'x': out += '[0-9A-Fa-f]'; break;
        case 't': out += '\\t'; break;
        case 'e': out += '\\x1b'; break;
        case 'c': flags = 'i'; break;
        case 'C': flags = ''; break;
        default: out += escapeLiteral(n);
      }
      continue;
    }
    if (ch === '^') out += wasStart ? '^' : '\\^';
    else if (ch === '$') {
      const rest = pat.slice(i + 1);
      out += rest === '' || rest.startsWith('\\|') || rest.startsWith('\\)') ? '$' : '\\$';
    } else if (ch === '*') out += wasStart ? '\\*' : '*';
    else if (ch === '[') {
      const close = pat.indexOf(']', i + (pat[i + 1] === '^' ? 3 : 2));
      if (close < 0) out += '\\[';
      else {
        out += '[' + pat.slice(i + 1, close).replace(/\\(?![\]\\^-])/g, '\\\\').replace(/\[/g, '\\[') + ']';
        i = close;
      }
    } else if (ch === '~') out += '~';
    else if ('+?|(){}/'.includes(ch)) out += '\\' + ch;
    else out += ch;
  }
  return new RegExp(out, 'gu' + flags);
}

function escapeLiteral(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? '\\' + ch : ch;
}

export interface Match {
  line: number;
  col: number;
  wrapped: boolean;
}

/** The next match after (line, col) forward or before it backward, wrapping round the buffer. */
export function searchFrom(lines: string[], re: RegExp, line: number, col: number, forward: boolean): Match | null {
  const n = lines.length;
  const firstIn = (text: string, from: number): number => {
    re.lastIndex = from;
    for (;;) {
      const m = re.exec(text);
      if (!m) return -1;
      return m.index;
    }
  };
  const lastIn = (text: string, before: number): number => {
    let found = -1;
    re.lastIndex = 0;
    for (;;) {
      const m = re.exec(text);
      if (!m || m.index >= before) return found;
      found = m.index;
      re.lastIndex = m.index + Math.max(1, m[0].length === 0 ? 1 : 1);
    }
  };
  if (forward) {
    for (let k = 0; k <= n; k++) {
      const l = (line + k) % n;
      const text = lines[l]!;
      const from = k === 0 ? col + 1 : 0;
      if (from > text.length) continue;
      const c = firstIn(text, from);
      if (c >= 0 && !(k === n && c > col)) return { line: l, col: c, wrapped: line + k >= n };
    }
  } else {
    for (let k = 0; k <= n; k++) {
      const l = (((line - k) % n) + n) % n;
      const text = lines[l]!;
      const c = lastIn(text, k === 0 ? col : Infinity);
      if (c >= 0) return { line: l, col: c, wrapped: line - k < 0 };
    }
  }
  return null;
}
