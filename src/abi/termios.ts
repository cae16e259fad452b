// The terminal ABI of Linux x86-64: termios flag bits and c_cc indices (asm-generic/termbits.h),
// the tty ioctl request numbers (asm-generic/ioctls.h), struct winsize, and the settings a new
// pseudo-terminal starts with (measured on Linux 6.18: iflag 0x500, oflag 0x5, cflag 0xbf, lflag 0x8a3b).

// ---- c_iflag ---------------------------------------------------------------------------------
export const IGNBRK = 0o1;
export const BRKINT = 0o2;
export const IGNPAR = 0o4;
export const PARMRK = 0o10;
export const INPCK = 0o20;
export const ISTRIP = 0o40;
export const INLCR = 0o100;
export const IGNCR = 0o200;
export const ICRNL = 0o400;
export const IUCLC = 0o1000;
export const IXON = 0o2000;
export const IXANY = 0o4000;
export const IXOFF = 0o10000;
export const IMAXBEL = 0o20000;
export const IUTF8 = 0o40000;

// ---- c_oflag ---------------------------------------------------------------------------------
export const OPOST = 0o1;
export const OLCUC = 0o2;
export const ONLCR = 0o4;
export const OCRNL = 0o10;
export const ONOCR = 0o20;
export const ONLRET = 0o40;
export const OFILL = 0o100;
export const OFDEL = 0o200;
export const TABDLY = 0o14000;
/** TAB3: expand tabs to spaces on output. */
export const XTABS = 0o14000;

// ---- c_cflag ---------------------------------------------------------------------------------
export const CBAUD = 0o10017;
export const B38400 = 0o17;
export const CSIZE = 0o60;
export const CS8 = 0o60;
export const CSTOPB = 0o100;
export const CREAD = 0o200;
export const PARENB = 0o400;
export const PARODD = 0o1000;
export const HUPCL = 0o2000;
export const CLOCAL = 0o4000;

// ---- c_lflag ---------------------------------------------------------------------------------
export const ISIG = 0o1;
export const ICANON = 0o2;
export const XCASE = 0o4;
export const ECHO = 0o10;
export const ECHOE = 0o20;
export const ECHOK = 0o40;
export const ECHONL = 0o100;
export const NOFLSH = 0o200;
export const TOSTOP = 0o400;
export const ECHOCTL = 0o1000;
export const ECHOPRT = 0o2000;
export const ECHOKE = 0o4000;
export const FLUSHO = 0o10000;
export const PENDIN = 0o40000;
export const IEXTEN = 0o100000;
export const EXTPROC = 0o200000;

// ---- c_cc indices ----------------------------------------------------------------------------
export const VINTR = 0;
export const VQUIT = 1;
export const VERASE = 2;
export const VKILL = 3;
export const VEOF = 4;
export const VTIME = 5;
export const VMIN = 6;
export const VSWTC = 7;
export const VSTART = 8;
export const VSTOP = 9;
export const VSUSP = 10;
export const VEOL = 11;
export const VREPRINT = 12;
export const VDISCARD = 13;
export const VWERASE = 14;
export const VLNEXT = 15;
export const VEOL2 = 16;
/** The kernel's struct termios carries 19 control characters. */
export const NCCS = 19;
/** A c_cc slot holding this value is disabled (_POSIX_VDISABLE on Linux). */
export const VDISABLE = 0;

// ---- ioctl requests --------------------------------------------------------------------------
export const TCGETS = 0x5401;
export const TCSETS = 0x5402;
export const TCSETSW = 0x5403;
export const TCSETSF = 0x5404;
export const TCSBRK = 0x5409;
export const TCXONC = 0x540a;
export const TCFLSH = 0x540b;
export const TIOCSCTTY = 0x540e;
export const TIOCGPGRP = 0x540f;
export const TIOCSPGRP = 0x5410;
export const TIOCOUTQ = 0x5411;
export const TIOCSTI = 0x5412;
export const TIOCGWINSZ = 0x5413;
export const TIOCSWINSZ = 0x5414;
/** Also called TIOCINQ: bytes waiting to be read. */
export const FIONREAD = 0x541b;
export const TIOCNOTTY = 0x5422;
export const TIOCGSID = 0x5429;
export const TIOCGPTN = 0x80045430;
export const TIOCSPTLCK = 0x40045431;
export const TIOCSIG = 0x40045436;
export const TIOCGPTLCK = 0x80045439;

/** tcflush(3) / TCFLSH queue selectors. */
export const TCIFLUSH = 0;
export const TCOFLUSH = 1;
export const TCIOFLUSH = 2;
/** tcflow(3) / TCXONC actions. */
export const TCOOFF = 0;
export const TCOON = 1;
export const TCIOFF = 2;
export const TCION = 3;
/** tcsetattr(3) `optional_actions`, mapped to TCSETS / TCSETSW / TCSETSF. */
export const TCSANOW = 0;
export const TCSADRAIN = 1;
export const TCSAFLUSH = 2;

// ---- structures ------------------------------------------------------------------------------

/** struct termios as the kernel's TCGETS fills it. */
export interface Termios {
  iflag: number;
  oflag: number;
  cflag: number;
  lflag: number;
  /** Line discipline number: 0 is N_TTY. */
  line: number;
  /** NCCS control characters, indexed by VINTR, VQUIT, ... */
  cc: number[];
}

/** struct winsize. A new pseudo-terminal is 0 x 0 until someone sets it. */
export interface Winsize {
  row: number;
  col: number;
  xpixel: number;
  ypixel: number;
}

/** INIT_C_CC: ^C ^\ DEL ^U ^D time 0 min 1, swtch off, ^Q ^S ^Z, eol off, ^R ^O ^W ^V, eol2 off. */
const INIT_CC = [0o3, 0o34, 0o177, 0o25, 0o4, 0, 1, 0, 0o21, 0o23, 0o32, 0, 0o22, 0o17, 0o27, 0o26, 0, 0, 0];

/** tty_std_termios as a pty slave gets it: icrnl ixon, opost onlcr, 38400 cs8 cread, isig icanon echo... */
export function defaultTermios(): Termios {
  return {
    iflag: ICRNL | IXON,
    oflag: OPOST | ONLCR,
    cflag: B38400 | CS8 | CREAD,
    lflag: ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
    line: 0,
    cc: INIT_CC.slice(),
  };
}

export function copyTermios(t: Termios): Termios {
  return { iflag: t.iflag, oflag: t.oflag, cflag: t.cflag, lflag: t.lflag, line: t.line, cc: t.cc.slice() };
}

/** cfmakeraw(3): no input or output processing, no echo, no signals, byte-at-a-time reads. */
export function makeRaw(t: Termios): Termios {
  const r = copyTermios(t);
  r.iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
  r.oflag &= ~OPOST;
  r.lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
  r.cflag = (r.cflag & ~(CSIZE | PARENB)) | CS8;
  r.cc[VMIN] = 1;
  r.cc[VTIME] = 0;
  return r;
}
