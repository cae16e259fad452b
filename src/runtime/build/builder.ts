// The image builder: runs a parsed Dockerfile as BuildKit's Dockerfile frontend would, in user
// space over the engine's stores. Each stage starts from an image (resolved locally or pulled
// from the simulated registry), scratch, or an earlier stage; RUN runs `/bin/sh -c CMD` as a
// task in a fresh RW layer (runTask), COPY/ADD/WORKDIR write into a mounted RW layer, and each
// of those commits the RW layer's upper dir as a new layer (LayerStore.register); everything
// else changes only the config. Steps are keyed like BuildKit's cache (cache-key.ts) and a hit
// reuses the recorded layer. Only the target stage's config and layers make the image.
// A failure removes the step's RW layer and its cgroup and leaves no image; layers of the steps
// that succeeded stay as build cache (as BuildKit keeps them).

import { isSysError } from '../../abi/errno.ts';
import { O_RDONLY } from '../../abi/open-flags.ts';
import { SIG, WEXITSTATUS, WIFEXITED, WTERMSIG } from '../../abi/signals.ts';
import { utf8Decode, utf8Encode, utf8StreamDecoder } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import { defaultHostConfig, type ContainerConfig } from '../containers/container-record.ts';
import { rfc3339Nano } from '../go-style.ts';
import { ImageStore, type ImageRecord } from '../images/image-store.ts';
import { LayerStore, overlayOptions } from '../layers/layer-store.ts';
import type { DockerContainerConfig, HistoryEntry } from '../oci/types.ts';
import { pullImage } from '../registry/pull.ts';
import { parseRef, type ImageRef } from '../images/reference.ts';
import { Registry } from '../registry/registry.ts';
import { cgroupPath, removeCgroup } from '../tasks/cgroup.ts';
import { runTask } from '../tasks/run-task.ts';
import { TaskStartError } from '../tasks/task-spec.ts';
import { BuildCache } from './build-cache.ts';
import { performCopy, resolveChown } from './copy.ts';
import { baseKey, copyKey, hashParts, runKey, workdirKey } from './dockerfile/cache-key.ts';
import { parseMount, type RunMount } from './dockerfile/mounts.ts';
import { DockerfileError } from './dockerfile/errors.ts';
import { atLine, builtinArgs, evaluateGlobalArgs, expandFromImage, parseChmod, StageState, type ExpandedCopy } from './dockerfile/evaluate.ts';
import { goQuote } from './dockerfile/go-format.ts';
import { findStage, parseInstruction, parseStages, resolveCopyFrom, stageDisplayName, targetStage, type CopyInstruction, type Dockerfile, type Instruction, type RunInstruction, type Stage } from './dockerfile/instructions.ts';
import { lintDockerfile, type LintWarning } from './dockerfile/lint.ts';
import { parseDockerfile } from './dockerfile/parser.ts';
import { DockerIgnore, readDockerignore } from './dockerignore.ts';
import { isDir, listNames, lstatOrNull, randomHex, readFile, removeAll, writeFile } from '../sys-files.ts';
import { mkdirAllAs, scopedPath } from './fs-scope.ts';
import { humanBytes, type Progress, type Vertex } from './progress.ts';
import { checksumSources, selectSources, type SourceItem, type SourceRoot } from './sources.ts';

export interface BuildOptions {
  /** Host path of the build context directory. */
  contextDir: string;
  /** The Dockerfile's name as shown ("Dockerfile") and its text. */
  dockerfileName: string;
  dockerfile: string;
  /** Host path of a `<Dockerfile>.dockerignore` next to the Dockerfile, if any. */
  dockerignorePath?: string;
  tags: string[];
  target?: string;
  buildArgs: Map<string, string>;
  noCache: boolean;
  /** Look every base image up in the registry and pull it again, even when one is here. */
  pull?: boolean;
  progress: Progress;
  /** Docker's data root. */
  root?: string;
}

export interface BuildResult {
  image: ImageRecord;
  /** Steps that were taken from the cache / run. */
  cached: number;
  executed: number;
  /** Lint warnings, printed after the progress. */
  warnings: LintWarning[];
}

/** A failed build: the message BuildKit prints after "failed to solve: ", and where. */
export class BuildFailure extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly endLine: number,
    readonly vertex: Vertex | null,
  ) {
    super(message);
    this.name = 'BuildFailure';
  }
}

/** One built stage: its layer stack, config state and cache key. */
interface StageResult {
  stage: Stage;
  state: StageState;
  chain: string[];
  diffIds: string[];
  key: string;
  /** Time of the newest layer (for empty-layer history entries). */
  lastCreated: string;
}

