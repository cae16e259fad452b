// stty's tables, in GNU stty 9.1's order (the order `stty -a` prints): the mode words with the
// termios bits each sets and how `sane` and the short listing treat it, and the control
// characters with their sane values. Linux x86-64 bit values (asm-generic/termbits.h).

import * as T from '../../abi/termios.ts';

export type ModeType = 'control' | 'input' | 'output' | 'local' | 'combination';

/** Set by `sane`; unset by `sane`; may be negated with '-'; left out of listings. */
export const SANE_SET = 1;
export const SANE_UNSET = 2;
export const REV = 4;
export const OMIT = 8;
export const NO_SETATTR = 16;

export interface ModeInfo {
  name: string;
  type: ModeType;
  flags: number;
  bits: number;
  /** Other bits the mode clears (a field such as CSIZE or NLDLY). */
  mask: number;
}

// Bits abi/termios.ts does not name.
const CMSPAR = 0o10000000000;
const CRTSCTS = 0o20000000000;
const CS5 = 0;
const CS6 = 0o20;
const CS7 = 0o40;
const NLDLY = 0o400;
const CRDLY = 0o3000;
const BSDLY = 0o20000;
const VTDLY = 0o40000;
const FFDLY = 0o100000;
export const TAB0 = 0;
export const TAB3 = 0o14000;

const m = (name: string, type: ModeType, flags: number, bits: number, mask = 0): ModeInfo => ({ name, type, flags, bits, mask });
const C = 'control';
const I = 'input';
const O = 'output';
const L = 'local';
const X = 'combination';

export const MODES: ModeInfo[] = [
  m('parenb', C, REV, T.PARENB), m('parodd', C, REV, T.PARODD), m('cmspar', C, REV, CMSPAR),
  m('cs5', C, 0, CS5, T.CSIZE), m('cs6', C, 0, CS6, T.CSIZE), m('cs7', C, 0, CS7, T.CSIZE), m('cs8', C, 0, T.CS8, T.CSIZE),
  m('hupcl', C, REV, T.HUPCL), m('hup', C, REV | OMIT, T.HUPCL), m('cstopb', C, REV, T.CSTOPB),
  m('cread', C, SANE_SET | REV, T.CREAD), m('clocal', C, REV, T.CLOCAL), m('crtscts', C, REV, CRTSCTS),

  m('ignbrk', I, SANE_UNSET | REV, T.IGNBRK), m('brkint', I, SANE_SET | REV, T.BRKINT), m('ignpar', I, REV, T.IGNPAR),
  m('parmrk', I, REV, T.PARMRK), m('inpck', I, REV, T.INPCK), m('istrip', I, REV, T.ISTRIP),
  m('inlcr', I, SANE_UNSET | REV, T.INLCR), m('igncr', I, SANE_UNSET | REV, T.IGNCR), m('icrnl', I, SANE_SET | REV, T.ICRNL),
  m('ixon', I, REV, T.IXON), m('ixoff', I, SANE_UNSET | REV, T.IXOFF), m('tandem', I, REV | OMIT, T.IXOFF),
  m('iuclc', I, SANE_UNSET | REV, T.IUCLC), m('ixany', I, SANE_UNSET | REV, T.IXANY),
  m('imaxbel', I, SANE_SET | REV, T.IMAXBEL), m('iutf8', I, SANE_UNSET | REV, T.IUTF8),

  m('opost', O, SANE_SET | REV, T.OPOST), m('olcuc', O, SANE_UNSET | REV, T.OLCUC), m('ocrnl', O, SANE_UNSET | REV, T.OCRNL),
  m('onlcr', O, SANE_SET | REV, T.ONLCR), m('onocr', O, SANE_UNSET | REV, T.ONOCR), m('onlret', O, SANE_UNSET | REV, T.ONLRET),
  m('ofill', O, SANE_UNSET | REV, T.OFILL), m('ofdel', O, SANE_UNSET | REV, T.OFDEL),
  m('nl1', O, SANE_UNSET, NLDLY, NLDLY), m('nl0', O, SANE_SET, 0, NLDLY),
  m('cr3', O, SANE_UNSET, 0o3000, CRDLY), m('cr2', O, SANE_UNSET, 0o2000, CRDLY), m('cr1', O, SANE_UNSET, 0o1000, CRDLY),
  m('cr0', O, SANE_SET, 0, CRDLY),
  m('tab3', O, SANE_UNSET, TAB3, T.TABDLY), m('tab2', O, SANE_UNSET, 0o10000, T.TABDLY), m('tab1', O, SANE_UNSET, 0o4000, T.TABDLY),
  m('tab0', O, SANE_SET, TAB0, T.TABDLY),
  m('bs1', O, SANE_UNSET, BSDLY, BSDLY), m('bs0', O, SANE_SET, 0, BSDLY),
  m('vt1', O, SANE_UNSET, VTDLY, VTDLY), m('vt0', O, SANE_SET, 0, VTDLY),
  m('ff1', O, SANE_UNSET, FFDLY, FFDLY), m('ff0', O, SANE_SET, 0, FFDLY),

  m('isig', L, SANE_SET | REV, T.ISIG), m('icanon', L, SANE_SET | REV, T.ICANON), m('iexten', L, SANE_SET | REV, T.IEXTEN),
  m('echo', L, SANE_SET | REV, T.ECHO), m('echoe', L, SANE_SET | REV, T.ECHOE), m('crterase', L, REV | OMIT, T.ECHOE),
  m('echok', L, SANE_SET | REV, T.ECHOK), m('echonl', L, SANE_UNSET | REV, T.ECHONL), m('noflsh', L, SANE_UNSET | REV, T.NOFLSH),
  m('xcase', L, SANE_UNSET | REV, T.XCASE), m('tostop', L, SANE_UNSET | REV, T.TOSTOP),
  m('echoprt', L, SANE_UNSET | REV, T.ECHOPRT), m('prterase', L, REV | OMIT, T.ECHOPRT),
  m('echoctl', L, SANE_SET | REV, T.ECHOCTL), m('ctlecho', L, REV | OMIT, T.ECHOCTL),
  m('echoke', L, SANE_SET | REV, T.ECHOKE), m('crtkill', L, REV | OMIT, T.ECHOKE),
  m('flusho', L, SANE_UNSET | REV, T.FLUSHO), m('extproc', L, SANE_UNSET | REV, T.EXTPROC),

  ...['evenp', 'parity', 'oddp', 'nl'].map((n) => m(n, X, REV | OMIT, 0)),
  m('ek', X, OMIT, 0), m('sane', X, OMIT, 0),
  ...['cooked', 'raw', 'pass8', 'litout', 'cbreak', 'decctlq', 'tabs', 'lcase', 'LCASE'].map((n) => m(n, X, REV | OMIT, 0)),
  m('crt', X, OMIT, 0), m('dec', X, OMIT, 0),
];

