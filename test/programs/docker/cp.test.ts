// docker cp held to the real client 28.2.2 (fixtures/cp.json, made by fixtures/record-cp.py):
// argument and path errors word for word; for each recorded copy the same status, the same
// stderr, and the same files left in the local directory; "Successfully copied" only with a
// terminal on stdout (or -q=false), never with -q or for `-`. Then what the recording cannot
// show, on the simulated kernel: a copy into a stopped container goes into its upper dir and
// `docker diff` lists it (A for new, C for the directories copied up), a copy out of a stopped
// container reads its image layers and upper dir, a running one is reached in its own mount
// namespace, -a gives the files to the container's USER.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import docker from '../../../src/programs/docker/docker.ts';
import { ptyProgram } from '../../helpers/pty-program.ts';
import { runOnMachine } from '../procps-machine.ts';
import { MKIMAGE } from './docker-machine.ts';
import { fakeSys } from './replay.ts';

interface CpRun {
  args: string[];
  stdoutTty: boolean;
  stderrTty: boolean;
  status: number;
  stdout?: string;
  stdoutTar?: string[];
  stderr: string;
  stdin?: string;
  requests: { method: string; path: string; query: Record<string, string> }[];
  local: string[];
}

const here = dirname(fileURLToPath(import.meta.url));
const { runs } = JSON.parse(readFileSync(join(here, 'fixtures/cp.json'), 'utf8')) as { runs: CpRun[] };

