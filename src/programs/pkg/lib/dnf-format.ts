// dnf 4's text layout, ported from its output code so tables wrap and align as they do on RHEL 8:
// format_number (1.4 M, 125 k), format_time, calcColumns (column widths that fit 80 columns,
// letting long versions overflow onto the next line), fmtColumns, the "Dependencies resolved"
// transaction table, the summary, the download lines and the rpm transaction progress lines.

export const WIDTH = 80;

/** dnf.cli.format.format_number: 1024 steps, one decimal below 9.95, a space before the unit. */
export function formatNumber(n: number): string {
  const symbols = [' ', 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
  let depth = 0;
  let isInt = Number.isInteger(n);
  while (n > 999 && depth < symbols.length - 1) {
    depth++;
    n /= 1024;
    isInt = false;
  }
  const num = isInt ? String(Math.trunc(n)) : n < 9.95 ? n.toFixed(1) : n.toFixed(0);
  return `${num} ${symbols[depth]}`;
}

export function formatTime(seconds: number): string {
  const s = Math.trunc(seconds);
  return `${String(Math.trunc(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** fill_exact_width: pad (left-aligned unless `left` is false) and cut to `width`. */
export function fill(text: string, width: number, left = true, cut = false): string {
  const t = cut ? text.slice(0, width) : text;
  return left ? t.padEnd(width) : t.padStart(width);
}

/** Output.calcColumns: widths for columns given, per column, how many values have each length. */
export function calcColumns(data: Array<Map<number, number>>, columns?: number[], remainder = 0, total = WIDTH, indent = ''): number[] {
  let cols = data.length;
  const rows = data.map((d) => [...d.entries()].sort((a, b) => a[0] - b[0]));
  const widths = columns ? [...columns] : [...Array(cols - 1).fill(1), 0];
  let left = total - (widths.reduce((a, b) => a + b, 0) + (cols - 1) + indent.length);
  if (!widths[cols - 1]) left += 1;
  const helpsFor = (current: number, tups: Array<[number, number]>, room: number): number => {
    let ret = 0;
    for (const [len, count] of tups) {
      if (room < len - current) break;
      ret += count;
    }
    return ret;
  };
  while (left > 0) {
    let helps = 0;
    let val = 0;
    for (let d = 0; d < cols; d++) {
      const thelps = helpsFor(widths[d]!, rows[d]!, left);
      if (!thelps) continue;
      if (helps && d === cols - 1 && thelps / 2 < helps) continue;
      if (thelps < helps) continue;
      helps = thelps;
      val = d;
    }
    if (helps) {
      const diff = rows[val]!.shift()![0] - widths[val]!;
      if (!widths[val] && val === cols - 1) left -= 1;
      widths[val] = widths[val]! + diff;
      left -= diff;
      continue;
    }
    let overflowed = 0;
    for (let d = 0; d < cols; d++) if (rows[d]!.length) overflowed++;
    if (overflowed) {
      const norm = Math.floor(left / overflowed);
      for (let d = 0; d < cols; d++) {
        if (!rows[d]!.length) continue;
        widths[d] = widths[d]! + norm;
        left -= norm;
      }
    }
    cols -= 1;
    const norm = Math.floor(left / cols);
    for (let d = 0; d < cols; d++) widths[d] = widths[d]! + norm;
    widths[remainder] = widths[remainder]! + left - cols * norm;
    left = 0;
  }
  return widths;
}

/** Output.fmtColumns: negative widths align left; a value wider than its column overflows to a new line. */
export function fmtColumns(columns: Array<[string, number]>, msg = '', end = ''): string {
  let out = msg;
  let total = msg.length;
  for (const [val, w] of columns.slice(0, -1)) {
    if (!w) {
      out += val;
      continue;
    }
    const width = Math.abs(w);
    if (val.length <= width) out += `${w < 0 ? val.padEnd(width) : val.padStart(width)} `;
    else out += `${val}\n${' '.repeat(total + width + 1)}`;
    total += width + 1;
  }
  const [last, lw] = columns[columns.length - 1]!;
  out += (lw < 0 ? last.padEnd(-lw) : last.padStart(lw)) + end;
  return out;
}

function count(map: Map<number, number>, len: number): void {
  map.set(len, (map.get(len) ?? 0) + 1);
}

export interface TxLine {
  name: string;
  arch: string;
  evr: string;
  repo: string;
  size: number;
}

export interface TxSection {
  title: string;
  lines: TxLine[];
}

/** The table dnf prints after "Dependencies resolved.", with module changes and the summary. */
export function transactionTable(sections: TxSection[], modules: Array<{ name: string; stream: string }>, summary: Array<[string, number]>): string {
  const n = new Map<number, number>();
  const v = new Map<number, number>();
  const r = new Map<number, number>();
  let aWid = 0;
  for (const s of sections) {
    for (const l of s.lines) {
      count(n, l.name.length);
      count(v, l.evr.length);
      count(r, l.repo.length);
      aWid = Math.max(aWid, l.arch.length);
    }
  }
  const [nWid, aW, vWid, rWid, sWid] = calcColumns([n, new Map(), v, r, new Map()], [1, aWid, 1, 1, 5], 2, WIDTH, '  ') as [number, number, number, number, number];
  const pick = (w: number, short: string, long: string): string => (long.length <= w ? long : short);
  const rule = '='.repeat(WIDTH);
  let out = `${rule}\n${fmtColumns([[pick(nWid, 'Package', 'Package'), -nWid], [pick(aW, 'Arch', 'Architecture'), -aW],
    [pick(vWid, 'Version', 'Version'), -vWid], [pick(rWid, 'Repo', 'Repository'), -rWid], [pick(sWid, 'Size', 'Size'), sWid]], ' ')}\n${rule}\n`;
  for (const s of sections) {
    if (!s.lines.length) continue;
    out += `${s.title}:\n`;
    for (const l of s.lines) {
      out += fmtColumns([[l.name, -nWid], [l.arch, -aW], [l.evr, -vWid], [l.repo, -rWid], [formatNumber(l.size), sWid]], ' ', '\n');
    }
  }
  if (modules.length) {
    out += 'Enabling module streams:\n';
    for (const m of modules) out += fmtColumns([[m.name, -nWid], ['', -aW], [m.stream, -vWid], ['', -rWid], ['', sWid]], ' ', '\n');
  }
  out += `\nTransaction Summary\n${rule}\n`;
  const shown = summary.filter(([, c]) => c > 0);
  const actW = Math.max(0, ...shown.map(([a]) => a.length));
  const cntW = Math.max(0, ...shown.map(([, c]) => String(c).length));
  for (const [action, c] of shown) out += `${action.padEnd(actW)}  ${String(c).padStart(cntW)} ${c === 1 ? 'Package' : 'Packages'}\n`;
  return out;
}

/** post_transaction_output: "Installed:" and the NEVRAs in as many columns as fit. */
export function packageColumns(title: string, items: string[]): string {
  const fits = (num: number): number[] => {
    if (items.length < num) return [];
    let left = WIDTH - (num - 1 + 2);
    if (left <= 0) return [];
    const lens = Array(num).fill(0) as number[];
    let col = 0;
    for (const m of items) {
      if (m.length > lens[col]!) {
        const diff = m.length - lens[col]!;
        if (left <= diff) return [];
        left -= diff;
        lens[col] = m.length;
      }
      col = (col + 1) % num;
    }
    return lens.map((l) => -(l + Math.floor(left / num)));
  };
  let cols: number[] = [];
  for (const num of [8, 7, 6, 5, 4, 3, 2]) {
    cols = fits(num);
    if (cols.length) break;
  }
  if (!cols.length) cols = [-(WIDTH - 2)];
  let out = `\n${title}:\n`;
  for (let i = 0; i < items.length; i += cols.length) {
    const row = items.slice(i, i + cols.length);
    out += `  ${fmtColumns(row.map((m, j) => [m, cols[j]!]), '', '\n')}`;
  }
  return out;
}

/** One finished download: "(3/14): name.rpm   1.2 MB/s | 125 kB     00:00    ". */
export function downloadLine(text: string, bytes: number, seconds: number): string {
  const msg = ` ${formatNumber(Math.floor(bytes / Math.max(seconds, 0.001))).padStart(5)}B/s | ${formatNumber(bytes).padStart(5)}B ${formatTime(seconds).padStart(9)}    `;
  const left = WIDTH - msg.length;
  return fill(text, left, true, true) + msg;
}

/** The "Total" line under the downloads. */
export function totalLine(bytes: number, seconds: number): string {
  const msg = ` ${formatNumber(Math.floor(bytes / Math.max(seconds, 0.01))).padStart(5)}B/s | ${formatNumber(bytes).padStart(5)}B ${formatTime(seconds).padStart(9)}     `;
  return fill('Total', WIDTH - msg.length) + msg;
}

/** An rpm transaction step as dnf prints it without a terminal: "  Installing       : name   3/14 ". */
export function progressLine(action: string, name: string, done: number, total: number): string {
  const l = String(total).length;
  const doneText = `${String(done).padStart(l)}/${String(total).padStart(l)}`;
  const wid1 = 'Running scriptlet'.length;
  const overhead = 2 * l + 2 + 2 + wid1 + 2 + 1 + 2 + 1;
  const fullPnl = WIDTH - overhead + 1;
  return `  ${fill(action, wid1, true, true)}: ${fill(name, fullPnl, true, true)}   ${doneText} `;
}
