#!/usr/bin/env python3
"""Record how the real kernel's overlayfs answers every scenario in scenarios/*.json.

For each scenario: a private tmpfs (trusted.* xattrs and overlay upper dirs both work on it)
gets the lower layers and upper dir built as the scenario says, the overlay is mounted, the ops
run in a child process chrooted into the merged view, and the per-op outcomes plus the final
merged and upper trees are written to recordings/<name>.json. The format is described in
scenario.ts. Lower layers are checked to be untouched. Mounts are removed even on failure.
Run as root, standard library only:

    python3 test/conformance/overlay/record.py            # every scenario
    python3 test/conformance/overlay/record.py NAME...    # only these
"""
import ctypes, errno, hashlib, json, os, platform, signal, stat, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIOS = os.path.join(HERE, 'scenarios')
RECORDINGS = os.path.join(HERE, 'recordings')
BASE_PREFIX = 'cowbox-ovl-'

OPEN_FLAGS = {n: getattr(os, n) for n in
              ['O_RDONLY', 'O_WRONLY', 'O_RDWR', 'O_CREAT', 'O_EXCL', 'O_TRUNC', 'O_APPEND', 'O_NOFOLLOW', 'O_DIRECTORY']}
TYPES = {stat.S_IFREG: 'file', stat.S_IFDIR: 'dir', stat.S_IFLNK: 'symlink', stat.S_IFCHR: 'chardev',
         stat.S_IFBLK: 'blockdev', stat.S_IFIFO: 'fifo', stat.S_IFSOCK: 'socket'}
ENTRY_KEYS = {'path', 'type', 'content', 'target', 'mode', 'uid', 'gid', 'xattrs', 'opaque'}
SCENARIO_KEYS = {'description', 'layers', 'upper', 'readonly', 'mount_options', 'ops'}
PATH_OPTIONS = ('lowerdir', 'upperdir', 'workdir')
MNT_DETACH = 2
LIBC = ctypes.CDLL(None, use_errno=True)
AT_FDCWD = -100
RENAME_FLAGS = {'RENAME_NOREPLACE': 1, 'RENAME_EXCHANGE': 2, 'RENAME_WHITEOUT': 4}
FD_OPS = ('open_fd', 'fd_write', 'fd_read', 'fd_pread', 'fd_stat', 'fd_truncate', 'fd_close')
DEFAULT_MODE = {'file': 0o644, 'dir': 0o755, 'fifo': 0o644}
TOUCH_NS = 1_000_000_000_000_000_000  # fixed time for the touch op; times are never recorded
OVERLAY_OPAQUE = 'trusted.overlay.opaque'


class ScenarioError(Exception):
    pass


# ---- small helpers shared by layer building, ops and tree dumps ------------------------------

def errno_name(e):
    # Python calls 95 ENOTSUP; Linux headers and the simulator call it EOPNOTSUPP.
    return 'EOPNOTSUPP' if e.errno == errno.EOPNOTSUPP else errno.errorcode.get(e.errno, str(e.errno))


def text_of(b):
    return b.decode('utf-8', errors='replace')


def user_xattrs(path):
    names = sorted(n for n in os.listxattr(path, follow_symlinks=False) if n.startswith('user.'))
    return {n: text_of(os.getxattr(path, n, follow_symlinks=False)) for n in names}


def recorded_xattr_names(path, upper):
    """user.* and trusted.* names, minus the overlay's own bookkeeping in an upper dir (origin,
    impure, opaque, ...). Escaped names (trusted.overlay.overlay.*, what setting trusted.overlay.*
    through the merged view stores since Linux 6.7) are kept: they are user data."""
    names = []
    for n in os.listxattr(path, follow_symlinks=False):
        if not (n.startswith('user.') or n.startswith('trusted.')):
            continue
        if upper and n.startswith('trusted.overlay.') and not n.startswith('trusted.overlay.overlay.'):
            continue
        names.append(n)
    return sorted(names)


def describe_stat(st):
    """What stat-type ops report: no times, no inode numbers, no dir size or dir nlink."""
    kind = TYPES[stat.S_IFMT(st.st_mode)]
    out = {'type': kind, 'mode': format(stat.S_IMODE(st.st_mode), 'o'), 'uid': st.st_uid, 'gid': st.st_gid}
    if kind != 'dir':
        out['size'] = st.st_size
        out['nlink'] = st.st_nlink
    if kind in ('chardev', 'blockdev'):
        out['rdev'] = f'{os.major(st.st_rdev)}:{os.minor(st.st_rdev)}'
    return out


