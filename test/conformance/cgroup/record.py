#!/usr/bin/env python3
"""Record what this machine's real cgroups print and do, for the simulator's conformance tests.

Three recordings, all written beside this script under recordings/:

  formats.json   the cgroup v2 tree's files: names, modes and contents of the root and of a
                 fresh child (core files; a hybrid host's v2 tree has few controllers).
  rules.json     every scenario of scenarios.json run on the real v2 tree: each step's outcome
                 ("ok", an errno name, or what a read returned, pids replaced by their names).
  v1-behaviour.json  limit behaviour measured through the v1 controllers (this host binds memory,
                 pids and cpu to v1; the enforcing code is the same as v2's): memparse of limits,
                 fork refusal under pids.max, the memcg OOM kill, page cache under a limit, CPU
                 throttling under a quota.

$DOM in scenarios is a domain controller available on the v2 tree (hugetlb here); the simulator
replays the scenarios with its own (memory). Everything created is removed again; the v2 root's
cgroup.subtree_control is restored. Run as root:

    python3 test/conformance/cgroup/record.py
"""
import errno, json, os, platform, signal, stat, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'recordings')
PROBE = 'cowbox-probe'


def errname(e):
    # Python names 95 ENOTSUP; the simulator (and most of Linux's headers) say EOPNOTSUPP.
    return 'EOPNOTSUPP' if e.errno == errno.EOPNOTSUPP else errno.errorcode[e.errno]


def write_file(path, text):
    fd = os.open(path, os.O_WRONLY)
    try:
        os.write(fd, text.encode())
    finally:
        os.close(fd)


def read_file(path):
    fd = os.open(path, os.O_RDONLY)
    try:
        out = b''
        while True:
            chunk = os.read(fd, 65536)
            if not chunk:
                return out.decode()
            out += chunk
    finally:
        os.close(fd)


def attempt(fn, *args):
    try:
        r = fn(*args)
        return 'ok' if r is None else r
    except OSError as e:
        return errname(e)


def find_v2_mount():
    for line in open('/proc/self/mounts'):
        dev, mnt, fstype = line.split()[:3]
        if fstype == 'cgroup2':
            return mnt, line.strip()
    sys.exit('no cgroup2 mount found')


def own_cgroup(controller):
    for line in open('/proc/self/cgroup'):
        _, ctrls, path = line.rstrip('\n').split(':', 2)
        if controller in ctrls.split(','):
            return path
    return None


def rmtree_cgroup(path):
    """Remove a cgroup directory and its children, deepest first."""
    if not os.path.isdir(path):
        return
    for name in os.listdir(path):
        sub = os.path.join(path, name)
        if os.path.isdir(sub):
            rmtree_cgroup(sub)
    for _ in range(50):
        try:
            os.rmdir(path)
            return
        except OSError as e:
            if e.errno != errno.EBUSY:
                raise
            time.sleep(0.05)


def mode_of(path):
    return format(stat.S_IMODE(os.stat(path).st_mode), '04o')


# ---- formats --------------------------------------------------------------------------------

CONTENT = ['cgroup.controllers', 'cgroup.subtree_control', 'cgroup.events', 'cgroup.type', 'cgroup.max.depth',
           'cgroup.max.descendants', 'cgroup.stat', 'cgroup.stat.local', 'cgroup.freeze', 'cgroup.pressure',
           'cpu.stat', 'cpu.stat.local', 'cpu.pressure', 'io.pressure', 'memory.pressure', 'cgroup.procs',
           'cgroup.threads']


def describe_dir(path, with_members):
    files = {}
    for name in sorted(os.listdir(path)):
        p = os.path.join(path, name)
        if os.path.isdir(p):
            continue
        entry = {'mode': mode_of(p)}
        if name in CONTENT and (with_members or name not in ('cgroup.procs', 'cgroup.threads')):
            entry['content'] = attempt(read_file, p)
        files[name] = entry
    st = os.stat(path)
    return {'mode': mode_of(path), 'nlink': st.st_nlink, 'files': files}


def record_formats(v2, mount_line):
    probe = os.path.join(v2, PROBE)
    os.mkdir(probe)
    try:
        child = describe_dir(probe, True)
    finally:
        rmtree_cgroup(probe)
    sv = os.statvfs(v2)
    out = subprocess.run(['stat', '-f', '-c', '%t', v2], capture_output=True, text=True).stdout.strip()
    return {
        'root': describe_dir(v2, False),
        'child': child,
        'statfs': {'type': int(out, 16), 'bsize': sv.f_bsize, 'blocks': sv.f_blocks, 'files': sv.f_files, 'namelen': sv.f_namemax},
        'mountLine': mount_line,
    }


# ---- scenarios ------------------------------------------------------------------------------

