// docker top: the recorded layout (columns at least 20 wide) for the daemon's process list,
// and the daemon's parsing of host `ps -ef` output filtered to the container's PIDs.

import { describe, expect, it } from 'vitest';
import { parsePs, renderTop } from '../../../src/programs/docker/cmd/top.ts';
import { loadRecording } from './replay.ts';

const { dataset, runs } = loadRecording('varied');

describe('docker top', () => {
  for (const run of runs.filter((r) => r.args[0] === 'top' && r.status === 0)) {
    it(run.args.join(' '), () => {
      const c = dataset.containers.find((x) => x.Name === `/${run.args[1]}`)!;
      expect(renderTop(dataset.top[c.Id]!).stdout).toBe(run.stdout);
    });
  }

  it('keeps only the container PIDs from ps -ef and joins the command words', () => {
    const out = [
      'UID          PID    PPID  C STIME TTY          TIME CMD',
      'root           1       0  0 10:00 ?        00:00:01 /sbin/init',
      'root        2846       1  0 10:02 ?        00:00:00 containerd-shim-runc-v2 -id abc',
      'root        2868    2846  0 10:02 ?        00:00:00 nginx: master process nginx -g daemon off;',
      '101         2921    2868  0 10:02 ?        00:00:00 nginx: worker process',
      '',
    ].join('\n');
    const list = parsePs(out, new Set([2868, 2921]));
    expect(list).toEqual({
      Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
      Processes: [
        ['root', '2868', '2846', '0', '10:02', '?', '00:00:00', 'nginx: master process nginx -g daemon off;'],
        ['101', '2921', '2868', '0', '10:02', '?', '00:00:00', 'nginx: worker process'],
      ],
    });
    expect(parsePs('USER COMMAND\nroot x\n', new Set([1]))).toBe("Couldn't find PID field in ps output");
  });
});

// The same commands reading a real machine's state: a container started by `docker run -d`
// on the docker test machine, its cgroup, upper dir and records.
import { onDocker } from './docker-machine.ts';

describe('docker state commands on a machine', () => {
  it('ps, top, diff, stats, inspect, history, images and system df agree with what the container did', async () => {
    const r = await onDocker(`docker run -d --name web box sh -c 'echo hi > /new; rm /etc/group; sleep 100' >/dev/null
sleep 1
echo "== ps"; docker ps --format '{{.Names}}|{{.Image}}|{{.Command}}|{{.State}}'
echo "== psq"; docker container ls -q | wc -l
echo "== pid"; docker inspect -f '{{.State.Pid}}' web
echo "== top"; docker top web
echo "== diff"; docker diff web
echo "== stats"; docker stats --no-stream --format '{{.Name}} {{.PIDs}} {{.NetIO}}'
echo "== history"; docker history --format '{{.ID}} {{.CreatedBy}} {{.Size}}' box
echo "== images"; docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}'
echo "== df"; docker system df --format '{{.Type}} {{.TotalCount}} {{.Active}}'
echo "== missing"; docker top nosuch; echo "status=$?"
`);
    const part = (name: string): string => r.stdout.split(`== ${name}\n`)[1]!.split(/^== /m)[0]!;
    expect(part('ps')).toBe(`web|box|"sh -c 'echo hi > /n…"|running\n`);
    expect(part('psq').trim()).toBe('1');
    const pid = part('pid').trim();
    const top = part('top').split('\n');
    expect(top[0]).toBe('UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD');
    expect(top.some((l) => /^root {16}/.test(l) && l.includes(`${pid} `) && l.endsWith('sleep 100'))).toBe(true);
    expect(part('diff')).toBe('C /etc\nD /etc/group\nA /new\n');
    expect(part('stats')).toBe('web 1 0B / 0B\n');
    expect(part('history')).toMatch(/^[0-9a-f]{12} mkimage \d+B\n$/);
    expect(part('images')).toMatch(/^box:latest \d+B\n$/);
    expect(part('df')).toBe('Images 1 1\nContainers 1 1\nLocal Volumes 0 0\nBuild Cache 0 0\n');
    expect(part('missing')).toBe('status=1\n');
    expect(r.stderr).toContain('Error response from daemon: No such container: nosuch\n');
  }, 120000);
});
