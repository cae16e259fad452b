// strace on the simulated kernel: the calls a command makes, printed as strace 6.1 prints them,
// followed into children with -f, filtered with -e, written to files with -o/-ff, counted with
// -c, and a running process attached with -p.

import { describe, expect, it } from 'vitest';
import { linesWith, ulSh } from './ul-sh.ts';

describe('strace', () => {
  it("shows what `sh -c 'echo hi > f'` does: exec, open, write, exit", async () => {
    const r = await ulSh(`strace -f sh -c 'echo hi > f'
echo status $?
cat f`);
    expect(r.stdout).toBe('status 0\nhi\n');
    const lines = r.stderr.split('\n');
    expect(lines[0]).toMatch(/^execve\("\/bin\/sh", \["sh", "-c", "echo hi > f"\], 0x[0-9a-f]+ \/\* \d+ vars \*\/\) = 0$/);
    expect(r.stderr).toContain('openat(AT_FDCWD, "f", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3\n');
    expect(r.stderr).toContain('write(1, "hi\\n", 3)                     = 3\n');
    expect(lines.at(-2)).toBe('+++ exited with 0 +++');
    // One process all along: no [pid N] prefixes.
    expect(r.stderr).not.toContain('[pid');
  });

  it('-f follows a child: attach message, [pid N] prefixes, interrupted lines and SIGCHLD', async () => {
    const r = await ulSh(`strace -f -e trace=clone,execve,wait4,exit_group sh -c '/bin/true; exit 4'
echo status $?`);
    expect(r.stdout).toBe('status 4\n');
    const child = /strace: Process (\d+) attached/.exec(r.stderr)?.[1] ?? 'none';
    expect(child).toMatch(/^\d+$/);
    expect(r.stderr).toMatch(/^execve\("\/bin\/sh", \["sh", "-c", "\/bin\/true; exit 4"\]/);
    expect(r.stderr).toMatch(/clone\(child_stack=NULL, flags=SIGCHLD/);
    expect(linesWith(r.stderr, `[pid ${child.padStart(5)}] execve("/bin/true", ["/bin/true"]`)).toHaveLength(1);
    expect(r.stderr).toContain(`[pid ${child.padStart(5)}] +++ exited with 0 +++\n`);
    expect(r.stderr).toMatch(/wait4\(-1, {2}<unfinished \.\.\.>\n/);
    expect(r.stderr).toMatch(new RegExp(`<\\.\\.\\. wait4 resumed>\\[\\{WIFEXITED\\(s\\) && WEXITSTATUS\\(s\\) == 0\\}\\], 0, NULL\\) = ${child}\\n`));
    expect(r.stderr).toMatch(new RegExp(`--- SIGCHLD \\{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=${child}, si_uid=0, si_status=0, si_utime=\\d+, si_stime=\\d+\\} ---\\n`));
    expect(r.stderr.endsWith('+++ exited with 4 +++\n')).toBe(true);
  });

  it('shows namespace flags by name: unshare and mount calls of a container recipe', async () => {
    const r = await ulSh('strace -f -e trace=unshare,clone,mount,sethostname unshare --pid --fork --uts --mount-proc nodename box');
    expect(r.stderr).toContain('unshare(CLONE_NEWNS|CLONE_NEWUTS|CLONE_NEWPID) = 0\n');
    expect(r.stderr).toMatch(/clone\(child_stack=NULL, flags=SIGCHLD/);
    expect(r.stderr).toMatch(/mount\("proc", "\/proc", "proc", MS_NOSUID\|MS_NODEV\|MS_NOEXEC, NULL\) = 0\n/);
    expect(r.stderr).toMatch(/sethostname\("box", 3\) += 0\n/);
  });

  it('cuts strings at -s bytes, and errors read -1 ENOENT (text)', async () => {
    const r = await ulSh(`strace -e trace=write echo 0123456789012345678901234567890123456789
strace -s 4 -e trace=write echo abcdefgh
strace -e trace=openat cat nosuch`);
    expect(r.stderr).toContain('write(1, "01234567890123456789012345678901"..., 41) = 41\n');
    expect(r.stderr).toMatch(/write\(1, "abcd"\.\.\., 9\) +(?<= {2,})= 9\n/);
    expect(r.stderr).toContain('openat(AT_FDCWD, "nosuch", O_RDONLY)    = -1 ENOENT (No such file or directory)\n');
    expect(r.stderr).toContain('cat: nosuch: No such file or directory\n+++ exited with 1 +++\n');
  });

  it('-e trace=%file and !SET choose the calls shown; -y names descriptors', async () => {
    const r = await ulSh(`echo abc > f
strace -e trace=%file cat f 2>&1 >/dev/null | grep -v '^+++'
echo --
strace -e 'trace=!execve,newfstatat,openat' -y cat f 2>&1 >/dev/null`);
    const [files, rest] = r.stdout.split('--\n') as [string, string];
    expect(files.split('\n').filter(Boolean).map((l) => l.replace(/\(.*/, ''))).toEqual(['execve', 'openat']);
    expect(rest).toContain('read(3</tmp/sh-case/f>, "abc\\n", 65536) = 4\n');
    expect(rest).toContain('close(3</tmp/sh-case/f>)');
    expect(rest).not.toContain('openat');
  });

  it('-o writes the trace to a file (pid-prefixed with -f); -ff writes a file per process', async () => {
    const r = await ulSh(`strace -f -o log -e trace=execve sh -c '/bin/true; exit 0'
cat log
strace -ff -o each -e trace=execve sh -c '/bin/true; exit 0'
ls each.* | wc -l`);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^\d+ {2,}execve\("\/bin\/sh"/);
    expect(lines.filter((l) => /^\d+ +\+\+\+ exited with 0 \+\+\+$/.test(l))).toHaveLength(2);
    expect(lines.at(-2)).toBe('2');
    expect(r.stderr).toMatch(/^strace: Process \d+ attached\nstrace: Process \d+ attached\n$/);
  });

  it('-c counts calls and errors instead of printing them', async () => {
    const r = await ulSh('strace -c cat nosuch');
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe('cat: nosuch: No such file or directory');
    expect(lines[1]).toBe('% time     seconds  usecs/call     calls    errors syscall');
    expect(lines[2]).toBe('------ ----------- ----------- --------- --------- ----------------');
    expect(linesWith(r.stderr, ' openat')).toEqual([expect.stringMatching(/^ +[\d.]+ +[\d.]+ +\d+ +1 +1 openat$/)]);
    expect(lines.at(-2)).toMatch(/^100\.00 +[\d.]+ +\d+ +\d+ +1 total$/);
    // strace ends as the command did.
    expect(r.status).toBe(1);
  });

  it('reports a signal that kills the command, and dies of it too', async () => {
    const r = await ulSh(`strace -e trace=kill sh -c 'kill -TERM $$'
echo status $?`);
    expect(r.stdout).toBe('status 143\n');
    expect(r.stderr).toMatch(/^kill\((\d+), SIGTERM\) += 0\n--- SIGTERM \{si_signo=SIGTERM, si_code=SI_USER, si_pid=\1, si_uid=0\} ---\n\+\+\+ killed by SIGTERM \+\+\+\n/);
  });

  it('-p attaches to a running process and lets it go when it ends', async () => {
    const r = await ulSh(`mkfifo go
sh -c 'read x < /tmp/sh-case/go; echo got $x' &
target=$!
strace -p $target -o log -e trace=write 2> attached &
until read line < attached; do :; done
echo $line | sed 's/[0-9][0-9]*/N/'
echo now > go
wait
cat log`);
    expect(r.stdout).toBe('strace: Process N attached\ngot now\nwrite(1, "got now\\n", 8)                = 8\n+++ exited with 0 +++\n');
  });

  it('says what real strace says for a command it cannot run', async () => {
    const r = await ulSh(`strace nosuch
echo status $?
echo x > f
strace -e trace=execve ./f
echo status $?`);
    expect(r.stdout).toBe('status 1\nstatus 1\n');
    expect(r.stderr).toMatch(/^strace: Can't stat 'nosuch': No such file or directory\nexecve\("\.\/f", \["\.\/f"\], 0x[0-9a-f]+ \/\* \d+ vars \*\/\) = -1 EACCES \(Permission denied\)\nstrace: exec: Permission denied\n\+\+\+ exited with 1 \+\+\+\n$/);
  });
});
