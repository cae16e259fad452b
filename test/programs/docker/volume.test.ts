// docker volumes, held to the real client 28.2.2 (fixtures/volume.json, made by
// fixtures/record-volume.py against a fake engine): volume ls/inspect/system df/ps render the
// recorded data set byte for byte; the client's own refusals (flags, operands, -v specs it
// cannot split, --mount fields) match; -v and --mount sort into the Binds, Config.Volumes and
// Mounts the real client sent. Then the engine on a machine: volumes are directories under
// /var/lib/docker/volumes bound into the container, outlive it, fill from the image, and are
// refused, pruned and dropped as Docker does (those daemon-side words are moby's, unrecorded).

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import docker from '../../../src/programs/docker/docker.ts';
import { renderDf } from '../../../src/programs/docker/cmd/system-df.ts';
import { renderVolumeInspect } from '../../../src/programs/docker/cmd/volume-inspect.ts';
import { parseMountFlag, parseVolumeFlags } from '../../../src/programs/docker/cmd/mount-flags.ts';
import { parseCommand } from '../../../src/programs/docker/format/cli.ts';
import { containerContext, summarize } from '../../../src/programs/docker/format/containers.ts';
import { render } from '../../../src/programs/docker/format/formatter.ts';
import { lookupSpec } from '../../../src/programs/docker/format/specs.ts';
import { filterVolumes, renderVolumeList, type VolumeView } from '../../../src/programs/docker/format/volumes.ts';
import type { ContainerRecord } from '../../../src/runtime/containers/container-record.ts';
import { volumeRefs } from '../../../src/runtime/volumes/volume-refs.ts';
import type { Sys } from '../../../src/sys/sys.ts';
import { onDocker } from './docker-machine.ts';
import { fakeSys } from './replay.ts';

interface Req { method: string; path: string; query: Record<string, string>; body?: { HostConfig?: { Binds: string[] | null; Mounts?: unknown[]; VolumesFrom: string[] | null }; Volumes?: Record<string, unknown> } }
interface VRun { args: string[]; now: number; stdout: string; stderr: string; status: number | null; stdin?: string; requests: Req[] }

const here = dirname(fileURLToPath(import.meta.url));
const { dataset, runs } = JSON.parse(readFileSync(join(here, 'fixtures/volume.json'), 'utf8')) as {
  dataset: { containers: ContainerRecord[]; volumes: VolumeView[] };
  runs: VRun[];
};
const find = (...args: string[]): VRun => {
  const r = runs.find((x) => x.args.join('\0') === args.join('\0'));
  if (!r) throw new Error(`no recording of ${args.join(' ')}`);
  return r;
};
const flags = (path: string, args: string[]) => {
  const p = parseCommand(lookupSpec(path)!, path, args);
  if (!('values' in p)) throw new Error(`did not parse: ${JSON.stringify(p)}`);
  return p;
};
const listed = dataset.volumes.map(({ UsageData: _u, ...v }) => v as VolumeView);
const refs = volumeRefs(dataset.containers);

async function client(args: string[]): Promise<{ stdout: string; stderr: string; status: number }> {
  const { sys, out } = fakeSys(['docker', ...args]);
  (sys as unknown as { getcwd: () => Promise<string> }).getcwd = async () => '/work';
  const status = await docker(sys as Sys);
  return { ...out(), status };
}

describe('docker volume ls, as the real client prints it', () => {
  for (const r of runs.filter((x) => x.args[0] === 'volume' && (x.args[1] === 'ls' || x.args[1] === 'list') && x.requests.length > 0 && x.status === 0)) {
    it(r.args.join(' '), () => {
      const f = flags(`volume ${r.args[1]}`, r.args.slice(2));
      const vs = filterVolumes(listed, f.list('filter'), refs);
      if (typeof vs === 'string') throw new Error(vs);
      expect(renderVolumeList(vs, f)).toEqual({ stdout: r.stdout, status: 0 });
    });
  }
  it('{{.Nope}} names the volume context as Go does', () => {
    const r = find('volume', 'ls', '--format', '{{.Nope}}');
    expect(renderVolumeList(listed, flags('volume ls', ['--format', '{{.Nope}}']))).toEqual({ stderr: r.stderr, status: r.status });
  });
});

