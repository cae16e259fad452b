// A parsed command turned back into text, for `jobs` and job notices (dash's commandtext):
// words as they were written, lists and compound commands in their one-line form.

import type { Node, Redir, Word, WordPart } from './ast.ts';

function partsText(parts: WordPart[], inDq = false): string {
  let s = '';
  for (const p of parts) {
    switch (p.k) {
      case 'lit': s += p.s; break;
      case 'sq': s += inDq ? p.s : `'${p.s}'`; break;
      case 'dq': s += `"${partsText(p.parts, true)}"`; break;
      case 'param': {
        if (p.op === '' ) s += `\${${p.name}}`;
        else if (p.op === 'len') s += `\${#${p.name}}`;
        else if (p.op === 'bad') s += '${...}';
        else s += `\${${p.name}${p.colon ? ':' : ''}${p.op}${partsText(p.word, inDq)}}`;
        break;
      }
      case 'cmd': s += `$(${p.body ? cmdText(p.body) : ''})`; break;
      case 'arith': s += `$((${partsText(p.parts, true)}))`; break;
    }
  }
  return s;
}

export function wordText(w: Word): string {
  return w.plain ?? partsText(w.parts);
}

function redirText(r: Redir): string {
  const def = r.op === '<' || r.op === '<<' || r.op === '<<-' || r.op === '<>' || r.op === '<&' ? 0 : 1;
  const fd = r.fd === def ? '' : String(r.fd);
  return `${fd}${r.op}${wordText(r.target)}`;
}

export function cmdText(n: Node): string {
  switch (n.t) {
    case 'cmd':
      return [...n.assigns.map(wordText), ...n.args.map(wordText), ...n.redirs.map(redirText)].join(' ');
    case 'pipe':
      return n.cmds.map(cmdText).join(' | ');
    case 'not':
      return `! ${cmdText(n.body)}`;
    case 'and':
      return `${cmdText(n.a)} && ${cmdText(n.b)}`;
    case 'or':
      return `${cmdText(n.a)} || ${cmdText(n.b)}`;
    case 'semi':
      return `${cmdText(n.a)}; ${cmdText(n.b)}`;
    case 'redir':
      return `${cmdText(n.body)} ${n.redirs.map(redirText).join(' ')}`;
    case 'bg':
      return cmdText(n.body);
    case 'subshell':
      return `(${cmdText(n.body)})${n.redirs.length ? ' ' + n.redirs.map(redirText).join(' ') : ''}`;
    case 'if': {
      let s = `if ${cmdText(n.test)}; then ${cmdText(n.then)}`;
      if (n.else) s += `; else ${cmdText(n.else)}`;
      return `${s}; fi`;
    }
    case 'while': case 'until':
      return `${n.t} ${cmdText(n.test)}; do ${cmdText(n.body)}; done`;
    case 'for':
      return `for ${n.name}${n.words ? ` in ${n.words.map(wordText).join(' ')}` : ''}; do ${cmdText(n.body)}; done`;
    case 'case':
      return `case ${wordText(n.word)} in ${n.items.map((i) => `${i.patterns.map(wordText).join(' | ')}) ${i.body ? cmdText(i.body) : ''};;`).join(' ')} esac`;
    case 'defun':
      return `${n.name}() ${cmdText(n.body)}`;
  }
}
