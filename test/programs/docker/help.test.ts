// `docker`, `docker --help`, `docker GROUP --help`, `docker COMMAND --help` and the flag and
// argument errors, replayed against recordings of the real CLI 28.2.2 (fixtures/help.json).
// Error messages are behaviour and are compared byte for byte. Help pages are compared for
// their facts only, since their sentences are ours: the usage lines, the section headings and
// blank lines, the aliases, each command list's names and where its summaries start, each flag
// line's flag column (names, shorthand, value name, padding, so the description column starts
// where Docker's does) and its "(default ...)" value, and the "Run 'docker ...'" footers. Our
// flag descriptions must also wrap as pflag wraps them at 79 columns, and must not be Docker's
// own words.

import { describe, expect, it } from 'vitest';
import docker from '../../../src/programs/docker/docker.ts';
import { runOnMachine } from '../procps-machine.ts';
import { expectSameOutput, skeleton, wrapProblems } from './help-facts.ts';
import { fakeSys, loadRecording } from './replay.ts';

// The recording ran with a temporary DOCKER_CONFIG; the simulator's is $HOME/.docker.
const normalize = (s: string): string => s.replace(/\/tmp\/tmp[a-z0-9_]+\/cfg/g, '/tmp/HOME/.docker');

const { runs } = loadRecording('help');

async function run(args: string[]): Promise<{ stdout: string; stderr: string; status: number }> {
  const { sys, out } = fakeSys(['docker', ...args]);
  const status = await docker(sys);
  return { ...out(), status };
}

describe('docker help and errors', () => {
  for (const rec of runs) {
    // the recording machine's client lacks buildx: its `build --help` is the legacy builder's
    if (rec.args[0] === 'build') continue;
    it(`docker ${rec.args.join(' ')}`, async () => {
      const got = await run(rec.args);
      const want = { stdout: normalize(rec.stdout), stderr: normalize(rec.stderr) };
      expect(got.status).toBe(rec.status);
      for (const stream of ['stdout', 'stderr'] as const) expectSameOutput(got[stream], want[stream], stream, rec.status === 0);
    });
  }

  it("no command summary in `docker --help` or a group page is Docker's", async () => {
    const summaries = (page: string): Map<string, string> =>
      new Map(page.split('\n').flatMap((l) => {
        const m = /^ {2}(\S+) +(\S.*)$/.exec(l);
        return m && !l.includes('--') ? [[m[1]!, m[2]!] as [string, string]] : [];
      }));
    for (const args of [['--help'], ['container', '--help'], ['image', '--help'], ['system', '--help']]) {
      const rec = runs.find((r) => r.args.join(' ') === args.join(' '))!;
      const theirs = summaries(rec.stdout);
      const ours = summaries((await run(args)).stdout);
      expect(ours.size).toBe(theirs.size);
      expect([...ours].filter(([name, s]) => theirs.get(name) === s)).toEqual([]);
    }
  });
});

describe('docker build, builder build and image build', () => {
  for (const path of ['build', 'builder build', 'image build']) {
    it(`docker ${path} --help lists BuildKit's flags`, async () => {
      const got = await run([...path.split(' '), '--help']);
      expect(got.status).toBe(0);
      const { facts } = skeleton(got.stdout);
      expect(facts.slice(0, 6)).toEqual([`usage Usage:  docker ${path} [OPTIONS] PATH | URL | -`, 'blank', 'prose', 'blank', 'heading Aliases:', 'alias   docker image build, docker build, docker builder build']);
      expect(facts.filter((f) => f.startsWith('flag '))).toEqual([
        'flag       --build-arg list    | described: true',
        'flag   -f, --file string       | described: true',
        'flag       --no-cache          | described: true',
        'flag       --platform string   | described: true',
        'flag       --progress string   | described: true | default "auto"',
        'flag       --pull              | described: true',
        'flag   -q, --quiet             | described: true',
        'flag   -t, --tag list          | described: true',
        'flag       --target string     | described: true',
      ]);
      expect(wrapProblems(got.stdout)).toEqual([]);
    });
  }

  it('rejects a flag BuildKit does not have with pflag\'s words', async () => {
    const got = await run(['build', '--squash', '.']);
    expect(got).toEqual({ stdout: '', stderr: "unknown flag: --squash\n\nUsage:  docker build [OPTIONS] PATH | URL | -\n\nRun 'docker build --help' for more information\n", status: 125 });
  });

  it('passes --progress=plain and -t through to the builder, by every spelling', async () => {
    const r = await runOnMachine(`mkdir -p /r/bin /r/etc && cp /bin/sh /bin/echo /r/bin/
echo root:x:0:0:root:/root:/bin/sh > /r/etc/passwd && echo root:x:0: > /r/etc/group
tar -C /r -cf /tmp/r.tar . && docker import /tmp/r.tar base >/dev/null
mkdir -p /ctx && printf 'FROM base\\nRUN echo built-here\\n' > /ctx/Dockerfile
docker build --progress=plain -t x /ctx 2>&1 | grep -c '[0-9] built-here$'
docker image build --progress=plain -q -t y /ctx >/dev/null; echo $?
docker builder build --progress plain --no-cache -t z /ctx >/dev/null 2>&1; echo $?
docker images --format '{{.Repository}}' | sort | tr '\\n' ' '`);
    expect(r.stdout).toBe('1\n0\n0\nbase x y z ');
  });
});
