// The syscall facade programs use (their "libc"): typed wrappers over the one SysPort, with
// Linux's names and argument order. It adds nothing of its own beyond conveniences built only
// from system calls (readAll, writeAll, spawn), so a trace shows exactly what a program did.

import { isSysError, markOutputFailure } from '../abi/errno.ts';
import type { Rlimit } from '../abi/rlimit.ts';
import { AT_FDCWD, AT_REMOVEDIR, AT_SYMLINK_NOFOLLOW, O_CLOEXEC } from '../abi/open-flags.ts';
import type { ProgramArgs, SysPort } from '../abi/program.ts';
import type { Stat, StatFs } from '../abi/stat.ts';
import { concatBytes } from '../base/bytes.ts';
import { utf8Decode, utf8Encode } from '../base/text.ts';

/**
 * A signal handler gets the signal and `self`, the process it runs in: after a fork the child
 * inherits its parent's handlers, and comparing `self` with `sys.self` tells a handler whether it
 * runs in the process that installed it or in a child, whose own copy of the state it should touch.
 */
export type SignalAction = 'default' | 'ignore' | ((sig: number, self: object) => void | Promise<void>);

export interface DirEntry {
  name: string;
  type: string;
  ino: number;
}

export interface Utsname {
  sysname: string;
  nodename: string;
  release: string;
  version: string;
  machine: string;
  domainname: string;
}

export class Sys {
  readonly argv: string[];
  readonly envp: string[];

  constructor(private readonly port: SysPort, args: ProgramArgs) {
    this.argv = args.argv;
    this.envp = args.envp;
  }

  private call<T>(name: string, ...args: unknown[]): Promise<T> {
    return this.port.call(name, ...args) as Promise<T>;
  }

  /** The value of an environment variable. */
  getenv(name: string): string | undefined {
    const prefix = `${name}=`;
    return this.envp.find((e) => e.startsWith(prefix))?.slice(prefix.length);
  }

  // ---- files ------------------------------------------------------------------------------

