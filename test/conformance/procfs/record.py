#!/usr/bin/env python3
"""Record the real /proc of this machine: file formats, modes, link targets and error answers.

Everything is read from processes this script starts itself, so nothing of the machine's other
processes is recorded: a `sleep` in a fresh PID namespace (unshare --pid --fork --mount-proc),
the recorder's own /proc/self in a fresh mount namespace with a tmpfs, an overlay and a proc
mounted, a shell in a user namespace, a `sleep` running as nobody (for ownership). Output goes
to recordings/: one .txt per file as read (byte for byte), and facts.json for what is not a file
(modes, link targets, errno names, directory listings). Two files are trimmed so that they
describe the recorder and not the machine it ran on: mount tables keep the root line and the
recorder's own mounts (paths under a temporary directory, written /REC), and /proc/PID/cgroup
keeps only its cgroup v2 line (this host also has v1 hierarchies; the simulator models pure v2).
chmod/chown probes set the values the files already have. Run as root, standard library only:

    python3 test/conformance/procfs/record.py
"""
import ctypes, errno, json, os, platform, shutil, signal, stat, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'recordings')
PY = '/usr/bin/python3.11' if os.path.exists('/usr/bin/python3.11') else sys.executable
LIBC = ctypes.CDLL(None, use_errno=True)
MNT_DETACH = 2


def errno_name(e):
    # Python calls 95 ENOTSUP; Linux headers and the simulator call it EOPNOTSUPP.
    return 'EOPNOTSUPP' if e.errno == errno.EOPNOTSUPP else errno.errorcode.get(e.errno, str(e.errno))


def outcome(fn):
    """'ok' (or the value) when fn succeeds, else the errno name."""
    try:
        v = fn()
        return 'ok' if v is None else v
    except OSError as e:
        return errno_name(e)


def read_bytes(path):
    with open(path, 'rb') as f:
        return f.read()