def flags_of(spec):
    flags = 0
    for n in spec.split('|'):
        if n not in OPEN_FLAGS:
            raise ScenarioError(f'unknown open flag {n}')
        flags |= OPEN_FLAGS[n]
    return flags


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


# ---- building layers --------------------------------------------------------------------------

def ensure_parents(root, rel):
    parts = rel.split('/')[:-1]
    cur = root
    for p in parts:
        cur = os.path.join(cur, p)
        if not os.path.lexists(cur):
            os.mkdir(cur)
            os.chmod(cur, 0o755)


def build_layer(root, entries):
    """Create a layer dir from its entry list; implicit parents are 755 root:root dirs."""
    os.mkdir(root)
    os.chmod(root, 0o755)
    for e in entries:
        extra = set(e) - ENTRY_KEYS
        if extra:
            raise ScenarioError(f'unknown entry keys {sorted(extra)} in {e}')
        rel, kind = e['path'], e['type']
        p = root if rel == '.' else os.path.join(root, rel)
        if rel != '.':
            ensure_parents(root, rel)
        if kind == 'dir':
            if not os.path.isdir(p) or os.path.islink(p):
                os.mkdir(p)
        elif kind == 'file':
            fd = os.open(p, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            write_all(fd, e.get('content', '').encode())
            os.close(fd)
        elif kind == 'symlink':
            os.symlink(e['target'], p)
        elif kind == 'whiteout':
            os.mknod(p, stat.S_IFCHR | 0o000, os.makedev(0, 0))
        elif kind == 'fifo':
            os.mkfifo(p, 0o600)
        elif kind == 'hardlink':
            os.link(os.path.join(root, e['target']), p)
            continue  # attributes belong to the inode, set where it was first created
        else:
            raise ScenarioError(f'unknown entry type {kind}')
        os.chown(p, e.get('uid', 0), e.get('gid', 0), follow_symlinks=False)
        if kind != 'symlink':
            mode = int(e['mode'], 8) if 'mode' in e else DEFAULT_MODE.get(kind, 0)
            os.chmod(p, mode)
        for name, value in e.get('xattrs', {}).items():
            os.setxattr(p, name, value.encode(), follow_symlinks=False)
        if e.get('opaque'):
            if kind != 'dir':
                raise ScenarioError(f'opaque on a non-dir: {e}')
            os.setxattr(p, OVERLAY_OPAQUE, b'y')


# ---- the ops, run inside the chroot of the merged view -----------------------------------------

def rm_rf(path):
    """Depth-first delete as rm -rf does it: unlink non-dirs, rmdir dirs after their children."""
    st = os.lstat(path)
    if stat.S_ISDIR(st.st_mode):
        for name in sorted(os.listdir(path)):
            rm_rf(os.path.join(path, name))
        os.rmdir(path)
    else:
        os.unlink(path)


def copy_tree(src, dst):
    """cp -a of one tree (mode, owner, user xattrs, content, link targets); hard links not kept."""
    st = os.lstat(src)
    if stat.S_ISDIR(st.st_mode):
        os.mkdir(dst, 0o700)
        for name in sorted(os.listdir(src)):
            copy_tree(os.path.join(src, name), os.path.join(dst, name))
    elif stat.S_ISREG(st.st_mode):
        with open(src, 'rb') as f:
            data = f.read()
        fd = os.open(dst, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        write_all(fd, data)
        os.close(fd)
    elif stat.S_ISLNK(st.st_mode):
        os.symlink(os.readlink(src), dst)
    elif stat.S_ISFIFO(st.st_mode):
        os.mkfifo(dst, 0o600)
    else:
        os.mknod(dst, stat.S_IFMT(st.st_mode) | 0o600, st.st_rdev)
    os.chown(dst, st.st_uid, st.st_gid, follow_symlinks=False)
    if not stat.S_ISLNK(st.st_mode):
        os.chmod(dst, stat.S_IMODE(st.st_mode))
        for name, value in user_xattrs(src).items():
            os.setxattr(dst, name, value.encode())


def run_as(uid, gid, inner):
    """Run one op in a child that has dropped to uid:gid (no supplementary groups)."""
    if inner[0] in FD_OPS or inner[0] == 'as':
        raise ScenarioError(f'as cannot wrap {inner[0]}')
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            os.setgroups([])
            os.setresgid(gid, gid, gid)
            os.setresuid(uid, uid, uid)
            payload = {'value': run_op(inner, {})}
        except OSError as e:
            payload = {'errno': e.errno}
        except Exception as e:
            payload = {'error': f'{type(e).__name__}: {e}'}
        try:
            write_all(w, json.dumps(payload).encode())
        finally:
            os._exit(0)
    os.close(w)
    data = b''.join(iter(lambda: os.read(r, 1 << 20), b''))
    os.close(r)
    os.waitpid(pid, 0)
    payload = json.loads(data)
    if 'error' in payload:
        raise ScenarioError(payload['error'])
    if 'errno' in payload:
        raise OSError(payload['errno'], os.strerror(payload['errno']))
    return payload['value']


def run_op(op, fds):
    """Run one op; returns None for 'ok' or the value a read-type op yields. Raises OSError."""
    kind, a = op[0], op[1:]
    if kind == 'as':
        return run_as(a[0], a[1], a[2])
    if kind == 'mkdir':
        return os.mkdir(a[0], int(a[1], 8) if len(a) > 1 else 0o777)
    if kind in ('create', 'write', 'append'):
        flags = {'create': os.O_CREAT | os.O_WRONLY, 'write': os.O_WRONLY | os.O_TRUNC,
                 'append': os.O_WRONLY | os.O_APPEND}[kind]
        mode = int(a[2], 8) if kind == 'create' and len(a) > 2 else 0o666
        fd = os.open(a[0], flags, mode)
        try:
            write_all(fd, a[1].encode())
        finally:
            os.close(fd)
        return None
    if kind == 'open_write_nothing':
        return os.close(os.open(a[0], os.O_WRONLY))
    if kind == 'open':
        return os.close(os.open(a[0], flags_of(a[1]), int(a[2], 8) if len(a) > 2 else 0o666))
    if kind == 'truncate': return os.truncate(a[0], a[1])
    if kind == 'unlink': return os.unlink(a[0])
    if kind == 'rmdir': return os.rmdir(a[0])
    if kind == 'rename':
        if len(a) < 3:
            return os.rename(a[0], a[1])
        flags = 0
        for n in a[2].split('|'):
            flags |= RENAME_FLAGS[n]
        if LIBC.renameat2(AT_FDCWD, a[0].encode(), AT_FDCWD, a[1].encode(), flags) != 0:
            code = ctypes.get_errno()
            raise OSError(code, os.strerror(code), a[0])
        return None
    if kind == 'chmod': return os.chmod(a[0], int(a[1], 8))
    if kind == 'chown': return os.chown(a[0], a[1], a[2])
    if kind == 'lchown': return os.chown(a[0], a[1], a[2], follow_symlinks=False)
    if kind == 'touch': return os.utime(a[0], ns=(TOUCH_NS, TOUCH_NS))
    if kind == 'link': return os.link(a[0], a[1], follow_symlinks=False)
    if kind == 'symlink': return os.symlink(a[0], a[1])
    if kind == 'setxattr': return os.setxattr(a[0], a[1], a[2].encode())
    if kind == 'lsetxattr': return os.setxattr(a[0], a[1], a[2].encode(), follow_symlinks=False)
    if kind == 'removexattr': return os.removexattr(a[0], a[1])
    if kind == 'mknod_whiteout': return os.mknod(a[0], stat.S_IFCHR | 0o644, os.makedev(0, 0))
    if kind == 'mkfifo': return os.mkfifo(a[0], int(a[1], 8) if len(a) > 1 else 0o666)
    if kind == 'read':
        with open(a[0], 'rb') as f:
            return text_of(f.read())
    if kind == 'stat': return describe_stat(os.stat(a[0]))
    if kind == 'lstat': return describe_stat(os.lstat(a[0]))
    if kind == 'listdir': return sorted(os.listdir(a[0]))
    if kind == 'readlink': return os.readlink(a[0])
    if kind == 'getxattr': return text_of(os.getxattr(a[0], a[1]))
    if kind == 'listxattr': return sorted(os.listxattr(a[0]))
    if kind == 'access':
        # os.access() only says yes or no; faccessat(2) itself gives the errno.
        mode = {'F_OK': os.F_OK, 'R_OK': os.R_OK, 'W_OK': os.W_OK, 'X_OK': os.X_OK}[a[1]]
        if LIBC.access(a[0].encode(), mode) != 0:
            code = ctypes.get_errno()
            raise OSError(code, os.strerror(code), a[0])
        return None
    if kind == 'rm_rf': return rm_rf(a[0])
    if kind == 'mv_exdev':
        try:
            return os.rename(a[0], a[1])
        except OSError as e:
            if e.errno != errno.EXDEV:
                raise
        copy_tree(a[0], a[1])
        return rm_rf(a[0])
    if kind == 'open_fd':
        fds[a[0]] = os.open(a[1], flags_of(a[2]), int(a[3], 8) if len(a) > 3 else 0o666)
        return None
    if kind in ('fd_write', 'fd_read', 'fd_pread', 'fd_stat', 'fd_truncate', 'fd_close'):
        if a[0] not in fds:
            raise ScenarioError(f'{kind}: no open fd named {a[0]}')
        fd = fds[a[0]]
        if kind == 'fd_write': return write_all(fd, a[1].encode())
        if kind == 'fd_read': return text_of(os.read(fd, a[1] if len(a) > 1 else 65536))
        if kind == 'fd_pread': return text_of(os.pread(fd, a[2], a[1]))
        if kind == 'fd_stat': return describe_stat(os.fstat(fd))
        if kind == 'fd_truncate': return os.ftruncate(fd, a[1])
        del fds[a[0]]
        return os.close(fd)
    raise ScenarioError(f'unknown op {kind}')


def run_ops_in_child(merged, ops):
    """Fork, chroot into the merged view (absolute symlinks then mean the same as in the
    simulator) and run the ops; the outcomes come back as JSON through a pipe."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            os.close(r)
            os.chroot(merged)
            os.chdir('/')
            os.umask(0o022)
            fds, results = {}, []
            for op in ops:
                try:
                    value = run_op(op, fds)
                    res = {'op': op, 'result': 'ok'}
                    if value is not None:
                        res['value'] = value
                except OSError as e:
                    res = {'op': op, 'result': errno_name(e)}
                results.append(res)
            payload = {'results': results}
        except Exception as e:  # a bug in the scenario or the recorder, not a kernel answer
            payload, code = {'error': f'{type(e).__name__}: {e}'}, 1
        data = json.dumps(payload).encode()
        try:
            write_all(w, data)
        finally:
            os._exit(code)
    os.close(w)
    data = b''.join(iter(lambda: os.read(r, 1 << 20), b''))
    os.close(r)
    os.waitpid(pid, 0)
    payload = json.loads(data)
    if 'error' in payload:
        raise ScenarioError(payload['error'])
    return payload['results']


# ---- dumping trees ------------------------------------------------------------------------------

def describe_entry(path, with_opaque):
    st = os.lstat(path)
    kind = TYPES[stat.S_IFMT(st.st_mode)]
    out = {'type': kind, 'mode': format(stat.S_IMODE(st.st_mode), 'o'), 'uid': st.st_uid, 'gid': st.st_gid}
    if kind == 'file':
        with open(path, 'rb') as f:
            data = f.read()
        out['size'] = len(data)
        out['sha256'] = hashlib.sha256(data).hexdigest()
        # Short printable content is kept as text too, so a diff shows what changed.
        if len(data) <= 64 and all(32 <= b < 127 or b == 10 for b in data):
            out['content'] = data.decode('ascii')
        out['nlink'] = st.st_nlink
    elif kind == 'symlink':
        out['target'] = os.readlink(path)
    elif kind in ('chardev', 'blockdev'):
        out['rdev'] = f'{os.major(st.st_rdev)}:{os.minor(st.st_rdev)}'
    if kind in ('file', 'dir'):
        xattrs = {n: text_of(os.getxattr(path, n, follow_symlinks=False)) for n in recorded_xattr_names(path, with_opaque)}
        if xattrs:
            out['xattrs'] = xattrs
    if with_opaque and kind == 'dir':
        try:
            out['opaque'] = text_of(os.getxattr(path, OVERLAY_OPAQUE))
        except OSError as e:
            if e.errno != errno.ENODATA:
                raise
    return out


def dump_tree(root, with_opaque):
    """Every path under root (root itself as '.'), sorted, described without times or inodes."""
    tree = {}

    def walk(rel):
        full = root if rel == '.' else os.path.join(root, rel)
        tree[rel] = describe_entry(full, with_opaque)
        if tree[rel]['type'] == 'dir':
            for name in sorted(os.listdir(full)):
                walk(name if rel == '.' else f'{rel}/{name}')

    walk('.')
    return dict(sorted(tree.items()))


def dump_layer_raw(root):
    """Exact state of a lower layer, including times, to prove the overlay never wrote to it."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in ['.'] + dirnames + filenames:
            p = dirpath if name == '.' else os.path.join(dirpath, name)
            st = os.lstat(p)
            xattrs = {n: os.getxattr(p, n, follow_symlinks=False) for n in os.listxattr(p, follow_symlinks=False)}
            data = None
            if stat.S_ISREG(st.st_mode):
                with open(p, 'rb') as f:
                    data = f.read()
            out[p] = (st.st_mode, st.st_uid, st.st_gid, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_nlink, xattrs, data)
    return out


# ---- mounts ---------------------------------------------------------------------------------------

def sys_mount(fstype, target, options):
    """mount(2) itself, so a refused overlay mount gives its errno rather than mount(8)'s exit code."""
    if LIBC.mount(fstype.encode(), target.encode(), fstype.encode(), 0, options.encode()) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), target)


