// dnf (and yum, the same program on RHEL 8): install, remove, module enable/disable/reset/list,
// list, info, repolist, makecache, upgrade, clean. Output follows dnf 4.2 as RHEL 8.1 prints it
// without a terminal: the subscription-manager plugin's lines (unless the plugin is disabled),
// metadata download lines or "Last metadata expiration check", the "Dependencies resolved." table,
// the transaction summary, "Is this ok [y/N]:" (unless -y), the download and rpm transaction
// lines and "Complete!". Installing writes every file of every package; downloads are simulated
// (the metadata cache under /var/cache/dnf is written with real sizes; packages are deleted after
// the transaction unless keepcache=1), and `clean all` removes the cache again.

import { isSysError } from '../../abi/errno.ts';
import type { Sys } from '../../sys/sys.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { Console } from './lib/console.ts';
import { DnfContext, globMatch, type DnfOptions } from './lib/dnf-context.ts';
import { calcColumns, fill, fmtColumns, formatNumber, transactionTable } from './lib/dnf-format.ts';
import { CACHE, writeModule } from './lib/dnf-state.ts';
import { dnfInstall, dnfRemove, confirm } from './lib/dnf-transaction.ts';
import { emptyDir, removeTree, listDir } from './lib/fs.ts';
import { rpmEvr } from '../../runtime/distro/rpmdb.ts';

export const meta: ProgramMeta = {
  name: 'dnf', package: 'dnf', version: '4.2.7',
  usage: ['[options] COMMAND'],
  summary: 'Install, remove and list RPM packages from the repositories in /etc/yum.repos.d (yum is the same program).',
  standardOptions: false,
  options: [
    { short: 'y', long: 'assumeyes', help: 'answer yes to every question' },
    { long: 'assumeno', help: 'answer no to every question' },
    { short: 'q', long: 'quiet', help: 'print only errors' },
    { long: 'disableplugin', arg: 'required', argName: 'PLUGIN', help: 'do not run the named plugins (subscription-manager, product-id)' },
    { long: 'enableplugin', arg: 'required', argName: 'PLUGIN', help: 'accepted; every plugin is enabled unless disabled' },
    { long: 'noplugins', help: 'run no plugins' },
    { long: 'nodocs', help: 'do not install documentation' },
    { long: 'setopt', arg: 'required', argName: 'KEY=VALUE', help: 'set a configuration option (keepcache, install_weak_deps, tsflags)' },
    { long: 'enablerepo', arg: 'required', argName: 'REPO', help: 'enable repositories by id or glob' },
    { long: 'disablerepo', arg: 'required', argName: 'REPO', help: 'disable repositories by id or glob' },
    { short: 'C', long: 'cacheonly', help: 'use only the metadata cache' },
    { long: 'refresh', help: 'fetch metadata before running' },
    { long: 'nogpgcheck', help: 'accepted (cowbox checks no signatures)' },
    { long: 'best', help: 'accepted' },
    { long: 'allowerasing', help: 'accepted' },
    { long: 'skip-broken', help: 'accepted' },
    { long: 'installroot', arg: 'required', argName: 'DIR', help: 'operate on the system under DIR' },
    { short: 'h', long: 'help', help: 'show a short help' },
    { long: 'version', help: 'print the version of dnf' },
  ],
};

const VALUED = new Set(['disableplugin', 'enableplugin', 'setopt', 'enablerepo', 'disablerepo', 'installroot', 'releasever', 'config', 'exclude', 'x']);
const FLAGS = new Set(['assumeyes', 'y', 'assumeno', 'quiet', 'q', 'noplugins', 'nodocs', 'cacheonly', 'C', 'refresh', 'nogpgcheck', 'best',
  'nobest', 'allowerasing', 'skip-broken', 'help', 'h', 'version', 'v', 'verbose', 'obsoletes', 'downloadonly']);

