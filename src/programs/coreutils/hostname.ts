// hostname (Debian's hostname 3.23): print the host name (the UTS namespace's nodename), or set
// it when given one (root only: sethostname). -s cuts at the first dot; -f and -d give the full
// name and its domain as /etc/hosts resolves the host name; -i its addresses there; -F reads the
// name to set from a file (comment lines skipped), -b also when it has none.

import { isSysError, strerror } from '../../abi/errno.ts';
import { utf8Decode } from '../../base/text.ts';
import type { Sys } from '../../sys/sys.ts';
import { helpText } from '../lib/help.ts';
import type { ProgramMeta } from '../lib/meta.ts';
import { parseArgs, UsageError, type Parsed } from '../lib/options.ts';
import { dialectUsageError, guardOutput } from '../lib/tool.ts';

export const meta: ProgramMeta = {
  name: 'hostname', package: 'hostname', version: '3.23',
  usage: ['[-b] {hostname|-F file}', '[-d|-f|-i|-s]', ''],
  summary: 'Show or set the name of this host (its UTS namespace).',
  standardOptions: false,
  usageStatus: 255,
  options: [
    { short: 'b', long: 'boot', help: 'set a default name (localhost) if none can be found' },
    { short: 'd', long: 'domain', help: 'print the DNS domain name' },
    { short: 'f', long: 'fqdn', key: 'fqdn', help: 'print the fully qualified name, as /etc/hosts gives it' },
    { long: 'long', key: 'fqdn', help: 'the same as --fqdn' },
    { short: 'F', long: 'file', arg: 'required', argName: 'FILE', help: 'set the name read from FILE' },
    { short: 'i', long: 'ip-address', help: 'print the addresses /etc/hosts gives the name' },
    { short: 's', long: 'short', help: 'print the name up to its first dot' },
    { short: 'h', long: 'help', key: '--help', help: 'print this help and exit' },
    { short: 'V', long: 'version', key: '--version', help: 'print the version and exit' },
  ],
};

async function readText(sys: Sys, path: string): Promise<string | null> {
  try {
    const fd = await sys.open(path, 0);
    try {
      return utf8Decode(await sys.readAll(fd));
    } finally {
      await sys.close(fd);
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
    return null;
  }
}

/** The /etc/hosts lines that name `host`: [address, canonical name]. */
async function lookup(sys: Sys, host: string): Promise<[string, string][]> {
  const text = (await readText(sys, '/etc/hosts')) ?? '';
  const found: [string, string][] = [];
  for (const raw of text.split('\n')) {
    const fields = raw.replace(/#.*/, '').trim().split(/\s+/).filter(Boolean);
    if (fields.length >= 2 && fields.slice(1).includes(host)) found.push([fields[0]!, fields[1]!]);
  }
  return found;
}

function validName(name: string): boolean {
  return /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(name) && !name.includes('..');
}

export default function hostname(sys: Sys): Promise<number> {
  return guardOutput(sys, 'hostname', 0, () => run(sys), async () => 0);
}

async function run(sys: Sys): Promise<number> {
  let a: Parsed;
  try {
    a = parseArgs(meta, sys.argv.slice(1));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    const bb = await dialectUsageError(sys, 'hostname', e.text);
    if (bb !== null) return bb;
    await sys.writeAll(2, `${e.text}\n${helpText(meta)}`);
    return 255;
  }
  const out = (s: string): Promise<void> => sys.writeAll(1, s);
  const fail = async (s: string, status = 1): Promise<number> => {
    await sys.writeAll(2, `hostname: ${s}\n`);
    return status;
  };
  if (a.has('--help')) {
    await out(helpText(meta));
    return 0;
  }
  if (a.has('--version')) {
    await out('hostname 3.23\n');
    return 0;
  }
  const show = a.options.filter((o) => ['domain', 'fqdn', 'ip-address', 'short'].includes(o.key));
  let name: string | undefined = a.operands[0];
  const file = a.value('file');
  if (a.operands.length > 1 || ((name !== undefined || file !== undefined) && show.length)) {
    await sys.writeAll(2, helpText(meta));
    return 255;
  }
  if (file !== undefined) {
    const text = await readText(sys, file);
    if (text === null && !a.has('boot')) return fail(`${file}: ${strerror('ENOENT')}`);
    name = (text ?? '').split('\n').map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('#'));
    if (name === undefined && a.has('boot')) name = (await sys.uname()).nodename || 'localhost';
    if (name === undefined) return 0;
  }
  if (name !== undefined) {
    if (!validName(name)) return fail('the specified hostname is invalid');
    try {
      await sys.sethostname(name);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.code === 'EPERM') return fail('you must be root to change the host name');
      if (e.code === 'EINVAL') return fail('name too long');
      return fail(strerror(e.code));
    }
    return 0;
  }
  const node = (await sys.uname()).nodename;
  const mode = show.length ? show[show.length - 1]!.key : null;
  if (mode === null) await out(`${node}\n`);
  else if (mode === 'short') await out(`${node.split('.')[0]}\n`);
  else {
    const hits = await lookup(sys, node);
    if (hits.length === 0) return fail('Name or service not known');
    const fqdn = hits[0]![1];
    if (mode === 'fqdn') await out(`${fqdn}\n`);
    else if (mode === 'domain') await out(`${fqdn.includes('.') ? fqdn.slice(fqdn.indexOf('.') + 1) : ''}\n`);
    else await out(`${[...new Set(hits.map(([addr]) => addr))].join(' ')} \n`);
  }
  return 0;
}
