// sed on the simulated kernel: what the sed-* conformance recordings cannot show — in-place
// editing keeps the file's owner and mode and leaves it untouched when sed fails half-way, the
// seed's configuration edits under /etc, usage errors (GNU prints its whole help there), and a
// long input.

import { describe, expect, it } from 'vitest';
import type { Sys } from '../../src/sys/sys.ts';
import { runSh } from '../shell/run-sh.ts';

/** Prints mode, uid and gid of each argument (the machine has no stat program yet). */
const statProgram = async (sys: Sys): Promise<number> => {
  let out = '';
  for (const p of sys.argv.slice(1)) {
    const st = await sys.stat(p);
    out += `${(st.mode & 0o7777).toString(8)} ${st.uid} ${st.gid}\n`;
  }
  await sys.writeAll(1, out);
  return 0;
};

const chownProgram = async (sys: Sys): Promise<number> => {
  await sys.chown(sys.argv[3]!, Number(sys.argv[1]), Number(sys.argv[2]));
  return 0;
};

/** Lists a directory's entries (to see that no temporary file is left). */
const listProgram = async (sys: Sys): Promise<number> => {
  const fd = await sys.open(sys.argv[1] ?? '.', 0);
  const names = (await sys.getdents(fd)).map((d) => d.name).filter((n) => n !== '.' && n !== '..').sort();
  await sys.writeAll(1, names.join(' ') + '\n');
  return 0;
};

const programs = { statx: statProgram, chownx: chownProgram, lsx: listProgram };

describe('sed -i', () => {
  it("edits the seed's configuration files in place", async () => {
    const r = await runSh(
      'mkdir -p /etc/httpd/conf /etc/php-fpm.d; ' +
        'printf "ServerRoot \\"/etc/httpd\\"\\nListen 80\\n" > /etc/httpd/conf/httpd.conf; ' +
        'printf "[www]\\nlisten.acl_users = apache,nginx\\n" > /etc/php-fpm.d/www.conf; ' +
        "sed -i 's/Listen 80/Listen 8080/' /etc/httpd/conf/httpd.conf; echo $?; " +
        "sed -i 's/listen.acl_users = apache,nginx/listen.acl_users =/' /etc/php-fpm.d/www.conf; echo $?; " +
        'cat /etc/httpd/conf/httpd.conf /etc/php-fpm.d/www.conf; lsx /etc/httpd/conf',
      { programs },
    );
    expect(r.stdout).toBe('0\n0\nServerRoot "/etc/httpd"\nListen 8080\n[www]\nlisten.acl_users =\nhttpd.conf\n');
    expect(r.stderr).toBe('');
  });

  it("keeps the file's mode and owner", async () => {
    const r = await runSh('echo old > f; chmod 640 f; chownx 1000 1001 f; sed -i s/old/new/ f; cat f; statx f', { programs });
    expect(r.stdout).toBe('new\n640 1000 1001\n');
  });

  it('leaves the file as it was when it fails half-way, and no temporary file behind', async () => {
    const r = await runSh("printf 'a\\nb\\n' > f; sed -i '2s//x/' f; echo $?; cat f; lsx .", { programs });
    expect(r.stdout).toBe('1\na\nb\nf\n');
    expect(r.stderr).toBe('sed: -e expression #1, char 0: no previous regular expression\n');
  });

  it('makes a backup with a suffix, and with * standing for the name', async () => {
    const r = await runSh("mkdir bak; echo one > f; sed -i.orig s/one/two/ f; sed -i'bak/*.old' s/two/three/ f; cat f f.orig bak/f.old", { programs });
    expect(r.stdout).toBe('three\none\ntwo\n');
  });
});

describe('sed', () => {
  it('shows its usage on standard error for an unknown option or no script', async () => {
    const r = await runSh('sed -k p; echo $?; sed; echo $?');
    expect(r.stdout).toBe('1\n1\n');
    expect(r.stderr).toMatch(/^sed: invalid option -- 'k'\nUsage: sed \[OPTION\]\.\.\. \{script-only-if-no-other-script\}/);
    expect(r.stderr.match(/Usage: sed/g)).toHaveLength(2);
  });

  it('edits a long input line by line', async () => {
    const lines: string[] = [];
    for (let i = 1; i <= 100000; i++) lines.push(`key${i}=value${i}`);
    const r = await runSh("sed -n 's/^key\\([0-9]*5\\)=value\\1$/\\1/p' /tmp/big | sed -n '$p;$='", { files: { '/tmp/big': lines.join('\n') + '\n' } });
    expect(r.stdout).toBe('99995\n10000\n');
  });

  it('writes w files and reads R files line by line (appended text shows even with -n)', async () => {
    const r = await runSh("printf '1\\n2\\n3\\n' > n; printf 'x\\ny\\n' > r; sed -n 'w out\nR r' n; cat out; sed 'R r' n");
    expect(r.stdout).toBe('x\ny\n1\n2\n3\n1\nx\n2\ny\n3\n');
  });

  it('flushes each line when its output is unbuffered (-u)', async () => {
    const r = await runSh("printf 'a\\nb\\n' | sed -u 's/^/>/'");
    expect(r.stdout).toBe('>a\n>b\n');
  });
});