const SCRATCH = 'scratch';

const isFsStep = (c: Instruction): boolean => c.kind === 'run' || c.kind === 'copy' || c.kind === 'add' || c.kind === 'workdir';

/** The name progress shows for an instruction: the line as written, keyword upper-cased. */
function displayOf(original: string): string {
  return original.replace(/^\S+/, (k) => k.toUpperCase());
}

export class Builder {
  readonly sys: Sys;
  readonly root: string;
  readonly layers: LayerStore;
  readonly images: ImageStore;
  readonly cache: BuildCache;
  private df!: Dockerfile;
  private globals = new Map<string, string>();
  private readonly results = new Map<number, StageResult>();
  private contextVertexDone = false;
  private ignore: DockerIgnore | null = null;
  private ignoreLines: string[] = [];
  private readonly baseImages = new Map<string, { record: ImageRecord | null; ref: ImageRef; digest?: string }>();
  private cached = 0;
  private executed = 0;
  private canceled = false;
  /** The host pid of the RUN task in progress (for cancel). */
  private runningPid = 0;
  private readonly builtins = builtinArgs();

  constructor(
    sys: Sys,
    private readonly opts: BuildOptions,
  ) {
    this.sys = sys;
    this.root = opts.root ?? '/var/lib/docker';
    this.layers = new LayerStore(sys, this.root);
    this.images = new ImageStore(sys, this.root);
    this.cache = new BuildCache(sys, this.layers, this.root);
  }

  /**
   * Stop the build (docker build got SIGINT): the running task is killed, and the build fails
   * with BuildKit's "Canceled: context canceled" after cleaning up like any failed step.
   */
  async cancel(): Promise<void> {
    this.canceled = true;
    if (this.runningPid > 0) {
      try {
        await this.sys.kill(this.runningPid, SIG.SIGKILL);
      } catch {
        // Already gone.
      }
    }
  }

  private checkCanceled(v: Vertex | null): void {
    if (this.canceled) throw new BuildFailure('Canceled: context canceled', 0, 0, v);
  }

  private get progress(): Progress {
    return this.opts.progress;
  }

  private async now(): Promise<string> {
    return rfc3339Nano(await this.sys.clockGettime(0));
  }

  async build(): Promise<BuildResult> {
    const p = this.progress;
    await p.begin();
    const def = await p.vertex(`[internal] load build definition from ${this.opts.dockerfileName}`);
    await def.status(`transferring dockerfile: ${humanBytes(utf8Encode(this.opts.dockerfile).length)} done`);
    await def.done();
    try {
      this.df = parseStages(this.opts.dockerfile);
    } catch (e) {
      throw this.failure(e, null);
    }
    const df = this.df;
    try {
      this.globals = evaluateGlobalArgs(df.globalArgs, this.opts.buildArgs, this.builtins).values;
    } catch (e) {
      throw this.failure(e, null);
    }
    let target: Stage;
    try {
      target = targetStage(df, this.opts.target);
    } catch (e) {
      throw this.failure(e, null);
    }
    const needed = this.neededStages(target);
    // Base images first, as BuildKit resolves their metadata before running anything.
    for (const s of needed) {
      const image = this.fromName(s);
      if (image === null || image === SCRATCH || this.baseImages.has(image)) continue;
      await this.resolveBase(image, s.from.line);
    }
    const ign = await p.vertex('[internal] load .dockerignore');
    const ignText = await this.readDockerignore();
    await ign.status(`transferring context: ${humanBytes(ignText === null ? 2 : utf8Encode(ignText).length)} done`);
    await ign.done();
    this.ignoreLines = ignText === null ? [] : readDockerignore(ignText);
    this.ignore = ignText === null ? null : new DockerIgnore(this.ignoreLines);
    for (const s of needed) await this.buildStage(s, needed.length > 1 || df.stages.length > 1);
    const result = this.results.get(target.index)!;
    const image = await this.export(result);
    return { image, cached: this.cached, executed: this.executed, warnings: lintDockerfile(df) };
  }

  private failure(e: unknown, vertex: Vertex | null): unknown {
    if (e instanceof BuildFailure) return e;
    if (e instanceof DockerfileError) return new BuildFailure(e.message, e.line, e.endLine, vertex);
    return e;
  }

  private async readDockerignore(): Promise<string | null> {
    for (const path of [this.opts.dockerignorePath, `${this.opts.contextDir}/.dockerignore`]) {
      if (!path) continue;
      const st = await lstatOrNull(this.sys, path);
      if (st && !isDir(st)) return utf8Decode(await readFile(this.sys, path));
    }
    return null;
  }