def sys_umount(target, flags=0):
    if LIBC.umount2(target.encode(), flags) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), target)


def mounted_under(prefix, whole_dir):
    """Mount points at or below the dir prefix (whole_dir) or whose path starts with prefix."""
    points = []
    with open('/proc/self/mounts') as f:
        for line in f:
            point = line.split()[1].replace('\\040', ' ')
            if point == prefix or point.startswith(prefix + '/' if whole_dir else prefix):
                points.append(point)
    return points


def unmount_all(prefix, whole_dir=True):
    """Unmount everything under prefix, deepest first; lazily if something holds it."""
    for point in sorted(mounted_under(prefix, whole_dir), key=len, reverse=True):
        try:
            sys_umount(point)
        except OSError:
            sys_umount(point, MNT_DETACH)


def remove_stale():
    tmp = tempfile.gettempdir()
    unmount_all(os.path.join(tmp, BASE_PREFIX), whole_dir=False)
    for name in os.listdir(tmp):
        if name.startswith(BASE_PREFIX):
            subprocess.run(['rm', '-rf', '--one-file-system', os.path.join(tmp, name)], check=True)


def default_mount_options(n_layers, readonly):
    lowers = ':'.join(f'/lower{i}' for i in range(n_layers))
    return f'lowerdir={lowers}' if readonly else f'lowerdir={lowers},upperdir=/upper,workdir=/work'


