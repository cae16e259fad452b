// Finds every module specifier a TypeScript source names: static imports (value and type),
// re-exports, import-equals-require and dynamic import(). A small lexer skips comments, strings,
// template text and regular expressions, so an import written inside any of them is not counted.

export type ImportKind = 'import' | 'import-type' | 'export-from' | 'dynamic';

export interface ImportRef {
  /** The specifier as written; for a template literal with substitutions, its fixed prefix. */
  specifier: string;
  line: number;
  kind: ImportKind;
  /** True when only part of the specifier is known (template prefix) or none of it (expression). */
  partial?: boolean;
  /** True when import() is given an expression whose value cannot be read from the source. */
  computed?: boolean;
}

interface Token {
  type: 'id' | 'str' | 'tpl' | 'punct' | 'num' | 'regex';
  value: string;
  line: number;
  /** For templates: whether the literal has ${...} substitutions. */
  substituted?: boolean;
}

// After these words an expression starts, so a `/` opens a regular expression, not a division.
const EXPRESSION_KEYWORDS = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else',
  'yield', 'await',
]);

function isIdStart(c: string): boolean {
  return /[A-Za-z_$]/.test(c) || c.charCodeAt(0) > 127;
}

function isIdPart(c: string): boolean {
  return /[\w$]/.test(c) || c.charCodeAt(0) > 127;
}

function unescape(raw: string): string {
  return raw.replace(/\\(.)/gs, '$1');
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // One entry per open `{`: 'brace' for a block or object, 'tpl' for a template's `${`.
  const braces: Array<'brace' | 'tpl'> = [];
  let i = 0;
  let line = 1;

  const regexAllowed = (): boolean => {
    const prev = tokens[tokens.length - 1];
    if (prev === undefined) return true;
    if (prev.type === 'id') return EXPRESSION_KEYWORDS.has(prev.value);
    if (prev.type === 'punct') return !(prev.value === ')' || prev.value === ']' || prev.value === '}');
    return false;
  };

  // Reads template text from i (just after ` or }) up to the closing ` or the next ${.
  const readTemplatePart = (): { text: string; opensSubstitution: boolean } => {
    let textOut = '';
    while (i < text.length) {
      const c = text[i]!;
      if (c === '\\') {
        textOut += text[i + 1] ?? '';
        if (text[i + 1] === '\n') line++;
        i += 2;
      } else if (c === '`') {
        i++;
        return { text: textOut, opensSubstitution: false };
      } else if (c === '$' && text[i + 1] === '{') {
        i += 2;
        braces.push('tpl');
        return { text: textOut, opensSubstitution: true };
      } else {
        if (c === '\n') line++;
        textOut += c;
        i++;
      }
    }
    return { text: textOut, opensSubstitution: false };
  };

  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      for (let k = i; k < stop; k++) if (text[k] === '\n') line++;
      i = stop;
    } else if (c === "'" || c === '"') {
      const startLine = line;
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      tokens.push({ type: 'str', value: unescape(text.slice(i + 1, j)), line: startLine });
      i = j + 1;
    } else if (c === '`') {
      const startLine = line;
      i++;
      const part = readTemplatePart();
      tokens.push({ type: 'tpl', value: part.text, line: startLine, substituted: part.opensSubstitution });
    } else if (c === '{') {
      braces.push('brace');
      tokens.push({ type: 'punct', value: c, line });
      i++;
    } else if (c === '}') {
      i++;
      if (braces.pop() === 'tpl') {
        // Back inside the template: its later text never names a module, so it is skipped
        // (a further ${ pushes another 'tpl' entry and lexing resumes inside it).
        readTemplatePart();
      } else {
        tokens.push({ type: 'punct', value: c, line });
      }
    } else if (isIdStart(c)) {
      let j = i + 1;
      while (j < text.length && isIdPart(text[j]!)) j++;
      tokens.push({ type: 'id', value: text.slice(i, j), line });
      i = j;
    } else if (/[0-9]/.test(c) || (c === '.' && next !== undefined && /[0-9]/.test(next))) {
      let j = i + 1;
      while (j < text.length && /[\w.]/.test(text[j]!)) j++;
      tokens.push({ type: 'num', value: text.slice(i, j), line });
      i = j;
    } else if (c === '/' && regexAllowed()) {
      let j = i + 1;
      let inClass = false;
      while (j < text.length && text[j] !== '\n') {
        const r = text[j]!;
        if (r === '\\') j++;
        else if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
        j++;
      }
      j++;
      while (j < text.length && isIdPart(text[j]!)) j++;
      tokens.push({ type: 'regex', value: text.slice(i, j), line });
      i = j;
    } else {
      tokens.push({ type: 'punct', value: c, line });
      i++;
    }
  }
  return tokens;
}

