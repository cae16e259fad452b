// dnf's install and remove transactions: resolve, print the table and the sizes, ask, "download"
// the packages into the cache, run the rpm transaction (writing or removing every file), update
// the rpm database and the module streams, and report what was installed or removed.

import { nevra, type Pkg } from '../../../runtime/distro/types.ts';
import type { DnfContext } from './dnf-context.ts';
import { downloadLine, formatNumber, packageColumns, progressLine, totalLine, transactionTable, WIDTH, type TxLine } from './dnf-format.ts';
import { cacheDir, writeModule, writeRpmDb } from './dnf-state.ts';
import { emptyDir, mkdirp, removePaths } from './fs.ts';
import { installPackage } from './install.ts';
import { resolveInstall, resolveRemove, type Planned, type Reason } from './resolve.ts';
import { recordOf, rpmEvr, type RpmRecord } from '../../../runtime/distro/rpmdb.ts';
import { fillerChunks } from '../../../runtime/distro/filler.ts';
import { utf8Encode } from '../../../base/text.ts';
import { O_CREAT, O_TRUNC, O_WRONLY } from '../../../abi/open-flags.ts';
import { nowSeconds } from './clock.ts';

/** "Is this ok [y/N]: " unless -y; end of input or anything but yes aborts. */
export async function confirm(ctx: DnfContext): Promise<boolean> {
  const { con, opts } = ctx;
  if (opts.assumeNo) {
    await con.print('Operation aborted.\n');
    return false;
  }
  if (opts.assumeYes) return true;
  for (;;) {
    const answer = await con.ask('Is this ok [y/N]: ');
    const a = (answer ?? '').trim().toLowerCase();
    if (a === 'y' || a === 'yes') return true;
    if (answer === null || a === '' || a === 'n' || a === 'no') {
      await con.always('Operation aborted.\n');
      return false;
    }
  }
}

const DAEMONS = new Set(['httpd', 'php-fpm', 'nginx']);
const sortByName = (a: Planned, b: Planned): number => nevra(a.pkg).localeCompare(nevra(b.pkg));