// logrus lines a goroutine of the real client prints when it gives up early (a race; not words of cp)
const noLog = (s: string): string => s.replace(/^time=".*\n/gm, '');

const ptyrun = ptyProgram((c, args) => c.execve('/bin/docker', ['docker', ...args]));
const ptysh = ptyProgram((c, args) => c.execve('/bin/sh', ['sh', ...args]));

/**
 * A machine laid out as the recording's: containers `web` (running) and `done` (stopped) with
 * /etc/link -> /etc/hostname and /d/a, and a local /OUT with a file, a tree and a directory
 * `dest` holding a directory `hostname`, made again before each command.
 */
const SETUP = `mkimage box ln >/dev/null || exit 99
mkdir -p /prep/etc /prep/d/a && ln -s /etc/hostname /prep/etc/link
docker run -d --name web box sleep 1000 >/dev/null
docker create --name done box true >/dev/null
docker cp -q /prep/. web:/ && docker cp -q /prep/. done:/
reset() { rm -rf /OUT; mkdir -p /OUT/ldir/sub /OUT/dest/hostname; echo hello > /OUT/local; echo x > /OUT/ldir/sub/x; cd /OUT; }
`;

const quote = (a: string): string => `'${a.replace(/'/g, `'\\''`)}'`;

describe('docker cp: argument and path errors, as the real client words them', () => {
  for (const rec of runs.filter((r) => r.requests.length === 0 && !r.args.some((a) => a.includes('/OUT') || a.startsWith('/dev')))) {
    it(`docker ${rec.args.join(' ')}`, async () => {
      const { sys, out } = fakeSys(['docker', ...rec.args]);
      const status = await docker(sys);
      expect({ ...out(), status }).toEqual({ stdout: rec.stdout, stderr: rec.stderr, status: rec.status });
    });
  }
});

describe('commands cowbox lacks', () => {
  it('check their operand count first, as the real client does, and only then say cowbox lacks them', async () => {
    const run = async (args: string[]): Promise<{ stdout: string; stderr: string; status: number }> => {
      const { sys, out } = fakeSys(['docker', ...args]);
      const status = await docker(sys);
      return { ...out(), status };
    };
    expect((await run(['port'])).stderr).toBe(runs.find((r) => r.args.join(' ') === 'port')!.stderr);
    expect(await run(['port', 'web', '80/tcp'])).toEqual({
      stdout: '', stderr: "docker: 'docker port' is a Docker command cowbox does not have\n\nRun 'docker --help' for more information\n", status: 1,
    });
  });
});

describe('docker cp replayed on the simulator', () => {
  const plain = runs.filter((r) => !r.stdoutTty && r.args.join(' ').match(/^(container )?cp /) && (r.requests.length > 0 || r.args.some((a) => a.includes('/OUT'))));

  it('gives the recorded status, stderr and local files for every copy without a terminal', async () => {
    const files: Record<string, string> = {};
    const lines = plain.map((rec, i) => {
      if (rec.stdin) files[`/in${i}.tar`] = Buffer.from(rec.stdin, 'base64').toString('latin1');
      const input = rec.stdin ? `/in${i}.tar` : '/dev/null';
      const out = rec.args.at(-1) === '-' ? '| tar -tf - | sort > /tmp/list' : '>/tmp/o';
      return `reset; docker ${rec.args.map(quote).join(' ')} <${input} 2>/tmp/e ${out}; echo "@@ $?"; cat /tmp/e; echo "@@ files"; find . -mindepth 1 | sed 's|^\\./||' | sort; echo "@@ end"`;
    });
    const r = await runOnMachine(`${SETUP}${lines.join('\n')}\n`, { programs: { mkimage: MKIMAGE }, files });
    const blocks = r.stdout.split('@@ end\n').slice(0, plain.length);
    expect(blocks.length).toBe(plain.length);
    plain.forEach((rec, i) => {
      const m = /^@@ (\d+)\n([^]*?)@@ files\n([^]*)$/.exec(blocks[i]!)!;
      // out of a container the size is the engine's tar; the recording's engine made it with Python
      const fromContainer = rec.args.some((a) => /^[a-z]+:/.test(a) && a === rec.args.at(-2));
      const size = (t: string): string => (fromContainer ? t.replace(/copied \S+ to/, 'copied SIZE to') : t);
      expect({ args: rec.args, status: Number(m[1]), stderr: size(m[2]!), local: m[3]!.split('\n').filter(Boolean) }).toEqual({
        args: rec.args, status: rec.status, stderr: size(noLog(rec.stderr)), local: rec.local,
      });
    });
  }, 60000);

  it('prints "Successfully copied" on a terminal, after which any error; nothing with -q', async () => {
    const tty = runs.filter((r) => r.stdoutTty && r.args[0] === 'cp' && r.args.at(-1) !== '-' && !r.stderr.includes('time=') && !r.stdin);
    const lines = tty.map((rec) => `reset; ptyrun ${rec.args.map(quote).join(' ')} -- ; echo`);
    const r = await runOnMachine(`${SETUP}${lines.join('\n')}\n`, { programs: { mkimage: MKIMAGE, ptyrun } });
    const screens = r.stdout.split('\n').filter((l) => l.startsWith('"')).map((l) => JSON.parse(l) as string);
    expect(screens.length).toBe(tty.length);
    tty.forEach((rec, i) => {
      // A terminal shows both streams. Into a container the client made the archive itself, so
      // sizes match too; out of one, the size is the engine's tar (the recording's was Python's).
      const fromContainer = /^[a-z]+:/.test(rec.args.at(-2)!);
      const size = (t: string): string => (fromContainer ? t.replace(/copied \S+ to/, 'copied SIZE to') : t);
      expect({ args: rec.args, screen: size(screens[i]!) }).toEqual({ args: rec.args, screen: size(rec.stderr.replace(/\n/g, '\r\n')) });
    });
  }, 60000);

  it('out of a container the line names the local DEST and the tar read; from - it says 0B', async () => {
    const stdin = runs.find((x) => x.stdoutTty && x.args.join(' ') === 'cp - web:/tmp')!;
    const r = await runOnMachine(`${SETUP}reset
ptyrun cp web:/etc/hostname /OUT/h --; echo
ptyrun cp -q web:/etc/hostname /OUT/h2 --; echo
ptyrun cp web:/etc/hostname /OUT/newdir/ --; echo
ptysh -c 'docker cp - web:/tmp </in.tar' --; echo
docker exec web cat /tmp/fromtar
cat /OUT/h /OUT/h2`, { programs: { mkimage: MKIMAGE, ptyrun, ptysh }, files: { '/in.tar': Buffer.from(stdin.stdin!, 'base64').toString('latin1') } });
    const screens = r.stdout.split('\n').filter((l) => l.startsWith('"')).map((l) => JSON.parse(l) as string);
    const rec = (args: string): CpRun => runs.find((x) => x.stdoutTty && x.args.join(' ') === args)!;
    // the recording's engine made its tar with Python (3 kB); Docker's Go tar of a small file is 2048 bytes
    expect(rec('cp web:/etc/hostname /OUT/h').stderr).toBe('Successfully copied 3.07kB to /OUT/h\n');
    expect(screens[0]).toBe('Successfully copied 2.05kB to /OUT/h\r\n');
    expect(screens[1]).toBe('');
    expect(rec('cp web:/etc/hostname /OUT/newdir/').stderr).toBe('Successfully copied 0B to /OUT/newdir/\nno such directory\n');
    expect(screens[2]).toBe('Successfully copied 0B to /OUT/newdir/\r\nno such directory\r\n');
    expect(stdin.stderr).toBe('Successfully copied 0B to web:/tmp\n');
    expect(screens[3]).toBe('Successfully copied 0B to web:/tmp\r\n');
    // a running container's /etc/hostname is the engine's file bind-mounted over it: its hostname
    expect(r.stdout).toMatch(/\ntar\n([0-9a-f]{12})\n\1\n$/);
  }, 60000);
});

describe('docker cp and the container filesystem', () => {
  it('copies into a stopped container through its overlay: upper dir, copy-up, docker diff', async () => {
    const r = await runOnMachine(`mkimage box >/dev/null
docker create --name ct box true >/dev/null
up=$(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' ct)
echo new > /note; mkdir -p /tree/sub; echo leaf > /tree/sub/leaf
docker cp /note ct:/tmp/; echo st=$?
docker cp /note ct:/etc/passwd; echo st=$?
docker cp /tree ct:/; echo st=$?
docker diff ct
echo ---; (cd $up && find . | sort)
echo ---; cat $up/etc/passwd
grep -c overlay /proc/self/mountinfo`, { programs: { mkimage: MKIMAGE } });
    expect(r.stderr).toBe('');
    const [status, upper, passwd] = r.stdout.split('---\n');
    expect(status).toBe('st=0\nst=0\nst=0\nC /etc\nC /etc/passwd\nC /tmp\nA /tmp/note\nA /tree\nA /tree/sub\nA /tree/sub/leaf\n');
    expect(upper).toBe('.\n./etc\n./etc/passwd\n./tmp\n./tmp/note\n./tree\n./tree/sub\n./tree/sub/leaf\n');
    // the overlay was mounted for the copy only
    expect(passwd).toBe('new\n0\n');
  }, 60000);

  it('copies out of a stopped container: image layers and upper dir merged, whiteouts hiding', async () => {
    const r = await runOnMachine(`mkimage box >/dev/null
docker run --name ct box sh -c 'echo changed > /etc/group; rm /etc/passwd; mkdir /made; echo m > /made/f' 
docker ps -a --format '{{.Names}} {{.State}}'
docker cp ct:/etc /etcout; echo st=$?
ls /etcout; cat /etcout/group
docker cp ct:/etc/passwd /p; echo st=$?
docker cp ct:/made/. /madeout; echo st=$?; ls /madeout
docker cp ct:/etc/group - | tar -tvf -`, { programs: { mkimage: MKIMAGE } });
    expect(r.stdout).toMatch(/^ct exited\nst=0\n/);
    // passwd is gone (a whiteout in the upper dir), group changed, the -init layer's files are there
    expect(r.stdout).toContain('group\nhostname\nhosts\nmtab\nresolv.conf\nchanged\n');
    expect(r.stdout).toContain('st=1\nst=0\nf\n');
    expect(r.stderr).toBe('Error response from daemon: Could not find the file /etc/passwd in container ct\n');
    expect(r.stdout).toMatch(/-rw-r--r-- 0\/0 +8 \d{4}-\d\d-\d\d \d\d:\d\d group\n$/);
  }, 60000);

  it('reaches a running container in its own mount namespace and leaves no mount behind', async () => {
    const r = await runOnMachine(`mkimage box >/dev/null
docker run -d --name ct box sleep 1000 >/dev/null
n=$(grep -c . /proc/self/mountinfo)
echo hi > /hi; docker cp /hi ct:/root/; docker exec ct cat /root/hi
docker exec ct sh -c 'echo inside > /tmp/in'; docker cp ct:/tmp/in /in; cat /in
docker diff ct
[ "$(grep -c . /proc/self/mountinfo)" = "$n" ] && echo same-mounts
docker rm -f ct >/dev/null`, { programs: { mkimage: MKIMAGE } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('hi\ninside\nC /root\nA /root/hi\nC /tmp\nA /tmp/in\nsame-mounts\n');
  }, 60000);

  it('-a gives the files to the container USER; without it they keep the archive owners', async () => {
    const r = await runOnMachine(`mkimage box >/dev/null
docker create --name ct -u guest box true >/dev/null
echo f > /f; chown 7:7 /f
docker cp /f ct:/tmp/plain; docker cp -a /f ct:/tmp/kept
up=$(docker inspect -f '{{.GraphDriver.Data.UpperDir}}' ct)
stat -c '%n %u:%g' $up/tmp/plain $up/tmp/kept`, { programs: { mkimage: MKIMAGE } });
    expect(r.stderr).toBe('');
    expect(r.stdout.replace(/\S*\/tmp\//g, '')).toBe('plain 7:7\nkept 405:100\n');
  }, 60000);
});