function isPunct(t: Token | undefined, value: string): boolean {
  return t !== undefined && t.type === 'punct' && t.value === value;
}

function isId(t: Token | undefined, value: string): boolean {
  return t !== undefined && t.type === 'id' && t.value === value;
}

// From `start`, looks for `from 'x'` (or `require('x')`) before the statement ends.
function findFromClause(tokens: Token[], start: number): Token | undefined {
  for (let j = start; j < tokens.length && j < start + 500; j++) {
    const t = tokens[j]!;
    if (isPunct(t, ';')) return undefined;
    if (t.type === 'id' && (t.value === 'import' || t.value === 'export') && j > start) return undefined;
    if (isId(t, 'from') && tokens[j + 1]?.type === 'str') return tokens[j + 1];
    if (isId(t, 'require') && isPunct(tokens[j + 1], '(') && tokens[j + 2]?.type === 'str') return tokens[j + 2];
  }
  return undefined;
}

export function scanImports(text: string): ImportRef[] {
  const tokens = tokenize(text);
  const found: ImportRef[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'id' || (t.value !== 'import' && t.value !== 'export')) continue;
    const prev = tokens[i - 1];
    if (isPunct(prev, '.')) continue; // a property such as obj.import
    const next = tokens[i + 1];
    if (t.value === 'import') {
      if (isPunct(next, '(')) {
        const arg = tokens[i + 2];
        const closes = isPunct(tokens[i + 3], ')') || isPunct(tokens[i + 3], ',');
        if (arg?.type === 'str' && closes) {
          found.push({ specifier: arg.value, line: t.line, kind: 'dynamic' });
        } else if (arg?.type === 'tpl' && (arg.substituted || !closes)) {
          found.push({ specifier: arg.value, line: t.line, kind: 'dynamic', partial: true });
        } else if (arg?.type === 'tpl') {
          found.push({ specifier: arg.value, line: t.line, kind: 'dynamic' });
        } else {
          found.push({ specifier: '', line: t.line, kind: 'dynamic', partial: true, computed: true });
        }
      } else if (next?.type === 'str') {
        found.push({ specifier: next.value, line: t.line, kind: 'import' });
      } else if (next?.type === 'id' || isPunct(next, '{') || isPunct(next, '*')) {
        const spec = findFromClause(tokens, i + 1);
        const typeOnly = isId(next, 'type') && !isId(tokens[i + 2], 'from') && !isPunct(tokens[i + 2], ',');
        if (spec) found.push({ specifier: spec.value, line: t.line, kind: typeOnly ? 'import-type' : 'import' });
      }
    } else {
      const opensList = isPunct(next, '*') || isPunct(next, '{');
      const typeList = isId(next, 'type') && (isPunct(tokens[i + 2], '{') || isPunct(tokens[i + 2], '*'));
      if (opensList || typeList) {
        const spec = findFromClause(tokens, i + 1);
        if (spec) found.push({ specifier: spec.value, line: t.line, kind: 'export-from' });
      }
    }
  }
  return found;
}
