// Every docker command's metadata in one place: usage, one-line summary, aliases and flags,
// from which --help pages, flag errors and the top-level `docker --help` are made. The facts
// (usage lines, aliases, flag names, shorthands, value names, defaults, section layout) follow
// Docker 28.2.2 as recorded in test/programs/docker/fixtures/help.json; the sentences are ours.
// The commands below are hand-written; the rest come from specs-recorded.ts, generated from
// the recording's facts and our words in test/programs/docker/fixtures/descriptions.json.

import { type CommandSpec, FORMAT_TABLE_USAGE, FORMAT_USAGE, type FlagSpec, flagUsages } from './cli.ts';
import { RECORDED_SPECS } from './specs-recorded.ts';

const formatTable: FlagSpec = { long: 'format', type: 'string', usage: FORMAT_TABLE_USAGE };
const format: FlagSpec = { long: 'format', short: 'f', type: 'string', usage: FORMAT_USAGE };
const filter: FlagSpec = { long: 'filter', short: 'f', type: 'filter', usage: 'Show only what matches (key=value)' };

const PS_FLAGS: FlagSpec[] = [
  { long: 'all', short: 'a', type: 'bool', usage: 'Include stopped containers, not only running ones' },
  filter,
  formatTable,
  { long: 'last', short: 'n', type: 'int', usage: 'Show the n most recently created containers, in any state', def: '-1' },
  { long: 'latest', short: 'l', type: 'bool', usage: 'Show the most recently created container, in any state' },
  { long: 'no-trunc', type: 'bool', usage: 'Print IDs and commands in full' },
  { long: 'quiet', short: 'q', type: 'bool', usage: 'Print only the container IDs' },
  { long: 'size', short: 's', type: 'bool', usage: 'Add the size of each writable layer' },
];
const PS_ALIASES = 'docker container ls, docker container list, docker container ps, docker ps';

const IMAGES_FLAGS: FlagSpec[] = [
  { long: 'all', short: 'a', type: 'bool', usage: 'Include intermediate images' },
  { long: 'digests', type: 'bool', usage: 'Add a DIGEST column' },
  filter,
  formatTable,
  { long: 'no-trunc', type: 'bool', usage: 'Print image IDs in full' },
  { long: 'quiet', short: 'q', type: 'bool', usage: 'Print only the image IDs' },
  { long: 'tree', type: 'bool', usage: 'Show multi-platform images as a tree (experimental)' },
];

const HISTORY_FLAGS: FlagSpec[] = [
  formatTable,
  { long: 'human', short: 'H', type: 'bool', usage: 'Show sizes in kB/MB and times as ages', def: 'true' },
  { long: 'no-trunc', type: 'bool', usage: 'Print IDs and commands in full' },
  { long: 'platform', type: 'string', usage: 'History of this platform of the image (os[/arch[/variant]])' },
  { long: 'quiet', short: 'q', type: 'bool', usage: 'Print only the image IDs' },
];

const STATS_FLAGS: FlagSpec[] = [
  { long: 'all', short: 'a', type: 'bool', usage: 'Include stopped containers, not only running ones' },
  formatTable,
  { long: 'no-stream', type: 'bool', usage: 'Print one sample and exit instead of refreshing' },
  { long: 'no-trunc', type: 'bool', usage: 'Print IDs in full' },
];

// BuildKit's `docker build` (buildx), not the legacy builder the recording machine had: the
// flags cmd/build.ts does, so `--progress=plain` passes the front end's check.
const BUILD_FLAGS: FlagSpec[] = [
  { long: 'build-arg', type: 'list', usage: 'Give an ARG of the Dockerfile a value (NAME=value, or NAME to take it from the environment)' },
  { long: 'file', short: 'f', type: 'string', usage: 'The Dockerfile to read (PATH/Dockerfile unless given; - for standard input)' },
  { long: 'no-cache', type: 'bool', usage: 'Run every step again instead of reusing cached layers' },
  { long: 'platform', type: 'string', usage: 'Build for this platform (os[/arch[/variant]]); cowbox builds only linux/amd64' },
  { long: 'progress', type: 'string', usage: 'How to show progress: "auto", "quiet", "plain" or "tty" (plain also shows what RUN steps print)', def: 'auto' },
  { long: 'pull', type: 'bool', usage: 'Pull the base images again even when they are already here' },
  { long: 'quiet', short: 'q', type: 'bool', usage: 'Print only the new image ID' },
  { long: 'tag', short: 't', type: 'list', usage: 'Name the image (name[:tag]); may be given more than once' },
  { long: 'target', type: 'string', usage: 'Stop after this stage of a multi-stage Dockerfile' },
];

