// Linux errno numbers and the one error class the kernel throws.
// Every failure that reaches a caller is a SysError carrying a Linux errno name, so programs
// can print strerror() text and tests can compare against recordings from the real kernel.

export const ERRNO = {
  EPERM: 1, ENOENT: 2, ESRCH: 3, EINTR: 4, EIO: 5, ENXIO: 6, E2BIG: 7, ENOEXEC: 8, EBADF: 9,
  ECHILD: 10, EAGAIN: 11, ENOMEM: 12, EACCES: 13, EFAULT: 14, EBUSY: 16, EEXIST: 17,
  EXDEV: 18, ENODEV: 19, ENOTDIR: 20, EISDIR: 21, EINVAL: 22, ENFILE: 23, EMFILE: 24,
  ENOTTY: 25, ETXTBSY: 26, EFBIG: 27, ENOSPC: 28, ESPIPE: 29, EROFS: 30, EMLINK: 31,
  EPIPE: 32, EDOM: 33, ERANGE: 34, EDEADLK: 35, ENAMETOOLONG: 36, ENOLCK: 37, ENOSYS: 38,
  ENOTEMPTY: 39, ELOOP: 40, ENODATA: 61, EOVERFLOW: 75, EOPNOTSUPP: 95, ENOTSUP: 95,
  ETIMEDOUT: 110, ESTALE: 116, EDQUOT: 122,
} as const;

export type ErrnoName = keyof typeof ERRNO;

/** strerror() texts as glibc prints them. */
const STRERROR: Partial<Record<ErrnoName, string>> = {
  EPERM: 'Operation not permitted', ENOENT: 'No such file or directory', ESRCH: 'No such process',
  EINTR: 'Interrupted system call', EIO: 'Input/output error', ENXIO: 'No such device or address',
  E2BIG: 'Argument list too long', ENOEXEC: 'Exec format error', EBADF: 'Bad file descriptor',
  ECHILD: 'No child processes', EAGAIN: 'Resource temporarily unavailable',
  ENOMEM: 'Cannot allocate memory', EACCES: 'Permission denied', EFAULT: 'Bad address',
  EBUSY: 'Device or resource busy', EEXIST: 'File exists', EXDEV: 'Invalid cross-device link',
  ENODEV: 'No such device', ENOTDIR: 'Not a directory', EISDIR: 'Is a directory',
  EINVAL: 'Invalid argument', ENFILE: 'Too many open files in system', EMFILE: 'Too many open files',
  ENOTTY: 'Inappropriate ioctl for device', ETXTBSY: 'Text file busy', EFBIG: 'File too large',
  ENOSPC: 'No space left on device', ESPIPE: 'Illegal seek', EROFS: 'Read-only file system',
  EMLINK: 'Too many links', EPIPE: 'Broken pipe', EDOM: 'Numerical argument out of domain',
  ERANGE: 'Numerical result out of range', EDEADLK: 'Resource deadlock avoided',
  ENAMETOOLONG: 'File name too long', ENOLCK: 'No locks available',
  ENOSYS: 'Function not implemented', ENOTEMPTY: 'Directory not empty',
  ELOOP: 'Too many levels of symbolic links', ENODATA: 'No data available',
  EOVERFLOW: 'Value too large for defined data type', EOPNOTSUPP: 'Operation not supported',
  ENOTSUP: 'Operation not supported', ETIMEDOUT: 'Connection timed out',
  ESTALE: 'Stale file handle', EDQUOT: 'Disk quota exceeded',
};

export function strerror(code: ErrnoName): string {
  return STRERROR[code] ?? `Unknown error ${ERRNO[code]}`;
}

/** A failed system call. `code` is stable and is what callers and tests compare. */
export class SysError extends Error {
  readonly code: ErrnoName;
  readonly errno: number;
  constructor(code: ErrnoName, detail?: string) {
    super(detail ? `${code}: ${strerror(code)}, ${detail}` : `${code}: ${strerror(code)}`);
    this.name = 'SysError';
    this.code = code;
    this.errno = ERRNO[code];
  }
}

export function isSysError(e: unknown, code?: ErrnoName): e is SysError {
  return e instanceof SysError && (code === undefined || e.code === code);
}

/** Errors from writes to standard output (Sys.write marks them), so a program's frame can tell
 *  them from the rest. Kept here rather than in sys/ so that programs asking need no more than
 *  this module. */
const outputFailures = new WeakSet<object>();

/** Rethrow `e`, remembered as a failed write to standard output. */
export function markOutputFailure(e: unknown): never {
  if (isSysError(e)) outputFailures.add(e);
  throw e;
}

/** Whether `e` is a failed write to standard output (ENOSPC, EPIPE with SIGPIPE ignored, EIO...). */
export function isOutputFailure(e: unknown): e is SysError {
  return isSysError(e) && outputFailures.has(e);
}
