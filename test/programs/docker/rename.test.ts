// docker rename held to the real client 28.2.2 (fixtures/cp.json, made by fixtures/record-cp.py,
// whose fake engine answers in the daemon's words): the refusals (same name, a taken name, an
// invalid one, an unknown container) each followed by the client's own line, status 1; then on
// the simulator the new name in ps, in inspect's .Name (with its "/"), in the record on disk,
// and the old name free for a new container.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { onDocker } from './docker-machine.ts';

interface Run {
  args: string[];
  status: number;
  stdout: string;
  stderr: string;
  requests: unknown[];
}

const here = dirname(fileURLToPath(import.meta.url));
const { runs, containers } = JSON.parse(readFileSync(join(here, 'fixtures/cp.json'), 'utf8')) as { runs: Run[]; containers: Record<string, string> };
const quote = (a: string): string => `'${a.replace(/'/g, `'\\''`)}'`;

describe('docker rename', () => {
  it('answers every recorded rename as the real client did', async () => {
    const recorded = runs.filter((r) => r.args.includes('rename') && r.requests.length > 0);
    const lines = recorded.map((rec) => {
      // the recording named `web` by its id prefix once: use ours
      const args = rec.args.map((a) => (a === containers.web!.slice(0, 12) ? '$WEB' : quote(a)));
      return `docker ${args.join(' ')} >/tmp/o 2>/tmp/e; echo "@@ $?"; cat /tmp/o /tmp/e; echo "@@ end"
docker rename site web 2>/dev/null; docker rename finished done 2>/dev/null`;
    });
    const r = await onDocker(`WEB=$(docker run -d --name web box sleep 1000 | cut -c1-12)
DONE=$(docker create --name done box true)
echo "done=$DONE"
${lines.join('\n')}
docker rm -f web >/dev/null`);
    const done = /^done=([0-9a-f]{64})$/m.exec(r.stdout)![1]!;
    const blocks = r.stdout.split('@@ end\n').slice(0, recorded.length);
    recorded.forEach((rec, i) => {
      const m = /@@ (\d+)\n([^]*)$/.exec(blocks[i]!)!;
      const want = (rec.stdout + rec.stderr).replace(containers.done!, done).replace(containers.web!.slice(0, 12), '$WEB');
      expect({ args: rec.args, status: Number(m[1]), out: m[2]!.replace(/named [0-9a-f]{12}\n/, 'named $WEB\n') }).toEqual({ args: rec.args, status: rec.status, out: want });
    });
  }, 60000);

  it('shows the new name in ps, inspect and the record on disk; the old name is free again', async () => {
    const r = await onDocker(`id=$(docker run -d --name first box sleep 1000)
docker rename first /second; echo st=$?
docker ps --format '{{.Names}} {{.Status}}' | sed 's/Up .*/up/'
docker inspect -f '{{.Name}} {{.Config.Hostname}}' second
grep -o '"Name":"/[^"]*"' /var/lib/docker/containers/$id/config.v2.json
docker create --name first box true >/dev/null && echo first-free
docker inspect first >/dev/null && echo first-is-new
docker exec second hostname | grep -c "$(echo $id | cut -c1-12)"
docker rename second first; echo st=$?
docker rm -f second first >/dev/null`);
    expect(r.stdout).toBe('st=0\nsecond up\n/second ' + /^([0-9a-f]{12})/m.exec(r.stdout.split('\n').find((l) => l.startsWith('/second'))!.slice(8))![1] + '\n"Name":"/second"\nfirst-free\nfirst-is-new\n1\nst=1\n');
    expect(r.stderr).toMatch(/^Error response from daemon: Error when allocating new name: Conflict\. The container name "\/first" is already in use by container "[0-9a-f]{64}"\. You have to remove \(or rename\) that container to be able to reuse that name\.\nError: failed to rename container named second\n$/);
  }, 60000);
});