// docker volume's commands: Docker 28's flags (recorded in fixtures/volume.json), our words.
// The swarm-only flags of create are there so --help lists them; cowbox does none of them.
const cluster = (long: string, type: 'string' | 'list', usage: string, def?: string, varname?: string): FlagSpec => ({ long, type, usage: `Cluster volumes only: ${usage}`, ...(def ? { def } : {}), ...(varname ? { varname } : {}) });
const VOLUME_CREATE_FLAGS: FlagSpec[] = [
  cluster('availability', 'string', 'whether it takes work ("active", "pause", "drain")', 'active'),
  { long: 'driver', short: 'd', type: 'string', usage: 'The volume driver that makes and mounts it', def: 'local' },
  cluster('group', 'string', 'the group it belongs to'),
  { long: 'label', type: 'list', usage: 'A label to set on it (key=value, or key alone)' },
  cluster('limit-bytes', 'string', 'the size it may grow to', undefined, 'bytes'),
  { long: 'name', type: 'string', usage: 'Its name (the operand is the usual way)', hidden: true },
  { long: 'opt', short: 'o', type: 'list', usage: 'A driver option (key=value); the local driver takes type, device, o', def: 'map[]', varname: 'map' },
  cluster('required-bytes', 'string', 'the size it needs at least', undefined, 'bytes'),
  cluster('scope', 'string', 'who may use it at once ("single", "multi")', 'single'),
  cluster('secret', 'list', 'secrets to hand the driver', 'map[]', 'map'),
  cluster('sharing', 'string', 'how it may be shared ("none", "readonly", "onewriter", "all")', 'none'),
  cluster('topology-preferred', 'list', 'a topology it should be in'),
  cluster('topology-required', 'list', 'a topology it must be reachable from'),
  cluster('type', 'string', 'how it is accessed ("mount", "block")', 'block'),
];

const spec = (s: CommandSpec): CommandSpec => s;

