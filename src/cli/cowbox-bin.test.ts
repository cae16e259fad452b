// Runs bin/cowbox.js as a user would (`npx cowbox ...`) and checks what each mode prints and its
// exit status: 0 for help and version, 2 for usage errors and for anything that needs the shell.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NOT_BUILT } from './main.ts';

const bin = fileURLToPath(new URL('../../bin/cowbox.js', import.meta.url));

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
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

  it('says the shell is not built yet for -c, interactive use and an existing script', async () => {
    for (const args of [['-c', 'echo hi'], [], ['--script', bin]]) {
      const { code, stdout, stderr } = await run(args);
      expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: NOT_BUILT });
    }
  });

  it('reports a missing script and a bad option with status 2', async () => {
    const missing = await run(['--script', '/nonexistent/cowbox-script']);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'cowbox: cannot open /nonexistent/cowbox-script: No such file\n' });
    const bad = await run(['--frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("cowbox: unknown option '--frobnicate'");
  });
});