def host_mount_options(base, options):
    """The scenario's options name dirs as the simulator sees them (/lower0, /upper); prefix base."""
    out = []
    for opt in options.split(','):
        key, eq, value = opt.partition('=')
        if key in PATH_OPTIONS and eq:
            value = ':'.join(base + p for p in value.split(':'))
        out.append(key + eq + value)
    return ','.join(out)


def overlay_defaults():
    out = {}
    pdir = '/sys/module/overlay/parameters'
    for name in sorted(os.listdir(pdir)) if os.path.isdir(pdir) else []:
        with open(os.path.join(pdir, name)) as f:
            out[name] = f.read().strip()
    return out


# ---- one scenario ----------------------------------------------------------------------------------

def record(name, raw):
    scen = json.loads(raw)
    extra = set(scen) - SCENARIO_KEYS
    if extra:
        raise ScenarioError(f'unknown scenario keys {sorted(extra)}')
    layers, readonly = scen['layers'], scen.get('readonly', False)
    if readonly and 'upper' in scen:
        raise ScenarioError('a read-only scenario has no upper')
    options = scen.get('mount_options', default_mount_options(len(layers), readonly))
    base = tempfile.mkdtemp(prefix=BASE_PREFIX + name + '.')
    try:
        sys_mount('tmpfs', base, 'mode=755')
        for i, entries in enumerate(layers):
            build_layer(f'{base}/lower{i}', entries)
        if not readonly:
            build_layer(f'{base}/upper', scen.get('upper', []))
            os.mkdir(f'{base}/work')
        os.mkdir(f'{base}/merged')
        before = [dump_layer_raw(f'{base}/lower{i}') for i in range(len(layers))]
        try:
            sys_mount('overlay', f'{base}/merged', host_mount_options(base, options))
            mount_result = 'ok'
        except OSError as e:
            mount_result = errno_name(e)
        results, merged = [], None
        if mount_result == 'ok':
            results = run_ops_in_child(f'{base}/merged', scen['ops'])
            merged = dump_tree(f'{base}/merged', with_opaque=False)
            sys_umount(f'{base}/merged')
        upper = None if readonly else dump_tree(f'{base}/upper', with_opaque=True)
        after = [dump_layer_raw(f'{base}/lower{i}') for i in range(len(layers))]
        if before != after:
            raise ScenarioError('a lower layer changed')
    finally:
        stop_signals = {signal.SIGTERM, signal.SIGINT}
        signal.pthread_sigmask(signal.SIG_BLOCK, stop_signals)
        try:
            unmount_all(base)
            subprocess.run(['rm', '-rf', '--one-file-system', base], check=True)
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, stop_signals)
    return {
        'scenario': name,
        'description': scen['description'],
        'scenario_sha256': hashlib.sha256(raw).hexdigest(),
        'kernel': platform.release(),
        'overlay_module_defaults': overlay_defaults(),
        'mount_options': options,
        'mount': mount_result,
        'results': results,
        'merged': merged,
        'upper': upper,
    }


