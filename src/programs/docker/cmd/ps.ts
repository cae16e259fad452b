// docker ps (container ls): the containers, newest first, running ones unless -a; -n/-l limit
// to the last created; -f status=/name=/id=/ancestor=/exited= filters; -q ids only; -s adds
// the writable layer's size (and the image's, as "virtual"); --format as Docker's templates.

import type { ContainerRecord } from '../../../runtime/containers/container-record.ts';
import type { DockerCommand } from '../command.ts';
import { type CliExit, type ParsedFlags, parseCommand } from '../format/cli.ts';
import { CONTAINER_HEADERS, containerContext, summarize } from '../format/containers.ts';
import { FormatError, render, usesField } from '../format/formatter.ts';
import { type ImageView, imageSize } from '../format/images.ts';
import { specFor } from '../format/specs.ts';
import { containerRwSize, finish, imageViews, listContainerRecords, nowSeconds } from '../format/state.ts';

export interface PsInput {
  /** Newest first. */
  containers: ContainerRecord[];
  images: ImageView[];
  /** Writable-layer bytes by container id (asked for only when sizes are shown). */
  rwSize: (id: string) => number;
  now: number;
}

const STATUSES = ['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'];

/** The filters by key; their name=value form was checked while the flags were parsed. */
function parseFilters(list: string[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const f of list) {
    const eq = f.indexOf('=');
    const k = f.slice(0, eq).trim().toLowerCase();
    m.set(k, [...(m.get(k) ?? []), f.slice(eq + 1)]);
  }
  return m;
}

function ancestorMatches(rec: ContainerRecord, value: string, images: ImageView[]): boolean {
  const hex = value.replace(/^sha256:/, '');
  for (const img of images) {
    const byId = /^[0-9a-f]+$/.test(hex) && img.id.slice(7).startsWith(hex);
    const byRef = img.repoTags.some((t) => t === value || t === `${value}:latest`);
    if ((byId || byRef) && rec.Image === img.id) return true;
  }
  return false;
}

const PROBE = {
  Id: '',
  Created: '0001-01-01T00:00:00Z',
  Path: '',
  Args: [],
  State: { Status: 'created', Running: false, Paused: false, Restarting: false, OOMKilled: false, Dead: false, Pid: 0, ExitCode: 0, Error: '', StartedAt: '', FinishedAt: '' },
  Image: '',
  Name: '',
  Config: { Image: '', Labels: null },
  NetworkSettings: { Ports: {}, Networks: {} },
  Mounts: [],
} as unknown as ContainerRecord;