class Runner:
    def __init__(self, v2, dom):
        self.v2 = v2
        self.dom = dom
        self.procs = {}

    def sub(self, s):
        s = s.replace('$T', PROBE).replace('$DOM', self.dom)
        for name in sorted(self.procs, key=len, reverse=True):
            s = s.replace('$' + name, str(self.procs[name].pid))
        return s

    def path(self, rel):
        rel = self.sub(rel)
        return os.path.join(self.v2, rel) if rel else self.v2

    def unsub(self, text):
        for name, p in self.procs.items():
            text = '\n'.join(('$' + name if line == str(p.pid) else line) for line in text.split('\n'))
        return text

    def spawn(self, name, where):
        p = subprocess.Popen(['sleep', '1000'])
        self.procs[name] = p
        write_file(os.path.join(self.path(where), 'cgroup.procs'), str(p.pid))

    def proc_line(self, name):
        pid = os.getpid() if name == 'SELF' else self.procs[name].pid
        return [l for l in open(f'/proc/{pid}/cgroup').read().splitlines() if l.startswith('0::')][0]

    def nsview(self, rel):
        where = self.path(rel)
        with tempfile.TemporaryDirectory() as mnt:
            script = (f'read x; exec unshare --cgroup --mount sh -c "grep ^0:: /proc/self/cgroup; grep ^0:: /proc/1/cgroup; '
                      f'mount -t cgroup2 none {mnt} && ls {mnt}"')
            p = subprocess.Popen(['sh', '-c', script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            write_file(os.path.join(where, 'cgroup.procs'), str(p.pid))
            out, _ = p.communicate('\n', timeout=20)
        lines = out.splitlines()
        ls = [n for n in lines[2:] if not n.startswith(self.dom + '.')]
        return {'self': lines[0], 'init': lines[1], 'ls': ls}

    def step(self, op):
        kind, args = op[0], op[1:]
        if kind == 'mkdir':
            return attempt(os.mkdir, self.path(args[0]))
        if kind == 'rmdir':
            return attempt(os.rmdir, self.path(args[0]))
        if kind == 'write':
            return attempt(write_file, self.path(args[0]), self.sub(args[1]))
        if kind == 'read':
            got = attempt(read_file, self.path(args[0]))
            if len(args) > 1 and got not in errno.errorcode.values():
                keep = [self.sub(k) for k in args[1]]
                got = ''.join(l + '\n' for l in got.splitlines() if l.split(' ')[0] in keep).replace(self.dom, '$DOM')
            return self.unsub(got)
        if kind == 'ls':
            names = sorted(os.listdir(self.path(args[0])))
            return [f'{mode_of(os.path.join(self.path(args[0]), n))} {n}' for n in names if not n.startswith(self.dom + '.')]
        if kind == 'stat':
            st = os.stat(self.path(args[0]))
            return {'mode': format(st.st_mode, 'o'), 'nlink': st.st_nlink, 'size': st.st_size}
        if kind == 'create':
            return attempt(lambda: os.close(os.open(self.path(args[0]), os.O_CREAT | os.O_WRONLY, 0o644)))
        if kind == 'unlink':
            return attempt(os.unlink, self.path(args[0]))
        if kind == 'rename':
            return attempt(os.rename, self.path(args[0]), self.path(args[1]))
        if kind == 'symlink':
            return attempt(os.symlink, args[0], self.path(args[1]))
        if kind == 'chmod':
            return attempt(os.chmod, self.path(args[0]), int(args[1], 8))
        if kind == 'spawn':
            return attempt(self.spawn, args[0], args[1])
        if kind == 'zombie':
            self.procs[args[0]].send_signal(signal.SIGKILL)
            time.sleep(0.2)
            return 'ok'
        if kind == 'reap':
            self.procs.pop(args[0]).wait()
            return 'ok'
        if kind == 'kill':
            p = self.procs.pop(args[0])
            p.kill()
            p.wait()
            return 'ok'
        if kind == 'status':
            p = self.procs.pop(args[0])
            p.wait(timeout=10)
            return f'signal {-p.returncode}' if p.returncode < 0 else f'exit {p.returncode}'
        if kind == 'proccgroup':
            return self.proc_line(args[0]).replace(PROBE, '$T')
        if kind == 'sleep':
            time.sleep(float(args[0]))
            return 'ok'
        if kind == 'nsview':
            v = self.nsview(args[0])
            return {k: (val.replace(PROBE, '$T') if isinstance(val, str) else val) for k, val in v.items()}
        raise ValueError(f'unknown step {kind}')

    def cleanup(self, self_cgroup):
        for p in self.procs.values():
            p.kill()
            p.wait()
        self.procs = {}
        write_file(os.path.join(self.v2, self_cgroup.lstrip('/'), 'cgroup.procs'), '0')
        rmtree_cgroup(os.path.join(self.v2, PROBE))


def record_rules(v2, dom):
    scenarios = json.load(open(os.path.join(HERE, 'scenarios.json')))
    root_control = read_file(os.path.join(v2, 'cgroup.subtree_control')).split()
    self_cgroup = own_cgroup('')  # the v2 line "0::/path" has an empty controller list
    runner = Runner(v2, dom)
    results = {}
    try:
        if dom not in root_control:
            write_file(os.path.join(v2, 'cgroup.subtree_control'), '+' + dom)
        for sc in scenarios:
            try:
                results[sc['name']] = [runner.step(op) for op in sc['steps']]
            finally:
                runner.cleanup(self_cgroup)
    finally:
        if dom not in root_control:
            write_file(os.path.join(v2, 'cgroup.subtree_control'), '-' + dom)
    return results


# ---- v1 behaviour ---------------------------------------------------------------------------

def v1_dir(controller):
    base = f'/sys/fs/cgroup/{controller}'
    own = own_cgroup(controller)
    if own is None or not os.path.isdir(base):
        return None
    return os.path.join(base + own, PROBE)


MEMPARSE_INPUTS = ['1000000', '100M', '1g', '0x1000', '010', '\n', '5M\n', ' 5M ', '5MB', '-1', 'max', '1.5M',
                   '4097', '1k', '1K', '2t', '9223372036854775807', '18446744073709551616', '99999999999999999999999']


def record_memparse(mem):
    """page_counter_memparse as v1's memory.limit_in_bytes applies it ("-1" is its "max")."""
    os.mkdir(mem)
    try:
        f = os.path.join(mem, 'memory.limit_in_bytes')
        out = []
        for text in MEMPARSE_INPUTS:
            res = attempt(write_file, f, text)
            out.append([text, res, int(read_file(f))])
            write_file(f, '-1')
        return out
    finally:
        rmtree_cgroup(mem)


FORKER = r'''
import json, os, sys, time
sys.stdin.readline()
results, kids = [], []
for i in range(int(sys.argv[1])):
    try:
        pid = os.fork()
    except OSError as e:
        results.append(e.errno)
        continue
    if pid == 0:
        time.sleep(60)
        os._exit(0)
    kids.append(pid)
    results.append(0)
print(json.dumps(results), flush=True)
sys.stdin.readline()
for k in kids:
    os.kill(k, 9)
    os.waitpid(k, 0)
'''


def run_forker(cgroup_dir, attempts):
    p = subprocess.Popen([sys.executable, '-c', FORKER, str(attempts)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    write_file(os.path.join(cgroup_dir, 'cgroup.procs'), str(p.pid))
    p.stdin.write('\n')
    p.stdin.flush()
    codes = json.loads(p.stdout.readline())
    return p, ['ok' if c == 0 else errno.errorcode[c] for c in codes]


def record_pids(pids):
    os.mkdir(pids)
    try:
        write_file(os.path.join(pids, 'pids.max'), '3')
        p, forks = run_forker(pids, 4)
        during = {f: read_file(os.path.join(pids, f)).strip() for f in ('pids.current', 'pids.events', 'pids.peak')}
        p.communicate('\n')
        after = {f: read_file(os.path.join(pids, f)).strip() for f in ('pids.current', 'pids.events', 'pids.peak')}
        # A child may be configured above its parent; the smaller limit up the path wins, and v1
        # counts the refusal in the cgroup where the fork was tried.
        sub = os.path.join(pids, 'sub')
        os.mkdir(sub)
        write_file(os.path.join(sub, 'pids.max'), '100')
        p, nested = run_forker(sub, 4)
        nested_events = {'parent': read_file(os.path.join(pids, 'pids.events')).strip(),
                         'sub': read_file(os.path.join(sub, 'pids.events')).strip(),
                         'subCurrent': read_file(os.path.join(sub, 'pids.current')).strip(),
                         'parentCurrent': read_file(os.path.join(pids, 'pids.current')).strip()}
        p.communicate('\n')
        return {'max': 3, 'forks': forks, 'during': during, 'after': after,
                'nested': {'parentMax': 3, 'subMax': 100, 'forks': nested, 'events': nested_events}}
    finally:
        rmtree_cgroup(pids)


ALLOCATOR = r'''
import sys
sys.stdin.readline()
chunks = []
for i in range(int(sys.argv[1])):
    chunks.append(bytearray(b'\x01') * (1 << 20))
    print(i + 1, flush=True)
'''


def record_memory(mem):
    os.mkdir(mem)
    try:
        write_file(os.path.join(mem, 'memory.limit_in_bytes'), '32M')
        p = subprocess.Popen([sys.executable, '-c', ALLOCATOR, '64'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        write_file(os.path.join(mem, 'cgroup.procs'), str(p.pid))
        out, _ = p.communicate('\n', timeout=60)
        oom_control = dict(l.split() for l in read_file(os.path.join(mem, 'memory.oom_control')).splitlines())
        oom = {'returncode': p.returncode, 'shellStatus': 128 - p.returncode if p.returncode < 0 else p.returncode,
               'mibAllocated': int(out.split()[-1]) if out.split() else 0,
               'oom_kill': int(oom_control['oom_kill']),
               'failcnt': int(read_file(os.path.join(mem, 'memory.failcnt'))),
               'max_usage_in_bytes': int(read_file(os.path.join(mem, 'memory.max_usage_in_bytes')))}
        write_file(os.path.join(mem, 'memory.failcnt'), '0')
        # Page cache: a 64 MiB file written inside the 32 MiB cgroup.
        fd, name = tempfile.mkstemp(dir='/var/tmp')
        os.close(fd)
        try:
            script = f'read x; dd if=/dev/zero of={name} bs=1M count=64 status=none; echo $?'
            p = subprocess.Popen(['sh', '-c', script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            write_file(os.path.join(mem, 'cgroup.procs'), str(p.pid))
            out, _ = p.communicate('\n', timeout=120)
            stat_lines = dict(l.split() for l in read_file(os.path.join(mem, 'memory.stat')).splitlines())
            cache = {'ddStatus': int(out.strip()), 'returncode': p.returncode,
                     'usage': int(read_file(os.path.join(mem, 'memory.usage_in_bytes'))),
                     'failcnt': int(read_file(os.path.join(mem, 'memory.failcnt'))),
                     'cache': int(stat_lines['cache']),
                     'oom_kill': int(dict(l.split() for l in read_file(os.path.join(mem, 'memory.oom_control')).splitlines())['oom_kill'])}
        finally:
            os.unlink(name)
        cache['usageAfterDelete'] = int(read_file(os.path.join(mem, 'memory.usage_in_bytes')))
        return {'limit': 32 << 20, 'anonOom': oom, 'pageCache': cache}
    finally:
        rmtree_cgroup(mem)


def record_cpu(cpu):
    os.mkdir(cpu)
    try:
        write_file(os.path.join(cpu, 'cpu.cfs_period_us'), '100000')
        write_file(os.path.join(cpu, 'cpu.cfs_quota_us'), '20000')
        wall = 1.0
        script = f'import sys, time\nsys.stdin.readline()\nt = time.time()\nwhile time.time() - t < {wall}: pass\n'
        p = subprocess.Popen([sys.executable, '-c', script], stdin=subprocess.PIPE)
        write_file(os.path.join(cpu, 'cgroup.procs'), str(p.pid))
        t0 = time.time()
        p.stdin.write(b'\n')
        p.stdin.flush()
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.time() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        st = dict(l.split() for l in read_file(os.path.join(cpu, 'cpu.stat')).splitlines())
        return {'quotaUs': 20000, 'periodUs': 100000, 'wallSeconds': round(elapsed, 3),
                'cpuSeconds': round(usage.ru_utime + usage.ru_stime, 3),
                'nr_periods': int(st['nr_periods']), 'nr_throttled': int(st['nr_throttled']),
                'throttled_usec': int(st['throttled_time']) // 1000}
    finally:
        rmtree_cgroup(cpu)


def main():
    if os.geteuid() != 0:
        sys.exit('run as root')
    os.makedirs(OUT, exist_ok=True)
    v2, mount_line = find_v2_mount()
    available = read_file(os.path.join(v2, 'cgroup.controllers')).split()
    dom = next((c for c in ('memory', 'io', 'hugetlb') if c in available), None)
    if dom is None:
        sys.exit('no domain controller on the v2 tree')
    meta = {'kernel': platform.release(), 'v2Mount': v2, 'dom': dom, 'rootControllers': available}

    formats = dict(meta, **record_formats(v2, mount_line))
    json.dump(formats, open(os.path.join(OUT, 'formats.json'), 'w'), indent=1)

    rules = dict(meta, results=record_rules(v2, dom))
    json.dump(rules, open(os.path.join(OUT, 'rules.json'), 'w'), indent=1)

    behaviour = dict(meta)
    mem = v1_dir('memory')
    if mem:
        behaviour['memparse'] = record_memparse(mem)
        behaviour['memory'] = record_memory(mem)
    pids = v1_dir('pids')
    if pids:
        behaviour['pids'] = record_pids(pids)
    cpu = v1_dir('cpu')
    if cpu:
        behaviour['cpu'] = record_cpu(cpu)
    json.dump(behaviour, open(os.path.join(OUT, 'v1-behaviour.json'), 'w'), indent=1)
    print('recorded', ', '.join(sorted(os.listdir(OUT))))


if __name__ == '__main__':
    main()
