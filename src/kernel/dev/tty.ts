// The terminal devices: /dev/tty (5:0, the caller's controlling terminal, ENXIO without one),
// /dev/ptmx (5:2, a new pseudo-terminal pair whose master the caller holds) and the pty slaves
// (136:N, only through their devpts node). Opening a slave without O_NOCTTY makes it the
// controlling terminal of a session leader that has none, as Linux's tty_open does.

import { SysError } from '../../abi/errno.ts';
import { O_ACCMODE, O_NOCTTY, O_WRONLY } from '../../abi/open-flags.ts';
import { DevPtsFs, PTY_SLAVE_MAJOR, PtsDeviceNode, TTYAUX_MAJOR } from '../fs/devfs/devpts.ts';
import { ROOT_CRED } from '../fs/vfs/types.ts';
import { lookupChild } from '../fs/vfs/walk.ts';
import { Pty } from '../tty/pty.ts';
import type { Terminals } from '../tty/terminals.ts';
import { PtyMasterFile } from '../tty/tty-file.ts';
import type { CharDevice, DeviceRegistry, OpenRequest } from './char-device.ts';

/** devpts_acquire: the instance a ptmx open allocates in (its own, or the devpts mounted on ../pts). */
async function devptsFor(req: OpenRequest, terminals: Terminals): Promise<DevPtsFs> {
  if (req.ref.mount.fs instanceof DevPtsFs) return req.ref.mount.fs;
  if (!req.caller || !req.ref.parent) {
    if (terminals.hostPts) return terminals.hostPts;
    throw new SysError('ENODEV');
  }
  const pts = await lookupChild(req.caller.fs, req.ref.parent, 'pts');
  if (!pts) throw new SysError('ENOENT');
  if (!(pts.mount.fs instanceof DevPtsFs)) throw new SysError('ENODEV');
  return pts.mount.fs;
}

export function registerTtyDevices(reg: DeviceRegistry, terminals: Terminals): void {
  const tty: CharDevice = {
    name: '/dev/tty',
    async open(req) {
      const ctty = req.caller ? terminals.controllingTty(req.caller) : null;
      const pty = ctty ? terminals.ptyOf(ctty) : undefined;
      if (!pty) throw new SysError('ENXIO');
      return pty.openSlave(req.flags);
    },
  };
  const ptmx: CharDevice = {
    name: 'ptmx',
    async open(req) {
      const devpts = await devptsFor(req, terminals);
      const c = req.caller;
      const owner = c ? { uid: c.cred.euid, gid: c.cred.egid, groups: c.cred.groups } : ROOT_CRED;
      const pty = terminals.openPtmx(devpts, owner);
      return new PtyMasterFile(pty, req.flags, () => req.ref.node.stat());
    },
  };
  const pts: CharDevice = {
    name: 'pts',
    async open(req) {
      const node = req.ref.node;
      const pty = node instanceof PtsDeviceNode ? node.pty : null;
      if (!(pty instanceof Pty) || !pty.isMasterOpen || pty.locked) throw new SysError('EIO');
      const file = pty.openSlave(req.flags);
      const c = req.caller;
      const readable = (req.flags & O_ACCMODE) !== O_WRONLY;
      if (c && !(req.flags & O_NOCTTY) && readable && c.sid === c.pid && !terminals.controllingTty(c) && !pty.tty.sid) {
        terminals.attachSession(pty.tty, c);
      }
      return file;
    },
  };
  reg.register(TTYAUX_MAJOR, 0, tty);
  reg.register(TTYAUX_MAJOR, 2, ptmx);
  reg.register(PTY_SLAVE_MAJOR, undefined, pts);
}
