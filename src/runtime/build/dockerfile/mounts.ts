// RUN --mount=<options> (BuildKit's instructions/commands_runmount.go): a comma-separated list
// of key=value fields. type=bind (the default; from the context or --from a stage/image),
// cache (a directory kept between builds), tmpfs (empty, thrown away), secret and ssh.

import { LexError } from './errors.ts';

export type MountType = 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';

export interface RunMount {
  type: MountType;
  target: string;
  source?: string;
  from?: string;
  id?: string;
  readOnly: boolean;
  required: boolean;
  mode?: number;
  uid?: number;
  gid?: number;
}

const TYPES = new Set<MountType>(['bind', 'cache', 'tmpfs', 'secret', 'ssh']);
const BOOL = (v: string | undefined, key: string): boolean => {
  if (v === undefined || v === '' || v.toLowerCase() === 'true') return true;
  if (v.toLowerCase() === 'false') return false;
  throw new LexError(`invalid value for ${key}: ${v}`);
};

/** Parses one --mount value (already substituted). */
export function parseMount(spec: string): RunMount {
  const m: RunMount = { type: 'bind', target: '', readOnly: true, required: false };
  let roSet = false;
  for (const field of spec.split(',')) {
    if (field === '') continue;
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? undefined : field.slice(eq + 1);
    switch (key) {
      case 'type':
        if (!TYPES.has(value as MountType)) throw new LexError(`unsupported mount type "${value}"`);
        m.type = value as MountType;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        m.target = value ?? '';
        break;
      case 'source':
      case 'src':
        m.source = value;
        break;
      case 'from':
        m.from = value;
        break;
      case 'id':
        m.id = value;
        break;
      case 'ro':
      case 'readonly':
        m.readOnly = BOOL(value, key);
        roSet = true;
        break;
      case 'rw':
      case 'readwrite':
        m.readOnly = !BOOL(value, key);
        roSet = true;
        break;
      case 'required':
        m.required = BOOL(value, key);
        break;
      case 'mode':
        if (!value || !/^[0-7]+$/.test(value)) throw new LexError(`invalid value ${value} for mode`);
        m.mode = parseInt(value, 8);
        break;
      case 'uid':
      case 'gid':
        if (!value || !/^\d+$/.test(value)) throw new LexError(`invalid value ${value} for ${key}`);
        m[key] = Number(value);
        break;
      case 'sharing':
        if (!['shared', 'private', 'locked'].includes(value ?? '')) throw new LexError(`unsupported sharing value "${value}"`);
        break;
      case 'size':
      case 'env':
        break;
      default:
        throw new LexError(`unexpected key '${key}' in '${field}'`);
    }
  }
  if (!roSet && m.type === 'cache') m.readOnly = false;
  if (m.type === 'secret' && !m.target) m.target = `/run/secrets/${m.id ?? m.source ?? ''}`;
  if (m.type === 'ssh' && !m.target) m.target = `/run/buildkit/ssh_agent.${0}`;
  if (!m.target) throw new LexError('mount destination (target) is required');
  if (m.type === 'cache' && m.id === undefined) m.id = m.target;
  return m;
}
