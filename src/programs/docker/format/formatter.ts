// Docker's formatter.Context: a --format value ("", "table", "table TEMPLATE", "json" or a Go
// template) applied to rows. Tables get a header row (the same template run over the column
// names) and are laid out with tabwriter (min width 10, padding 3); other formats print each
// row's text followed by a newline. `\t` and `\n` typed literally become tab and newline.

import { tabwrite } from './tabwriter.ts';
import { FieldObject, Template, TemplateError } from './template.ts';

export interface FormatOptions {
  /** The user's --format value ("" for the default). */
  format: string;
  /** The table template used for "" and "table". */
  defaultTable: string;
  /** Column titles by field name, for the header row. */
  headers: Record<string, string>;
  /** tabwriter minimum width (top uses 20). */
  minWidth?: number;
}

export class FormatError extends Error {}

export function isTable(format: string): boolean {
  return format === '' || format === 'table' || format.startsWith('table ');
}

/** The template text a --format value stands for. */
export function templateText(format: string, defaultTable: string): string {
  let f = format;
  if (f === '' || f === 'table') f = defaultTable;
  if (f.startsWith('table ')) f = f.slice('table '.length);
  else if (f === 'json') f = '{{json .}}';
  f = f.replace(/^ +| +$/g, '');
  return f.replace(/\\t/g, '\t').replace(/\\n/g, '\n');
}

export function parseTemplate(text: string, prefix = 'template parsing error: '): Template {
  try {
    return Template.parse(text);
  } catch (e) {
    if (e instanceof TemplateError) throw new FormatError(`${prefix}${e.message}`);
    throw e;
  }
}

/** Render rows; throws FormatError with Docker's text for a bad template. */
export function render(opts: FormatOptions, rows: FieldObject[], prefixes = { parse: 'template parsing error: ', exec: 'template parsing error: ' }): string {
  const text = templateText(opts.format, opts.defaultTable);
  const tmpl = parseTemplate(text, prefixes.parse);
  let body = '';
  const run = (dot: unknown): string => {
    try {
      return tmpl.execute(dot);
    } catch (e) {
      if (e instanceof TemplateError) throw new FormatError(`${prefixes.exec}${e.message}`);
      throw e;
    }
  };
  if (isTable(opts.format)) {
    body += `${run(opts.headers)}\n`;
    for (const r of rows) body += `${run(r)}\n`;
    return tabwrite(body, opts.minWidth ?? 10, 3);
  }
  for (const r of rows) body += `${run(r)}\n`;
  return body;
}

/** Which fields a template reads (ps asks the daemon for sizes only when .Size is used). */
export function usesField(format: string, field: string): boolean {
  if (format === '' || format === 'table' || format === 'json') return false;
  return new RegExp(`\\.${field}\\b`).test(format) || /json\s+\.\s*}}/.test(format);
}