export interface ControlInfo {
  name: string;
  sane: number;
  index: number;
}

/** The control characters; min and time come last, as the listings rely on. */
export const CONTROLS: ControlInfo[] = [
  { name: 'intr', sane: 0o3, index: T.VINTR }, { name: 'quit', sane: 0o34, index: T.VQUIT },
  { name: 'erase', sane: 0o177, index: T.VERASE }, { name: 'kill', sane: 0o25, index: T.VKILL },
  { name: 'eof', sane: 0o4, index: T.VEOF }, { name: 'eol', sane: 0, index: T.VEOL },
  { name: 'eol2', sane: 0, index: T.VEOL2 }, { name: 'swtch', sane: 0, index: T.VSWTC },
  { name: 'start', sane: 0o21, index: T.VSTART }, { name: 'stop', sane: 0o23, index: T.VSTOP },
  { name: 'susp', sane: 0o32, index: T.VSUSP }, { name: 'rprnt', sane: 0o22, index: T.VREPRINT },
  { name: 'werase', sane: 0o27, index: T.VWERASE }, { name: 'lnext', sane: 0o26, index: T.VLNEXT },
  { name: 'discard', sane: 0o17, index: T.VDISCARD },
  { name: 'min', sane: 1, index: T.VMIN }, { name: 'time', sane: 0, index: T.VTIME },
];

type FlagField = 'iflag' | 'oflag' | 'cflag' | 'lflag';
export const FIELD: Record<Exclude<ModeType, 'combination'>, FlagField> = { control: 'cflag', input: 'iflag', output: 'oflag', local: 'lflag' };

/** sane_mode: every control character and mode bit back to what `sane` says. */
export function saneMode(t: T.Termios): void {
  for (const c of CONTROLS) if (c.name !== 'min' && c.name !== 'time') t.cc[c.index] = c.sane;
  // min and time keep their slots: on Linux they do not share eof's and eol's.
  t.cc[T.VMIN] = 1;
  t.cc[T.VTIME] = 0;
  for (const mode of MODES) {
    if (mode.type === 'combination' || mode.flags & NO_SETATTR) continue;
    const f = FIELD[mode.type];
    if (mode.flags & SANE_SET) t[f] = ((t[f] & ~mode.mask) | mode.bits) >>> 0;
    else if (mode.flags & SANE_UNSET) t[f] = (t[f] & ~mode.mask & ~mode.bits) >>> 0;
  }
}

