// The CLI's own stdin, stdout and stderr as a command sees them: three distinct pipes (their own
// inode numbers, as on Linux), which /dev/stdin and /dev/stderr open again through /proc.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/cowbox.js', import.meta.url));

function run(script: string, input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, '-c', script], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
    child.stdin!.end(input);
  });
}

describe('host streams', () => {
  it('are distinct pipes that /dev/stdin, /dev/stdout and /dev/stderr reach', async () => {
    const r = await run('readlink /proc/self/fd/0 /proc/self/fd/1 /proc/self/fd/2 | sort -u | wc -l; [ -p /dev/stdin ] && echo pipe; cat /dev/stdin; echo to-err > /dev/stderr; echo to-out > /dev/stdout', 'from host\n');
    expect(r.stdout).toBe('3\npipe\nfrom host\nto-out\n');
    expect(r.stderr).toBe('to-err\n');
    expect(r.code).toBe(0);
  });
});