export async function dnfInstall(ctx: DnfContext, names: string[]): Promise<number> {
  const { con, sys, opts } = ctx;
  if (!names.length) {
    await con.err(`Error: ${opts.prog} install: too few arguments\n`);
    return 1;
  }
  const requested: Pkg[] = [];
  const missing: string[] = [];
  for (const name of names) {
    const have = ctx.installed(ctx.provider(name));
    if (have) {
      await con.print(`Package ${have.name}-${rpmEvr(have)}.${have.arch} is already installed.\n`);
      continue;
    }
    const p = ctx.choose(name);
    if (p) requested.push(p);
    else missing.push(name);
  }
  if (missing.length) {
    for (const m of missing) await con.print(`No match for argument: ${m}\n`);
    await con.err(`Error: Unable to find a match: ${missing.join(' ')}\n`);
    return 1;
  }
  const plan = resolveInstall(requested, { choose: (n) => ctx.choose(n), isInstalled: (n) => ctx.isInstalled(n), weak: opts.weak });
  if (plan.missing.length) {
    const m = plan.missing[0]!;
    const by = plan.install.find((x) => x.pkg.name === m.by)?.pkg ?? requested.find((p) => p.name === m.by);
    await con.err(`Error: \n Problem: cannot install the best candidate for the job\n  - nothing provides ${m.name} needed by ${by ? nevra(by) : m.by}\n`);
    return 1;
  }
  if (!plan.install.length) {
    await con.print('Dependencies resolved.\nNothing to do.\nComplete!\n');
    return 0;
  }
  const line = (x: Planned): TxLine => ({ name: x.pkg.name, arch: x.pkg.arch, evr: `${x.pkg.epoch ? `${x.pkg.epoch}:` : ''}${x.pkg.version}`, repo: x.pkg.repo, size: x.pkg.downloadSize });
  const by = (r: Reason): Planned[] => plan.install.filter((x) => x.reason === r).sort(sortByName);
  const streams = new Map<string, string>();
  for (const x of plan.install) {
    if (!x.pkg.stream) continue;
    const [mod, stream] = x.pkg.stream.split(':') as [string, string];
    if (ctx.modules.get(mod)?.state !== 'enabled') streams.set(mod, stream);
  }
  const modules = [...streams].sort().map(([name, stream]) => ({ name, stream }));
  await con.print('Dependencies resolved.\n');
  await con.print(`${transactionTable([
    { title: 'Installing', lines: by('user').map(line) },
    { title: 'Installing dependencies', lines: by('dep').map(line) },
    { title: 'Installing weak dependencies', lines: by('weak').map(line) },
  ], modules, [['Install', plan.install.length]])}\n`);
  const download = plan.install.reduce((n, x) => n + x.pkg.downloadSize, 0);
  const size = plan.install.reduce((n, x) => n + x.pkg.installedSize, 0);
  await con.print(`Total download size: ${formatNumber(download)}\nInstalled size: ${formatNumber(size)}\n`);
  if (!(await confirm(ctx))) return 1;

  // Downloads: smallest first, as parallel downloads finish.
  await con.print('Downloading Packages:\n');
  const files: string[] = [];
  const order = [...plan.install].sort((a, b) => a.pkg.downloadSize - b.pkg.downloadSize);
  for (let i = 0; i < order.length; i++) {
    const p = order[i]!.pkg;
    const repo = ctx.repos.find((r) => r.id === p.repo)!;
    const dir = `${opts.root}${cacheDir(repo)}/packages`;
    await mkdirp(sys, dir);
    const file = `${dir}/${p.name}-${p.version}.${p.arch}.rpm`;
    const fd = await sys.open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644);
    try {
      for (const chunk of fillerChunks({ seed: file, size: p.downloadSize, head: utf8Encode(`cowbox: the rpm archive of ${nevra(p)} stands here.\n`) })) await sys.writeAll(fd, chunk);
    } finally {
      await sys.close(fd);
    }
    files.push(file);
    await con.print(`${downloadLine(`(${i + 1}/${order.length}): ${p.name}-${p.version}.${p.arch}.rpm`, p.downloadSize, p.downloadSize / 4_800_000 + 0.05)}\n`);
  }
  await con.print(`${'-'.repeat(WIDTH)}\n${totalLine(download, download / 4_800_000 + 0.4)}\n`);
  await con.print('Running transaction check\nTransaction check succeeded.\nRunning transaction test\nTransaction test succeeded.\nRunning transaction\n');
  await con.print(`${progressLine('Preparing', '', 1, 1)}\n`);
  const now = Math.floor(await nowSeconds(sys));
  const total = plan.install.length;
  const records: RpmRecord[] = [...ctx.db];
  for (let i = 0; i < total; i++) {
    const { pkg, reason } = plan.install[i]!;
    if (pkg.users.length || pkg.groups.length) await con.print(`${progressLine('Running scriptlet', nevra(pkg), i + 1, total)}\n`);
    await con.print(`${progressLine('Installing', nevra(pkg), i + 1, total)}\n`);
    const done = await installPackage(sys, opts.root, ctx.catalog, pkg, { suffix: `;${now.toString(16)}`, nodocs: opts.nodocs });
    records.push(recordOf(pkg, done.owned, done.paths.filter((x) => !done.owned.includes(x)), done.config, pkg.repo, reason, now));
    if (DAEMONS.has(pkg.name) || /^(lib|apr)/.test(pkg.name)) await con.print(`${progressLine('Running scriptlet', nevra(pkg), i + 1, total)}\n`);
  }
  await writeRpmDb(sys, opts.root, records);
  ctx.db = records;
  for (const m of modules) await writeModule(sys, opts.root, m.name, { stream: m.stream, state: 'enabled', profiles: '' });
  for (let i = 0; i < total; i++) await con.print(`${progressLine('Verifying', nevra(plan.install[i]!.pkg), i + 1, total)}\n`);
  if (!opts.keepcache) for (const r of ctx.repos) await emptyDir(sys, `${opts.root}${cacheDir(r)}/packages`);
  if (ctx.subman) await con.print('Installed products updated.\n');
  const done = [...by('user'), ...by('weak'), ...by('dep')].map((x) => nevra(x.pkg));
  await con.print(`${packageColumns('Installed', done)}\nComplete!\n`);
  return 0;
}

