// .dockerignore (moby/patternmatcher): one pattern a line, `#` in column 1 a comment, lines
// trimmed, `!` for an exception, each pattern cleaned like filepath.Clean with a leading `/`
// dropped. Matching is filepath.Match per path component plus `**` for any number of
// directories; a pattern that matches a directory excludes everything below it; the last
// matching line decides.

export interface IgnorePattern {
  /** The cleaned pattern. */
  pattern: string;
  exclusion: boolean;
  regexp: RegExp;
  /** Directory prefixes of the pattern (to know when a parent matching decides). */
  dirs: string[];
}

/** Go's filepath.Clean for a slash path. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const c of p.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(c);
  }
  const s = out.join('/');
  return rooted ? '/' + s : s || '.';
}

/** Reads a .dockerignore file into patterns (moby's ignorefile.ReadAll). */
export function readDockerignore(text: string): string[] {
  const out: string[] = [];
  let first = true;
  for (let line of text.split('\n')) {
    if (first) {
      line = line.replace(/^\uFEFF/, '');
      first = false;
    }
    if (line.startsWith('#')) continue;
    line = line.trim();
    if (line === '') continue;
    let invert = false;
    if (line.startsWith('!')) {
      invert = true;
      line = line.slice(1).trim();
    }
    if (line.length > 0) {
      line = cleanPath(line);
      if (line.length > 1 && line.startsWith('/')) line = line.slice(1);
    }
    out.push(invert ? '!' + line : line);
  }
  return out;
}

const reEscape = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** A pattern as a regular expression (patternmatcher's compile). */
function compile(pattern: string): RegExp {
  let re = '^';
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '*') {
      if (chars[i + 1] === '*') {
        i++;
        if (chars[i + 1] === '/') i++;
        if (i + 1 >= chars.length) re += '.*';
        else re += '(.*/)?';
        // `**` at the very end matches everything; `**/` any number of directories.
      } else {
        re += '[^/]*';
      }
    } else if (ch === '?') {
      re += '[^/]';
    } else if (ch === '\\') {
      if (i + 1 < chars.length) re += reEscape(chars[++i]!);
      else re += '\\\\';
    } else if (ch === '[') {
      let j = i + 1;
      let cls = '[';
      if (chars[j] === '^' || chars[j] === '!') {
        cls += '^';
        j++;
      }
      let closed = false;
      for (; j < chars.length; j++) {
        const c = chars[j]!;
        if (c === ']' && j > i + 1) {
          closed = true;
          break;
        }
        if (c === '\\' && j + 1 < chars.length) cls += reEscape(chars[++j]!);
        else cls += c === '/' ? '' : c.replace(/[\]\\^]/g, '\\$&');
      }
      if (!closed) throw new Error('syntax error in pattern');
      re += cls + ']';
      i = j;
    } else {
      re += reEscape(ch);
    }
  }
  return new RegExp(re + '$', 'su');
}

export class DockerIgnore {
  readonly patterns: IgnorePattern[];
  constructor(lines: readonly string[]) {
    this.patterns = [];
    for (const raw of lines) {
      const exclusion = raw.startsWith('!');
      const p = exclusion ? raw.slice(1) : raw;
      if (p === '') continue;
      const pattern = cleanPath(p).replace(/^\/+/, '');
      this.patterns.push({ pattern, exclusion, regexp: compile(pattern), dirs: pattern.split('/') });
    }
  }

  static parse(text: string): DockerIgnore {
    return new DockerIgnore(readDockerignore(text));
  }

  get hasExclusions(): boolean {
    return this.patterns.some((p) => p.exclusion);
  }

  /**
   * Whether a context-relative path ("a/b.txt") is excluded. A path is also excluded when one
   * of its parent directories matches (patternmatcher's MatchesOrParentMatches).
   */
  excluded(path: string): boolean {
    const file = cleanPath(path).replace(/^\/+/, '');
    const parents = file.split('/');
    let matched = false;
    for (const p of this.patterns) {
      if (p.exclusion !== matched) continue;
      let match = p.regexp.test(file);
      if (!match) {
        for (let i = 1; i < parents.length; i++) {
          if (p.regexp.test(parents.slice(0, i).join('/'))) {
            match = true;
            break;
          }
        }
      }
      if (match) matched = !p.exclusion;
    }
    return matched;
  }

  /**
   * Whether walking into an excluded directory could still find an included path (there is an
   * exception pattern that starts inside it). Used to skip whole excluded directories.
   */
  mayIncludeBelow(dir: string): boolean {
    const d = cleanPath(dir).replace(/^\/+/, '');
    for (const p of this.patterns) {
      if (!p.exclusion) continue;
      if (p.pattern.startsWith(d + '/') || p.pattern.includes('*') || p.pattern.includes('?') || p.pattern.includes('[')) return true;
    }
    return false;
  }
}