  /** The image name a stage's FROM names after global ARGs, or null when it is an earlier stage. */
  private fromName(s: Stage): string | null {
    const name = expandFromImage(s.from.image, this.globals, s.from.line, this.builtins);
    if (findStage(this.df, name, s.index)) return null;
    return name.toLowerCase() === SCRATCH ? SCRATCH : name;
  }

  private parentStage(s: Stage): Stage | null {
    const name = expandFromImage(s.from.image, this.globals, s.from.line, this.builtins);
    return findStage(this.df, name, s.index);
  }

  private neededStages(target: Stage): Stage[] {
    const need = new Set<number>();
    const visit = (s: Stage): void => {
      if (need.has(s.index)) return;
      need.add(s.index);
      let parent: Stage | null;
      try {
        parent = this.parentStage(s);
      } catch (e) {
        throw this.failure(e, null);
      }
      if (parent) visit(parent);
      for (const c of s.commands) {
        if (c.kind !== 'copy' || c.from === undefined) continue;
        let src;
        try {
          src = resolveCopyFrom(this.df, s, c.from, c.line);
        } catch (e) {
          throw this.failure(e, null);
        }
        if (src.kind === 'stage') visit(src.stage);
      }
    };
    visit(target);
    return this.df.stages.filter((s) => need.has(s.index));
  }

  /** Finds a base image locally, or looks it up in the registry (pulled when its stage starts). */
  private async resolveBase(name: string, line: number): Promise<void> {
    let ref: ImageRef;
    try {
      ref = parseRef(name);
    } catch (e) {
      throw new BuildFailure(`failed to parse stage name "${name}": ${(e as Error).message}`, line, line, null);
    }
    const shown = ref.digest ? `${ref.full}@${ref.digest}` : `${ref.full}:${ref.tag}`;
    const v = await this.progress.vertex(`[internal] load metadata for ${shown}`);
    const local = this.opts.pull ? null : await this.images.resolve(name);
    if (local) {
      const digest = local.repoDigests.find((d) => d.startsWith(ref.familiar + '@'))?.split('@')[1];
      this.baseImages.set(name, { record: local, ref, digest });
      await v.done();
      return;
    }
    const found = await new Registry(this.sys).lookup(ref);
    if (found.kind !== 'found') {
      const why = found.kind === 'no-repository' ? 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed' : `${shown}: not found`;
      const msg = `failed to resolve source metadata for ${shown}: ${why}`;
      await v.error(msg);
      throw new BuildFailure(msg, line, line, null);
    }
    this.baseImages.set(name, { record: null, ref, digest: found.image.digest });
    await v.done();
  }

  private async buildStage(stage: Stage, multi: boolean): Promise<void> {
    const prefix = stage.name ? `${stage.name} ` : multi ? `${stageDisplayName(stage)} ` : '';
    const steps = stage.commands.filter((c) => c.kind === 'run' || c.kind === 'copy' || c.kind === 'add' || c.kind === 'workdir').length;
    const total = steps + 1;
    let index = 1;
    const opts = { buildArgs: this.opts.buildArgs, globals: this.globals, builtins: this.builtins, escape: this.df.escape, now: () => '' };
    let res: StageResult;
    const parent = this.parentStage(stage);
    if (parent) {
      const pr = this.results.get(parent.index)!;
      const state = new StageState(pr.state.config, pr.state.history, opts, pr.state);
      res = { stage, state, chain: [...pr.chain], diffIds: [...pr.diffIds], key: pr.key, lastCreated: pr.lastCreated };
    } else {
      const name = this.fromName(stage)!;
      if (name === SCRATCH) {
        res = { stage, state: new StageState(undefined, [], opts), chain: [], diffIds: [], key: baseKey(SCRATCH), lastCreated: await this.now() };
      } else {
        const record = await this.fromImage(name, `[${prefix}1/${total}] `, stage);
        const diffIds = record.config.rootfs?.diff_ids ?? [];
        res = {
          stage,
          state: new StageState(record.config.config, record.config.history ?? [], opts),
          chain: [...record.layers],
          diffIds: [...diffIds],
          key: baseKey(record.id),
          lastCreated: record.config.created ?? (await this.now()),
        };
      }
    }
    const state = res.state;
    state.opts.now = () => res.lastCreated;
    // ONBUILD triggers of the base run first, at the FROM line.
    const triggers: Instruction[] = [];
    for (const t of state.onBuildTriggers) {
      try {
        // A trigger is one instruction as written, heredoc bodies included.
        const node = parseDockerfile(t).nodes[0]!;
        const ins = parseInstruction(node);
        if (ins.kind !== 'from') triggers.push({ ...ins, line: stage.from.line, endLine: stage.from.line } as Instruction);
      } catch (e) {
        throw this.failure(e, null);
      }
    }
    for (const c of [...triggers, ...stage.commands]) {
      const fsStep = isFsStep(c);
      this.checkCanceled(null);
      const name = `[${prefix}${fsStep ? ++index : index}/${total + triggers.filter(isFsStep).length}] ${displayOf(c.original)}`;
      try {
        if (c.kind === 'run') await this.runStep(res, c, name);
        else if (c.kind === 'copy' || c.kind === 'add') await this.copyStep(res, c, name);
        else if (c.kind === 'workdir') await this.workdirStep(res, c.value, c.line, name);
        else state.apply(c);
      } catch (e) {
        throw this.failure(e, null);
      }
    }
    this.results.set(stage.index, res);
  }