/** Specs by the path the user typed ("ps", "container ls"). */
export const SPECS: Record<string, CommandSpec> = {
  ps: spec({ path: 'ps', use: '[OPTIONS]', short: 'List the containers', aliases: PS_ALIASES, flags: PS_FLAGS, args: { exact: 0 } }),
  images: spec({ path: 'images', use: '[OPTIONS] [REPOSITORY[:TAG]]', short: 'List the images', aliases: 'docker image ls, docker image list, docker images', flags: IMAGES_FLAGS, args: { max: 1 } }),
  inspect: spec({
    path: 'inspect',
    use: '[OPTIONS] NAME|ID [NAME|ID...]',
    short: 'Print the full record of containers or images as JSON',
    flags: [format, { long: 'size', short: 's', type: 'bool', usage: 'For containers, add SizeRw and SizeRootFs' }, { long: 'type', type: 'string', usage: 'Look the names up only as this kind (container or image)' }],
    args: { min: 1 },
  }),
  'container inspect': spec({
    path: 'container inspect',
    use: '[OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Print the full record of containers as JSON',
    flags: [format, { long: 'size', short: 's', type: 'bool', usage: 'Add SizeRw and SizeRootFs' }],
    args: { min: 1 },
  }),
  'image inspect': spec({
    path: 'image inspect',
    use: '[OPTIONS] IMAGE [IMAGE...]',
    short: 'Print the full record of images as JSON',
    flags: [
      { long: 'format', short: 'f', type: 'string', usage: FORMAT_USAGE },
      {
        long: 'platform',
        type: 'string',
        usage:
          "Show this platform of a multi-platform image; an image without it is an error\n'os[/arch[/variant]]': the platform, e.g. linux/amd64",
      },
    ],
    args: { min: 1 },
  }),
  history: spec({ path: 'history', use: '[OPTIONS] IMAGE', short: 'List the layers of an image and the steps that made them', aliases: 'docker image history, docker history', flags: HISTORY_FLAGS, args: { exact: 1 } }),
  top: spec({ path: 'top', use: 'CONTAINER [ps OPTIONS]', short: "Run ps over a container's processes", aliases: 'docker container top, docker top', flags: [], args: { min: 1 }, stopAtOperand: true }),
  stats: spec({ path: 'stats', use: '[OPTIONS] [CONTAINER...]', short: 'Show CPU, memory, I/O and process counts of containers as they change', aliases: 'docker container stats, docker stats', flags: STATS_FLAGS, args: { min: 0 } }),
  diff: spec({ path: 'diff', use: 'CONTAINER', short: 'List the files a container added, changed or deleted', aliases: 'docker container diff, docker diff', flags: [], args: { exact: 1 } }),
  'system df': spec({ path: 'system df', use: '[OPTIONS]', short: 'Show the disk space images, containers and the cache take', flags: [formatTable, { long: 'verbose', short: 'v', type: 'bool', usage: 'One line per image, container and cache entry' }], args: { exact: 0 } }),
  version: spec({ path: 'version', use: '[OPTIONS]', short: 'Print the version of the client and the engine', flags: [format], args: { exact: 0 } }),
  build: spec({ path: 'build', use: '[OPTIONS] PATH | URL | -', short: 'Make an image from a Dockerfile and a context directory', aliases: 'docker image build, docker build, docker builder build', flags: BUILD_FLAGS, args: { exact: 1 } }),
  'volume create': spec({ path: 'volume create', use: '[OPTIONS] [VOLUME]', short: 'Make a volume', flags: VOLUME_CREATE_FLAGS, args: { max: 1 } }),
  'volume ls': spec({
    path: 'volume ls',
    use: '[OPTIONS]',
    short: 'List the volumes',
    aliases: 'docker volume ls, docker volume list',
    flags: [
      { long: 'cluster', type: 'bool', usage: 'List only cluster volumes, in their own columns' },
      { ...filter, usage: 'Show only what matches (dangling=true, name=, label=, driver=)' },
      formatTable,
      { long: 'quiet', short: 'q', type: 'bool', usage: 'Print only the volume names' },
    ],
    args: { exact: 0 },
  }),
  'volume inspect': spec({ path: 'volume inspect', use: '[OPTIONS] VOLUME [VOLUME...]', short: 'Print the full record of volumes as JSON', flags: [format], args: { min: 1 } }),
  'volume update': spec({ path: 'volume update', use: '[OPTIONS] [VOLUME]', short: 'Change a volume (cluster volumes only)', flags: [VOLUME_CREATE_FLAGS[0]!], args: { max: 1 } }),
  'volume rm': spec({
    path: 'volume rm',
    use: '[OPTIONS] VOLUME [VOLUME...]',
    short: 'Remove volumes',
    long: 'Remove volumes and their files. A volume that a container uses (running or not) is not removed.',
    aliases: 'docker volume rm, docker volume remove',
    flags: [{ long: 'force', short: 'f', type: 'bool', usage: 'Say nothing about volumes that are not there' }],
    args: { min: 1 },
  }),
  'volume prune': spec({
    path: 'volume prune',
    use: '[OPTIONS]',
    short: 'Remove the volumes no container uses',
    flags: [
      { long: 'all', short: 'a', type: 'bool', usage: 'Named volumes too, not only anonymous ones' },
      { long: 'filter', type: 'filter', usage: 'Remove only what matches (label=, label!=)' },
      { long: 'force', short: 'f', type: 'bool', usage: 'Do not ask first' },
    ],
    args: { exact: 0 },
  }),
  info: spec({ path: 'info', use: '[OPTIONS]', short: 'Print a summary of the engine and the machine', aliases: 'docker system info, docker info', flags: [format], args: { exact: 0 } }),
};
for (const v of ['ls', 'list', 'ps']) SPECS[`container ${v}`] = { ...SPECS.ps!, path: `container ${v}` };
for (const v of ['ls', 'list']) SPECS[`image ${v}`] = { ...SPECS.images!, path: `image ${v}` };
SPECS['image history'] = { ...SPECS.history!, path: 'image history' };
SPECS['container top'] = { ...SPECS.top!, path: 'container top' };
SPECS['container stats'] = { ...SPECS.stats!, path: 'container stats' };
SPECS['container diff'] = { ...SPECS.diff!, path: 'container diff' };
for (const p of ['image build', 'builder build']) SPECS[p] = { ...SPECS.build!, path: p };
SPECS['system info'] = { ...SPECS.info!, path: 'system info' };
SPECS['volume list'] = { ...SPECS['volume ls']!, path: 'volume list' };
SPECS['volume remove'] = { ...SPECS['volume rm']!, path: 'volume remove' };

