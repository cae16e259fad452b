// `docker import`: a tar (gzip or not) as a one-layer image whose config is what Docker's
// daemon writes (image_import.go): docker_version, a full container.Config built from the
// --change lines, amd64/linux, one history entry "Imported from -" (or the -m message).

import { utf8Encode } from '../../base/text.ts';
import { gzipDecompress, isGzip } from '../archive/gzip.ts';
import { iterateTar, TarError } from '../archive/tar.ts';
import type { ImageRecord, ImageStore } from '../images/image-store.ts';
import { rfc3339Nano } from '../go-style.ts';
import { familiarTagged } from '../images/reference.ts';
import type { LayerStore } from '../layers/layer-store.ts';

export class ImportError extends Error {}

export const DOCKER_VERSION = '28.2.2';

/** container.Config as Docker marshals a fresh one: every field without omitempty. */
export interface ImportConfig {
  Hostname: string; Domainname: string; User: string; AttachStdin: boolean; AttachStdout: boolean; AttachStderr: boolean;
  ExposedPorts?: Record<string, Record<string, never>>;
  Tty: boolean; OpenStdin: boolean; StdinOnce: boolean; Env: string[] | null; Cmd: string[] | null;
  Image: string; Volumes: Record<string, Record<string, never>> | null; WorkingDir: string; Entrypoint: string[] | null;
  OnBuild: string[] | null; Labels: Record<string, string> | null; StopSignal?: string;
}

export function emptyConfig(): ImportConfig {
  return {
    Hostname: '', Domainname: '', User: '', AttachStdin: false, AttachStdout: false, AttachStderr: false,
    Tty: false, OpenStdin: false, StdinOnce: false, Env: null, Cmd: null, Image: '', Volumes: null,
    WorkingDir: '', Entrypoint: null, OnBuild: null, Labels: null,
  };
}

function words(s: string): string[] {
  const t = s.trim();
  if (t.startsWith('[')) {
    try {
      const v = JSON.parse(t) as unknown;
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    } catch {
      // Not JSON: shell form.
    }
  }
  return ['/bin/sh', '-c', t];
}

function pairs(s: string): [string, string][] {
  const t = s.trim();
  if (!/^[^\s=]+=/.test(t)) {
    const sp = t.search(/\s/);
    return sp < 0 ? [[t, '']] : [[t.slice(0, sp), t.slice(sp).trim()]];
  }
  const out: [string, string][] = [];
  const re = /([^\s=]+)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    let v = m[2]!;
    if (v.startsWith('"')) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
    else if (v.startsWith("'")) v = v.slice(1, -1);
    out.push([m[1]!, v]);
  }
  return out;
}

/** Apply `--change` lines (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR). */
export function applyChanges(cfg: ImportConfig, changes: string[]): void {
  for (const line of changes) {
    const m = /^\s*(\S+)\s*([\s\S]*)$/.exec(line);
    if (!m) continue;
    const instr = m[1]!.toUpperCase();
    const rest = m[2]!;
    switch (instr) {
      case 'CMD': cfg.Cmd = words(rest); break;
      case 'ENTRYPOINT': cfg.Entrypoint = words(rest); break;
      case 'ENV':
        for (const [k, v] of pairs(rest)) {
          const env = (cfg.Env ?? []).filter((e) => e.slice(0, e.indexOf('=')) !== k);
          env.push(`${k}=${v}`);
          cfg.Env = env;
        }
        break;
      case 'LABEL': for (const [k, v] of pairs(rest)) (cfg.Labels ??= {})[k] = v; break;
      case 'EXPOSE':
        for (const p of rest.trim().split(/\s+/).filter(Boolean)) (cfg.ExposedPorts ??= {})[p.includes('/') ? p : `${p}/tcp`] = {};
        break;
      case 'VOLUME': {
        const vols = rest.trim().startsWith('[') ? (JSON.parse(rest) as string[]) : rest.trim().split(/\s+/);
        for (const v of vols) (cfg.Volumes ??= {})[v] = {};
        break;
      }
      case 'USER': cfg.User = rest.trim(); break;
      case 'WORKDIR': cfg.WorkingDir = rest.trim(); break;
      case 'STOPSIGNAL': cfg.StopSignal = rest.trim(); break;
      case 'ONBUILD': (cfg.OnBuild ??= []).push(rest.trim()); break;
      // The Dockerfile parser lowercases the instruction before the check words it.
      default: throw new ImportError(`${m[1]!.toLowerCase()} is not a valid change command`);
    }
  }
}

export interface ImportOptions {
  changes?: string[];
  message?: string;
  /** REPOSITORY[:TAG] to tag the new image with. */
  ref?: string;
  /** Where the tar came from, for the default history comment ("-" for an upload). */
  source?: string;
  nowNs: bigint;
}

export async function importImage(images: ImageStore, layers: LayerStore, input: Uint8Array, o: ImportOptions): Promise<ImageRecord> {
  const cfg = emptyConfig();
  applyChanges(cfg, o.changes ?? []);
  if (o.ref) familiarTagged(o.ref); // a bad name fails before anything is stored
  let raw = input;
  if (isGzip(raw)) raw = gzipDecompress(raw).data;
  try {
    for (const _ of iterateTar(raw)) {
      // Check the whole archive first.
    }
  } catch (e) {
    if (e instanceof TarError) throw new ImportError('archive/tar: invalid tar header');
    throw e;
  }
  const layer = await layers.register(raw, null);
  const created = rfc3339Nano(o.nowNs);
  const comment = o.message || `Imported from ${o.source ?? '-'}`;
  // The daemon puts the same message in the config's comment and its one history entry.
  const config = {
    comment,
    created,
    docker_version: DOCKER_VERSION,
    config: cfg,
    architecture: 'amd64',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [layer.diffId] },
    history: [{ created, comment }],
  };
  const image = await images.create(utf8Encode(JSON.stringify(config)));
  if (o.ref) {
    await images.tag(image.id, familiarTagged(o.ref));
    return (await images.resolve(image.id))!;
  }
  return image;
}