const HELP = (prog: string): string => `usage: ${prog} [options] COMMAND

List of Main Commands:

clean                     remove cached data
info                      display details about a package or group of packages
install                   install a package or packages on your system
list                      list a package or groups of packages
makecache                 generate the metadata cache
module                    Interact with Modules.
remove                    remove a package or packages from your system
repolist                  display the configured software repositories
upgrade                   upgrade a package or packages on your system

General ${prog.toUpperCase()} options:
  -y, --assumeyes       automatically answer yes for all questions
  --assumeno            automatically answer no for all questions
  -q, --quiet           quiet operation
  --disableplugin [plugin]
                        disable plugins by name
  --nodocs              do not install documentations
  --setopt SETOPTS      set arbitrary config and repo options
`;

export default async function dnf(sys: Sys): Promise<number> {
  const con = new Console(sys);
  const prog = (sys.argv[0] ?? 'dnf').split('/').pop()!.replace(/-3$/, '');
  const opts: DnfOptions = {
    prog, assumeYes: false, assumeNo: false, quiet: false, nodocs: false, weak: true, keepcache: false,
    disabledPlugins: new Set(), noPlugins: false, cacheOnly: false, refresh: false, enableRepos: [], disableRepos: [], root: '',
  };
  const words: string[] = [];
  const args = sys.argv.slice(1);
  try {
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') {
        words.push(...args.slice(i + 1));
        break;
      }
      if (!a.startsWith('-') || a === '-') {
        words.push(a);
        continue;
      }
      let name: string;
      let value: string | undefined;
      if (a.startsWith('--')) {
        const eq = a.indexOf('=');
        name = a.slice(2, eq < 0 ? undefined : eq);
        value = eq < 0 ? undefined : a.slice(eq + 1);
      } else {
        name = a.slice(1, 2);
        value = a.length > 2 ? a.slice(2) : undefined;
        if (!VALUED.has(name) && value !== undefined) {
          // Bundled short flags (-yq).
          for (const c of a.slice(1)) if (!FLAGS.has(c)) throw new Error(`unrecognized arguments: ${a}`);
          for (const c of a.slice(1)) flag(c);
          continue;
        }
      }
      if (VALUED.has(name)) {
        if (value === undefined) {
          if (i + 1 >= args.length) throw new Error(`argument --${name}: expected one argument`);
          value = args[++i];
        }
        option(name, value!);
      } else if (FLAGS.has(name)) {
        if (value !== undefined) throw new Error(`argument --${name}: ignored explicit argument '${value}'`);
        flag(name);
      } else throw new Error(`unrecognized arguments: ${a}`);
    }
  } catch (e) {
    await con.err(`${HELP(prog)}${prog}: error: ${(e as Error).message}\n`);
    return 2;
  }

  function flag(name: string): void {
    if (name === 'y' || name === 'assumeyes') opts.assumeYes = true;
    else if (name === 'assumeno') opts.assumeNo = true;
    else if (name === 'q' || name === 'quiet') opts.quiet = true;
    else if (name === 'noplugins') opts.noPlugins = true;
    else if (name === 'nodocs') opts.nodocs = true;
    else if (name === 'C' || name === 'cacheonly') opts.cacheOnly = true;
    else if (name === 'refresh') opts.refresh = true;
    else if (name === 'h' || name === 'help') words.unshift('help');
    else if (name === 'version') words.unshift('--version');
  }
  function option(name: string, value: string): void {
    if (name === 'disableplugin') for (const p of value.split(',')) opts.disabledPlugins.add(p.trim());
    else if (name === 'enablerepo') opts.enableRepos.push(...value.split(','));
    else if (name === 'disablerepo') opts.disableRepos.push(...value.split(','));
    else if (name === 'installroot') opts.root = value.replace(/\/+$/, '');
    else if (name === 'setopt') {
      const [k, v = ''] = value.split('=');
      if (k === 'keepcache') opts.keepcache = ['1', 'true', 'True', 'yes'].includes(v);
      if (k === 'install_weak_deps') opts.weak = ['1', 'true', 'True', 'yes'].includes(v);
      if (k === 'tsflags' && v.includes('nodocs')) opts.nodocs = true;
    }
  }

  con.quiet = opts.quiet;
  const [command, ...rest] = words;
  try {
    return await run(sys, con, opts, command, rest);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await con.err(`Error: ${e.message.replace(/^\w+: /, '')}\n`);
    return 1;
  } finally {
    await con.flush();
  }
}

async function needRoot(sys: Sys, con: Console): Promise<boolean> {
  if ((await sys.geteuid()) === 0) return true;
  await con.err('Error: This command has to be run with superuser privileges (under the root user on most systems).\n');
  return false;
}

