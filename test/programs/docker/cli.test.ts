// The docker CLI's own decisions, held to the real client 28.2.2 (fixtures/cli.json, made by
// fixtures/record-cli.py): flag and argument errors name the command as cobra does whatever
// alias was typed (`docker container list -z` says `docker container ls`); pflag names what is
// left of a shorthand group from the failing letter (`'z' in -z` for -itz); number flags parse
// as the Go code behind them (010 is 8 for ints, `--cpus 1/2` is half a CPU, `-m 1e3` is 1000
// bytes), compared with the values the real client sent to the engine; prune prints the
// reclaimed space with four significant digits and takes only y as a yes; attach refuses a
// non-terminal for a -t container; wait gives the code of a --rm container it was waiting on.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import docker from '../../../src/programs/docker/docker.ts';
import type { DockerContext } from '../../../src/programs/docker/command.ts';
import { createOptions } from '../../../src/programs/docker/cmd/create.ts';
import { parseCommand } from '../../../src/programs/docker/format/cli.ts';
import { lookupSpec } from '../../../src/programs/docker/format/specs.ts';
import { onDocker } from './docker-machine.ts';
import { fakeSys } from './replay.ts';

interface Request {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: { StopTimeout?: number; HostConfig: { NanoCpus: number; Memory: number; PidsLimit: number } };
}
interface CliRun {
  args: string[];
  stdout: string;
  stderr: string;
  status: number | null;
  stdin?: string;
  requests: Request[];
}

const here = dirname(fileURLToPath(import.meta.url));
const { runs } = JSON.parse(readFileSync(join(here, 'fixtures/cli.json'), 'utf8')) as { runs: CliRun[] };

async function run(args: string[]): Promise<{ stdout: string; stderr: string; status: number }> {
  const { sys, out } = fakeSys(['docker', ...args]);
  const status = await docker(sys);
  return { ...out(), status };
}

// The runs the client settled without asking the engine: flag and argument errors.
const clientOnly = runs.filter((r) => r.requests.length === 0 && r.stdin === undefined);

describe('docker flag and argument errors, as the real client words them', () => {
  for (const rec of clientOnly) {
    it(`docker ${rec.args.join(' ')}`, async () => {
      const got = await run(rec.args);
      expect(got).toEqual({ stdout: rec.stdout, stderr: rec.stderr, status: rec.status });
    });
  }
});

const parsed = (path: string, args: string[]) => {
  const p = parseCommand(lookupSpec(path)!, path, args);
  if (!('values' in p)) throw new Error(`did not parse: ${JSON.stringify(p)}`);
  return p;
};

describe('docker number flags parse as the real client parses them', () => {
  for (const rec of runs.filter((r) => r.args[0] === 'ps' && r.requests.length > 0)) {
    it(`docker ${rec.args.join(' ')} asks for limit ${rec.requests[0]!.query.limit ?? '(none)'}`, () => {
      const last = parsed('ps', rec.args.slice(1)).int('last', -1);
      const want = rec.requests[0]!.query.limit;
      if (want === undefined) expect(last).toBeLessThanOrEqual(0);
      else expect(last).toBe(Number(want));
    });
  }
  for (const rec of runs.filter((r) => r.args[0] === 'stop' && r.args.includes('-t') && r.requests.length > 0)) {
    it(`docker ${rec.args.join(' ')} waits ${rec.requests[0]!.query.t}s`, () => {
      expect(parsed('stop', rec.args.slice(1)).int('timeout', 10)).toBe(Number(rec.requests[0]!.query.t));
    });
  }
  for (const rec of runs.filter((r) => r.args[0] === 'create' && r.requests.length > 0)) {
    const body = rec.requests[0]!.body!;
    const h = body.HostConfig;
    it(`docker ${rec.args.join(' ')} gives ${JSON.stringify({ NanoCpus: h.NanoCpus, Memory: h.Memory, PidsLimit: h.PidsLimit, StopTimeout: body.StopTimeout })}`, async () => {
      const ctx = { sys: fakeSys([]).sys, name: 'create', args: rec.args.slice(1), root: '/var/lib/docker' } as DockerContext;
      const o = await createOptions(ctx, parsed('create', rec.args.slice(1)), false);
      expect(o.nanoCpus).toBe(h.NanoCpus);
      expect(o.memory).toBe(h.Memory);
      // the engine keeps no limit for 0 or less
      expect(o.pidsLimit).toBe(h.PidsLimit > 0 ? h.PidsLimit : null);
      expect(o.stopTimeout).toBe(body.StopTimeout);
    });
  }
});

const reclaimed = (size: number): string => {
  const rec = runs.find((r) => r.args.join(' ') === `container prune -f --filter label=size=${size}`)!;
  return /Total reclaimed space: .*\n/.exec(rec.stdout)![0];
};

