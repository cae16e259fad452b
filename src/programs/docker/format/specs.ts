// Every docker command's metadata in one place: usage, one-line summary, aliases and flags,
// from which --help pages, flag errors and the top-level `docker --help` are made. Layout and
// the terse one-line labels follow Docker 28.2.2 (recorded in
// test/programs/docker/fixtures/help.json).

import { type CommandSpec, FORMAT_TABLE_USAGE, FORMAT_USAGE, type FlagSpec, flagUsages } from './cli.ts';
import { RECORDED_SPECS } from './specs-recorded.ts';

const formatTable: FlagSpec = { long: 'format', type: 'string', usage: FORMAT_TABLE_USAGE };
const format: FlagSpec = { long: 'format', short: 'f', type: 'string', usage: FORMAT_USAGE };
const filter: FlagSpec = { long: 'filter', short: 'f', type: 'filter', usage: 'Filter output based on conditions provided' };

const PS_FLAGS: FlagSpec[] = [
  { long: 'all', short: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
  filter,
  formatTable,
  { long: 'last', short: 'n', type: 'int', usage: 'Show n last created containers (includes all states)', def: '-1' },
  { long: 'latest', short: 'l', type: 'bool', usage: 'Show the latest created container (includes all states)' },
  { long: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
  { long: 'quiet', short: 'q', type: 'bool', usage: 'Only display container IDs' },
  { long: 'size', short: 's', type: 'bool', usage: 'Display total file sizes' },
];
const PS_ALIASES = 'docker container ls, docker container list, docker container ps, docker ps';

const IMAGES_FLAGS: FlagSpec[] = [
  { long: 'all', short: 'a', type: 'bool', usage: 'Show all images (default hides intermediate images)' },
  { long: 'digests', type: 'bool', usage: 'Show digests' },
  filter,
  formatTable,
  { long: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
  { long: 'quiet', short: 'q', type: 'bool', usage: 'Only show image IDs' },
  { long: 'tree', type: 'bool', usage: 'List multi-platform images as a tree (EXPERIMENTAL)' },
];

const HISTORY_FLAGS: FlagSpec[] = [
  formatTable,
  { long: 'human', short: 'H', type: 'bool', usage: 'Print sizes and dates in human readable format', def: 'true' },
  { long: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
  { long: 'platform', type: 'string', usage: 'Show history for the given platform. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")' },
  { long: 'quiet', short: 'q', type: 'bool', usage: 'Only show image IDs' },
];

const STATS_FLAGS: FlagSpec[] = [
  { long: 'all', short: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
  formatTable,
  { long: 'no-stream', type: 'bool', usage: 'Disable streaming stats and only pull the first result' },
  { long: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
];

const spec = (s: CommandSpec): CommandSpec => s;

/** Specs by the path the user typed ("ps", "container ls"). */
export const SPECS: Record<string, CommandSpec> = {
  ps: spec({ path: 'ps', use: '[OPTIONS]', short: 'List containers', aliases: PS_ALIASES, flags: PS_FLAGS, args: { exact: 0 } }),
  images: spec({ path: 'images', use: '[OPTIONS] [REPOSITORY[:TAG]]', short: 'List images', aliases: 'docker image ls, docker image list, docker images', flags: IMAGES_FLAGS, args: { max: 1 } }),
  inspect: spec({
    path: 'inspect',
    use: '[OPTIONS] NAME|ID [NAME|ID...]',
    short: 'Return low-level information on Docker objects',
    flags: [format, { long: 'size', short: 's', type: 'bool', usage: 'Display total file sizes if the type is container' }, { long: 'type', type: 'string', usage: 'Only inspect objects of the given type' }],
    args: { min: 1 },
  }),
  'container inspect': spec({
    path: 'container inspect',
    use: '[OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Display detailed information on one or more containers',
    flags: [format, { long: 'size', short: 's', type: 'bool', usage: 'Display total file sizes' }],
    args: { min: 1 },
  }),
  'image inspect': spec({
    path: 'image inspect',
    use: '[OPTIONS] IMAGE [IMAGE...]',
    short: 'Display detailed information on one or more images',
    flags: [
      { long: 'format', short: 'f', type: 'string', usage: FORMAT_USAGE },
      {
        long: 'platform',
        type: 'string',
        usage:
          "Inspect a specific platform of the multi-platform image.\nIf the image or the server is not multi-platform capable, the command will error out if the platform does not match.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)",
      },
    ],
    args: { min: 1 },
  }),
  history: spec({ path: 'history', use: '[OPTIONS] IMAGE', short: 'Show the history of an image', aliases: 'docker image history, docker history', flags: HISTORY_FLAGS, args: { exact: 1 } }),
  top: spec({ path: 'top', use: 'CONTAINER [ps OPTIONS]', short: 'Display the running processes of a container', aliases: 'docker container top, docker top', flags: [], args: { min: 1 }, stopAtOperand: true }),
  stats: spec({ path: 'stats', use: '[OPTIONS] [CONTAINER...]', short: 'Display a live stream of container(s) resource usage statistics', aliases: 'docker container stats, docker stats', flags: STATS_FLAGS, args: { min: 0 } }),
  diff: spec({ path: 'diff', use: 'CONTAINER', short: "Inspect changes to files or directories on a container's filesystem", aliases: 'docker container diff, docker diff', flags: [], args: { exact: 1 } }),
  'system df': spec({ path: 'system df', use: '[OPTIONS]', short: 'Show docker disk usage', flags: [formatTable, { long: 'verbose', short: 'v', type: 'bool', usage: 'Show detailed information on space usage' }], args: { exact: 0 } }),
  version: spec({ path: 'version', use: '[OPTIONS]', short: 'Show the Docker version information', flags: [format], args: { exact: 0 } }),
  info: spec({ path: 'info', use: '[OPTIONS]', short: 'Display system-wide information', aliases: 'docker system info, docker info', flags: [format], args: { exact: 0 } }),
};
for (const v of ['ls', 'list', 'ps']) SPECS[`container ${v}`] = { ...SPECS.ps!, path: `container ${v}` };
for (const v of ['ls', 'list']) SPECS[`image ${v}`] = { ...SPECS.images!, path: `image ${v}` };
SPECS['image history'] = { ...SPECS.history!, path: 'image history' };
SPECS['container top'] = { ...SPECS.top!, path: 'container top' };
SPECS['container stats'] = { ...SPECS.stats!, path: 'container stats' };
SPECS['container diff'] = { ...SPECS.diff!, path: 'container diff' };
SPECS['system info'] = { ...SPECS.info!, path: 'system info' };

/** The spec for what the user typed, falling back to the top-level command's. */
export function specFor(invoked: string, fallback: string): CommandSpec {
  return SPECS[invoked] ?? SPECS[fallback]!;
}

/** Any command's spec, hand-written or generated from the recordings, or null. */
export function lookupSpec(invoked: string): CommandSpec | null {
  return SPECS[invoked] ?? RECORDED_SPECS[invoked] ?? null;
}

// ---------------------------------------------------------------- `docker` and `docker --help`

const COMMON: [string, string][] = [
  ['run', 'Create and run a new container from an image'],
  ['exec', 'Execute a command in a running container'],
  ['ps', 'List containers'],
  ['build', 'Build an image from a Dockerfile'],
  ['pull', 'Download an image from a registry'],
  ['push', 'Upload an image to a registry'],
  ['images', 'List images'],
  ['login', 'Authenticate to a registry'],
  ['logout', 'Log out from a registry'],
  ['search', 'Search Docker Hub for images'],
  ['version', 'Show the Docker version information'],
  ['info', 'Display system-wide information'],
];
const MANAGEMENT: [string, string][] = [
  ['builder', 'Manage builds'],
  ['checkpoint', 'Manage checkpoints'],
  ['container', 'Manage containers'],
  ['context', 'Manage contexts'],
  ['image', 'Manage images'],
  ['manifest', 'Manage Docker image manifests and manifest lists'],
  ['network', 'Manage networks'],
  ['plugin', 'Manage plugins'],
  ['system', 'Manage Docker'],
  ['trust', 'Manage trust on Docker images'],
  ['volume', 'Manage volumes'],
];
const SWARM: [string, string][] = [
  ['config', 'Manage Swarm configs'],
  ['node', 'Manage Swarm nodes'],
  ['secret', 'Manage Swarm secrets'],
  ['service', 'Manage Swarm services'],
  ['stack', 'Manage Swarm stacks'],
  ['swarm', 'Manage Swarm'],
];
export const OTHER: [string, string][] = [
  ['attach', 'Attach local standard input, output, and error streams to a running container'],
  ['commit', "Create a new image from a container's changes"],
  ['cp', 'Copy files/folders between a container and the local filesystem'],
  ['create', 'Create a new container'],
  ['diff', "Inspect changes to files or directories on a container's filesystem"],
  ['events', 'Get real time events from the server'],
  ['export', "Export a container's filesystem as a tar archive"],
  ['history', 'Show the history of an image'],
  ['import', 'Import the contents from a tarball to create a filesystem image'],
  ['inspect', 'Return low-level information on Docker objects'],
  ['kill', 'Kill one or more running containers'],
  ['load', 'Load an image from a tar archive or STDIN'],
  ['logs', 'Fetch the logs of a container'],
  ['pause', 'Pause all processes within one or more containers'],
  ['port', 'List port mappings or a specific mapping for the container'],
  ['rename', 'Rename a container'],
  ['restart', 'Restart one or more containers'],
  ['rm', 'Remove one or more containers'],
  ['rmi', 'Remove one or more images'],
  ['save', 'Save one or more images to a tar archive (streamed to STDOUT by default)'],
  ['start', 'Start one or more stopped containers'],
  ['stats', 'Display a live stream of container(s) resource usage statistics'],
  ['stop', 'Stop one or more running containers'],
  ['tag', 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE'],
  ['top', 'Display the running processes of a container'],
  ['unpause', 'Unpause all processes within one or more containers'],
  ['update', 'Update configuration of one or more containers'],
  ['wait', 'Block until one or more containers stop, then print their exit codes'],
];

/** `docker container --help` and friends: the group's verbs. */
export const GROUPS: Record<string, { short: string; verbs: [string, string][] }> = {
  container: {
    short: 'Manage containers',
    verbs: [
      ['attach', 'Attach local standard input, output, and error streams to a running container'],
      ['commit', "Create a new image from a container's changes"],
      ['cp', 'Copy files/folders between a container and the local filesystem'],
      ['create', 'Create a new container'],
      ['diff', "Inspect changes to files or directories on a container's filesystem"],
      ['exec', 'Execute a command in a running container'],
      ['export', "Export a container's filesystem as a tar archive"],
      ['inspect', 'Display detailed information on one or more containers'],
      ['kill', 'Kill one or more running containers'],
      ['logs', 'Fetch the logs of a container'],
      ['ls', 'List containers'],
      ['pause', 'Pause all processes within one or more containers'],
      ['port', 'List port mappings or a specific mapping for the container'],
      ['prune', 'Remove all stopped containers'],
      ['rename', 'Rename a container'],
      ['restart', 'Restart one or more containers'],
      ['rm', 'Remove one or more containers'],
      ['run', 'Create and run a new container from an image'],
      ['start', 'Start one or more stopped containers'],
      ['stats', 'Display a live stream of container(s) resource usage statistics'],
      ['stop', 'Stop one or more running containers'],
      ['top', 'Display the running processes of a container'],
      ['unpause', 'Unpause all processes within one or more containers'],
      ['update', 'Update configuration of one or more containers'],
      ['wait', 'Block until one or more containers stop, then print their exit codes'],
    ],
  },
  image: {
    short: 'Manage images',
    verbs: [
      ['build', 'Build an image from a Dockerfile'],
      ['history', 'Show the history of an image'],
      ['import', 'Import the contents from a tarball to create a filesystem image'],
      ['inspect', 'Display detailed information on one or more images'],
      ['load', 'Load an image from a tar archive or STDIN'],
      ['ls', 'List images'],
      ['prune', 'Remove unused images'],
      ['pull', 'Download an image from a registry'],
      ['push', 'Upload an image to a registry'],
      ['rm', 'Remove one or more images'],
      ['save', 'Save one or more images to a tar archive (streamed to STDOUT by default)'],
      ['tag', 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE'],
    ],
  },
  system: {
    short: 'Manage Docker',
    verbs: [
      ['df', 'Show docker disk usage'],
      ['events', 'Get real time events from the server'],
      ['info', 'Display system-wide information'],
      ['prune', 'Remove unused data'],
    ],
  },
};

const rows = (list: [string, string][]): string => list.map(([n, s]) => `  ${n.padEnd(11)} ${s}`).join('\n');

/** The docker CLI's home directory for its config ($HOME/.docker). */
export function topLevelHelp(home: string): string {
  const cfg = `${home.replace(/\/$/, '')}/.docker`;
  return `Usage:  docker [OPTIONS] COMMAND

A self-sufficient runtime for containers

Common Commands:
${rows(COMMON)}

Management Commands:
${rows(MANAGEMENT)}

Swarm Commands:
${rows(SWARM)}

Commands:
${rows(OTHER)}

Global Options:
${globalOptions(cfg)}

Run 'docker COMMAND --help' for more information on a command.

For more help on how to use Docker, head to https://docs.docker.com/go/guides/
`;
}

/** The client's global options, wrapped by pflag like every flag list (the defaults name $HOME). */
function globalOptions(cfg: string): string {
  return flagUsages([
    { long: 'config', type: 'string', usage: 'Location of client config files', def: cfg },
    { long: 'context', short: 'c', type: 'string', usage: 'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")' },
    { long: 'debug', short: 'D', type: 'bool', usage: 'Enable debug mode' },
    { long: 'host', short: 'H', type: 'list', usage: 'Daemon socket to connect to' },
    { long: 'log-level', short: 'l', type: 'string', usage: 'Set the logging level ("debug", "info", "warn", "error", "fatal")', def: 'info' },
    { long: 'tls', type: 'bool', usage: 'Use TLS; implied by --tlsverify' },
    { long: 'tlscacert', type: 'string', usage: 'Trust certs signed only by this CA', def: `${cfg}/ca.pem` },
    { long: 'tlscert', type: 'string', usage: 'Path to TLS certificate file', def: `${cfg}/cert.pem` },
    { long: 'tlskey', type: 'string', usage: 'Path to TLS key file', def: `${cfg}/key.pem` },
    { long: 'tlsverify', type: 'bool', usage: 'Use TLS and verify the remote' },
    { long: 'version', short: 'v', type: 'bool', usage: 'Print version information and quit' },
  ]);
}

export function groupHelp(group: string): string | null {
  const g = GROUPS[group];
  if (!g) return null;
  return `Usage:  docker ${group} COMMAND

${g.short}

Commands:
${rows(g.verbs)}

Run 'docker ${group} COMMAND --help' for more information on a command.
`;
}

export const CLIENT_VERSION = 'Docker version 28.2.2, build e6534b4';
