// /proc/sys: the sysctl tree, reduced to /proc/sys/kernel's identity files and random/boot_id
// (one UUID for the life of this kernel, which a container engine compares to tell a reboot)
// and random/uuid (a new one at every read). hostname and
// domainname belong to the reader's UTS namespace and root may write them; a write keeps the
// bytes up to the first newline or NUL, at most 64 (longer input is cut, not refused), and an
// empty write changes nothing, as measured on Linux 6.18. The read-only ones refuse a write
// even from root with EACCES, as sysctl permission checks do.

import { SysError } from '../../../abi/errno.ts';
import { utf8Decode } from '../../../base/text.ts';
import type { Kernel } from '../../kernel.ts';
import type { UtsNamespace } from '../../ns/namespaces.ts';
import { PID_MAX } from '../../ns/pid-namespace.ts';
import type { Task } from '../../task/task.ts';
import { KERNEL_RELEASE, KERNEL_VERSION } from './machine.ts';
import { type FileBehaviour, ProcFile, type ProcSuper, StaticDir } from './proc-node.ts';

/** __NEW_UTS_LEN: the longest host or domain name. */
const UTS_LEN = 64;

function utsOf(kernel: Kernel, caller: Task | null): UtsNamespace {
  return caller?.ns.uts ?? kernel.initialNs.uts;
}

/** What proc_dostring keeps of a write: up to the first newline or NUL, at most 64 bytes. */
function sysctlString(data: Uint8Array): string | null {
  if (data.length === 0) return null;
  let end = data.findIndex((b) => b === 0x0a || b === 0);
  if (end < 0) end = data.length;
  return utf8Decode(data.subarray(0, Math.min(end, UTS_LEN)));
}

/** A random (version 4) UUID in its usual text form. */
function uuid4(): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = (8 + Math.floor(Math.random() * 4)).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const bootIds = new WeakMap<Kernel, string>();

function bootId(kernel: Kernel): string {
  let id = bootIds.get(kernel);
  if (!id) bootIds.set(kernel, (id = uuid4()));
  return id;
}

export function buildSysDir(fs: ProcSuper, kernel: Kernel): StaticDir {
  const sysctl = (mode: number, behaviour: FileBehaviour): ProcFile => new ProcFile(fs, { mode }, { sysctl: true, ...behaviour });
  const utsField = (field: 'hostname' | 'domainname'): ProcFile =>
    sysctl(0o644, {
      read: (caller) => `${utsOf(kernel, caller)[field]}\n`,
      write: (caller, data) => {
        const value = sysctlString(data);
        if (value !== null) utsOf(kernel, caller)[field] = value;
        return data.length;
      },
    });
  const fixed = (text: string): ProcFile => sysctl(0o444, { read: () => `${text}\n` });
  // sysctl directories report one link, whatever they hold.
  const kernelDir = new StaticDir(fs, { mode: 0o555, nlink: 1 }, () => [
    ['domainname', utsField('domainname')],
    ['hostname', utsField('hostname')],
    ['osrelease', fixed(KERNEL_RELEASE)],
    ['ostype', fixed('Linux')],
    [
      'pid_max',
      // The PID allocator's limit is fixed in this kernel: only its own value can be written.
      sysctl(0o644, {
        read: () => `${PID_MAX}\n`,
        write: (_caller, data) => {
          if (sysctlString(data)?.trim() !== String(PID_MAX)) throw new SysError('EINVAL');
          return data.length;
        },
      }),
    ],
    ['random', new StaticDir(fs, { mode: 0o555, nlink: 1 }, () => [
      ['boot_id', sysctl(0o444, { read: () => `${bootId(kernel)}\n` })],
      ['uuid', sysctl(0o444, { read: () => `${uuid4()}\n` })],
    ])],
    ['version', fixed(KERNEL_VERSION)],
  ]);
  return new StaticDir(fs, { mode: 0o555, nlink: 1 }, () => [['kernel', kernelDir]]);
}
