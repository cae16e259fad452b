// A machine for the docker container tests: the procps test machine (/proc, /dev, cgroup2, every
// registered program in /bin, the clock moving with real time) plus `mkimage NAME PROGRAM...`,
// a test program that makes a small image by hand: one layer tar holding /bin with the named
// programs as program files, /etc/passwd and /etc/group, registered with LayerStore and given a
// config with ImageStore.create, tagged NAME:latest. Until the bundled base images are there,
// this is the image the tests run.

import { programFile } from '../../../src/abi/program.ts';
import { utf8Encode } from '../../../src/base/text.ts';
import { packTar, type TarEntry } from '../../../src/runtime/archive/tar.ts';
import { ImageStore } from '../../../src/runtime/images/image-store.ts';
import { LayerStore } from '../../../src/runtime/layers/layer-store.ts';
import type { Sys } from '../../../src/sys/sys.ts';
import { type MachineResult, runOnMachine } from '../procps-machine.ts';

const entry = (name: string, type: TarEntry['type'], mode: number, data?: string): TarEntry => {
  const bytes = data === undefined ? undefined : utf8Encode(data);
  return { name, type, mode, uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: 1700000000, size: bytes?.length ?? 0, linkname: '', devmajor: 0, devminor: 0, data: bytes };
};

export const BOX_PROGRAMS = [
  'sh', 'cat', 'echo', 'ps', 'mount', 'hostname', 'id', 'pwd', 'ls', 'sleep', 'env', 'true', 'false', 'kill', 'mkdir', 'rm', 'touch', 'wc', 'readlink',
];

async function mkimage(sys: Sys): Promise<number> {
  const [, name = 'box', ...extra] = sys.argv;
  const programs = [...BOX_PROGRAMS, ...extra];
  const entries: TarEntry[] = [
    entry('bin/', 'dir', 0o755),
    ...programs.map((p) => entry(`bin/${p}`, 'file', 0o755, programFile(p))),
    entry('etc/', 'dir', 0o755),
    entry('etc/passwd', 'file', 0o644, 'root:x:0:0:root:/root:/bin/sh\nguest:x:405:100:guest:/home/guest:/bin/sh\n'),
    entry('etc/group', 'file', 0o644, 'root:x:0:root\nusers:x:100:guest\n'),
    entry('root/', 'dir', 0o700),
    entry('tmp/', 'dir', 0o1777),
  ];
  const layers = new LayerStore(sys);
  const info = await layers.register(packTar(entries), null);
  const config = {
    architecture: 'amd64',
    config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['/bin/sh'] },
    created: '2023-11-14T22:13:20Z',
    history: [{ created: '2023-11-14T22:13:20Z', created_by: 'mkimage' }],
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [info.diffId] },
  };
  const images = new ImageStore(sys);
  const img = await images.create(utf8Encode(JSON.stringify(config)));
  await images.tag(img.id, `${name}:latest`);
  return 0;
}

/** The image maker, for tests that build their own machine. */
export const MKIMAGE = mkimage;

/** Run the script after `mkimage box`. */
export function onDocker(script: string, opts: { stdin?: string } = {}): Promise<MachineResult> {
  void opts;
  return runOnMachine(`mkimage box || exit 99\n${script}`, { programs: { mkimage } });
}