/** The spec for what the user typed, falling back to the top-level command's. */
export function specFor(invoked: string, fallback: string): CommandSpec {
  return lookupSpec(invoked) ?? lookupSpec(fallback)!;
}

/** Any command's spec, hand-written or generated from the recordings, or null. */
export function lookupSpec(invoked: string): CommandSpec | null {
  return SPECS[invoked] ?? RECORDED_SPECS[invoked] ?? null;
}

// ---------------------------------------------------------------- `docker` and `docker --help`

// The command lists name the commands in Docker's groups and order; each one's summary is the
// `short` of its spec, so the lists and the --help pages say the same thing.
const COMMON = ['run', 'exec', 'ps', 'build', 'pull', 'push', 'images', 'login', 'logout', 'search', 'version', 'info'];
const OTHER = ['attach', 'commit', 'cp', 'create', 'diff', 'events', 'export', 'history', 'import', 'inspect', 'kill', 'load', 'logs', 'pause', 'port', 'rename', 'restart', 'rm', 'rmi', 'save', 'start', 'stats', 'stop', 'tag', 'top', 'unpause', 'update', 'wait'];

/** Groups of commands: their summary, and [verb, the spec whose summary it shares]. */
const GROUPS: Record<string, { short: string; verbs?: [string, string][] }> = {
  builder: { short: 'Manage the build cache and builders' },
  checkpoint: { short: 'Manage container checkpoints' },
  container: {
    short: 'Work with containers',
    verbs: [
      ['attach', 'attach'], ['commit', 'commit'], ['cp', 'cp'], ['create', 'create'], ['diff', 'diff'], ['exec', 'exec'], ['export', 'export'],
      ['inspect', 'container inspect'], ['kill', 'kill'], ['logs', 'logs'], ['ls', 'ps'], ['pause', 'pause'], ['port', 'port'],
      ['prune', 'container prune'], ['rename', 'rename'], ['restart', 'restart'], ['rm', 'rm'], ['run', 'run'], ['start', 'start'],
      ['stats', 'stats'], ['stop', 'stop'], ['top', 'top'], ['unpause', 'unpause'], ['update', 'update'], ['wait', 'wait'],
    ],
  },
  context: { short: 'Manage which engine the client talks to' },
  image: {
    short: 'Work with images',
    verbs: [
      ['build', 'build'], ['history', 'history'], ['import', 'import'], ['inspect', 'image inspect'], ['load', 'load'], ['ls', 'images'],
      ['prune', 'image prune'], ['pull', 'pull'], ['push', 'push'], ['rm', 'rmi'], ['save', 'save'], ['tag', 'tag'],
    ],
  },
  manifest: { short: 'Manage manifests and multi-platform manifest lists' },
  network: { short: 'Create, connect and remove networks' },
  plugin: { short: 'Manage engine plugins' },
  system: {
    short: 'Look after the engine as a whole',
    verbs: [['df', 'system df'], ['events', 'events'], ['info', 'info'], ['prune', 'system prune']],
  },
  trust: { short: 'Manage image signatures' },
  volume: {
    short: 'Create, list and remove volumes',
    verbs: [['create', 'volume create'], ['inspect', 'volume inspect'], ['ls', 'volume ls'], ['prune', 'volume prune'], ['rm', 'volume rm'], ['update', 'volume update']],
  },
};
const MANAGEMENT = ['builder', 'checkpoint', 'container', 'context', 'image', 'manifest', 'network', 'plugin', 'system', 'trust', 'volume'];
// Swarm is not something cowbox has; the names stay because Docker lists them.
const SWARM: [string, string][] = [
  ['config', 'Manage configuration objects of a swarm'],
  ['node', 'Manage the machines of a swarm'],
  ['secret', 'Manage secrets of a swarm'],
  ['service', 'Manage services of a swarm'],
  ['stack', 'Manage stacks of services on a swarm'],
  ['swarm', 'Set up and join a swarm'],
];

