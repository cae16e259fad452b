// BuildKit's progress output as `docker build` prints it. Plain mode (--progress=plain, or auto
// without a terminal) streams each step ("vertex") as `#N name`, its log lines with the seconds
// since it started (`#5 0.123 hello`), and `#N DONE 0.4s` / `#N CACHED` / `#N ERROR: ...`. The
// tty mode draws BuildKit's live frame (`[+] Building 1.2s (3/8)`, one ` => ` row per step),
// redrawn in place with the cursor moved up whenever a step starts or ends, ending FINISHED.
// Errors end with the Dockerfile excerpt and `ERROR: failed to build: failed to solve: ...`.

import { humanSize } from '../go-style.ts';

export type ProgressMode = 'plain' | 'tty' | 'quiet';

export type Write = (text: string) => Promise<void>;
export type Clock = () => Promise<bigint>;

/** go-units' HumanSize with 3 significant digits, as BuildKit prints transferred sizes. */
export const humanBytes = (n: number): string => humanSize(n, 3);

const secs = (ns: bigint): string => (Number(ns) / 1e9).toFixed(1);

interface Row {
  name: string;
  start: bigint;
  finished: boolean;
  cached: boolean;
  ns: bigint;
  subs: Array<{ text: string; ns: bigint }>;
  error: boolean;
}

export class Progress {
  private n = 0;
  private printed = false;
  private readonly rows: Row[] = [];
  private started = 0n;
  private drawn = 0;

  constructor(
    readonly mode: ProgressMode,
    private readonly write: Write,
    readonly clock: Clock,
    private readonly width = 80,
  ) {}

  async begin(): Promise<void> {
    this.started = await this.clock();
    if (this.mode === 'plain') await this.line('#0 building with "default" instance using docker driver');
  }

  private async line(text: string): Promise<void> {
    if (this.mode !== 'plain') return;
    this.printed = true;
    await this.write(text + '\n');
  }

  async vertex(name: string): Promise<Vertex> {
    const id = ++this.n;
    if (this.mode === 'plain') {
      if (this.printed) await this.write('\n');
      await this.line(`#${id} ${name}`);
    }
    const start = await this.clock();
    const row: Row = { name, start, finished: false, cached: false, ns: 0n, subs: [], error: false };
    this.rows.push(row);
    await this.redraw();
    return new Vertex(this, id, name, start, row, (t) => this.line(t));
  }

  /** The tty mode's frame, redrawn in place (cursor up over the previous one) as steps move. */
  async redraw(): Promise<void> {
    if (this.mode !== 'tty') return;
    const frame = await this.frame(false, false);
    const up = this.drawn > 0 ? `\x1b[${this.drawn}A\r` : '';
    this.drawn = frame.split('\n').length - 1;
    await this.write(up + frame.replace(/\n/g, '\x1b[K\n'));
  }

  /** The tty mode's final frame, over the live one. */
  async finish(ok: boolean): Promise<void> {
    if (this.mode !== 'tty') return;
    const frame = await this.frame(true, ok);
    const up = this.drawn > 0 ? `\x1b[${this.drawn}A\r` : '';
    this.drawn = 0;
    await this.write(up + (up ? frame.replace(/\n/g, '\x1b[K\n') : frame));
  }

  private async frame(final: boolean, ok: boolean): Promise<string> {
    const now = await this.clock();
    const total = now - this.started;
    const done = this.rows.filter((r) => r.finished && !r.error).length;
    const head = `[+] Building ${secs(total)}s (${done}/${this.rows.length})${final && ok ? ' FINISHED' : ''}`;
    const right = 'docker:default';
    let out = `${head}${' '.repeat(Math.max(1, this.width - head.length - right.length))}${right}\n`;
    const row = (left: string, ns: bigint | null): string => {
      const t = ns === null ? '' : `${secs(ns)}s`;
      const max = this.width - t.length - 1;
      const l = left.length > max ? left.slice(0, max - 3) + '...' : left;
      return `${l}${' '.repeat(Math.max(1, this.width - l.length - t.length))}${t}\n`;
    };
    for (const r of this.rows) {
      out += row(` => ${r.error ? 'ERROR ' : r.cached ? 'CACHED ' : ''}${r.name}`, r.cached ? 0n : r.finished ? r.ns : now - r.start);
      for (const s of r.subs) out += row(` => => ${s.text}`, s.ns);
    }
    return out;
  }
}

export class Vertex {
  private logs: string[] = [];
  constructor(
    private readonly progress: Progress,
    readonly id: number,
    readonly name: string,
    private readonly start: bigint,
    private readonly row: Row,
    private readonly line: (t: string) => Promise<void>,
  ) {}

  private async elapsed(): Promise<bigint> {
    return (await this.progress.clock()) - this.start;
  }

  /** A status line of the step: `#3 transferring context: 2B done`. */
  async status(text: string): Promise<void> {
    this.row.subs.push({ text: text.replace(/ done$/, ''), ns: await this.elapsed() });
    await this.line(`#${this.id} ${text}`);
  }

  /** Output of a RUN, line by line, with the seconds since the step started. */
  async log(text: string): Promise<void> {
    const t = (Number(await this.elapsed()) / 1e9).toFixed(3);
    this.logs.push(`${t} ${text}`);
    if (this.logs.length > 10) this.logs.shift();
    await this.line(`#${this.id} ${t} ${text}`);
  }

  /** The last log lines (for the error summary). */
  get lastLogs(): string[] {
    return [...this.logs];
  }

  async cached(): Promise<void> {
    this.row.cached = true;
    this.row.finished = true;
    await this.line(`#${this.id} CACHED`);
    await this.progress.redraw();
  }

  async done(): Promise<void> {
    this.row.ns = await this.elapsed();
    this.row.finished = true;
    await this.line(`#${this.id} DONE ${secs(this.row.ns)}s`);
    await this.progress.redraw();
  }

  async error(message: string): Promise<void> {
    this.row.ns = await this.elapsed();
    this.row.error = true;
    this.row.finished = true;
    await this.line(`#${this.id} ERROR: ${message}`);
    await this.progress.redraw();
  }
}

/** BuildKit's excerpt of the Dockerfile around the failing lines (errdefs Source.Print). */
export function sourceExcerpt(filename: string, text: string, start: number, end: number): string {
  const lines = text.split('\n');
  if (start > lines.length || start < 1) return '';
  if (end > lines.length) end = lines.length;
  if (end < start) end = start;
  const pad = end === start ? 4 : 2;
  const first = start;
  let s = start;
  let e = end;
  let p = 0;
  while (p < pad) {
    if (s > 1) {
      s--;
      p++;
    }
    if (e !== lines.length) {
      e++;
      p++;
    }
    p++;
  }
  let out = `${filename}:${first}\n${'-'.repeat(20)}\n`;
  for (let i = s; i <= e; i++) {
    const mark = i >= start && i <= end ? '>>>' : '   ';
    out += ` ${String(i).padStart(3)} | ${mark} ${lines[i - 1]}\n`;
  }
  return out + `${'-'.repeat(20)}\n`;
}
