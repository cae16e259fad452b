// The client's side of -v, --mount and --volumes-from, as docker/cli 28 parses them before it
// sends the create request (recorded in test/programs/docker/fixtures/volume.json):
//   -v SPEC     split by compose's volume-spec loader: a spec with a source goes to
//               HostConfig.Binds (a source starting with "." made absolute first), one without
//               (`-v /data`) to Config.Volumes as an anonymous volume; a one-letter source is
//               read as a Windows drive ("C:/x" is one path), so it stays a path.
//   --mount     comma-separated key=value fields into one mount.Mount.
// The engine's own checks of what is sent are in runtime/volumes/mounts.ts.

import type { ApiMount } from '../../../runtime/volumes/mounts.ts';
import { FlagError } from './command-line.ts';

/** A -v the client refuses itself: "docker: MESSAGE", status 125. */
export class SpecError extends Error {}

export interface VolumeFlags {
  binds: string[];
  /** Config.Volumes keys. */
  anonymous: string[];
}

/** Where compose's loader would put the spec's source, or "" for none; throws its refusals. */
function specSource(spec: string): string {
  if (spec.length === 0) throw new SpecError('invalid empty volume spec');
  if (spec.length <= 2) return '';
  let source: string | null = null;
  let target: string | null = null;
  let buf = '';
  const chars = [...spec, '\0'];
  for (const c of chars) {
    if (c === ':' && buf.length === 1 && /\p{L}/u.test(buf)) {
      buf += c;
      continue;
    }
    if (c !== ':' && c !== '\0') {
      buf += c;
      continue;
    }
    if (buf === '') throw new SpecError(`invalid spec: ${spec}: empty section between colons`);
    if (source === null && c === '\0') target = buf;
    else if (source === null) source = buf;
    else if (target === null) target = buf;
    else if (c === ':') throw new SpecError(`invalid spec: ${spec}: too many colons`);
    buf = '';
  }
  return source ?? '';
}

/** Sort the -v values into Binds and anonymous volumes as the client does. */
export function parseVolumeFlags(values: string[], cwd: string): VolumeFlags {
  const out: VolumeFlags = { binds: [], anonymous: [] };
  for (const v of values) {
    const source = specSource(v);
    if (source === '') {
      if (!out.anonymous.includes(v)) out.anonymous.push(v);
      continue;
    }
    const colon = v.indexOf(':');
    const host = v.slice(0, colon);
    out.binds.push(!host.startsWith('/') && host.startsWith('.') ? `${absolute(cwd, host)}${v.slice(colon)}` : v);
  }
  return out;
}

/** filepath.Abs: cwd joined and cleaned. */
function absolute(cwd: string, p: string): string {
  const out: string[] = [];
  for (const seg of `${cwd}/${p}`.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

const BOOL: Record<string, boolean> = { '1': true, t: true, T: true, true: true, TRUE: true, True: true, '0': false, f: false, F: false, false: false, FALSE: false, False: false };

/** One --mount value as the client's MountOpt.Set reads it. */
export function parseMountFlag(value: string): ApiMount {
  const fail = (why: string): never => {
    throw new FlagError(`invalid argument "${value}" for "--mount" flag: ${why}`);
  };
  const m: ApiMount = { Type: 'volume', Target: '' };
  let volumeKey = false;
  let bindKey = false;
  const bool = (key: string, v: string | undefined): boolean => {
    if (v === undefined) return true;
    const b = BOOL[v];
    if (b === undefined) fail(`invalid value for ${key}: ${v}`);
    return b!;
  };
  const volumeOptions = (): NonNullable<ApiMount['VolumeOptions']> => {
    volumeKey = true;
    m.VolumeOptions ??= {};
    m.VolumeOptions.DriverConfig ??= {};
    return m.VolumeOptions;
  };
  for (const field of value.split(',')) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const val = eq < 0 ? undefined : field.slice(eq + 1);
    const need = (): string => (val === undefined ? fail(`invalid field '${field}' must be a key=value pair`) : val);
    switch (key) {
      case 'type':
        m.Type = need().toLowerCase();
        break;
      case 'source':
      case 'src':
        m.Source = need();
        break;
      case 'target':
      case 'dst':
      case 'destination':
        m.Target = need();
        break;
      case 'readonly':
      case 'ro':
        m.ReadOnly = bool(key, val) || undefined;
        break;
      case 'consistency':
        need();
        break;
      case 'bind-propagation':
        bindKey = true;
        m.BindOptions = { ...(m.BindOptions ?? {}), Propagation: need() };
        break;
      case 'volume-nocopy': {
        const b = bool(key, val);
        volumeOptions().NoCopy = b || undefined;
        break;
      }
      case 'volume-label': {
        const [k = '', v = ''] = need().split(/=(.*)/s);
        const o = volumeOptions();
        o.Labels = { ...(o.Labels ?? {}), [k]: v };
        break;
      }
      case 'volume-driver':
        volumeOptions().DriverConfig!.Name = need();
        break;
      case 'volume-opt': {
        const [k = '', v = ''] = need().split(/=(.*)/s);
        const d = volumeOptions().DriverConfig!;
        d.Options = { ...(d.Options ?? {}), [k]: v };
        break;
      }
      default:
        fail(`unexpected key '${key}' in '${field}'`);
    }
  }
  if (m.Target === '') fail('target is required');
  if (volumeKey && m.Type !== 'volume') fail(`cannot mix 'volume-*' options with mount type '${m.Type}'`);
  if (bindKey && m.Type !== 'bind') fail(`cannot mix 'bind-*' options with mount type '${m.Type}'`);
  // in mount.Mount's field order, as the engine prints HostConfig.Mounts back
  const { Type, Source, Target, ReadOnly, BindOptions, VolumeOptions } = m;
  return { Type, Source, Target, ReadOnly, BindOptions, VolumeOptions };
}