def to_json(rec):
    """Pretty but diff-friendly: one op result or tree entry per line."""
    line = lambda v: json.dumps(v, ensure_ascii=False)
    out = ['{']
    keys = list(rec)
    for i, k in enumerate(keys):
        v, comma = rec[k], ',' if i < len(keys) - 1 else ''
        if k == 'results':
            items = [f'    {line(r)}' for r in v]
            out.append(f'  "results": [\n' + ',\n'.join(items) + f'\n  ]{comma}' if items else f'  "results": []{comma}')
        elif k in ('merged', 'upper') and v is not None:
            items = [f'    {line(p)}: {line(e)}' for p, e in v.items()]
            out.append(f'  {line(k)}: {{\n' + ',\n'.join(items) + f'\n  }}{comma}')
        else:
            out.append(f'  {line(k)}: {line(v)}{comma}')
    out.append('}')
    return '\n'.join(out) + '\n'


STOP = []


def on_stop_signal(signum, _frame):
    if STOP:
        raise SystemExit(128 + signum)
    STOP.append(signum)


def main(argv):
    if os.geteuid() != 0:
        sys.exit('record.py must run as root (it mounts tmpfs and overlay)')
    names = sorted(f[:-5] for f in os.listdir(SCENARIOS) if f.endswith('.json'))
    wanted = argv or names
    unknown = [n for n in wanted if n not in names]
    if unknown:
        sys.exit(f'no such scenario: {", ".join(unknown)}')
    # SIGTERM/SIGINT: finish the current scenario, then stop; a second one unwinds at once.
    # Cleanup runs with both blocked (see record), and remove_stale() sweeps SIGKILL leftovers.
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, on_stop_signal)
    remove_stale()
    os.makedirs(RECORDINGS, exist_ok=True)
    failed = []
    for name in wanted:
        if STOP:
            print('stopped by a signal', file=sys.stderr)
            return 128 + STOP[0]
        with open(os.path.join(SCENARIOS, name + '.json'), 'rb') as f:
            raw = f.read()
        try:
            rec = record(name, raw)
        except (ScenarioError, OSError, subprocess.CalledProcessError) as e:
            failed.append(name)
            print(f'FAILED {name}: {e}', file=sys.stderr)
            continue
        with open(os.path.join(RECORDINGS, name + '.json'), 'w') as f:
            f.write(to_json(rec))
        print(f'recorded {name}')
    print(f'{len(wanted) - len(failed)} of {len(wanted)} scenarios recorded on Linux {platform.release()}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
