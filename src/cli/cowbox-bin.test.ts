// Runs bin/cowbox.js as a user would (`npx cowbox ...`) and checks what each mode prints and its
// exit status: the machine's command's status for -c, --script and piped input; 0 for help and
// version; 2 for usage errors.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/cowbox.js', import.meta.url));

function run(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
    child.stdin!.end(input);
  });
}

describe('bin/cowbox.js', () => {
  it('prints the version from package.json', async () => {
    const { code, stdout } = await run(['--version']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^cowbox \d+\.\d+\.\d+\n$/);
  });

  it('prints usage for --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: cowbox');
    expect(stdout).toContain('--script FILE');
  });

  it('runs -c in a fresh machine and exits with its status; $0 and arguments as sh -c gives them', async () => {
    const r = await run(['-c', 'echo "$0 $1 $2"; uname -n 2>/dev/null; hostname_is=$(cat /etc/hostname 2>/dev/null); exit 7', 'name', 'a', 'b']);
    expect(r.stdout.split('\n')[0]).toBe('name a b');
    expect(r.code).toBe(7);
  });

  it('reports a command that is not found the way dash does', async () => {
    expect(await run(['-c', 'nosuchcommand'])).toEqual({ code: 127, stdout: '', stderr: 'sh: 1: nosuchcommand: not found\n' });
  });

  it('runs a script from this computer with its arguments, and commands piped on stdin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cowbox-cli-'));
    const script = join(dir, 'hello.sh');
    writeFileSync(script, 'echo "hello $1"\nexit 3\n');
    expect(await run(['--script', script, 'world'])).toEqual({ code: 3, stdout: 'hello world\n', stderr: '' });
    expect(await run([], 'echo piped; exit 5\n')).toEqual({ code: 5, stdout: 'piped\n', stderr: '' });
    expect(await run(['--script', '-'], 'echo from stdin\n')).toEqual({ code: 0, stdout: 'from stdin\n', stderr: '' });
  });

  it('reports a missing script and a bad option with status 2', async () => {
    const missing = await run(['--script', '/nonexistent/cowbox-script']);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'cowbox: cannot open /nonexistent/cowbox-script: No such file\n' });
    const bad = await run(['--frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("cowbox: unknown option '--frobnicate'");
  });

  it('shows a host directory inside the machine with -v, read-only with :ro', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cowbox-vol-'));
    writeFileSync(join(dir, 'in.txt'), 'from the host\n');
    const r = await run(['-v', `${dir}:/mnt/host`, '-c', 'read l < /mnt/host/in.txt; echo "$l"; echo made > /mnt/host/out.txt']);
    expect(r).toEqual({ code: 0, stdout: 'from the host\n', stderr: '' });
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('made\n');
    const ro = await run(['-v', `${dir}:/mnt/host:ro`, '-c', 'echo x > /mnt/host/y']);
    expect(ro).toEqual({ code: 2, stdout: '', stderr: 'sh: 1: cannot create /mnt/host/y: Read-only file system\n' });
  });
});