  /** The base image record, pulled if needed, with its FROM step shown. */
  private async fromImage(name: string, prefix: string, stage: Stage): Promise<ImageRecord> {
    const base = this.baseImages.get(name)!;
    const shown = `${base.ref.full}:${base.ref.tag ?? 'latest'}${base.digest ? `@${base.digest}` : ''}`;
    const v = await this.progress.vertex(`${prefix}FROM ${base.ref.digest ? `${base.ref.full}@${base.ref.digest}` : shown}`);
    if (base.record) {
      await v.cached();
      return base.record;
    }
    await v.status(`resolve ${shown} done`);
    try {
      const pulled = await pullImage(this.sys, name, async () => {}, { root: this.root });
      base.record = pulled.image;
    } catch (e) {
      const msg = `failed to resolve source metadata for ${shown}: ${(e as Error).message}`;
      await v.error(msg);
      throw new BuildFailure(msg, stage.from.line, stage.from.endLine, v);
    }
    await v.done();
    return base.record;
  }

  private top(res: StageResult): string | null {
    return res.chain[res.chain.length - 1] ?? null;
  }

  /** Adds a committed (or cached) layer to the stage and its history. */
  private addLayer(res: StageResult, chainId: string, diffId: string, created: string, createdBy: string, mark: boolean): void {
    res.chain.push(chainId);
    res.diffIds.push(diffId);
    res.lastCreated = created;
    res.state.addHistory(createdBy, true, mark);
  }

  /** Looks the key up; true (and the layer added) on a hit. */
  private async fromCache(res: StageResult, key: string, v: Vertex, createdBy: string, mark: boolean): Promise<boolean> {
    if (this.opts.noCache) return false;
    const rec = await this.cache.get(key);
    if (!rec) return false;
    await v.cached();
    this.cached++;
    res.key = key;
    this.addLayer(res, rec.chainId, rec.diffId, rec.created, createdBy, mark);
    return true;
  }

  /** Commits the RW layer of `id` on top of the stage and records it in the cache. */
  private async commit(res: StageResult, id: string, key: string, createdBy: string, mark: boolean): Promise<void> {
    const tar = await this.layers.tarOfRW(id);
    const info = await this.layers.register(tar, this.top(res));
    const created = await this.now();
    await this.cache.put(key, { chainId: info.chainId, diffId: info.diffId, created });
    res.key = key;
    this.executed++;
    this.addLayer(res, info.chainId, info.diffId, created, createdBy, mark);
  }

  private async runStep(res: StageResult, instr: RunInstruction, name: string): Promise<void> {
    const st = res.state;
    const { argv, script } = st.runArgv(instr);
    const mounts = instr.mounts.map((m) => atLine(instr.line, instr.endLine, () => parseMount(st.expandWordAt(m, instr.line))));
    const env = st.runEnv();
    const workdir = st.config.WorkingDir || '/';
    const user = st.config.User ?? '';
    const key = runKey(res.key, { argv, env, workdir, user, network: instr.network, mounts: mounts.map((m) => JSON.stringify(m)), script: script?.data });
    const createdBy = st.runHistory(argv);
    const v = await this.progress.vertex(name);
    if (await this.fromCache(res, key, v, createdBy, true)) return;
    const id = await randomHex(this.sys, 32);
    await this.layers.createRW(id, this.top(res));
    try {
      let status: number;
      const cleanups: Array<() => Promise<void>> = [];
      try {
        const binds = await this.mountBinds(res, mounts, instr.line, cleanups);
        if (script) {
          // As BuildKit: the heredoc is a file bound at /dev/pipes/<name>, executed directly.
          const dir = `${this.root}/buildkit/tmp/${await randomHex(this.sys, 16)}`;
          await mkdirAllAs(this.sys, dir, 0o755);
          cleanups.push(() => removeAll(this.sys, dir));
          await writeFile(this.sys, `${dir}/script`, script.data, 0o755);
          await this.sys.chmod(`${dir}/script`, 0o755);
          binds.push(`${dir}/script:${argv[0]}`);
        }
        status = await this.runTask(id, res, argv, env, workdir, user, instr.network, v, binds);
      } catch (e) {
        if (e instanceof BuildFailure && e.line === 0) throw new BuildFailure(e.message, instr.line, instr.endLine, e.vertex);
        throw e;
      } finally {
        for (const c of cleanups.reverse()) await c();
      }
      if (this.canceled) {
        await v.error('context canceled');
        this.checkCanceled(v);
      }
      if (status !== 0) {
        const msg = `process ${goQuote(argv.join(' '))} did not complete successfully: exit code: ${status}`;
        await v.error(msg);
        throw new BuildFailure(msg, instr.line, instr.endLine, v);
      }
      await this.commit(res, id, key, createdBy, true);
    } finally {
      await this.layers.removeRW(id);
    }
    await v.done();
  }

