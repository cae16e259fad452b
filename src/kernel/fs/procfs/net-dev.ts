// /proc/net/dev of one network namespace: a two-line header, then one line per interface with
// eight receive and eight transmit counters, in the widths net/core/net-procfs.c prints them
// (recorded in net-dev-new-netns.txt). Interfaces without counters read all zeros.

import type { NetNamespace } from '../../ns/namespaces.ts';
import { rightAlign } from './format.ts';

const HEADER =
  'Inter-|   Receive                                                |  Transmit\n' +
  ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n';

/** Column widths of the 16 counters after "name:". */
const WIDTHS = [8, 7, 4, 4, 4, 5, 10, 9, 8, 7, 4, 4, 4, 5, 7, 10];

interface Counters {
  rxBytes?: number;
  rxPackets?: number;
  txBytes?: number;
  txPackets?: number;
}

export function netDevText(ns: NetNamespace): string {
  let out = HEADER;
  for (const iface of ns.interfaces) {
    const c = iface as typeof iface & Counters;
    const values = [c.rxBytes ?? 0, c.rxPackets ?? 0, 0, 0, 0, 0, 0, 0, c.txBytes ?? 0, c.txPackets ?? 0, 0, 0, 0, 0, 0, 0];
    out += `${rightAlign(iface.name, 6)}:${values.map((v, i) => rightAlign(v, WIDTHS[i]!)).join(' ')}\n`;
  }
  return out;
}