async function run(sys: Sys, con: Console, opts: DnfOptions, command: string | undefined, rest: string[]): Promise<number> {
  const prog = opts.prog;
  if (command === '--version') {
    await con.always('4.2.7\n  Installed: dnf-0:4.2.7-7.el8_1.noarch at Tue Nov 12 08:26:54 2019\n  Built    : Red Hat, Inc. <http://bugzilla.redhat.com/bugzilla> at Thu Oct 31 10:04:37 2019\n');
    return 0;
  }
  if (command === undefined || command === 'help') {
    if (command === undefined) {
      await con.err(`${HELP(prog)}${prog}: error: a command is required\n`);
      return 1;
    }
    await con.always(HELP(prog));
    return 0;
  }
  const ctx = new DnfContext(sys, con, opts);
  await ctx.load();
  switch (command) {
    case 'install':
    case 'in':
      if (!(await needRoot(sys, con))) return 1;
      return withRepos(ctx, () => dnfInstall(ctx, rest));
    case 'remove':
    case 'erase':
    case 'rm':
      if (!(await needRoot(sys, con))) return 1;
      await ctx.pluginBanner();
      return dnfRemove(ctx, rest);
    case 'module':
      return moduleCommand(ctx, rest);
    case 'list':
    case 'ls':
      return withRepos(ctx, () => list(ctx, rest));
    case 'info':
      return withRepos(ctx, () => info(ctx, rest));
    case 'repolist':
      await ctx.pluginBanner();
      return repolist(ctx);
    case 'makecache':
    case 'mc':
      if (!(await needRoot(sys, con))) return 1;
      return withRepos(ctx, async () => {
        await con.print('Metadata cache created.\n');
        return 0;
      });
    case 'upgrade':
    case 'update':
    case 'up':
      if (!(await needRoot(sys, con))) return 1;
      return withRepos(ctx, async () => {
        await con.print('Dependencies resolved.\nNothing to do.\nComplete!\n');
        return 0;
      });
    case 'clean':
      return clean(ctx, rest);
    default:
      await con.err(`No such command: ${command}. Please use /usr/bin/${prog} --help\nIt could be a ${prog === 'yum' ? 'YUM' : 'DNF'} plugin command, try: "${prog} install 'dnf-command(${command})'"\n`);
      return 1;
  }
}

/** The banner and the metadata step every repository-reading command starts with. */
async function withRepos(ctx: DnfContext, body: () => Promise<number>): Promise<number> {
  await ctx.pluginBanner();
  if (!ctx.repos.length) {
    await ctx.con.err('Error: There are no enabled repositories in "/etc/yum.repos.d", "/etc/yum/repos.d", "/etc/distro.repos.d".\n');
    return 1;
  }
  await ctx.metadata();
  return body();
}

async function clean(ctx: DnfContext, rest: string[]): Promise<number> {
  const { sys, con, opts } = ctx;
  const what = rest[0];
  const kinds = ['all', 'metadata', 'packages', 'dbcache', 'expire-cache'];
  if (!what || !kinds.includes(what)) {
    await con.err(`usage: ${opts.prog} clean [-c [config file]] [-q] [-v] [--version] ...\n${opts.prog} clean: error: argument type: invalid choice: ${what ? `'${what}'` : "''"} (choose from 'metadata', 'packages', 'dbcache', 'expire-cache', 'all')\n`);
    return 2;
  }
  if (!(await needRoot(sys, con))) return 1;
  await ctx.pluginBanner();
  const root = `${opts.root}${CACHE}`;
  let removed = 0;
  if (what === 'all') removed = await emptyDir(sys, root);
  else {
    for (const name of await listDir(sys, root)) {
      const path = `${root}/${name}`;
      if (what === 'packages' && !name.includes('.')) removed += await emptyDir(sys, `${path}/packages`);
      if (what === 'metadata' && !name.includes('.')) removed += await removeTree(sys, `${path}/repodata`);
      if ((what === 'dbcache' || what === 'metadata') && /\.solvx?$/.test(name)) removed += await removeTree(sys, path);
      if ((what === 'expire-cache' || what === 'metadata') && (name === 'expired_repos.json' || name === 'last_makecache')) removed += await removeTree(sys, path);
    }
  }
  await con.print(`${removed} file${removed === 1 ? '' : 's'} removed\n`);
  return 0;
}