  /** Runs argv in the step's RW layer as a task; returns its exit status. */
  private async runTask(id: string, res: StageResult, argv: string[], env: string[], workdir: string, user: string, network: string | undefined, v: Vertex, binds: string[]): Promise<number> {
    const sys = this.sys;
    const rw = (await this.layers.getRW(id))!;
    const run = argv;
    const config: ContainerConfig = {
      Hostname: 'buildkitsandbox', Domainname: '', User: user, AttachStdin: false, AttachStdout: true, AttachStderr: true,
      Tty: false, OpenStdin: false, StdinOnce: false, Env: env, Cmd: run, Image: '', Volumes: null, WorkingDir: workdir,
      Entrypoint: null, OnBuild: null, Labels: {},
    };
    const [outR, outW] = await sys.pipe(true);
    const inFd = await sys.open('/dev/null', O_RDONLY);
    let pid: number;
    try {
      pid = await runTask(sys, {
        id, rootfs: rw, config, hostConfig: defaultHostConfig({ NetworkMode: network === 'none' ? 'none' : 'default', Binds: binds.length ? binds : null }), tty: false,
        stdio: [inFd, outW, outW],
      });
    } catch (e) {
      await sys.close(outR);
      await sys.close(outW);
      await sys.close(inFd);
      if (e instanceof TaskStartError) {
        // BuildKit resolves USER itself and says so plainly; exec failures come from runc.
        const msg = /^unable to find (user|group) /.test(e.message) ? e.message : `failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${e.message}: unknown`;
        await v.error(msg);
        throw new BuildFailure(msg, 0, 0, v);
      }
      throw e;
    }
    this.runningPid = pid;
    if (this.canceled) await this.cancel();
    await sys.close(outW);
    await sys.close(inFd);
    const decode = utf8StreamDecoder();
    let pending = '';
    for (;;) {
      let chunk: Uint8Array;
      try {
        chunk = await sys.read(outR, 65536);
      } catch (e) {
        if (isSysError(e, 'EINTR')) continue;
        throw e;
      }
      if (chunk.length === 0) break;
      pending += decode(chunk);
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        await v.log(pending.slice(0, nl));
        pending = pending.slice(nl + 1);
      }
    }
    if (pending) await v.log(pending);
    await sys.close(outR);
    let status = 0;
    for (;;) {
      try {
        [, status] = await sys.wait4(pid);
        break;
      } catch (e) {
        if (!isSysError(e, 'EINTR')) throw e;
      }
    }
    this.runningPid = 0;
    try {
      await removeCgroup(sys, cgroupPath(id));
    } catch {
      // Already gone.
    }
    void res;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  /**
   * RUN --mount as bind mounts of host directories: a cache mount is a directory kept under
   * <root>/buildkit/cache-mounts, a tmpfs an empty directory, a bind a copy of its source (so
   * writes never reach the context or a stage). Secrets and ssh are not provided (as when the
   * build gives none). Cleanups are pushed for the caller to run.
   */
  private async mountBinds(res: StageResult, mounts: RunMount[], line: number, cleanups: Array<() => Promise<void>>): Promise<string[]> {
    const binds: string[] = [];
    const target = (t: string): string => (t.startsWith('/') ? t : `${res.state.config.WorkingDir || '/'}/${t}`).replace(/\/+/g, '/');
    const temp = async (): Promise<string> => {
      const dir = `${this.root}/buildkit/tmp/${await randomHex(this.sys, 16)}`;
      await mkdirAllAs(this.sys, dir, 0o755);
      cleanups.push(() => removeAll(this.sys, dir));
      return dir;
    };
    for (const m of mounts) {
      if (m.type === 'cache') {
        const dir = `${this.root}/buildkit/cache-mounts/${hashParts([m.id ?? m.target]).slice(7, 31)}`;
        if (!(await lstatOrNull(this.sys, dir))) {
          await mkdirAllAs(this.sys, dir, m.mode ?? 0o755);
          if (m.uid !== undefined || m.gid !== undefined) await this.sys.lchown(dir, m.uid ?? 0, m.gid ?? 0);
        }
        binds.push(`${dir}:${target(m.target)}`);
      } else if (m.type === 'tmpfs') {
        binds.push(`${await temp()}:${target(m.target)}`);
      } else if (m.type === 'bind') {
        let root = this.opts.contextDir;
        let ignore = this.ignore;
        if (m.from !== undefined) {
          const from = resolveCopyFrom(this.df, res.stage, m.from, line);
          let chain: string[];
          if (from.kind === 'stage') chain = this.results.get(from.stage.index)!.chain;
          else {
            if (!this.baseImages.has(from.ref)) await this.resolveBase(from.ref, line);
            const base = this.baseImages.get(from.ref)!;
            base.record ??= (await pullImage(this.sys, from.ref, async () => {}, { root: this.root })).image;
            chain = base.record.layers;
          }
          const view = await this.viewOf(chain);
          cleanups.push(view.release);
          root = view.root;
          ignore = null;
        }
        const src: SourceRoot = { sys: this.sys, root, ignore, refId: 'j1wrx0p5bqfe1xktvmmz3gzn3' };
        const sel = await selectSources(src, m.source ?? '/', line);
        const copy = await temp();
        const item = sel.items[0]!;
        if (isDir(item.st)) {
          await performCopy({ sys: this.sys, root: copy, dest: '/', src, items: [item], inline: [], many: false, chown: null, chmod: null, unpack: false, keepOwner: true, line });
          binds.push(`${copy}:${target(m.target)}`);
        } else {
          await performCopy({ sys: this.sys, root: copy, dest: '/file', src, items: [item], inline: [], many: false, chown: null, chmod: null, unpack: false, keepOwner: true, line });
          binds.push(`${copy}/file:${target(m.target)}`);
        }
      }
    }
    return binds;
  }

