// cksum where ours must differ from the recorded 9.1: blake2b and sm3 are not implemented, so
// they say so rather than print a wrong digest, and --debug names the plain table-driven CRC
// (the recording machine's CPU has pclmul, which our CRC does not use).

import { describe, expect, it } from 'vitest';
import { runSh } from '../../shell/run-sh.ts';

describe('cksum', () => {
  it('refuses blake2b and sm3 plainly', async () => {
    const r = await runSh(`printf abc > a
cksum -a blake2b a; echo status $?
cksum -a sm3 a; echo status $?
cksum -a blake2b -l 128 a; echo status $?
cksum -a sm3 -l 128 a; echo status $?`);
    expect(r.stdout).toBe('status 1\nstatus 1\nstatus 1\nstatus 1\n');
    expect(r.stderr).toBe("cksum: the blake2b algorithm is not implemented in cowbox's cksum\n"
      + "cksum: the sm3 algorithm is not implemented in cowbox's cksum\n"
      + "cksum: the blake2b algorithm is not implemented in cowbox's cksum\n"
      + 'cksum: --length is only supported with --algorithm=blake2b\n');
  });

  it('counts BLAKE2b and SM3 lines it cannot check as improperly formatted', async () => {
    const r = await runSh(`printf abc > a
printf 'SM3 (a) = 66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0\\n' > s
cksum -a md5 a >> s
cksum -c s; echo status $?`);
    expect(r.stdout).toBe('a: OK\nstatus 0\n');
    expect(r.stderr).toBe('cksum: WARNING: 1 line is improperly formatted\n');
  });

  it('--debug says the CRC runs without pclmul, once, and only for the CRC', async () => {
    const r = await runSh(`printf abc > a
cksum --debug a a
cksum --debug -a md5 a`);
    expect(r.stderr).toBe('cksum: pclmul support not detected\n');
    expect(r.stdout).toBe('1219131554 3 a\n1219131554 3 a\nMD5 (a) = 900150983cd24fb0d6963f7d28e17f72\n');
  });

  it('--help lists the algorithms and the missing ones', async () => {
    const r = await runSh('cksum --help');
    expect(r.stdout).toContain('-a, --algorithm=TYPE');
    expect(r.stdout).toContain('blake2b and sm3 are not available here');
    expect(r.stdout).not.toMatch(/^\s+-b\b/m);
  });
});