describe('docker volume inspect, as the real client prints it', () => {
  for (const r of runs.filter((x) => x.args[0] === 'volume' && x.args[1] === 'inspect' && x.requests.length > 0)) {
    it(r.args.join(' '), () => {
      const got = renderVolumeInspect((n) => listed.find((v) => v.Name === n) ?? null, flags('volume inspect', r.args.slice(2)));
      expect({ stdout: got.stdout, stderr: got.stderr ?? '', status: got.status }).toEqual({ stdout: r.stdout, stderr: r.stderr, status: r.status });
    });
  }
});

describe('docker system df and ps show volumes as the real client does', () => {
  for (const r of runs.filter((x) => x.args[0] === 'system')) {
    it(r.args.join(' '), () => {
      expect(renderDf({ LayersSize: 0, Images: [], Containers: [], Volumes: dataset.volumes }, r.now, flags('system df', r.args.slice(2)))).toEqual({ stdout: r.stdout, status: 0 });
    });
  }
  for (const r of runs.filter((x) => x.args[0] === 'ps')) {
    it(r.args.join(' '), () => {
      const trunc = !r.args.includes('--no-trunc');
      const rows = dataset.containers.map((c) => containerContext(summarize(c, r.now), trunc, r.now));
      expect(render({ format: r.args[r.args.length - 1]!, defaultTable: '', headers: {} }, rows)).toBe(r.stdout);
    });
  }
});

describe('the client refusals around volumes, word for word', () => {
  const own = runs.filter((r) => r.requests.length === 0 && r.stdin === undefined && !r.args.includes('--help') && r.args.join(' ') !== 'volume');
  for (const r of own) {
    it(`docker ${r.args.join(' ')}`, async () => {
      expect(await client(r.args)).toEqual({ stdout: r.stdout, stderr: r.stderr, status: r.status });
    });
  }
});

describe('-v and --mount become what the real client sends', () => {
  for (const r of runs.filter((x) => x.args[0] === 'create' && x.requests.length > 0 && (x.args[1] === '-v' || x.args[1] === '--mount'))) {
    it(r.args.join(' '), () => {
      const body = r.requests.find((q) => q.path === '/containers/create')!.body!;
      const pairs: string[] = [];
      for (let i = 1; i + 1 < r.args.length; i += 2) pairs.push(r.args[i + 1]!);
      if (r.args[1] === '-v') {
        const got = parseVolumeFlags(pairs, '/work');
        expect(got.binds.length ? got.binds : null).toEqual(body.HostConfig!.Binds);
        expect(Object.fromEntries(got.anonymous.map((a) => [a, {}]))).toEqual(body.Volumes ?? {});
      } else {
        expect(JSON.parse(JSON.stringify(pairs.map(parseMountFlag)))).toEqual(body.HostConfig!.Mounts);
      }
    });
  }
});

