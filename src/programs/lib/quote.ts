// How GNU tools quote file names in messages: `'name'` always for "cannot access 'x'", and only
// when needed for "cat: x: ..." (locale C: shell-escape style, so a quote inside switches to
// double quotes and control characters become $'\n' escapes).

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Always quoted: 'a b', "it's", 'x'$'\n''y'. */
export function quote(s: string): string {
  if (/[\x00-\x1f\x7f]/.test(s)) {
    return s.split(/([\x00-\x1f\x7f]+)/).filter((p) => p !== '').map((p, i) => (i % 2 === 0 && !/^[\x00-\x1f\x7f]/.test(p) ? quote(p) : `$'${[...p].map(escapeControl).join('')}'`)).join('');
  }
  if (!s.includes("'")) return `'${s}'`;
  if (!/["$`\\]/.test(s)) return `"${s}"`;
  return `'${s.replace(/'/g, "'\\''")}'`;
}

/** Quoted only if the name would be ambiguous unquoted (spaces, quotes, control characters). */
export function quoteIfNeeded(s: string): string {
  return SAFE.test(s) ? s : quote(s);
}

function escapeControl(c: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\x1b': '\\E' };
  return named[c] ?? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`;
}
