// runtime/archive/tar.ts and gzip.ts against the real GNU tar 1.34 and gzip 1.12 of this machine: an
// archive we pack must list the same under `tar tvf`, and what real tar writes we must read
// back field for field; gzip streams must go both ways through the real gzip.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32, gzipCompress, gzipDecompress, GzipError, parseGzipHeader } from '../../src/runtime/archive/gzip.ts';
import { archiveEnd, entryHeader, iterateTar, packTar, TarError, type TarEntry } from '../../src/runtime/archive/tar.ts';

const dir = mkdtempSync(join(tmpdir(), 'tar-format-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const T = 1700000000;

function entry(over: Partial<TarEntry> & Pick<TarEntry, 'name' | 'type'>): TarEntry {
  return { mode: 0o644, uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: T, size: 0, linkname: '', devmajor: 0, devminor: 0, ...over };
}

const sh = (cmd: string): string => execFileSync('sh', ['-c', cmd], { env: { PATH: '/usr/bin:/bin', LANG: 'C', TZ: 'UTC' } }).toString('latin1');

describe('tar format', () => {
  const longName = `deep/${'n'.repeat(130)}`;
  const longTarget = `t/${'x'.repeat(120)}`;
  const entries: TarEntry[] = [
    entry({ name: 'deep', type: 'dir', mode: 0o755 }),
    entry({ name: 'deep/file.txt', type: 'file', size: 6, data: enc('hello\n') }),
    entry({ name: 'deep/link', type: 'symlink', mode: 0o777, linkname: 'file.txt' }),
    entry({ name: 'deep/hard', type: 'hardlink', linkname: 'deep/file.txt' }),
    entry({ name: 'deep/fifo', type: 'fifo' }),
    entry({ name: 'deep/null', type: 'chardev', devmajor: 1, devminor: 3 }),
    entry({ name: longName, type: 'file', size: 1000, data: new Uint8Array(1000).fill(65), uid: 1000, gid: 1000, uname: 'alice', gname: 'staff' }),
    entry({ name: 'deep/longlink', type: 'symlink', mode: 0o777, linkname: longTarget }),
  ];

  it('packs an archive that GNU tar lists as GNU tar would', () => {
    const archive = packTar(entries);
    expect(archive.length % 10240).toBe(0);
    const file = join(dir, 'ours.tar');
    writeFileSync(file, archive);
    expect(sh(`tar tvf ${file}`)).toBe([
      'drwxr-xr-x root/root         0 2023-11-14 22:13 deep/',
      '-rw-r--r-- root/root         6 2023-11-14 22:13 deep/file.txt',
      'lrwxrwxrwx root/root         0 2023-11-14 22:13 deep/link -> file.txt',
      'hrw-r--r-- root/root         0 2023-11-14 22:13 deep/hard link to deep/file.txt',
      'prw-r--r-- root/root         0 2023-11-14 22:13 deep/fifo',
      'crw-r--r-- root/root       1,3 2023-11-14 22:13 deep/null',
      `-rw-r--r-- alice/staff    1000 2023-11-14 22:13 ${longName}`,
      `lrwxrwxrwx root/root         0 2023-11-14 22:13 deep/longlink -> ${longTarget}`,
      '',
    ].join('\n'));
    // And the bytes come back out.
    const out = join(dir, 'x');
    sh(`mkdir -p ${out} && tar xf ${file} -C ${out} deep/file.txt '${longName}'`);
    expect(readFileSync(join(out, 'deep/file.txt'), 'utf8')).toBe('hello\n');
    expect(readFileSync(join(out, longName), 'utf8')).toBe('A'.repeat(1000));
  });

  it('writes headers byte for byte as GNU tar does', () => {
    sh(`cd ${dir} && rm -rf g && mkdir g && printf 'hi\\n' > g/f && touch -d @${T} g/f && tar cf g.tar g/f`);
    const theirs = new Uint8Array(readFileSync(join(dir, 'g.tar')));
    const ours = entryHeader(entry({ name: 'g/f', type: 'file', size: 3 }));
    expect([...ours]).toEqual([...theirs.subarray(0, 512)]);
    expect(archiveEnd(512 + 512).length).toBe(10240 - 1024);
  });

  it('reads what GNU tar writes', () => {
    sh(`cd ${dir} && rm -rf r && mkdir -p r/sub && printf 'data' > r/sub/f && ln -s f r/sub/l && ln r/sub/f r/h && mkfifo r/p && mkdir -p r/${'y'.repeat(120)} && touch -d @${T} r/sub/f r/sub r/p r && touch -h -d @${T} r/sub/l && tar cf r.tar r`);
    const list = [...iterateTar(new Uint8Array(readFileSync(join(dir, 'r.tar'))))];
    const byName = new Map(list.map((e) => [e.name, e]));
    expect(byName.get('r/')?.type).toBe('dir');
    // Which of the two names is the file and which the link depends on the directory order.
    const f = byName.get('r/sub/f')!.type === 'file' ? byName.get('r/sub/f')! : byName.get('r/h')!;
    const h = f.name === 'r/h' ? byName.get('r/sub/f')! : byName.get('r/h')!;
    expect(f.type).toBe('file');
    expect(h).toMatchObject({ type: 'hardlink', linkname: f.name });
    expect(new TextDecoder().decode(f.data)).toBe('data');
    expect(f.mtime).toBe(T);
    expect(f.mode).toBe(0o644);
    expect(f.uname).toBe('root');
    expect(byName.get('r/sub/l')).toMatchObject({ type: 'symlink', linkname: 'f' });
    expect(byName.get('r/p')?.type).toBe('fifo');
    expect(byName.get(`r/${'y'.repeat(120)}/`)?.type).toBe('dir');
  });

  it('reads pax and ustar archives', () => {
    const deep = `px/${'q'.repeat(60)}/${'p'.repeat(80)}`;
    sh(`cd ${dir} && rm -rf px && mkdir -p px/${'q'.repeat(60)} && printf 'z' > ${deep} && tar --format=pax -cf px.tar px && tar --format=ustar -cf us.tar px`);
    for (const f of ['px.tar', 'us.tar']) {
      const names = [...iterateTar(new Uint8Array(readFileSync(join(dir, f))))].map((e) => e.name);
      expect(names).toContain(deep);
    }
  });

  it('refuses what is not an archive', () => {
    expect(() => [...iterateTar(enc('junk\n'.repeat(200)))]).toThrow(TarError);
    expect([...iterateTar(new Uint8Array(10240))]).toEqual([]);
  });

  it('uses base-256 for numbers octal cannot hold', () => {
    const archive = packTar([entry({ name: 'big', type: 'file', uid: 2 ** 31, size: 0 })]);
    expect([...iterateTar(archive)][0]!.uid).toBe(2 ** 31);
    const file = join(dir, 'big.tar');
    writeFileSync(file, archive);
    expect(sh(`tar tvf ${file} --numeric-owner`)).toContain('2147483648/0');
  });
});

describe('gzip format', () => {
  const text = enc('hello world\n'.repeat(500));

  it('compresses what gzip -d restores, with the name and mtime in the header', () => {
    const gz = gzipCompress(text, { mtime: T, name: 'hello.txt', level: 9 });
    const file = join(dir, 'h.gz');
    writeFileSync(file, gz);
    expect(sh(`gzip -dc ${file}`)).toBe('hello world\n'.repeat(500));
    expect(sh(`gzip -lN ${file} | tail -1`)).toMatch(/\s6000\s.*hello\.txt$/m);
    expect(parseGzipHeader(gz)).toMatchObject({ mtime: T, name: 'hello.txt', os: 3, xfl: 2 });
  });

  it('decompresses what gzip writes, members concatenated', () => {
    sh(`cd ${dir} && printf abc | gzip > m.gz && printf def | gzip -9 >> m.gz`);
    const r = gzipDecompress(new Uint8Array(readFileSync(join(dir, 'm.gz'))));
    expect(new TextDecoder().decode(r.data)).toBe('abcdef');
    expect(r.trailingGarbage).toBe(false);
  });

  it('says why bad input is bad', () => {
    expect(() => gzipDecompress(enc('plain text'))).toThrow(GzipError);
    const gz = gzipCompress(text);
    expect(() => gzipDecompress(gz.subarray(0, gz.length - 10))).toThrow(/unexpected end of file/);
    const bad = gz.slice();
    bad[bad.length - 8] ^= 0xff;
    expect(() => gzipDecompress(bad)).toThrow(/crc error/);
    expect(crc32(enc('123456789'))).toBe(0xcbf43926);
  });
});