  /** Mounts the step's RW layer at its merged dir for writing; returns the merged path. */
  private async mountRW(id: string): Promise<string> {
    const rw = (await this.layers.getRW(id))!;
    await mkdirAllAs(this.sys, rw.mergedDir, 0o700);
    await this.sys.mount('overlay', rw.mergedDir, 'overlay', overlayOptions(rw));
    return rw.mergedDir;
  }

  private async unmountRW(id: string): Promise<void> {
    const rw = await this.layers.getRW(id);
    if (!rw) return;
    try {
      await this.sys.umount(rw.mergedDir);
    } catch {
      // Not mounted.
    }
  }

  private async workdirStep(res: StageResult, path: string, line: number, name: string): Promise<void> {
    const st = res.state;
    const wd = st.workdir(path, line);
    if (wd === '/') {
      st.addHistory('WORKDIR /', false);
      return;
    }
    const user = st.config.User ?? '';
    const key = workdirKey(res.key, wd, user);
    const v = await this.progress.vertex(name);
    if (await this.fromCache(res, key, v, `WORKDIR ${wd}`, false)) return;
    const id = await randomHex(this.sys, 32);
    await this.layers.createRW(id, this.top(res));
    try {
      const merged = await this.mountRW(id);
      try {
        const owner = user ? await this.userOwner(merged, user, line) : { uid: 0, gid: 0 };
        const host = await scopedPath(this.sys, merged, wd, true);
        if (!(await lstatOrNull(this.sys, host))) await mkdirAllAs(this.sys, host, 0o755, owner.uid, owner.gid);
      } finally {
        await this.unmountRW(id);
      }
      await this.commit(res, id, key, `WORKDIR ${wd}`, false);
    } finally {
      await this.layers.removeRW(id);
    }
    await v.done();
  }

  /** USER as an owner for WORKDIR (names through the image's /etc files; unknown names stay root). */
  private async userOwner(root: string, user: string, line: number): Promise<{ uid: number; gid: number }> {
    try {
      return await resolveChown(this.sys, root, user, line);
    } catch {
      return { uid: 0, gid: 0 };
    }
  }

