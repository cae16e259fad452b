// ContainerStore over a real (test) kernel: records written atomically as the inspect document,
// lookup by full id, name and unambiguous prefix, generated names, and Docker's conflict words.

import { describe, expect, it } from 'vitest';
import {
  ContainerStore, type ContainerRecord, createdState, defaultHostConfig, makeName, networkSettings,
} from '../../../src/runtime/containers/index.ts';
import { inKernel } from '../../helpers/kernel.ts';

function record(id: string, name: string, created: string): ContainerRecord {
  return {
    Id: id, Created: created, Path: 'sh', Args: [], State: createdState(), Image: `sha256:${'a'.repeat(64)}`,
    ResolvConfPath: '', HostnamePath: '', HostsPath: '', LogPath: '', Name: `/${name}`, RestartCount: 0,
    Driver: 'overlay2', Platform: 'linux', MountLabel: '', ProcessLabel: '', AppArmorProfile: '', ExecIDs: null,
    HostConfig: defaultHostConfig(), GraphDriver: { Data: null, Name: 'overlay2' }, Mounts: [],
    Config: {
      Hostname: id.slice(0, 12), Domainname: '', User: '', AttachStdin: false, AttachStdout: true, AttachStderr: true,
      Tty: false, OpenStdin: false, StdinOnce: false, Env: [], Cmd: ['sh'], Image: 'box', Volumes: null, WorkingDir: '',
      Entrypoint: null, OnBuild: null, Labels: { note: '<a&b>' },
    },
    NetworkSettings: networkSettings('bridge'),
  };
}

const FILES = { hostname: 'h\n', hosts: '', resolvConf: '' };

describe('ContainerStore', () => {
  it('writes config.v2.json and hostconfig.json in inspect order, with Go escaping', async () => {
    await inKernel(async (sys) => {
      const store = new ContainerStore(sys, '/var/lib/docker');
      await sys.mkdir('/var', 0o755);
      await sys.mkdir('/var/lib', 0o755);
      const id = 'ab'.repeat(32);
      await store.create(record(id, 'web', '2026-01-01T00:00:00Z'), FILES);
      const fd = await sys.open(`/var/lib/docker/containers/${id}/config.v2.json`, 0);
      const text = new TextDecoder().decode(await sys.readAll(fd));
      expect(Object.keys(JSON.parse(text))).toEqual([
        'Id', 'Created', 'Path', 'Args', 'State', 'Image', 'ResolvConfPath', 'HostnamePath', 'HostsPath', 'LogPath', 'Name',
        'RestartCount', 'Driver', 'Platform', 'MountLabel', 'ProcessLabel', 'AppArmorProfile', 'ExecIDs', 'HostConfig',
        'GraphDriver', 'Mounts', 'Config', 'NetworkSettings',
      ]);
      expect(text).toContain('"note":"\\u003ca\\u0026b\\u003e"');
      expect((await store.get(id))?.Name).toBe('/web');
      await sys.stat(`/var/lib/docker/containers/${id}/hostconfig.json`);
      await sys.stat(`/var/lib/docker/containers/${id}/hostname`);
    });
  });

  it('finds by full id, name and unambiguous prefix; says No such container or names the conflict', async () => {
    await inKernel(async (sys) => {
      const store = new ContainerStore(sys);
      await store.create(record(`abc1${'0'.repeat(60)}`, 'one', '2026-01-01T00:00:00Z'), FILES);
      await store.create(record(`abc2${'0'.repeat(60)}`, 'two', '2026-01-02T00:00:00Z'), FILES);
      expect((await store.resolve('one'))?.Id).toBe(`abc1${'0'.repeat(60)}`);
      expect((await store.resolve('/two'))?.Id).toBe(`abc2${'0'.repeat(60)}`);
      expect((await store.resolve('abc2'))?.Name).toBe('/two');
      await expect(store.resolve('abc')).rejects.toThrow('multiple IDs found with provided prefix: abc');
      await expect(store.lookup('three')).rejects.toThrow('No such container: three');
      await expect(store.checkName('one')).rejects.toThrow(
        `Conflict. The container name "/one" is already in use by container "abc1${'0'.repeat(60)}". You have to remove (or rename) that container to be able to reuse that name.`,
      );
      expect((await store.list()).map((c) => c.Name)).toEqual(['/two', '/one']);
      const id = await store.newId();
      expect(id).toMatch(/^[0-9a-f]{64}$/);
      expect(await store.newName()).toMatch(/^[a-z]+_[a-z]+$/);
      await store.update(`abc1${'0'.repeat(60)}`, (r) => {
        r.State.ExitCode = 3;
      });
      expect((await store.get(`abc1${'0'.repeat(60)}`))?.State.ExitCode).toBe(3);
      await store.remove(`abc1${'0'.repeat(60)}`);
      expect(await store.resolve('one')).toBeNull();
    });
  });

  it('makes adjective_surname names', () => {
    expect(makeName(0, 0)).toBe('agile_agnesi');
    expect(makeName(0.999, 0.999)).toMatch(/^zesty_zuse$/);
  });
});