  open(path: string, flags: number, mode = 0o666): Promise<number> {
    return this.call('openat', AT_FDCWD, path, flags, mode);
  }
  close(fd: number): Promise<void> {
    return this.call('close', fd);
  }
  read(fd: number, count: number): Promise<Uint8Array> {
    return this.call('read', fd, count);
  }
  write(fd: number, data: Uint8Array | string): Promise<number> {
    const done = this.call<number>('write', fd, typeof data === 'string' ? utf8Encode(data) : data);
    return fd === 1 ? done.catch(markOutputFailure) : done;
  }
  pread(fd: number, count: number, pos: number): Promise<Uint8Array> {
    return this.call('pread64', fd, count, pos);
  }
  pwrite(fd: number, data: Uint8Array, pos: number): Promise<number> {
    return this.call('pwrite64', fd, data, pos);
  }
  lseek(fd: number, offset: number, whence: number): Promise<number> {
    return this.call('lseek', fd, offset, whence);
  }
  fstat(fd: number): Promise<Stat> {
    return this.call('fstat', fd);
  }
  stat(path: string): Promise<Stat> {
    return this.call('newfstatat', AT_FDCWD, path, 0);
  }
  lstat(path: string): Promise<Stat> {
    return this.call('newfstatat', AT_FDCWD, path, AT_SYMLINK_NOFOLLOW);
  }
  /** The entries of an open directory; none for one that was removed (glibc's readdir takes
   *  getdents' ENOENT there as the end of the directory, as POSIX asks). */
  getdents(fd: number): Promise<DirEntry[]> {
    return (this.call('getdents64', fd) as Promise<DirEntry[]>).catch((e: unknown) => {
      if (isSysError(e, 'ENOENT')) return [];
      throw e;
    });
  }
  mkdir(path: string, mode = 0o777): Promise<void> {
    return this.call('mkdirat', AT_FDCWD, path, mode);
  }
  mknod(path: string, mode: number, dev = 0): Promise<void> {
    return this.call('mknodat', AT_FDCWD, path, mode, dev);
  }
  symlink(target: string, path: string): Promise<void> {
    return this.call('symlinkat', target, AT_FDCWD, path);
  }
  link(oldpath: string, newpath: string): Promise<void> {
    return this.call('linkat', oldpath, newpath, 0);
  }
  unlink(path: string): Promise<void> {
    return this.call('unlinkat', AT_FDCWD, path, 0);
  }
  rmdir(path: string): Promise<void> {
    return this.call('unlinkat', AT_FDCWD, path, AT_REMOVEDIR);
  }
  rename(oldpath: string, newpath: string, flags = 0): Promise<void> {
    return this.call('renameat2', oldpath, newpath, flags);
  }
  chmod(path: string, mode: number): Promise<void> {
    return this.call('fchmodat', path, mode);
  }
  chown(path: string, uid: number, gid: number): Promise<void> {
    return this.call('fchownat', path, uid, gid, 0);
  }
  lchown(path: string, uid: number, gid: number): Promise<void> {
    return this.call('fchownat', path, uid, gid, AT_SYMLINK_NOFOLLOW);
  }
  truncate(path: string, size: number): Promise<void> {
    return this.call('truncate', path, size);
  }
  ftruncate(fd: number, size: number): Promise<void> {
    return this.call('ftruncate', fd, size);
  }
  fsync(fd: number): Promise<void> {
    return this.call('fsync', fd);
  }
  fdatasync(fd: number): Promise<void> {
    return this.call('fdatasync', fd);
  }
  /** sync(2): write back everything the kernel still buffers. */
  sync(): Promise<void> {
    return this.call('sync');
  }
  /** syncfs(2): the same, for the filesystem `fd` is on. */
  syncfs(fd: number): Promise<void> {
    return this.call('syncfs', fd);
  }
  readlink(path: string): Promise<string> {
    return this.call('readlinkat', AT_FDCWD, path);
  }
  access(path: string, mode: number): Promise<void> {
    return this.call('faccessat', path, mode);
  }
  /** Set access and modification times (ns since the epoch; undefined leaves one as it is). */
  utimensat(path: string, atimeNs?: bigint, mtimeNs?: bigint, follow = true): Promise<void> {
    return this.call('utimensat', path, atimeNs, mtimeNs, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  }
  statfs(path: string): Promise<StatFs> {
    return this.call('statfs', path);
  }
  getxattr(path: string, name: string, follow = true): Promise<Uint8Array> {
    return this.call(follow ? 'getxattr' : 'lgetxattr', path, name);
  }
  setxattr(path: string, name: string, value: Uint8Array, flags = 0, follow = true): Promise<void> {
    return this.call(follow ? 'setxattr' : 'lsetxattr', path, name, value, flags);
  }
  listxattr(path: string, follow = true): Promise<string[]> {
    return this.call(follow ? 'listxattr' : 'llistxattr', path);
  }
  removexattr(path: string, name: string, follow = true): Promise<void> {
    return this.call(follow ? 'removexattr' : 'lremovexattr', path, name);
  }
  chdir(path: string): Promise<void> {
    return this.call('chdir', path);
  }
  getcwd(): Promise<string> {
    return this.call('getcwd');
  }
  chroot(path: string): Promise<void> {
    return this.call('chroot', path);
  }
  umask(mask: number): Promise<number> {
    return this.call('umask', mask);
  }
  pipe(cloexec = false): Promise<[number, number]> {
    return this.call('pipe2', cloexec ? O_CLOEXEC : 0);
  }
  dup(fd: number): Promise<number> {
    return this.call('dup', fd);
  }
  dup2(fd: number, to: number): Promise<number> {
    return fd === to ? this.call('fcntl', fd, 1).then(() => to) : this.call('dup3', fd, to, 0);
  }
  fcntl(fd: number, cmd: number, arg = 0): Promise<number> {
    return this.call('fcntl', fd, cmd, arg);
  }
  mount(source: string, target: string, fstype: string, options = ''): Promise<void> {
    return this.call('mount', source, target, fstype, options);
  }
  bindMount(source: string, target: string): Promise<void> {
    return this.call('mount', source, target, '', '', true);
  }
  /** `detach`: umount -l (MNT_DETACH), everything mounted below goes too. */
  umount(target: string, detach = false): Promise<void> {
    return this.call('umount2', target, detach ? 2 : 0);
  }
  pivotRoot(newRoot: string, putOld: string): Promise<void> {
    return this.call('pivot_root', newRoot, putOld);
  }

  // ---- processes --------------------------------------------------------------------------

  /** clone(2) as fork: a new process running `child` (with its own Sys), sharing nothing but copies. */
  clone(flags: number, child: (sys: Sys) => Promise<number>): Promise<number> {
    const argv = this.argv;
    const envp = this.envp;
    return this.call('clone', flags, (port: SysPort) => child(new Sys(port, { argv, envp })));
  }
  fork(child: (sys: Sys) => Promise<number>): Promise<number> {
    return this.clone(0, child);
  }
  /** Does not return on success. */
  execve(path: string, argv: string[], envp: string[] = this.envp): Promise<never> {
    return this.call('execve', path, argv, envp);
  }
  exit(code: number): Promise<never> {
    return this.call('exit_group', code);
  }
  wait4(pid: number, options = 0): Promise<[number, number]> {
    return this.call('wait4', pid, options);
  }
  kill(pid: number, sig: number): Promise<void> {
    return this.call('kill', pid, sig);
  }
  /** prlimit(2): the limits of `resource` for process `pid` (0: this one), setting `limit` if given. */
  prlimit(pid: number, resource: number, limit?: Rlimit): Promise<Rlimit> {
    return this.call('prlimit64', pid, resource, limit);
  }
  getrlimit(resource: number): Promise<Rlimit> {
    return this.prlimit(0, resource);
  }
  async setrlimit(resource: number, limit: Rlimit): Promise<void> {
    await this.prlimit(0, resource, limit);
  }
  /** This process as a signal handler's `self` names it. */
  get self(): object {
    return this.port;
  }
  sigaction(sig: number, action?: SignalAction): Promise<SignalAction> {
    return this.call('rt_sigaction', sig, action);
  }
  sigprocmask(how: 'block' | 'unblock' | 'set', sigs: number[]): Promise<number[]> {
    return this.call('rt_sigprocmask', how, sigs);
  }
  sleep(ms: number): Promise<void> {
    return this.call('nanosleep', ms);
  }
  /** Sleep until a signal handler has run (fails with EINTR then, as pause(2) does). */
  pause(): Promise<never> {
    return this.call('pause');
  }
  /** CPU times in clock ticks (100 a second): this process's, and its reaped children's. */
  times(): Promise<{ utime: number; stime: number; cutime: number; cstime: number }> {
    return this.call('times');
  }
  /** A yield point for programs that compute for a long time without other calls. */
  yield(): Promise<void> {
    return this.call('sched_yield');
  }
  getpid(): Promise<number> {
    return this.call('getpid');
  }
  /** getpriority(3) as glibc gives it: the nice value (the raw call answers 20 - nice). `which`: PRIO_PROCESS 0, PGRP 1, USER 2. */
  async getpriority(which: number, who: number): Promise<number> {
    return 20 - (await this.call<number>('getpriority', which, who));
  }
  setpriority(which: number, who: number, nice: number): Promise<void> {
    return this.call('setpriority', which, who, nice);
  }
  getppid(): Promise<number> {
    return this.call('getppid');
  }
  getpgid(pid = 0): Promise<number> {
    return this.call('getpgid', pid);
  }
  setpgid(pid: number, pgid: number): Promise<void> {
    return this.call('setpgid', pid, pgid);
  }
  getsid(pid = 0): Promise<number> {
    return this.call('getsid', pid);
  }
  setsid(): Promise<number> {
    return this.call('setsid');
  }
  getuid(): Promise<number> {
    return this.call('getuid');
  }
  geteuid(): Promise<number> {
    return this.call('geteuid');
  }
  getgid(): Promise<number> {
    return this.call('getgid');
  }
  getegid(): Promise<number> {
    return this.call('getegid');
  }
  setresuid(r: number, e: number, s: number): Promise<void> {
    return this.call('setresuid', r, e, s);
  }
  setresgid(r: number, e: number, s: number): Promise<void> {
    return this.call('setresgid', r, e, s);
  }
  /** Nanoseconds on a clock: 0 REALTIME (since the epoch), 1 MONOTONIC and 7 BOOTTIME (since boot). */
  clockGettime(clockId = 0): Promise<bigint> {
    return this.call('clock_gettime', clockId);
  }
  /** The kernel log (3: read all, 4: read and clear, 5: clear). */
  syslog(action = 3): Promise<string> {
    return this.call('syslog', action);
  }
  getgroups(): Promise<number[]> {
    return this.call('getgroups');
  }
  setgroups(groups: number[]): Promise<void> {
    return this.call('setgroups', groups);
  }
  uname(): Promise<Utsname> {
    return this.call('uname');
  }
  sethostname(name: string): Promise<void> {
    return this.call('sethostname', name);
  }
  unshare(flags: number): Promise<void> {
    return this.call('unshare', flags);
  }
  /** Join the namespace a /proc/PID/ns/* descriptor stands for. */
  setns(fd: number, nstype = 0): Promise<void> {
    return this.call('setns', fd, nstype);
  }
  /** ptrace(2): PTRACE_* requests (abi/ptrace.ts); PTRACE_GET_SYSCALL_INFO and GETSIGINFO return records. */
  ptrace<T = number>(request: number, pid = 0, addr: unknown = 0, data: unknown = 0): Promise<T> {
    return this.call('ptrace', request, pid, addr, data);
  }

  /** Take `length` bytes of memory (charged to the memory cgroup); returns its address. */
  mmap(length: number): Promise<number> {
    return this.call('mmap', length);
  }
  munmap(addr: number): Promise<void> {
    return this.call('munmap', addr);
  }

  // ---- conveniences made of the calls above -------------------------------------------------

  /** Write all of `data`, looping over short writes. */
  async writeAll(fd: number, data: Uint8Array | string): Promise<void> {
    let bytes = typeof data === 'string' ? utf8Encode(data) : data;
    while (bytes.length > 0) {
      const n = await this.write(fd, bytes);
      bytes = bytes.subarray(n);
    }
  }

  /** Read until end of file. */
  async readAll(fd: number): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    for (let chunk = await this.read(fd, 65536); chunk.length > 0; chunk = await this.read(fd, 65536)) parts.push(chunk);
    return concatBytes(parts);
  }