/** set_mode: one mode word (reversed by a leading '-') applied to `t`; false if it cannot be reversed. */
export function setMode(mode: ModeInfo, reversed: boolean, t: T.Termios): boolean {
  if (reversed && !(mode.flags & REV)) return false;
  if (mode.type !== 'combination') {
    const f = FIELD[mode.type];
    t[f] = (reversed ? t[f] & ~mode.mask & ~mode.bits : (t[f] & ~mode.mask) | mode.bits) >>> 0;
    return true;
  }
  const or = (f: FlagField, bits: number): void => {
    t[f] = (t[f] | bits) >>> 0;
  };
  const clear = (f: FlagField, bits: number): void => {
    t[f] = (t[f] & ~bits) >>> 0;
  };
  switch (mode.name) {
    case 'evenp':
    case 'parity':
      if (reversed) t.cflag = ((t.cflag & ~T.PARENB & ~T.CSIZE) | T.CS8) >>> 0;
      else t.cflag = ((t.cflag & ~T.PARODD & ~T.CSIZE) | T.PARENB | CS7) >>> 0;
      break;
    case 'oddp':
      if (reversed) t.cflag = ((t.cflag & ~T.PARENB & ~T.CSIZE) | T.CS8) >>> 0;
      else t.cflag = ((t.cflag & ~T.CSIZE) | CS7 | T.PARODD | T.PARENB) >>> 0;
      break;
    case 'nl':
      if (reversed) {
        t.iflag = ((t.iflag | T.ICRNL) & ~T.INLCR & ~T.IGNCR) >>> 0;
        t.oflag = ((t.oflag | T.ONLCR) & ~T.OCRNL & ~T.ONLRET) >>> 0;
      } else {
        clear('iflag', T.ICRNL);
        clear('oflag', T.ONLCR);
      }
      break;
    case 'ek':
      t.cc[T.VERASE] = 0o177;
      t.cc[T.VKILL] = 0o25;
      break;
    case 'sane':
      saneMode(t);
      break;
    case 'cbreak':
      if (reversed) or('lflag', T.ICANON);
      else clear('lflag', T.ICANON);
      break;
    case 'pass8':
    case 'litout':
      if (reversed) {
        t.cflag = ((t.cflag & ~T.CSIZE) | CS7 | T.PARENB) >>> 0;
        or('iflag', T.ISTRIP);
        if (mode.name === 'litout') or('oflag', T.OPOST);
      } else {
        t.cflag = ((t.cflag & ~T.PARENB & ~T.CSIZE) | T.CS8) >>> 0;
        clear('iflag', T.ISTRIP);
        if (mode.name === 'litout') clear('oflag', T.OPOST);
      }
      break;
    case 'raw':
    case 'cooked':
      if ((mode.name === 'raw') === reversed) {
        or('iflag', T.BRKINT | T.IGNPAR | T.ISTRIP | T.ICRNL | T.IXON);
        or('oflag', T.OPOST);
        or('lflag', T.ISIG | T.ICANON);
      } else {
        t.iflag = 0;
        clear('oflag', T.OPOST);
        clear('lflag', T.ISIG | T.ICANON | T.XCASE);
        t.cc[T.VMIN] = 1;
        t.cc[T.VTIME] = 0;
      }
      break;
    case 'decctlq':
      if (reversed) or('iflag', T.IXANY);
      else clear('iflag', T.IXANY);
      break;
    case 'tabs':
      t.oflag = ((t.oflag & ~T.TABDLY) | (reversed ? TAB3 : TAB0)) >>> 0;
      break;
    case 'lcase':
    case 'LCASE':
      if (reversed) {
        clear('lflag', T.XCASE);
        clear('iflag', T.IUCLC);
        clear('oflag', T.OLCUC);
      } else {
        or('lflag', T.XCASE);
        or('iflag', T.IUCLC);
        or('oflag', T.OLCUC);
      }
      break;
    case 'crt':
      or('lflag', T.ECHOE | T.ECHOCTL | T.ECHOKE);
      break;
    case 'dec':
      t.cc[T.VINTR] = 3;
      t.cc[T.VERASE] = 127;
      t.cc[T.VKILL] = 21;
      or('lflag', T.ECHOE | T.ECHOCTL | T.ECHOKE);
      clear('iflag', T.IXANY);
      break;
  }
  return true;
}