describe('volumes on a machine', () => {
  it('a file written in a container is in _data on the host and outlives docker rm', async () => {
    const r = await onDocker(`docker run --name cc -v v1:/data box sh -c 'echo hi > /data/f; cat /proc/self/mountinfo'
ls /var/lib/docker/volumes; cat /var/lib/docker/volumes/v1/_data/f
docker rm cc >/dev/null; docker run --rm -v v1:/d box cat /d/f; docker volume ls -q
docker inspect -f '{{json .Mounts}}' $(docker create -v v1:/data:ro box) `);
    expect(r.stdout).toMatch(/^\d+ \d+ \S+ \/var\/lib\/docker\/volumes\/v1\/_data \/data rw,relatime - /m);
    expect(r.stdout).toContain('metadata.db\nv1\nhi\nhi\nv1\n');
    expect(r.stdout).toContain('[{"Type":"volume","Name":"v1","Source":"/var/lib/docker/volumes/v1/_data","Destination":"/data","Driver":"local","Mode":"ro","RW":false,"Propagation":""}]');
  });

  it('a new volume is filled from the image, unless nocopy', async () => {
    const r = await onDocker(`docker run --rm -v etc1:/etc box ls /etc; ls /var/lib/docker/volumes/etc1/_data
docker run --rm -v etc2:/etc:nocopy box ls /etc; echo "[$(ls /var/lib/docker/volumes/etc2/_data)]"`);
    // the init layer's empty hostname, hosts, mtab and resolv.conf are image content too
    // nocopy: an /etc with only the mount points made for hostname, hosts and resolv.conf, so
    // no passwd to find root in: the start fails as it would under Docker
    expect(r.stdout).toBe(`${'group\nhostname\nhosts\nmtab\npasswd\nresolv.conf\n'.repeat(2)}[hostname\nhosts\nresolv.conf]\n`);
    expect(r.stderr).toContain('unable to find user root: no matching entries in passwd file');
  });

  it('rm refuses a volume in use with the engine words; rm -v and --rm drop anonymous volumes only', async () => {
    const r = await onDocker(`docker create --name cc -v named:/n -v /anon box >/dev/null
docker volume rm named; echo st=$?
docker volume ls -q | wc -l
docker rm -v cc >/dev/null; docker volume ls -q
docker run --rm -v /a2 box true; docker volume ls -q`);
    const id = /in use - \[([0-9a-f]{64})\]/.exec(r.stderr)?.[1];
    expect(r.stderr).toBe(`Error response from daemon: remove named: volume is in use - [${id}]\n`);
    expect(r.stdout).toBe('st=1\n2\nnamed\nnamed\n');
  });

  it('prune takes unused anonymous volumes, -a the named ones too; ls filters', async () => {
    const r = await onDocker(`docker volume create --label app=web keep >/dev/null; docker volume create other >/dev/null
docker create -v /anon box >/dev/null; docker run -v /gone box true; docker rm $(docker ps -lq) >/dev/null
docker volume ls -f dangling=true -f label=app -q; docker volume ls -f name=oth -q
docker volume prune -f | sed 's/^[0-9a-f]\\{64\\}$/ANON/'
docker volume prune -a -f --filter label=app`);
    expect(r.stdout).toBe('keep\nother\nDeleted Volumes:\nANON\n\nTotal reclaimed space: 0B\nDeleted Volumes:\nkeep\n\nTotal reclaimed space: 0B\n');
  });

  it("an image's VOLUME becomes an anonymous volume; --mount and --volumes-from mount", async () => {
    const r = await onDocker(`mkdir -p /ctx; printf 'FROM box\\nVOLUME /state\\n' > /ctx/Dockerfile; docker build -q -t vimg /ctx >/dev/null
docker create --name aa vimg >/dev/null; docker inspect -f '{{json .Config.Volumes}} {{(index .Mounts 0).Destination}} {{(index .Mounts 0).Type}}' aa
docker volume inspect -f '{{.Labels}}' $(docker inspect -f '{{(index .Mounts 0).Name}}' aa)
docker run --name bb --mount type=volume,src=mv,dst=/m box sh -c 'echo x > /m/f'
docker run --rm --volumes-from bb box cat /m/f
docker inspect -f '{{json .HostConfig.Mounts}}' bb
docker run --rm --mount type=bind,src=/nope,dst=/c box true`);
    expect(r.stdout).toBe('{"/state":{}} /state volume\nmap[com.docker.volume.anonymous:]\nx\n[{"Type":"volume","Source":"mv","Target":"/m"}]\n');
    expect(r.stderr).toContain('invalid mount config for type "bind": bind source path does not exist: /nope');
  });

  it('volumes survive a reboot: they are files on the disk', async () => {
    const r = await onDocker(`docker run --rm -v keep:/k box sh -c 'echo kept > /k/f'; docker volume inspect -f '{{.Mountpoint}}' keep; cat /var/lib/docker/volumes/keep/_data/f`);
    expect(r.stdout).toBe('/var/lib/docker/volumes/keep/_data\nkept\n');
  });
});