  async readText(fd: number): Promise<string> {
    return utf8Decode(await this.readAll(fd));
  }

  // ---- terminals ------------------------------------------------------------------------------
  // ioctl wrappers as <termios.h> and <sys/ioctl.h> offer them; request numbers are abi/termios.ts's
  // (TCGETS 0x5401 ...), written out here so this section stands alone in the file.

  ioctl(fd: number, request: number, arg?: unknown): Promise<unknown> {
    return this.call('ioctl', fd, request, arg);
  }
  tcgetattr(fd: number): Promise<import('../abi/termios.ts').Termios> {
    return this.call('ioctl', fd, 0x5401);
  }
  /** `when`: TCSANOW 0, TCSADRAIN 1, TCSAFLUSH 2 (TCSETS, TCSETSW, TCSETSF); anything else is EINVAL. */
  tcsetattr(fd: number, when: number, termios: import('../abi/termios.ts').Termios): Promise<void> {
    return this.call('ioctl', fd, [0x5402, 0x5403, 0x5404][when], termios);
  }
  tcgetpgrp(fd: number): Promise<number> {
    return this.call('ioctl', fd, 0x540f);
  }
  tcsetpgrp(fd: number, pgrp: number): Promise<void> {
    return this.call('ioctl', fd, 0x5410, pgrp);
  }
  tcgetsid(fd: number): Promise<number> {
    return this.call('ioctl', fd, 0x5429);
  }
  /** TCFLSH: TCIFLUSH 0, TCOFLUSH 1, TCIOFLUSH 2. */
  tcflush(fd: number, queue: number): Promise<void> {
    return this.call('ioctl', fd, 0x540b, queue);
  }
  /** TCXONC: TCOOFF 0, TCOON 1, TCIOFF 2, TCION 3. */
  tcflow(fd: number, action: number): Promise<void> {
    return this.call('ioctl', fd, 0x540a, action);
  }
  tcdrain(fd: number): Promise<void> {
    return this.call('ioctl', fd, 0x5409, 1);
  }
  getWinsize(fd: number): Promise<import('../abi/termios.ts').Winsize> {
    return this.call('ioctl', fd, 0x5413);
  }
  setWinsize(fd: number, ws: import('../abi/termios.ts').Winsize): Promise<void> {
    return this.call('ioctl', fd, 0x5414, ws);
  }
  /** TIOCSCTTY: a session leader takes the terminal as its controlling terminal (`steal`: root takes it from another session). */
  setControllingTty(fd: number, steal = false): Promise<void> {
    return this.call('ioctl', fd, 0x540e, steal ? 1 : 0);
  }
  /** TIOCNOTTY: give up the controlling terminal. */
  dropControllingTty(fd: number): Promise<void> {
    return this.call('ioctl', fd, 0x5422);
  }
  /** isatty(3): a terminal answers TCGETS; anything else says ENOTTY, a closed descriptor EBADF (0 from libc too). */
  async isatty(fd: number): Promise<boolean> {
    try {
      await this.tcgetattr(fd);
      return true;
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (code === 'ENOTTY' || code === 'EBADF') return false;
      throw e;
    }
  }
  /** ttyname(3), as glibc finds it: the /proc/self/fd link of a descriptor that is a terminal. */
  async ttyname(fd: number): Promise<string> {
    await this.tcgetattr(fd);
    return this.readlink(`/proc/self/fd/${fd}`);
  }
  /** posix_openpt(3): a new pseudo-terminal master from /dev/ptmx. */
  posixOpenpt(flags: number): Promise<number> {
    return this.open('/dev/ptmx', flags);
  }
  /** ptsname(3): the slave of a master, from TIOCGPTN. */
  async ptsname(fd: number): Promise<string> {
    return `/dev/pts/${await this.call<number>('ioctl', fd, 0x80045430)}`;
  }
  /** unlockpt(3): TIOCSPTLCK 0, so the slave can be opened. */
  unlockpt(fd: number): Promise<void> {
    return this.call('ioctl', fd, 0x40045431, 0);
  }
}
