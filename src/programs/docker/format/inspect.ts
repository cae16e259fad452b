// `docker inspect` documents: a container's is its record as stored (config.v2.json holds the
// inspect document); an image's is built as moby's image inspect (API 1.50 key order, image
// Config with empty fields left out, GraphDriver from the layers' cache dirs, RootFS diff ids
// base first). Printed as the CLI does: an indented array, Go's escaping of < > &.

import { goJsonEscape } from '../../../runtime/go-style.ts';
import type { ImageView } from './images.ts';
import { imageSize } from './images.ts';
import type { CliExit } from './cli.ts';
import { FormatError, parseTemplate } from './formatter.ts';
import { type Template, TemplateError } from './template.ts';

export interface ImageGraph {
  /** Cache dirs of the image's layers, top first. */
  cacheDirs: string[];
  lastTagTime: string | null;
}

const ZERO = '0001-01-01T00:00:00Z';
const IMAGE_CONFIG_KEYS = ['User', 'ExposedPorts', 'Env', 'Entrypoint', 'Cmd', 'Volumes', 'WorkingDir', 'Labels', 'StopSignal', 'ArgsEscaped', 'Healthcheck', 'OnBuild', 'Shell'];

function empty(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === false || v === 0) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v).length === 0;
  return false;
}

/** RFC 3339 with the fraction's trailing zeros dropped, as Go's RFC3339Nano prints. */
export function trimTime(t: string): string {
  return t.replace(/\.(\d*?)0+(?=Z|[+-]\d\d:\d\d$)/, (_m, d: string) => (d ? `.${d}` : ''));
}

export function imageInspectDoc(img: ImageView, graph: ImageGraph): Record<string, unknown> {
  const cfg = img.config;
  const run = (cfg.config ?? {}) as Record<string, unknown>;
  const config: Record<string, unknown> = {};
  for (const k of IMAGE_CONFIG_KEYS) if (!empty(run[k])) config[k] = run[k];
  const hist = cfg.history ?? [];
  const comment = cfg.comment || (hist.length ? (hist[hist.length - 1]!.comment ?? '') : '');
  const doc: Record<string, unknown> = {
    Id: img.id,
    RepoTags: img.repoTags,
    RepoDigests: img.repoDigests,
    Parent: img.parent ?? '',
    Comment: comment,
    Created: cfg.created ? trimTime(cfg.created) : ZERO,
    DockerVersion: cfg.docker_version ?? '',
    Author: cfg.author ?? '',
    Config: config,
    Architecture: cfg.architecture,
  };
  if (cfg.variant) doc.Variant = cfg.variant;
  doc.Os = cfg.os;
  if (cfg['os.version']) doc.OsVersion = cfg['os.version'];
  doc.Size = imageSize(img);
  const dirs = graph.cacheDirs;
  let data: Record<string, string> | null = null;
  if (dirs.length > 0) {
    data = {};
    if (dirs.length > 1) data.LowerDir = dirs.slice(1).map((d) => `${d}/diff`).join(':');
    data.MergedDir = `${dirs[0]}/merged`;
    data.UpperDir = `${dirs[0]}/diff`;
    data.WorkDir = `${dirs[0]}/work`;
  }
  doc.GraphDriver = { Data: data, Name: 'overlay2' };
  doc.RootFS = { Type: 'layers', Layers: cfg.rootfs?.diff_ids ?? [] };
  doc.Metadata = { LastTagTime: graph.lastTagTime ? trimTime(graph.lastTagTime) : ZERO };
  return doc;
}

// Fields that are Go maps: encoding/json prints their keys sorted (struct fields keep their order).
const MAP_FIELDS = new Set(['ExposedPorts', 'Volumes', 'Labels', 'PortBindings', 'Ports', 'Networks', 'Data', 'Options', 'DriverOpts', 'Sysctls', 'StorageOpt', 'Tmpfs', 'Annotations']);

/** A copy with the keys of Go-map fields sorted, as Go would print them. */
export function goOrder(v: unknown, isMap = false): unknown {
  if (Array.isArray(v)) return v.map((x) => goOrder(x));
  if (!v || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  const keys = isMap ? Object.keys(o).sort() : Object.keys(o);
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = goOrder(o[k], !isMap && MAP_FIELDS.has(k));
  if (!isMap && 'Config' in o && o.Config && typeof o.Config === 'object' && 'Type' in o) out.Config = goOrder(o.Config, true);
  return out;
}

/** The CLI's output for a list of documents: a 4-space indented JSON array. */
export function indentJson(docs: unknown[]): string {
  return `${goJsonEscape(JSON.stringify(goOrder(docs), null, 4))}\n`;
}

/** One operand of an inspect command: its document, or the line that says it was not found. */
export type Inspected = { doc: unknown } | { error: string };

/**
 * What an inspect command prints for its operands, in order: the documents as one indented JSON
 * array (no format, or "json": one line where `jsonLine`), or each through the -f template (\t
 * and \n as the CLI reads them); the not-found lines go to stderr with status 1. A template that
 * fails to parse or to run ends the output there, as the CLI's does.
 */
export function inspectOutput(found: readonly Inspected[], format: string, opts: { jsonLine?: boolean; newlineWhenEmpty?: boolean } = {}): CliExit {
  let tmpl: Template | null = null;
  if (format !== '' && format !== 'json') {
    try {
      tmpl = parseTemplate(format.replace(/\\t/g, '\t').replace(/\\n/g, '\n'));
    } catch (e) {
      if (e instanceof FormatError) return { stderr: `${e.message}\n`, status: 1 };
      throw e;
    }
  }
  const docs: unknown[] = [];
  let stdout = '';
  let stderr = '';
  for (const item of found) {
    if ('error' in item) stderr += `${item.error}\n`;
    else if (!tmpl) docs.push(item.doc);
    else {
      try {
        stdout += `${tmpl.execute(goOrder(item.doc))}\n`;
      } catch (e) {
        if (e instanceof TemplateError) return { stdout, stderr: `${stderr}template parsing error: ${e.message}\n`, status: 1 };
        throw e;
      }
    }
  }
  if (!tmpl) stdout = opts.jsonLine && format === 'json' ? `${JSON.stringify(goOrder(docs))}\n` : indentJson(docs);
  // the template inspector ends its output with a newline even when it printed nothing
  else if (stdout === '' && opts.newlineWhenEmpty) stdout = '\n';
  return { stdout, stderr, status: stderr ? 1 : 0 };
}