const summary = (path: string): string => lookupSpec(path)?.short ?? '';
const rows = (list: [string, string][]): string => list.map(([n, s]) => `  ${n.padEnd(11)} ${s}`).join('\n');
const commandRows = (names: string[]): string => rows(names.map((n) => [n, summary(n)]));

/** `docker --help`; `home` is where the client's config lives ($HOME/.docker). */
export function topLevelHelp(home: string): string {
  const cfg = `${home.replace(/\/$/, '')}/.docker`;
  return `Usage:  docker [OPTIONS] COMMAND

Run and build containers inside cowbox's simulated kernel

Common Commands:
${commandRows(COMMON)}

Management Commands:
${rows(MANAGEMENT.map((g) => [g, GROUPS[g]!.short]))}

Swarm Commands:
${rows(SWARM)}

Commands:
${commandRows(OTHER)}

Global Options:
${globalOptions(cfg)}

Run 'docker COMMAND --help' for more information on a command.

Docker's own guides: https://docs.docker.com/go/guides/
`;
}

/** The client's global options, wrapped by pflag like every flag list (the defaults name $HOME). */
function globalOptions(cfg: string): string {
  return flagUsages([
    { long: 'config', type: 'string', usage: "Directory of the client's settings", def: cfg },
    { long: 'context', short: 'c', type: 'string', usage: 'Engine to talk to, by context name (cowbox has only the local one)' },
    { long: 'debug', short: 'D', type: 'bool', usage: 'Print debugging messages' },
    { long: 'host', short: 'H', type: 'list', usage: "Engine socket to talk to (cowbox's engine is always local)" },
    { long: 'log-level', short: 'l', type: 'string', usage: 'Least severe messages to print ("debug", "info", "warn", "error", "fatal")', def: 'info' },
    { long: 'tls', type: 'bool', usage: 'Talk to the engine over TLS (--tlsverify implies it)' },
    { long: 'tlscacert', type: 'string', usage: 'Accept only certificates this CA signed', def: `${cfg}/ca.pem` },
    { long: 'tlscert', type: 'string', usage: "The client's TLS certificate", def: `${cfg}/cert.pem` },
    { long: 'tlskey', type: 'string', usage: "The client's TLS key", def: `${cfg}/key.pem` },
    { long: 'tlsverify', type: 'bool', usage: "Use TLS and check the engine's certificate" },
    { long: 'version', short: 'v', type: 'bool', usage: 'Print the version and exit' },
  ]);
}

/** `docker GROUP --help` for the groups that have verbs here, else null. */
export function groupHelp(group: string): string | null {
  const g = GROUPS[group];
  if (!g?.verbs) return null;
  return `Usage:  docker ${group} COMMAND

${g.short}

Commands:
${rows(g.verbs.map(([verb, path]) => [verb, summary(path)]))}

Run 'docker ${group} COMMAND --help' for more information on a command.
`;
}

export const CLIENT_VERSION = 'Docker version 28.2.2, build e6534b4';