async function repolist(ctx: DnfContext): Promise<number> {
  const idW = Math.max(7, ...ctx.repos.map((r) => r.id.length));
  await ctx.con.always(`${'repo id'.padEnd(idW)} repo name\n`);
  for (const r of ctx.repos) await ctx.con.always(`${r.id.padEnd(idW)} ${r.name}\n`);
  return 0;
}

function countLens(rows: string[][]): Array<Map<number, number>> {
  return rows[0]!.map((_, i) => {
    const m = new Map<number, number>();
    for (const r of rows) m.set(r[i]!.length, (m.get(r[i]!.length) ?? 0) + 1);
    return m;
  });
}

async function list(ctx: DnfContext, rest: string[]): Promise<number> {
  const which = ['installed', 'available', 'all', 'updates', 'upgrades'].includes(rest[0] ?? '') ? rest.shift()! : 'all';
  const match = (n: string): boolean => !rest.length || rest.some((p) => globMatch(p, n));
  const installed = ctx.db.filter((r) => match(r.name)).sort((a, b) => a.name.localeCompare(b.name))
    .map((r) => [`${r.name}.${r.arch}`, rpmEvr(r), `@${r.repo}`]);
  const available = ctx.available().filter((p) => match(p.name) && !ctx.isInstalled(p.name) && ctx.streamAllowed(p))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => [`${p.name}.${p.arch}`, `${p.epoch ? `${p.epoch}:` : ''}${p.version}`, p.repo]);
  const groups: Array<[string, string[][]]> = [];
  if ((which === 'installed' || which === 'all') && installed.length) groups.push(['Installed Packages', installed]);
  if ((which === 'available' || which === 'all') && available.length) groups.push(['Available Packages', available]);
  if (!groups.length) {
    await ctx.con.err('Error: No matching Packages to list\n');
    return 1;
  }
  const cols = calcColumns(countLens(groups.flatMap(([, rows]) => rows)), undefined, 1);
  for (const [title, rows] of groups) {
    await ctx.con.always(`${title}\n`);
    for (const r of rows) await ctx.con.always(`${fmtColumns([[r[0]!, -cols[0]!], [r[1]!, -cols[1]!], [r[2]!, -cols[2]!]])}\n`);
  }
  return 0;
}

async function info(ctx: DnfContext, rest: string[]): Promise<number> {
  let shown = 0;
  for (const name of rest) {
    const rec = ctx.installed(name);
    const p = ctx.choose(name);
    if (!rec && !p) continue;
    const dash = p ? p.version.lastIndexOf('-') : 0;
    const rows: Array<[string, string]> = rec
      ? [['Name', rec.name], ['Version', rec.version], ['Release', rec.release], ['Architecture', rec.arch], ['Size', formatNumber(rec.size)],
        ['Source', `${rec.name}-${rec.version}-${rec.release}.src.rpm`], ['Repository', '@System'], ['From repo', rec.repo], ['Summary', rec.summary],
        ['URL', rec.url], ['License', rec.license]]
      : [['Name', p!.name], ['Version', p!.version.slice(0, dash)], ['Release', p!.version.slice(dash + 1)], ['Architecture', p!.arch],
        ['Size', formatNumber(p!.downloadSize)], ['Source', `${p!.name}-${p!.version}.src.rpm`], ['Repository', p!.repo], ['Summary', p!.summary],
        ['URL', p!.url], ['License', p!.license]];
    await ctx.con.always(`${shown ? '\n' : ''}${rec ? 'Installed Packages' : 'Available Packages'}\n`);
    for (const [k, v] of rows) await ctx.con.always(`${fill(k, 12)} : ${v}\n`);
    await ctx.con.always(`${fill('Description', 12)} : ${(rec?.summary ?? p!.summary)}.\n\n`);
    shown++;
  }
  if (!shown) {
    await ctx.con.err('Error: No matching Packages to list\n');
    return 1;
  }
  return 0;
}

