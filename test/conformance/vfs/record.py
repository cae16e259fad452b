#!/usr/bin/env python3
"""Record how the real Linux VFS answers the cases in cases.json.

Each case runs in a fresh tmpfs, in a child process chrooted into it (so absolute paths mean
the same thing as in the simulator), after the shared setup steps. Every step's outcome is
recorded: "ok", the errno name, or for read-type steps the value. Run as root:

    python3 test/conformance/vfs/record.py      # rewrites recording.json
"""
import errno, json, os, platform, stat, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FLAGS = {n: getattr(os, n) for n in ['O_RDONLY', 'O_WRONLY', 'O_RDWR', 'O_CREAT', 'O_EXCL', 'O_TRUNC', 'O_APPEND', 'O_NOFOLLOW', 'O_DIRECTORY']}
XFLAGS = {'XATTR_CREATE': os.XATTR_CREATE, 'XATTR_REPLACE': os.XATTR_REPLACE}
ACCESS = {'F_OK': os.F_OK, 'R_OK': os.R_OK, 'W_OK': os.W_OK, 'X_OK': os.X_OK}
TYPES = {stat.S_IFREG: 'file', stat.S_IFDIR: 'dir', stat.S_IFLNK: 'symlink', stat.S_IFCHR: 'chardev', stat.S_IFIFO: 'fifo', stat.S_IFBLK: 'blockdev', stat.S_IFSOCK: 'socket'}


def path_of(p):
    return '/' + 'a/' * 2048 if p == 'LONGPATH' else p


def describe(st):
    return {'type': TYPES[stat.S_IFMT(st.st_mode)], 'mode': format(stat.S_IMODE(st.st_mode), 'o'), 'uid': st.st_uid,
            'gid': st.st_gid, 'size': st.st_size, 'nlink': st.st_nlink,
            'rdev': f'{os.major(st.st_rdev)}:{os.minor(st.st_rdev)}'}


def step(op):
    kind, args = op[0], op[1:]
    if kind == 'as':
        raise ValueError('as is handled by run_step')
    if kind == 'mkdir': return os.mkdir(path_of(args[0]), int(args[1], 8))
    if kind == 'write':
        fd = os.open(path_of(args[0]), os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o666)
        os.write(fd, args[1].encode()); os.close(fd); return None
    if kind == 'append':
        fd = os.open(args[0], os.O_WRONLY | os.O_APPEND); os.write(fd, args[1].encode()); os.close(fd); return None
    if kind == 'read':
        with open(args[0], 'rb') as f: return f.read().decode('latin-1')
    if kind == 'open':
        flags = 0
        for n in args[1].split('|'): flags |= FLAGS[n]
        os.close(os.open(path_of(args[0]), flags, 0o666)); return None
    if kind == 'symlink': return os.symlink(args[0], args[1])
    if kind == 'link': return os.link(args[0], args[1])
    if kind == 'unlink': return os.unlink(args[0])
    if kind == 'rmdir': return os.rmdir(args[0])
    if kind == 'rename': return os.rename(args[0], args[1])
    if kind == 'stat': return describe(os.stat(path_of(args[0])))
    if kind == 'lstat': return describe(os.lstat(args[0]))
    if kind == 'listdir': return sorted(os.listdir(args[0]))
    if kind == 'readlink': return os.readlink(args[0])
    if kind == 'truncate': return os.truncate(args[0], args[1])
    if kind == 'chmod': return os.chmod(args[0], int(args[1], 8))
    if kind == 'chown': return os.chown(args[0], args[1], args[2])
    if kind == 'access':
        if not os.access(args[0], ACCESS[args[1]]): raise OSError(errno.EACCES, 'access')
        return None
    if kind == 'mknod':
        kinds = {'c': stat.S_IFCHR, 'p': stat.S_IFIFO, 'b': stat.S_IFBLK}
        return os.mknod(args[0], kinds[args[1]] | 0o644, os.makedev(args[2], args[3]))
    if kind in ('setxattr', 'lsetxattr'):
        flags = XFLAGS[args[3]] if len(args) > 3 else 0
        return os.setxattr(args[0], args[1], args[2].encode(), flags, follow_symlinks=kind == 'setxattr')
    if kind in ('getxattr', 'lgetxattr'):
        return os.getxattr(args[0], args[1], follow_symlinks=kind == 'getxattr').decode()
    if kind == 'listxattr': return sorted(os.listxattr(args[0]))
    if kind == 'removexattr': return os.removexattr(args[0], args[1])
    raise ValueError(f'unknown step {kind}')


def run_step(op):
    if op[0] == 'as':
        # Another user's step runs in a child that drops root, and reports back through a pipe.
        uid, gid, inner = op[1:]
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(r)
            os.setgroups([]); os.setresgid(gid, gid, gid); os.setresuid(uid, uid, uid)
            os.write(w, json.dumps(run_step(inner)).encode()); os._exit(0)
        os.close(w)
        data = b''.join(iter(lambda: os.read(r, 65536), b''))
        os.waitpid(pid, 0)
        return json.loads(data)
    try:
        value = step(op)
        return 'ok' if value is None else {'ok': value}
    except OSError as e:
        return errno.errorcode[e.errno]


def run_case(root, setup, ops):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        os.chroot(root); os.chdir('/'); os.umask(0o022)
        for op in setup:
            if run_step(op) != 'ok': os.write(w, json.dumps({'setup failed': op}).encode()); os._exit(1)
        os.write(w, json.dumps([run_step(op) for op in ops]).encode()); os._exit(0)
    os.close(w)
    data = b''.join(iter(lambda: os.read(r, 1 << 20), b''))
    os.waitpid(pid, 0)
    return json.loads(data)


def main():
    spec = json.load(open(os.path.join(HERE, 'cases.json')))
    results = {}
    for name, *ops in spec['cases']:
        root = tempfile.mkdtemp(prefix='cowbox-vfs-')
        subprocess.run(['mount', '-t', 'tmpfs', '-o', 'mode=755', 'tmpfs', root], check=True)
        try:
            results[name] = run_case(root, spec['setup'], ops)
        finally:
            subprocess.run(['umount', root], check=True)
            os.rmdir(root)
    out = {'kernel': platform.release(), 'fs': 'tmpfs', 'results': results}
    with open(os.path.join(HERE, 'recording.json'), 'w') as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write('\n')
    print(f'recorded {len(results)} cases on Linux {platform.release()}')


if __name__ == '__main__':
    sys.exit(main())