  /** A read-only view of a stage's or image's filesystem: a directory path and its cleanup. */
  private async viewOf(chain: string[]): Promise<{ root: string; release: () => Promise<void> }> {
    const dirs: string[] = [];
    for (const c of [...chain].reverse()) {
      const info = await this.layers.get(c);
      if (info) dirs.push(info.diffDir);
    }
    if (dirs.length === 1) return { root: dirs[0]!, release: async () => {} };
    const mnt = `${this.root}/buildkit/mounts/${await randomHex(this.sys, 16)}`;
    await mkdirAllAs(this.sys, mnt, 0o700);
    if (dirs.length >= 2) await this.sys.mount('overlay', mnt, 'overlay', `lowerdir=${dirs.join(':')}`);
    return {
      root: mnt,
      release: async () => {
        if (dirs.length >= 2) await this.sys.umount(mnt);
        await removeAll(this.sys, mnt);
      },
    };
  }

  private async contextVertex(): Promise<void> {
    if (this.contextVertexDone) return;
    this.contextVertexDone = true;
    const v = await this.progress.vertex('[internal] load build context');
    let size = 0;
    const walk = async (dir: string, rel: string): Promise<void> => {
      for (const n of await listNames(this.sys, dir)) {
        const r = rel ? `${rel}/${n}` : n;
        const st = await this.sys.lstat(`${dir}/${n}`);
        if (this.ignore?.excluded(r) && !(isDir(st) && this.ignore.mayIncludeBelow(r))) continue;
        if (isDir(st)) await walk(`${dir}/${n}`, r);
        else size += st.size;
      }
    };
    await walk(this.opts.contextDir, '');
    await v.status(`transferring context: ${humanBytes(size)} done`);
    await v.done();
  }