export function renderPs(input: PsInput, flags: ParsedFlags): CliExit {
  const filters = parseFilters(flags.list('filter'));
  for (const [k, vs] of filters) {
    if (!['status', 'name', 'id', 'ancestor', 'exited', 'label', 'before', 'since', 'volume', 'network', 'publish', 'expose', 'health', 'isolation', 'is-task'].includes(k)) {
      return { stderr: `Error response from daemon: invalid filter '${k}'\n`, status: 1 };
    }
    if (k === 'status') for (const v of vs) if (!STATUSES.includes(v)) return { stderr: `Error response from daemon: invalid filter 'status=${v}'\n`, status: 1 };
  }
  let limit = flags.int('last', -1);
  if (flags.bool('latest')) limit = 1;
  const all = flags.bool('all') || limit > 0;
  let list = input.containers.filter((c) => all || c.State.Status === 'running' || c.State.Running);
  for (const [k, vs] of filters) {
    list = list.filter((c) => {
      switch (k) {
        case 'status':
          return vs.includes(c.State.Status);
        case 'name':
          return vs.some((v) => {
            try {
              return new RegExp(v).test(c.Name.slice(1)) || new RegExp(v).test(c.Name);
            } catch {
              return false;
            }
          });
        case 'id':
          return vs.some((v) => c.Id.startsWith(v));
        case 'ancestor':
          return vs.some((v) => ancestorMatches(c, v, input.images));
        case 'exited':
          return c.State.Status === 'exited' && vs.includes(String(c.State.ExitCode));
        case 'label':
          return vs.every((v) => {
            const [lk, lv] = v.split('=');
            const labels = c.Config.Labels ?? {};
            return lk! in labels && (lv === undefined || labels[lk!] === lv);
          });
        case 'before':
        case 'since': {
          const ref = input.containers.find((x) => vs.some((v) => x.Id.startsWith(v) || x.Name === `/${v}`));
          if (!ref) return false;
          return k === 'before' ? c.Created < ref.Created : c.Created > ref.Created;
        }
        case 'network':
          return vs.some((v) => v in (c.NetworkSettings?.Networks ?? {}) || c.HostConfig.NetworkMode === v);
        case 'volume':
          return vs.some((v) => (c.Mounts ?? []).some((m) => m.Destination === v || (m as { Name?: string }).Name === v || m.Source === v));
        case 'publish':
        case 'expose': {
          const ports = k === 'publish' ? Object.keys(c.HostConfig.PortBindings ?? {}) : Object.keys(c.Config.ExposedPorts ?? {});
          return vs.some((v) => ports.includes(v.includes('/') ? v : `${v}/tcp`));
        }
        case 'health':
          return vs.includes('none');
        case 'is-task':
          return vs.includes('false');
        case 'isolation':
          return vs.includes('default');
        default:
          return true;
      }
    });
  }
  if (limit > 0) list = list.slice(0, limit);
  const format = flags.bool('quiet') ? '{{.ID}}' : flags.str('format');
  const size = flags.bool('size') || usesField(format, 'Size');
  const trunc = !flags.bool('no-trunc');
  const rows = list.map((c) => {
    let sz: { rw: number; rootFs: number } | undefined;
    if (size) {
      const rw = input.rwSize(c.Id);
      const img = input.images.find((i) => i.id === c.Image);
      sz = { rw, rootFs: rw + (img ? imageSize(img) : 0) };
    }
    return containerContext(summarize(c, Math.floor(input.now), sz), trunc, Math.floor(input.now));
  });
  const defaultTable = `table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}${flags.bool('size') ? '\t{{.Size}}' : ''}`;
  try {
    // Docker runs a --format once over an empty container first (to see whether it reads .Size),
    // so a bad template fails even when no container is listed.
    if (format !== '') {
      const probe = summarize(input.containers[0] ?? PROBE, 0);
      render({ format, defaultTable, headers: CONTAINER_HEADERS }, [containerContext(probe, trunc, 0)], { parse: 'failed to parse template: ', exec: 'failed to execute template: ' });
    }
    const out = render({ format, defaultTable, headers: CONTAINER_HEADERS }, rows, { parse: 'failed to parse template: ', exec: 'failed to execute template: ' });
    return { stdout: out, status: 0 };
  } catch (e) {
    if (e instanceof FormatError) return { stderr: `${e.message}\n`, status: 1 };
    throw e;
  }
}

const ps: DockerCommand = async (ctx) => {
  const flags = parseCommand(specFor(ctx.name, 'ps'), ctx.name, ctx.args);
  if (!('values' in flags)) return finish(ctx.sys, flags);
  const containers = await listContainerRecords(ctx.sys, ctx.root);
  const images = await imageViews(ctx.sys, ctx.root);
  const sizes = new Map<string, number>();
  const format = flags.bool('quiet') ? '' : flags.str('format');
  if (flags.bool('size') || usesField(format, 'Size')) for (const c of containers) sizes.set(c.Id, await containerRwSize(ctx.sys, ctx.root, c.Id));
  const now = await nowSeconds(ctx.sys);
  return finish(ctx.sys, renderPs({ containers, images, rwSize: (id) => sizes.get(id) ?? 0, now }, flags));
};

export default ps;
