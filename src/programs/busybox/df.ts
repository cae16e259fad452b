// busybox df: every mounted filesystem from /proc/mounts with blocks (all of them with -a), or
// the filesystems holding the FILEs given. A 20-wide name column (a longer name gets a line of
// its own), 9-wide numbers, Use% rounded to nearest; -h human sizes, -m 1M blocks, -k, -P,
// -T the type, -i inodes, -t TYPE only that type, -B SIZE blocks of SIZE.

import { isSysError, strerror } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import { dialectOf } from '../lib/tool.ts';
import { readText } from './proc.ts';

interface Mount {
  device: string;
  dir: string;
  type: string;
}

function unescape(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

async function mounts(sys: Sys): Promise<Mount[]> {
  const text = (await readText(sys, '/proc/mounts')) ?? '';
  return text.split('\n').filter(Boolean).map((l) => {
    const [device = '', dir = '', type = ''] = l.split(' ');
    return { device: unescape(device), dir: unescape(dir), type };
  });
}

/** busybox's make_human_readable_str(size, 1, 0): one decimal under 1000 units above bytes. */
function human(bytes: number): string {
  if (bytes === 0) return '0';
  const units = ['', 'K', 'M', 'G', 'T', 'P'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? String(Math.round(v)) : `${v.toFixed(1)}${units[u]}`;
}

const OPTS = 'PkmhTait:B:';

export default async function df(sys: Sys): Promise<number> {
  const args = sys.argv.slice(1);
  const flags = new Set<string>();
  let onlyType: string | undefined;
  let blockSize = 1024;
  const files: string[] = [];
  const bad = async (msg: string): Promise<number> => {
    await sys.writeAll(2, `${msg}\n${dialectOf(sys)?.usage('df') ?? ''}`);
    return 1;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) return bad(`df: unrecognized option '${a}'`);
    if (!a.startsWith('-') || a === '-') {
      files.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      const at = OPTS.indexOf(c);
      if (at < 0) return bad(`df: invalid option -- '${c}'`);
      if (OPTS[at + 1] === ':') {
        const v = a.slice(j + 1) || args[++i];
        if (v === undefined) return bad(`df: option requires an argument -- '${c}'`);
        if (c === 't') onlyType = v;
        else blockSize = Number(v) || 1024;
        break;
      }
      flags.add(c);
      if (c === 'm') blockSize = 1024 * 1024;
      if (c === 'k') blockSize = 1024;
    }
  }
  const hr = flags.has('h');
  const inodes = flags.has('i');
  const sizeHead = inodes ? 'Inodes' : hr ? 'Size' : flags.has('P') ? '1024-blocks' : blockSize === 1024 ? '1K-blocks' : blockSize === 1024 * 1024 ? '1M-blocks' : `${blockSize}-blocks`;
  let out = `${'Filesystem'.padEnd(20)}${flags.has('T') ? ` ${'Type'.padEnd(10)}` : ''} ${sizeHead.padStart(9)}      Used Available ${flags.has('P') ? 'Capacity' : 'Use%'} Mounted on\n`;
  // The header comes first, as busybox prints it before looking at anything.
  await sys.writeAll(1, out);
  out = '';
  const table = await mounts(sys);
  let status = 0;
  let chosen: Mount[] = [];
  if (files.length === 0) chosen = table;
  else {
    for (const f of files) {
      let st;
      try {
        st = await sys.stat(f);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await sys.writeAll(2, `df: ${f}: can't find mount point\n`);
        status = 1;
        continue;
      }
      // The last mount whose directory has the same device holds the file.
      let hit: Mount | undefined;
      for (const m of table) {
        try {
          if ((await sys.stat(m.dir)).dev === st.dev) hit = m;
        } catch (e) {
          if (!isSysError(e)) throw e;
        }
      }
      if (hit) chosen.push(hit);
      else {
        await sys.writeAll(2, `df: ${f}: can't find mount point\n`);
        status = 1;
      }
    }
  }
  for (const m of chosen) {
    if (onlyType !== undefined && m.type !== onlyType) continue;
    let s;
    try {
      s = await sys.statfs(m.dir);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await sys.writeAll(2, `df: ${m.dir}: ${strerror(e.code)}\n`);
      status = 1;
      continue;
    }
    let total = s.blocks;
    let free = s.bfree;
    let avail = s.bavail;
    let unit = s.bsize;
    if (inodes) {
      total = s.files;
      free = s.ffree;
      avail = s.ffree;
      unit = 1;
    }
    if (total === 0 && !flags.has('a') && files.length === 0) continue;
    const used = total - free;
    const percent = used + avail ? Math.floor((used * 100 + (used + avail) / 2) / (used + avail)) : 0;
    const show = (n: number): string => {
      if (inodes) return String(n);
      if (hr) return human(n * unit);
      return String(Math.floor((n * unit + blockSize / 2) / blockSize));
    };
    let name = m.device.padEnd(20);
    if (m.device.length > 20 && !flags.has('P')) name = `${m.device}\n${' '.repeat(20)}`;
    const type = flags.has('T') ? ` ${m.type.padEnd(10)}` : '';
    out += `${name}${type} ${show(total).padStart(9)} ${show(used).padStart(9)} ${show(avail).padStart(9)} ${String(percent).padStart(3)}% ${m.dir}\n`;
  }
  await sys.writeAll(1, out);
  return status;
}