def save(name, data):
    with open(os.path.join(OUT, name), 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def describe(path):
    st = os.lstat(path)
    return {'mode': stat.filemode(st.st_mode), 'uid': st.st_uid, 'gid': st.st_gid, 'nlink': st.st_nlink, 'size': st.st_size}


def write_file(path, data, flags=os.O_WRONLY):
    fd = os.open(path, flags)
    try:
        return os.write(fd, data.encode())
    finally:
        os.close(fd)


def v2_only(data):
    """This host is a cgroup v1/v2 hybrid whose v1 lines name the recording machinery's own
    cgroups; the simulator models a pure v2 host, whose file is the single 0:: line."""
    return b''.join(l for l in data.splitlines(keepends=True) if l.startswith(b'0::'))


def ours(text, base):
    """Only the mounts this recorder made, and the root they sit on: the rest of the table
    describes the machine the recording ran on."""
    keep = [l for l in text.splitlines(keepends=True) if f' {base}' in l or l.split(' ')[4 if ' - ' in l else 1] == '/']
    return ''.join(keep).replace(base, '/REC')


def wait_exec(pid, comm):
    for _ in range(500):
        try:
            if read_bytes(f'/proc/{pid}/comm').decode().strip() == comm:
                return
        except OSError:
            pass
        time.sleep(0.01)
    raise RuntimeError(f'{pid} never became {comm}')


def wait_state(pid, letter):
    for _ in range(500):
        if read_bytes(f'/proc/{pid}/stat').decode().rsplit(')', 1)[1].split()[0] == letter:
            return
        time.sleep(0.01)
    raise RuntimeError(f'{pid} never reached state {letter}')


# ---- inside a new PID namespace (this script re-run as its PID 1) ----------------------------

def inside_pidns(outdir):
    """PID 1 of a new PID namespace with its own /proc: start a sleep (PID 2) and read it."""
    facts = {}
    # stdin /dev/null, stdout a pipe, stderr /dev/null: fd links that say nothing of this machine.
    sleeper = subprocess.Popen(['sleep', '100'], cwd='/', env={'PATH': '/usr/bin:/bin', 'LANG': 'C'},
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert sleeper.pid == 2, sleeper.pid
    wait_exec(2, 'sleep')
    wait_state(2, 'S')
    time.sleep(0.2)
    for f in ['status', 'stat', 'statm', 'cmdline', 'environ', 'comm', 'limits', 'uid_map', 'gid_map', 'setgroups']:
        save(f'pidns-sleep-{f}.txt', read_bytes(f'/proc/2/{f}'))
    save('pidns-sleep-cgroup.txt', v2_only(read_bytes('/proc/2/cgroup')))
    save('pidns-init-status.txt', read_bytes('/proc/1/status'))
    save('pidns-init-stat.txt', read_bytes('/proc/1/stat'))
    facts['proc_root_listing'] = sorted(os.listdir('/proc'))
    facts['pid_dir_listing'] = sorted(os.listdir('/proc/2'))
    facts['self_link'] = os.readlink('/proc/self')
    facts['thread_self_link'] = os.readlink('/proc/thread-self')
    facts['links'] = {n: outcome(lambda n=n: os.readlink(f'/proc/2/{n}')) for n in ['cwd', 'root', 'exe']}
    facts['ns_links'] = {n: os.readlink(f'/proc/2/ns/{n}') for n in sorted(os.listdir('/proc/2/ns'))}
    pipe_ino = str(os.fstat(sleeper.stdout.fileno()).st_ino)
    facts['fd_links'] = {n: os.readlink(f'/proc/2/fd/{n}').replace(pipe_ino, '$INO') for n in sorted(os.listdir('/proc/2/fd'), key=int)}
    # Hand over to the outer recorder (it reads the same sleep from the host's /proc), then wait.
    open(os.path.join(outdir, 'ready'), 'w').close()
    while not os.path.exists(os.path.join(outdir, 'go')):
        time.sleep(0.01)

    # A zombie: killed but not yet waited for.
    held = os.open('/proc/2/status', os.O_RDONLY)
    held_dir = os.open('/proc/2', os.O_RDONLY | os.O_DIRECTORY)
    os.kill(2, signal.SIGKILL)
    wait_state(2, 'Z')
    save('pidns-zombie-status.txt', read_bytes('/proc/2/status'))
    save('pidns-zombie-stat.txt', read_bytes('/proc/2/stat'))
    save('pidns-zombie-statm.txt', read_bytes('/proc/2/statm'))
    zombie = {
        'cmdline': outcome(lambda: read_bytes('/proc/2/cmdline').decode()),
        'environ': outcome(lambda: read_bytes('/proc/2/environ').decode()),
        'readlink_cwd': outcome(lambda: os.readlink('/proc/2/cwd')),
        'readlink_exe': outcome(lambda: os.readlink('/proc/2/exe')),
        'readlink_ns_uts': outcome(lambda: os.readlink('/proc/2/ns/uts')),
        'listdir_fd': outcome(lambda: os.listdir('/proc/2/fd')),
        'in_proc_listing': '2' in os.listdir('/proc'),
    }
    sleeper.wait()
    # Reaped: the directory is gone; what happens to descriptors opened before.
    zombie['after_reap'] = {
        'stat_dir': outcome(lambda: os.stat('/proc/2') and None),
        'open_status': outcome(lambda: os.close(os.open('/proc/2/status', os.O_RDONLY))),
        'read_held_status': outcome(lambda: os.read(held, 4096).decode()),
        'openat_held_dir_status': outcome(lambda: os.close(os.open('status', os.O_RDONLY, dir_fd=held_dir))),
        'listdir_held_dir': outcome(lambda: os.listdir(held_dir)),
        'in_proc_listing': '2' in os.listdir('/proc'),
    }
    facts['zombie'] = zombie
    with open(os.path.join(outdir, 'inside.json'), 'w') as f:
        json.dump(facts, f)


def host_pid_of_ns_sleeper(unshare_pid):
    """The sleep's host PID: the grandchild of unshare."""
    for _ in range(500):
        for p in os.listdir('/proc'):
            if not p.isdigit():
                continue
            try:
                st = read_bytes(f'/proc/{p}/status').decode()
            except OSError:
                continue
            fields = dict(l.split(':\t', 1) for l in st.splitlines() if ':\t' in l)
            if fields.get('Name') == 'sleep' and fields.get('NSpid', '').endswith('\t2'):
                ppid = int(fields['PPid'])
                if int(read_bytes(f'/proc/{ppid}/stat').decode().rsplit(')', 1)[1].split()[1]) == unshare_pid:
                    return int(p)
        time.sleep(0.01)
    raise RuntimeError('no sleeper found')


def record_pidns(facts):
    with tempfile.TemporaryDirectory(prefix='cowbox-proc-') as tmp:
        proc = subprocess.Popen(['unshare', '--pid', '--fork', '--mount-proc', PY, __file__, 'inside-pidns', tmp], cwd='/')
        while not os.path.exists(os.path.join(tmp, 'ready')):
            if proc.poll() is not None:
                raise RuntimeError('inside recorder died')
            time.sleep(0.01)
        host = host_pid_of_ns_sleeper(proc.pid)
        save('host-view-sleep-status.txt', read_bytes(f'/proc/{host}/status'))
        save('host-view-sleep-stat.txt', read_bytes(f'/proc/{host}/stat'))
        # The namespace's own procfs, reached through the sleeper's root, read by a host process
        # that is invisible in it.
        nsproc = f'/proc/{host}/root/proc'
        facts['foreign_procfs'] = {
            'listing': sorted(os.listdir(nsproc)),
            'readlink_self': outcome(lambda: os.readlink(f'{nsproc}/self')),
            'readlink_thread_self': outcome(lambda: os.readlink(f'{nsproc}/thread-self')),
            'stat_self': outcome(lambda: os.stat(f'{nsproc}/self') and None),
            'lstat_self': outcome(lambda: describe(f'{nsproc}/self')),
            'status_of_2_nspid': [l for l in read_bytes(f'{nsproc}/2/status').decode().splitlines() if l.startswith('NSpid')][0],
        }
        open(os.path.join(tmp, 'go'), 'w').close()
        if proc.wait() != 0:
            raise RuntimeError('inside recorder failed')
        with open(os.path.join(tmp, 'inside.json')) as f:
            facts['pidns'] = json.load(f)


# ---- the recorder's own /proc/self: fds, ns links, mountinfo in a private mount namespace ----

def record_fds(facts):
    with tempfile.TemporaryDirectory(prefix='cowbox-proc-') as tmp:
        path = os.path.join(tmp, 'file.txt')
        fds = {
            'file_rdonly': os.open(path, os.O_CREAT | os.O_RDONLY, 0o644),
            'file_wronly': os.open(path, os.O_WRONLY),
            'file_rdwr': os.open(path, os.O_RDWR),
            'dir': os.open(tmp, os.O_RDONLY | os.O_DIRECTORY),
        }
        r, w = os.pipe()
        fds['pipe_read'] = r
        fds['pipe_write'] = w
        deleted = os.path.join(tmp, 'gone.txt')
        fds['file_deleted'] = os.open(deleted, os.O_CREAT | os.O_RDWR, 0o644)
        os.unlink(deleted)
        pipe_ino = os.fstat(r).st_ino
        out = {}
        for name, fd in fds.items():
            target = os.readlink(f'/proc/self/fd/{fd}')
            out[name] = {'target': target.replace(tmp, '$TMP').replace(str(pipe_ino), '$INO'), **describe(f'/proc/self/fd/{fd}')}
        out['fd_dir'] = describe('/proc/self/fd')
        out['fd_dir_count'] = len(os.listdir('/proc/self/fd'))
        out['fdinfo_pipe'] = read_bytes(f'/proc/self/fdinfo/{r}').decode()
        facts['fds'] = out
        for fd in fds.values():
            os.close(fd)


def record_ns(facts):
    facts['ns_self'] = {n: {'target': os.readlink(f'/proc/self/ns/{n}'), **describe(f'/proc/self/ns/{n}')}
                        for n in sorted(os.listdir('/proc/self/ns'))}
    facts['ns_dir'] = describe('/proc/self/ns')
    # After unshare of UTS only the uts link changes.
    out = subprocess.run(['unshare', '--uts', 'sh', '-c', 'for n in /proc/self/ns/*; do echo "${n##*/} $(readlink $n)"; done'],
                         capture_output=True, text=True, check=True).stdout
    facts['ns_after_unshare_uts'] = dict(l.split(' ', 1) for l in out.splitlines())


MOUNT_SCRIPT = r'''
set -e
B="$1"
mkdir -p $B/t $B/t2 $B/ovl $B/p $B/bind $B/ro
mount -t tmpfs tmpfs $B/t
mkdir -p $B/t/l1 $B/t/l2 $B/t/u $B/t/w $B/t/sub
echo x > $B/t/l1/a
mount -t tmpfs -o size=1m,mode=755 tmpfs $B/t2
mount -t overlay overlay -o lowerdir=$B/t/l1:$B/t/l2,upperdir=$B/t/u,workdir=$B/t/w $B/ovl
mount -t proc proc $B/p
mount --bind $B/t/sub $B/bind
mount -t tmpfs -o ro tmpfs $B/ro
cat /proc/self/mountinfo > $B/out-mountinfo
cat /proc/self/mounts > $B/out-mounts
cat $B/p/self/mountinfo > $B/out-mountinfo-via-p
# A reader whose root is the tmpfs sees only what lies below it, relative to it.
mkdir -p $B/t/proc
mount -t proc proc $B/t/proc
PYTHON -c "import os; os.chroot('$B/t'); os.chdir('/'); open('/out-chroot-mountinfo','w').write(open('/proc/self/mountinfo').read())"
cp $B/t/out-chroot-mountinfo $B/out-chroot-mountinfo
'''


def record_mounts(facts):
    base = tempfile.mkdtemp(prefix='cowbox-proc-mnt-')
    try:
        script = MOUNT_SCRIPT.replace('PYTHON', PY)
        subprocess.run(['unshare', '--mount', '--propagation', 'private', 'bash', '-c', script, 'rec', base], check=True)
        for name in ['mountinfo', 'mounts', 'mountinfo-via-p']:
            save(f'unshare-{name}.txt', ours(read_bytes(f'{base}/out-{name}').decode(), base))
        # Inside the chroot only the recorder's own tmpfs and proc are visible: kept whole.
        save('unshare-chroot-mountinfo.txt', read_bytes(f'{base}/out-chroot-mountinfo'))
    finally:
        shutil.rmtree(base, ignore_errors=True)


# ---- user namespaces -------------------------------------------------------------------------

def record_userns(facts):
    def files(cmd):
        script = 'for f in uid_map gid_map setgroups; do cat /proc/self/$f; echo "--$f--"; done; grep -E "^(Uid|Gid):" /proc/self/status'
        return subprocess.run(cmd + ['sh', '-c', script], capture_output=True, text=True, check=True).stdout
    save('host-self-idmaps.txt', files([]))
    save('userns-root-idmaps.txt', files(['unshare', '--user', '--map-root-user']))
    save('userns-unmapped-idmaps.txt', files(['unshare', '--user']))
    save('host-self-uid_map.txt', read_bytes('/proc/self/uid_map'))
    out = subprocess.run(['unshare', '--user', '--map-root-user', 'cat', '/proc/self/uid_map'], capture_output=True, check=True).stdout
    save('userns-root-uid_map.txt', out)


# ---- files that describe the machine -----------------------------------------------------------

def record_system(facts):
    for name in ['meminfo', 'uptime', 'loadavg', 'stat', 'version', 'filesystems', 'cpuinfo']:
        save(f'{name}.txt', read_bytes(f'/proc/{name}'))
    save('net-dev-new-netns.txt', subprocess.run(['unshare', '--net', 'cat', '/proc/net/dev'], capture_output=True, check=True).stdout)
    # A cgroup namespace rooted at the reader's own cgroup: the line a container sees.
    save('cgroupns-self-cgroup.txt', v2_only(subprocess.run(['unshare', '--cgroup', 'cat', '/proc/self/cgroup'], capture_output=True, check=True).stdout))
    facts['sys_kernel'] = {n: read_bytes(f'/proc/sys/kernel/{n}').decode() for n in ['hostname', 'ostype', 'osrelease', 'pid_max', 'domainname']}
    facts['proc_root_static'] = sorted(n for n in os.listdir('/proc') if not n.isdigit())
    facts['self_listing'] = sorted(os.listdir('/proc/self'))
    facts['net_listing'] = sorted(os.listdir('/proc/self/net'))
    # Directory order as getdents returns it (ls sorts; a raw readdir does not).
    facts['getdents_order'] = {
        '/proc': [n for n in os.listdir('/proc') if not n.isdigit()],
        '/proc/PID': os.listdir('/proc/self'),
        '/proc/PID/ns': os.listdir('/proc/self/ns'),
        '/proc/sys/kernel': [n for n in os.listdir('/proc/sys/kernel') if n in ('hostname', 'ostype', 'osrelease', 'pid_max', 'domainname', 'random', 'version')],
    }
    facts['sys_kernel_has'] = {n: os.path.exists(f'/proc/sys/kernel/{n}') for n in ['hostname', 'ostype', 'osrelease', 'pid_max', 'domainname', 'version']}


def record_modes(facts):
    """Modes and owners, from root's view of a sleep running as nobody (uid/gid 65534)."""
    p = subprocess.Popen(['setpriv', '--reuid', '65534', '--regid', '65534', '--clear-groups', 'sleep', '100'], cwd='/')
    try:
        wait_exec(p.pid, 'sleep')
        pid = p.pid
        modes = {'/proc': describe('/proc'), '/proc/PID': describe(f'/proc/{pid}')}
        for n in sorted(os.listdir(f'/proc/{pid}')):
            modes[f'/proc/PID/{n}'] = describe(f'/proc/{pid}/{n}')
        for n in ['ns/uts', 'ns/pid_for_children', 'fd/0', 'fdinfo/0', 'task', f'task/{pid}', 'net/dev', 'attr']:
            modes[f'/proc/PID/{n}'] = describe(f'/proc/{pid}/{n}')
        for n in sorted(os.listdir('/proc')):
            if not n.isdigit():
                modes[f'/proc/{n}'] = describe(f'/proc/{n}')
        for n in ['sys/kernel', 'sys/kernel/hostname', 'sys/kernel/ostype', 'sys/kernel/osrelease', 'sys/kernel/pid_max', 'net/dev', 'sys']:
            modes[f'/proc/{n}'] = describe(f'/proc/{n}')
        facts['modes_of_nobody_process'] = modes
        # What nobody itself may read of its own and of root's.
        nobody = lambda code: subprocess.run(['setpriv', '--reuid', '65534', '--regid', '65534', '--clear-groups', PY, '-c', code],
                                             capture_output=True, text=True).stdout.strip()
        probe = ('import errno,os\n'
                 'def t(f):\n'
                 '  try: f(); return "ok"\n'
                 '  except OSError as e: return errno.errorcode[e.errno]\n'
                 'import json; print(json.dumps({'
                 '"own_environ": t(lambda: open("/proc/self/environ","rb").read()),'
                 '"root_environ": t(lambda: open("/proc/1/environ","rb").read()),'
                 '"root_status": t(lambda: open("/proc/1/status","rb").read()),'
                 '"root_cwd": t(lambda: os.readlink("/proc/1/cwd")),'
                 '"root_fd_list": t(lambda: os.listdir("/proc/1/fd")),'
                 '"root_ns_uts": t(lambda: os.readlink("/proc/1/ns/uts")),'
                 '"own_ns_uts": t(lambda: os.readlink("/proc/self/ns/uts")),'
                 '"write_hostname": t(lambda: open("/proc/sys/kernel/hostname","w").write("x")),'
                 '}))')
        facts['nobody_access'] = json.loads(nobody(probe))
    finally:
        p.kill()
        p.wait()


def record_errors(facts):
    errs = {}
    pid = os.getpid()
    errs['open_status_wronly'] = outcome(lambda: os.close(os.open('/proc/self/status', os.O_WRONLY)))
    errs['write_status'] = outcome(lambda: write_file('/proc/self/status', 'x'))
    errs['open_status_rdwr'] = outcome(lambda: os.close(os.open('/proc/self/status', os.O_RDWR)))
    errs['write_uptime'] = outcome(lambda: write_file('/proc/uptime', '1'))
    errs['write_meminfo'] = outcome(lambda: write_file('/proc/meminfo', '1'))
    errs['write_ostype'] = outcome(lambda: write_file('/proc/sys/kernel/ostype', 'x'))
    errs['write_osrelease'] = outcome(lambda: write_file('/proc/sys/kernel/osrelease', 'x'))
    errs['create_in_proc'] = outcome(lambda: os.close(os.open('/proc/newfile', os.O_CREAT | os.O_WRONLY, 0o644)))
    errs['create_in_pid_dir'] = outcome(lambda: os.close(os.open('/proc/self/newfile', os.O_CREAT | os.O_WRONLY, 0o644)))
    errs['mkdir_in_proc'] = outcome(lambda: os.mkdir('/proc/newdir'))
    errs['mkdir_in_pid_dir'] = outcome(lambda: os.mkdir('/proc/self/newdir'))
    errs['unlink_uptime'] = outcome(lambda: os.unlink('/proc/uptime'))
    errs['unlink_status'] = outcome(lambda: os.unlink('/proc/self/status'))
    errs['rmdir_pid_dir'] = outcome(lambda: os.rmdir(f'/proc/{pid}'))
    errs['rename_uptime'] = outcome(lambda: os.rename('/proc/uptime', '/proc/uptime2'))
    errs['symlink_in_proc'] = outcome(lambda: os.symlink('/x', '/proc/newlink'))
    # chmod/chown to the values they have: whether Linux allows it, without changing this machine.
    errs['chmod_uptime'] = outcome(lambda: os.chmod('/proc/uptime', 0o444))
    errs['chmod_status'] = outcome(lambda: os.chmod('/proc/self/status', 0o444))
    errs['chown_uptime'] = outcome(lambda: os.chown('/proc/uptime', 0, 0))
    errs['truncate_status'] = outcome(lambda: os.truncate('/proc/self/status', 0))
    errs['readlink_status'] = outcome(lambda: os.readlink('/proc/self/status'))
    errs['read_pid_dir'] = outcome(lambda: read_bytes('/proc/self'))
    errs['missing_pid'] = outcome(lambda: os.stat('/proc/999999') and None)
    errs['missing_name'] = outcome(lambda: os.stat('/proc/nosuch') and None)
    errs['missing_pid_file'] = outcome(lambda: os.stat('/proc/self/nosuch') and None)
    errs['leading_zero_pid'] = outcome(lambda: os.stat(f'/proc/0{pid}') and None)
    errs['listxattr_status'] = outcome(lambda: os.listxattr('/proc/self/status'))
    errs['setxattr_status'] = outcome(lambda: os.setxattr('/proc/self/status', 'user.x', b'1'))
    errs['status_stat'] = describe('/proc/self/status')
    errs['status_lseek_end'] = outcome(lambda: (lambda fd: (os.lseek(fd, 0, os.SEEK_END), os.close(fd))[0])(os.open('/proc/self/status', os.O_RDONLY)))
    # Hostname: writable by root in its UTS namespace; what the kernel does with the bytes.
    sh = ('set -u; w() { printf "%s" "$1" > /proc/sys/kernel/hostname 2>/dev/null && echo "ok:$(cat /proc/sys/kernel/hostname)" || echo "fail"; }; '
          'w newname; w "withnl\n"; w "$(printf a%.0s $(seq 64))"; w "$(printf b%.0s $(seq 65))"; '
          'printf "" > /proc/sys/kernel/hostname && echo "empty:$(cat /proc/sys/kernel/hostname | od -c | head -1)"; hostname')
    errs['hostname_writes'] = subprocess.run(['unshare', '--uts', 'sh', '-c', sh], capture_output=True, text=True).stdout.splitlines()
    # The errno of each of those, from Python (sh hides them).
    code = ('import errno,os\n'
            'def w(s):\n'
            '  try:\n'
            '    fd=os.open("/proc/sys/kernel/hostname",os.O_WRONLY|os.O_TRUNC); n=os.write(fd,s.encode()); os.close(fd); return ["ok",n,open("/proc/sys/kernel/hostname").read()]\n'
            '  except OSError as e: return errno.errorcode[e.errno]\n'
            'import json; print(json.dumps({"short": w("abc"), "nl": w("abc\\n"), "64": w("a"*64), "65": w("b"*65), "empty": w(""), "two_nl": w("a\\nb\\n")}))')
    errs['hostname_errno'] = json.loads(subprocess.run(['unshare', '--uts', PY, '-c', code], capture_output=True, text=True, check=True).stdout)
    # comm: a process may rename itself.
    code = ('import os\n'
            'open("/proc/self/comm","w").write("renamed-to-a-very-long-name")\n'
            'print(open("/proc/self/comm").read(), end="")\n'
            'print(open("/proc/self/status").readline(), end="")\n'
            'print(open("/proc/self/stat").read().split(")")[0])\n')
    # Writing another process's comm, as root and as its owner.
    code2 = ('import errno,os,subprocess,time\n'
             'p=subprocess.Popen(["sleep","30"]); time.sleep(0.2)\n'
             'def w(s):\n'
             '  try:\n'
             '    fd=os.open(f"/proc/{p.pid}/comm",os.O_WRONLY); os.write(fd,s.encode()); os.close(fd); return "ok"\n'
             '  except OSError as e: return errno.errorcode[e.errno]\n'
             'print(w("other")); p.kill()\n')
    errs['comm_write_other_as_root'] = subprocess.run([PY, '-c', code2], capture_output=True, text=True, check=True).stdout.strip()
    errs['comm_write_other_as_owner'] = subprocess.run(['setpriv', '--reuid', '65534', '--regid', '65534', '--clear-groups', PY, '-c', code2],
                                                        capture_output=True, text=True, check=True).stdout.strip()
    errs['comm_write_self_newline'] = subprocess.run(['sh', '-c', 'echo foo > /proc/self/comm; od -An -c /proc/$$/comm'],
                                                     capture_output=True, text=True, check=True).stdout.split()
    # oom_score_adj: range, bad input, and an unprivileged process lowering its own.
    code3 = ('import errno,os,json\n'
             'def w(s):\n'
             '  try:\n'
             '    fd=os.open("/proc/self/oom_score_adj",os.O_WRONLY); os.write(fd,s.encode()); os.close(fd); return "ok"\n'
             '  except OSError as e: return errno.errorcode[e.errno]\n'
             'r=lambda n: open("/proc/self/"+n).read()\n'
             'out={"1001": w("1001"), "-1001": w("-1001"), "abc": w("abc"), "500": w("500\\n")}\n'
             'out["after_500"]=[r("oom_score_adj"), r("oom_adj"), r("oom_score")]\n'
             'out["-5"]=w("-5"); out["after"]=r("oom_score_adj")\n'
             'print(json.dumps(out))\n')
    errs['oom_score_adj_root'] = json.loads(subprocess.run([PY, '-c', code3], capture_output=True, text=True, check=True).stdout)
    errs['oom_score_adj_nobody'] = json.loads(subprocess.run(['setpriv', '--reuid', '65534', '--regid', '65534', '--clear-groups', PY, '-c', code3],
                                                             capture_output=True, text=True, check=True).stdout)
    errs['oom_files_fresh'] = {n: read_bytes(f'/proc/{os.getpid()}/{n}').decode() for n in ['oom_score', 'oom_adj', 'oom_score_adj', 'loginuid', 'sessionid']}
    errs['comm_write'] = subprocess.run([PY, '-c', code], capture_output=True, text=True, check=True).stdout
    facts['errors'] = errs


def main():
    if len(sys.argv) > 2 and sys.argv[1] == 'inside-pidns':
        return inside_pidns(sys.argv[2])
    if os.geteuid() != 0:
        sys.exit('run as root')
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        os.unlink(os.path.join(OUT, f))
    facts = {'kernel': platform.release(), 'machine': platform.machine(), 'recorded': time.strftime('%Y-%m-%d')}
    record_pidns(facts)
    record_fds(facts)
    record_ns(facts)
    record_mounts(facts)
    record_userns(facts)
    record_system(facts)
    record_modes(facts)
    record_errors(facts)
    with open(os.path.join(OUT, 'facts.json'), 'w') as f:
        json.dump(facts, f, indent=1, sort_keys=True)
        f.write('\n')


if __name__ == '__main__':
    main()