describe('docker container prune and image prune', () => {
  it('print the reclaimed space with four significant digits, as the real client does', async () => {
    expect(reclaimed(1_234_567)).toBe('Total reclaimed space: 1.235MB\n');
    const r = await onDocker(`docker create --name aa box true >/dev/null
up=$(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' aa)
head -c 1234567 /dev/zero > "$up/big"
docker container prune -f | tail -n 1`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(reclaimed(1_234_567));
  });

  it('take only y or Y as a yes (not "yes"), as the real prompt does', async () => {
    const answers = runs.filter((r) => r.args[0] === 'container' && r.stdin !== undefined);
    const kept = answers.filter((r) => !r.stdout.includes('Deleted')).map((r) => r.stdin);
    expect(kept).toEqual(['n\n', '', 'yes\n', 'nope\n']);
    const r = await onDocker(`docker create --name aa box true >/dev/null
echo yes | docker container prune; echo " [$?]"
docker ps -aq | wc -l
echo Y | docker container prune | tail -n 1
docker ps -aq | wc -l`);
    expect(r.stderr).toBe('');
    const prompt = answers.find((r) => r.stdin === 'yes\n')!.stdout;
    expect(r.stdout).toBe(`${prompt} [0]\n1\nTotal reclaimed space: 0B\n0\n`);
  });
});

describe('docker commands on a container that is not there', () => {
  // The engine's words are the fake engine's echo of the name; rmi and tag answer with the
  // reference made whole (nosuch:latest) as the real daemon does, and inspect asks about more
  // kinds of object than the fake engine knows, so those are left out.
  const skip = ['rmi', 'tag', 'inspect', 'port', 'container', 'image', 'attach', 'wait', 'ps', 'images'];
  const cases = runs.filter((r) => r.requests.length > 0 && r.status !== 125 && !skip.includes(r.args[0]!) && ['nosuch', 'other', 'true'].includes(r.args.at(-1)!));

  it('print what the client prints around the engine\'s "No such container", with its status', async () => {
    expect(cases.map((r) => r.args[0])).toContain('start');
    const script = cases.map((r) => `docker ${r.args.join(' ')} 2>&1; echo "@@ $?"`).join('\n');
    const r = await onDocker(script);
    const got = r.stdout.split(/@@ (\d+)\n/);
    cases.forEach((rec, i) => {
      expect({ args: rec.args, out: got[2 * i], status: Number(got[2 * i + 1]) }).toEqual({ args: rec.args, out: rec.stdout + rec.stderr, status: rec.status });
    });
  });
});

describe('docker attach and docker wait', () => {
  const said = (args: string): CliRun => runs.find((r) => r.args.join(' ') === args)!;

  it('attach to a -t container refuses a stdin that is not a terminal, even without -i; --no-stdin does not ask', async () => {
    expect(said('attach ttyonly').stderr).toBe('the input device is not a TTY\n');
    expect(said('attach --no-stdin ttyin').requests.at(-1)!.query.stdin).toBeUndefined();
    expect(said('attach stdinonly').requests.at(-1)!.query.stdin).toBe('1');
    expect(said('attach plain').requests.at(-1)!.query.stdin).toBeUndefined();
    const r = await onDocker(`docker run -dt --name tt box sleep 100 >/dev/null
docker attach tt </dev/null; echo "[$?]"
docker run -d --name done box sh -c 'exit 3' >/dev/null; docker wait done >/dev/null
docker attach done; echo "[$?]"
docker attach nosuch; echo "[$?]"
docker rm -f tt >/dev/null`);
    expect(r.stdout).toBe('[1]\n[1]\n[1]\n');
    expect(r.stderr).toBe(said('attach ttyonly').stderr + said('attach done').stderr + said('attach nosuch').stderr);
  });

  it('wait gives the exit code of a --rm container it was waiting on, and "No such container" once it is gone', async () => {
    // the container exits once the wait is waiting (its fifo is in the task state directory)
    const r = await onDocker(`id=$(docker run -d --rm --name ww box sh -c 'while [ ! -e /go ]; do sleep 0.05; done; exit 3')
docker wait ww > /tmp/waited &
until ls /run/containerd/io.containerd.runtime.v2.task/moby/$id | grep -q wait-; do sleep 0.05; done
docker exec ww touch /go
wait $!; st=$?; cat /tmp/waited; echo "[$st]"
docker wait ww; echo "[$?]"
docker wait nosuch; echo "[$?]"`);
    expect(r.stdout).toBe('3\n[0]\n[1]\n[1]\n');
    expect(r.stderr).toBe('Error response from daemon: No such container: ww\n' + said('wait nosuch').stderr);
  });
});