const PROTECTED = new Set(['dnf', 'yum', 'setup', 'systemd']);

export async function dnfRemove(ctx: DnfContext, names: string[]): Promise<number> {
  const { con, sys, opts } = ctx;
  if (!names.length) {
    await con.err(`Error: ${opts.prog} remove: too few arguments\n`);
    return 1;
  }
  const asked: string[] = [];
  for (const n of names) {
    const rec = ctx.installed(ctx.provider(n));
    if (!rec) await con.print(`No match for argument: ${n}\n`);
    else asked.push(rec.name);
  }
  if (!asked.length) {
    await con.err('Error: No packages marked for removal.\n');
    return 1;
  }
  const installed = new Map(ctx.db.map((r) => [r.name, { pkg: { ...pkgOf(r) }, reason: r.reason }]));
  const unused = (ctx.conf.get('clean_requirements_on_remove') ?? 'True').toLowerCase() !== 'false';
  const plan = resolveRemove(asked, installed, unused, (n) => ctx.provider(n));
  const prot = plan.remove.filter((n) => PROTECTED.has(n));
  if (prot.length) {
    await con.err(`Error: \n Problem: The operation would result in removing the following protected packages: ${prot.join(', ')}\n`);
    return 1;
  }
  const rec = (n: string): RpmRecord => ctx.db.find((r) => r.name === n)!;
  const line = (n: string): TxLine => {
    const r = rec(n);
    return { name: r.name, arch: r.arch, evr: rpmEvr(r), repo: `@${r.repo}`, size: r.size };
  };
  const sorted = (list: string[]): string[] => [...list].sort();
  await con.print('Dependencies resolved.\n');
  await con.print(`${transactionTable([
    { title: 'Removing', lines: sorted(asked).map(line) },
    { title: 'Removing dependent packages', lines: sorted(plan.dependents).map(line) },
    { title: 'Removing unused dependencies', lines: sorted(plan.unused).map(line) },
  ], [], [['Remove', plan.remove.length]])}\n`);
  await con.print(`Freed space: ${formatNumber(plan.remove.reduce((n, x) => n + rec(x).size, 0))}\n`);
  if (!(await confirm(ctx))) return 1;
  await con.print('Running transaction check\nTransaction check succeeded.\nRunning transaction test\nTransaction test succeeded.\nRunning transaction\n');
  await con.print(`${progressLine('Preparing', '', 1, 1)}\n`);
  const gone = new Set(plan.remove);
  const keep = ctx.db.filter((r) => !gone.has(r.name));
  const shared = new Set(keep.flatMap((r) => [...r.files, ...r.dirs]));
  const total = plan.remove.length;
  const nevraOf = (r: RpmRecord): string => `${r.name}-${rpmEvr(r)}.${r.arch}`;
  for (let i = 0; i < total; i++) {
    const r = rec(plan.remove[i]!);
    if (DAEMONS.has(r.name)) await con.print(`${progressLine('Running scriptlet', nevraOf(r), i + 1, total)}\n`);
    await con.print(`${progressLine('Erasing', nevraOf(r), i + 1, total)}\n`);
    await removePaths(sys, opts.root, [...r.files, ...r.dirs], shared);
  }
  await writeRpmDb(sys, opts.root, keep);
  for (let i = 0; i < total; i++) await con.print(`${progressLine('Verifying', nevraOf(rec(plan.remove[i]!)), i + 1, total)}\n`);
  if (ctx.subman) await con.print('Installed products updated.\n');
  await con.print(`${packageColumns('Removed', [...sorted(asked), ...sorted(plan.dependents), ...sorted(plan.unused)].map((n) => nevraOf(rec(n))))}\nComplete!\n`);
  return 0;
}

/** The parts of a package a removal needs, from its database record. */
function pkgOf(r: RpmRecord): Pkg {
  return {
    name: r.name, version: `${r.version}-${r.release}`, epoch: r.epoch, arch: r.arch, installedSize: r.size, downloadSize: 0,
    depends: r.requires, recommends: r.recommends, summary: r.summary, repo: r.repo, section: r.group, priority: '', multiArch: '',
    essential: false, maintainer: '', license: r.license, url: r.url, stream: r.stream, files: [], users: [], groups: [], triggers: [],
  };
}
