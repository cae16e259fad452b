// The build cache on the simulated disk: <root>/buildkit/cache/<key-hex> holds the layer a
// step produced ({chainId, diffId, created}), so a rebuild finds it and shows CACHED. A record
// whose layer is gone (released with its last image) is a miss.

import { isSysError } from '../../abi/errno.ts';
import { utf8Decode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import type { LayerStore } from '../layers/layer-store.ts';
import { readFile, writeFile } from '../sys-files.ts';
import { mkdirAllAs } from './fs-scope.ts';

export interface CacheRecord {
  chainId: string;
  diffId: string;
  created: string;
}

export class BuildCache {
  readonly dir: string;
  constructor(
    private readonly sys: Sys,
    private readonly layers: LayerStore,
    root: string,
  ) {
    this.dir = `${root}/buildkit/cache`;
  }

  private path(key: string): string {
    return `${this.dir}/${key.replace(/^sha256:/, '')}`;
  }

  async get(key: string): Promise<CacheRecord | null> {
    let rec: CacheRecord;
    try {
      rec = JSON.parse(utf8Decode(await readFile(this.sys, this.path(key)))) as CacheRecord;
    } catch (e) {
      if (isSysError(e) || e instanceof SyntaxError) return null;
      throw e;
    }
    return (await this.layers.get(rec.chainId)) ? rec : null;
  }

  async put(key: string, rec: CacheRecord): Promise<void> {
    await mkdirAllAs(this.sys, this.dir, 0o700);
    const tmp = `${this.path(key)}.tmp`;
    await writeFile(this.sys, tmp, JSON.stringify(rec), 0o600);
    await this.sys.rename(tmp, this.path(key));
  }
}
