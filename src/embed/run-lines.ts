// The `run` attribute: commands typed into the terminal first, one line each. Lines are separated
// by newlines or by `;` outside quotes (so `echo 'a; b'` stays one command); blank ones are dropped.
// A construct that needs `;` inside it (`for ...; do ...; done`) goes on one line with quotes, or in
// a script file written by an earlier line.

export function splitRunLines(text: string | null): string[] {
  const lines: string[] = [];
  let current = '';
  let quote: '"' | "'" | null = null;
  const flush = (): void => {
    const line = current.trim();
    if (line !== '') lines.push(line);
    current = '';
  };
  for (let i = 0; i < (text ?? '').length; i++) {
    const c = text![i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < text!.length) {
        current += c + text![++i]!;
        continue;
      }
      current += c;
    } else if (c === '\\' && i + 1 < text!.length && text![i + 1] !== '\n') {
      current += c + text![++i]!;
    } else if (c === "'" || c === '"') {
      quote = c;
      current += c;
    } else if (c === ';' || c === '\n' || c === '\r') {
      flush();
    } else {
      current += c;
    }
  }
  flush();
  return lines;
}
