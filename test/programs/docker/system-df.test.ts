// docker system df (and -v), docker version and docker info replayed against recordings of
// the real CLI given the same counts and sizes.

import { describe, expect, it } from 'vitest';
import { renderDf } from '../../../src/programs/docker/cmd/system-df.ts';
import { renderInfo } from '../../../src/programs/docker/cmd/info.ts';
import { renderVersion, versionData } from '../../../src/programs/docker/cmd/version.ts';
import { parseCommand } from '../../../src/programs/docker/format/cli.ts';
import { summarize } from '../../../src/programs/docker/format/containers.ts';
import { imageSize, listImages } from '../../../src/programs/docker/format/images.ts';
import { specFor } from '../../../src/programs/docker/format/specs.ts';
import { containersOf, loadRecording } from './replay.ts';

for (const name of ['varied', 'empty']) {
  const { dataset, runs } = loadRecording(name);
  describe(`docker system df / version / info (${name})`, () => {
    for (const run of runs.filter((r) => r.args[0] === 'system' || r.args[0] === 'version' || r.args[0] === 'info')) {
      it(run.args.join(' '), () => {
        let got;
        if (run.args[0] === 'system') {
          const flags = parseCommand(specFor('system df', 'system df'), 'system df', run.args.slice(2));
          if (!('values' in flags)) throw new Error('flags');
          const images = listImages(dataset.images, { all: true, references: [] }).map((s) => ({
            ...s,
            Containers: dataset.containers.filter((c) => c.Image === s.Id).length,
            SharedSize: 0,
          }));
          const containers = containersOf(dataset).map((c) => {
            const img = dataset.images.find((i) => i.id === c.Image);
            return summarize(c, run.now, { rw: c._SizeRw, rootFs: c._SizeRw + (img ? imageSize(img) : 0) });
          });
          const layers = dataset.images.reduce((a, i) => a + imageSize(i), 0);
          got = renderDf({ LayersSize: layers, Images: images, Containers: containers, Volumes: [] }, run.now, flags);
        } else if (run.args[0] === 'version') {
          const flags = parseCommand(specFor('version', 'version'), 'version', []);
          if (!('values' in flags)) throw new Error('flags');
          got = renderVersion(versionData('x86_64'), flags);
        } else {
          const flags = parseCommand(specFor('info', 'info'), 'info', []);
          if (!('values' in flags)) throw new Error('flags');
          const cs = dataset.containers;
          const running = cs.filter((c) => c.State.Status === 'running').length;
          got = renderInfo(
            {
              Containers: cs.length,
              ContainersRunning: running,
              ContainersPaused: 0,
              ContainersStopped: cs.length - running,
              Images: dataset.images.length,
              Driver: 'overlay2',
              DriverStatus: [
                ['Backing Filesystem', 'extfs'],
                ['Supports d_type', 'true'],
                ['Using metacopy', 'false'],
                ['Native Overlay Diff', 'true'],
                ['userxattr', 'false'],
              ],
              LoggingDriver: 'json-file',
              CgroupDriver: 'cgroupfs',
              CgroupVersion: '2',
              KernelVersion: '6.1.0-cowbox',
              OperatingSystem: 'cowbox',
              OSType: 'linux',
              Architecture: 'x86_64',
              NCPU: 4,
              MemTotal: 8_232_386_560,
              Name: 'cowbox',
              DockerRootDir: '/var/lib/docker',
              ServerVersion: '28.2.2',
            },
            flags,
          );
        }
        expect({ stdout: got.stdout ?? '', stderr: got.stderr ?? '', status: got.status }).toEqual({ stdout: run.stdout, stderr: run.stderr, status: run.status });
      });
    }
  });
}