async function moduleCommand(ctx: DnfContext, rest: string[]): Promise<number> {
  const { con, sys } = ctx;
  const [sub, ...specs] = rest;
  if (sub === 'list') {
    return withRepos(ctx, async () => {
      const names = Object.keys(ctx.catalog.modules).filter((m) => !specs.length || specs.some((s) => globMatch(s, m))).sort();
      if (!names.length) {
        await con.err('Error: No matching Modules to list\n');
        return 1;
      }
      const rows: string[][] = [['Name', 'Stream', 'Profiles', 'Summary']];
      for (const name of names) {
        const mod = ctx.catalog.modules[name]!;
        const st = ctx.modules.get(name);
        for (const [stream, profiles] of Object.entries(mod.streams)) {
          let marks = stream === mod.default ? ' [d]' : '';
          if (st?.state === 'enabled' && st.stream === stream) marks += marks ? '[e]' : ' [e]';
          if (st?.state === 'disabled') marks += marks ? '[x]' : ' [x]';
          rows.push([name, `${stream}${marks}`, profiles, mod.summary]);
        }
      }
      const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
      const appstream = ctx.repos.find((r) => r.id.includes('appstream'));
      await con.always(`${appstream?.name ?? 'AppStream'}\n`);
      for (const r of rows) await con.always(`${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]! + 1))).join('')}\n`);
      await con.always('\nHint: [d]efault, [e]nabled, [x]disabled, [i]nstalled\n');
      return 0;
    });
  }
  if (sub !== 'enable' && sub !== 'disable' && sub !== 'reset') {
    await con.err(`usage: ${ctx.opts.prog} module [-c [config file]] [-q] [-v] [--version] ... {disable,enable,info,install,list,provides,remove,repoquery,reset,update} ...\n${ctx.opts.prog} module: error: argument subcommand: invalid choice: '${sub ?? ''}'\n`);
    return 2;
  }
  if (!(await needRoot(sys, con))) return 1;
  return withRepos(ctx, async () => {
    if (!specs.length) {
      await con.err(`Error: dnf module ${sub}: too few arguments\n`);
      return 1;
    }
    const changes: Array<{ name: string; stream: string }> = [];
    for (const spec of specs) {
      const [name, streamAsked] = spec.split(/[:/]/) as [string, string | undefined];
      const mod = ctx.catalog.modules[name];
      if (!mod || (streamAsked && !mod.streams[streamAsked])) {
        await con.err(`Error: Problems in request:\nmissing groups or modules: ${spec}\n`);
        return 1;
      }
      const st = ctx.modules.get(name);
      if (sub === 'enable') {
        const stream = streamAsked ?? st?.stream ?? mod.default;
        if (st?.state === 'enabled' && st.stream !== stream) {
          await con.err(`The operation would result in switching of module '${name}' stream '${st.stream}' to stream '${stream}'\nError: It is not possible to switch enabled streams of a module.\nIt is recommended to remove all installed content from the module, and reset the module using '${ctx.opts.prog} module reset <module_name>' command. After you reset the module, you can install the other stream.\n`);
          return 1;
        }
        if (st?.state === 'enabled') continue;
        changes.push({ name, stream });
      } else if (st?.state || sub === 'disable') changes.push({ name, stream: st?.stream ?? '' });
    }
    if (!changes.length) {
      await con.print('Dependencies resolved.\nNothing to do.\nComplete!\n');
      return 0;
    }
    await con.print('Dependencies resolved.\n');
    let table = transactionTable([], sub === 'enable' ? changes : [], []);
    if (sub !== 'enable') {
      const title = sub === 'disable' ? 'Disabling modules' : 'Resetting modules';
      table = table.replace('\nTransaction Summary', `${title}:\n${changes.map((c) => ` ${c.name}\n`).join('')}\nTransaction Summary`);
    }
    await con.print(`${table}\n`);
    if (!(await confirm(ctx))) return 1;
    for (const c of changes) {
      await writeModule(sys, ctx.opts.root, c.name, sub === 'enable'
        ? { stream: c.stream, state: 'enabled', profiles: '' }
        : sub === 'disable' ? { stream: '', state: 'disabled', profiles: '' } : { stream: '', state: '', profiles: '' });
    }
    await con.print('Complete!\n');
    return 0;
  });
}