  private async copyStep(res: StageResult, instr: CopyInstruction, name: string): Promise<void> {
    const st = res.state;
    const c: ExpandedCopy = st.expandCopy(instr);
    for (const s of c.sources) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s) || /^git@/.test(s)) {
        if (c.kind === 'copy') throw new BuildFailure(/^git@|\.git(#|$)/.test(s) ? "source can't be a git ref for COPY" : "source can't be a URL for COPY", instr.line, instr.endLine, null);
        throw new BuildFailure(`ADD from ${s}: there is no network in this sandbox`, instr.line, instr.endLine, null);
      }
    }
    const workdir = st.config.WorkingDir || '/';
    const destAbs = c.dest.startsWith('/') ? c.dest : `${workdir.replace(/\/$/, '')}/${c.dest}`;
    const dest = c.dest === '.' || c.dest.endsWith('/.') ? destAbs.replace(/\/?\.$/, '/') : destAbs;
    let view: { root: string; release: () => Promise<void> } | null = null;
    let src: SourceRoot | null = null;
    let fromKey = '';
    if (c.from === undefined && c.sources.length > 0) await this.contextVertex();
    const v = await this.progress.vertex(name);
    try {
      if (c.from !== undefined) {
        const from = resolveCopyFrom(this.df, res.stage, c.from, instr.line);
        let chain: string[];
        if (from.kind === 'stage') {
          const r = this.results.get(from.stage.index)!;
          chain = r.chain;
          fromKey = r.key;
        } else {
          if (!this.baseImages.has(from.ref)) await this.resolveBase(from.ref, instr.line);
          const rec = this.baseImages.get(from.ref)!.record ?? (await pullImage(this.sys, from.ref, async () => {}, { root: this.root })).image;
          this.baseImages.get(from.ref)!.record = rec;
          chain = rec.layers;
          fromKey = rec.id;
        }
        view = await this.viewOf(chain);
        const ex = instr.excludes.map((e) => st.expandWordAt(e, instr.line));
        src = { sys: this.sys, root: view.root, ignore: ex.length ? new DockerIgnore(ex) : null, refId: fromKey.replace(/^sha256:/, '').slice(0, 25) };
      } else if (c.sources.length > 0) {
        const ex = instr.excludes.map((e) => st.expandWordAt(e, instr.line));
        const ignore = ex.length ? new DockerIgnore([...this.ignoreLines, ...ex]) : this.ignore;
        src = { sys: this.sys, root: this.opts.contextDir, ignore, refId: 'j1wrx0p5bqfe1xktvmmz3gzn3' };
      }
      if (instr.checksum !== undefined) throw new DockerfileError('checksum requires HTTP(S) or Git sources', instr.line, instr.endLine, 'build');
      const items: SourceItem[] = [];
      let wildcard = false;
      for (const s of c.sources) {
        const sel = await selectSources(src!, s, instr.line);
        if (instr.parents) {
          // --parents keeps the path below the pivot (`/./`, else the root) at the destination.
          const pivot = s.includes('/./') ? s.slice(0, s.indexOf('/./')).split('/').filter((x) => x && x !== '.').length : 0;
          for (const it of sel.items) it.name = it.rel.split('/').slice(pivot).join('/') || it.name;
        }
        items.push(...sel.items);
        wildcard ||= sel.wildcard || instr.parents;
      }
      const chmod = c.chmod !== undefined ? parseChmod(c.chmod) : null;
      const sum = await checksumSources(src ?? { sys: this.sys, root: '/', refId: '' }, items, c.inline);
      const key = copyKey(res.key, { kind: c.kind, dest, workdir, chown: c.chown, chmod: c.chmod, from: fromKey, link: instr.link, sources: sum });
      const createdBy = st.copyHistory(c);
      if (await this.fromCache(res, key, v, createdBy, true)) return;
      const id = await randomHex(this.sys, 32);
      await this.layers.createRW(id, this.top(res));
      try {
        const merged = await this.mountRW(id);
        try {
          const chown = c.chown !== undefined ? await resolveChown(this.sys, merged, c.chown, instr.line) : null;
          await performCopy({
            sys: this.sys, root: merged, dest, src, items, inline: c.inline, many: c.sources.length + c.inline.length > 1 || wildcard,
            chown, chmod, unpack: c.kind === 'add' && instr.unpack !== false, keepOwner: c.from !== undefined, parents: instr.parents, line: instr.line,
          });
        } finally {
          await this.unmountRW(id);
        }
        await this.commit(res, id, key, createdBy, true);
      } finally {
        await this.layers.removeRW(id);
      }
      await v.done();
    } catch (e) {
      if (e instanceof DockerfileError) {
        await v.error(e.message);
        throw new BuildFailure(e.message, instr.line, instr.endLine, v);
      }
      throw e;
    } finally {
      if (view) await view.release();
    }
  }

  /** The image config in BuildKit's form, stored and tagged. */
  private async export(res: StageResult): Promise<ImageRecord> {
    const v = await this.progress.vertex('exporting to image');
    const t0 = await this.sys.clockGettime(1);
    const st = res.state;
    const c = st.config;
    const cfg: DockerContainerConfig = {};
    const put = <K extends keyof DockerContainerConfig>(k: K, val: DockerContainerConfig[K] | undefined | null, keep = false): void => {
      if (val === undefined || val === null) return;
      if (!keep && ((Array.isArray(val) && val.length === 0) || val === '' || val === false || (typeof val === 'object' && !Array.isArray(val) && Object.keys(val).length === 0))) return;
      cfg[k] = val;
    };
    put('User', c.User);
    put('ExposedPorts', c.ExposedPorts);
    put('Env', c.Env);
    put('Entrypoint', c.Entrypoint);
    put('Cmd', c.Cmd);
    put('Volumes', c.Volumes);
    put('WorkingDir', c.WorkingDir);
    put('Labels', c.Labels);
    put('StopSignal', c.StopSignal);
    put('ArgsEscaped', c.ArgsEscaped);
    if (c.Healthcheck) {
      // Go's omitempty: zero durations and retries are not written.
      const h = Object.fromEntries(Object.entries(c.Healthcheck).filter(([, v]) => v !== 0 && v !== undefined));
      put('Healthcheck', h as DockerContainerConfig['Healthcheck']);
    }
    put('OnBuild', c.OnBuild);
    put('Shell', c.Shell);
    const history: HistoryEntry[] = st.history;
    const created = history.length ? history[history.length - 1]!.created ?? res.lastCreated : res.lastCreated;
    const doc: Record<string, unknown> = {
      architecture: 'amd64',
      ...(st.author !== undefined ? { author: st.author } : {}),
      config: cfg,
      created,
      history,
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: res.diffIds },
    };
    const bytes = utf8Encode(JSON.stringify(doc));
    const image = await this.images.create(bytes);
    const newLayers = this.executed > 0;
    await v.status(newLayers ? `exporting layers ${(Number((await this.sys.clockGettime(1)) - t0) / 1e9).toFixed(1)}s done` : 'exporting layers done');
    await v.status(`writing image ${image.id} done`);
    for (const t of this.opts.tags) {
      const r = parseRef(t);
      await this.images.tag(image.id, t);
      await v.status(`naming to ${r.full}:${r.tag ?? 'latest'} done`);
    }
    await v.done();
    return (await this.images.resolve(image.id)) ?? image;
  }
}

/** Runs a build; throws BuildFailure for what `docker build` reports as a failed solve. */
export async function buildImage(sys: Sys, opts: BuildOptions): Promise<BuildResult> {
  return new Builder(sys, opts).build();
}
