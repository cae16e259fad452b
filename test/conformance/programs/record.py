#!/usr/bin/env python3
"""Record what this machine's real tools (GNU coreutils, procps, findutils, grep, sed, mawk,
busybox...) do with every case in cases/*.sh, for the userland programs' conformance test.

A case is a dash script, run as the shell suite runs its cases (env -i PATH=/usr/bin:/bin
HOME=/root LANG=C, umask 022, stdin from /dev/null) in /tmp/sh-case, which here is a fresh
tmpfs mount, so that directory sizes, free space and the filesystem type agree with the
simulator's tmpfs. Standard library only; needs root for the mount:

    python3 test/conformance/programs/record.py            # every case
    python3 test/conformance/programs/record.py NAME...    # only these
"""
import fcntl, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, 'cases')
RECORDINGS = os.path.join(HERE, 'recordings')
CASE_DIR = '/tmp/sh-case'
ENV = {'PATH': '/usr/bin:/bin', 'HOME': '/root', 'LANG': 'C'}


def versions():
    def pkg(name):
        out = subprocess.run(['dpkg-query', '-W', '-f=${Version}', name], capture_output=True, text=True)
        return f'{name} {out.stdout.strip() or "absent"}'
    return '\n'.join(pkg(p) for p in ['dash', 'coreutils', 'procps', 'findutils', 'grep', 'sed', 'mawk', 'diffutils', 'tar', 'gzip', 'attr', 'util-linux', 'busybox'])


def record(name):
    # Every case uses the same directory (its path shows in $PWD), so recorders running at the
    # same time take turns.
    with open('/tmp/sh-case.lock', 'w') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        record_locked(name)


def record_locked(name):
    with open(os.path.join(CASES, name + '.sh'), 'rb') as f:
        script = f.read().rstrip(b'\n')
    if os.path.ismount(CASE_DIR):
        subprocess.run(['umount', '-l', CASE_DIR], check=True)
    if os.path.isdir(CASE_DIR):
        subprocess.run(['rm', '-rf', '--one-file-system', CASE_DIR], check=True)
    os.makedirs(CASE_DIR)
    subprocess.run(['mount', '-t', 'tmpfs', '-o', 'mode=755', 'tmpfs', CASE_DIR], check=True)
    old = os.umask(0o022)
    try:
        with open(os.devnull, 'rb') as devnull:
            p = subprocess.run(['/usr/bin/dash', '-c', script, 'sh'], cwd=CASE_DIR, env=ENV,
                               stdin=devnull, capture_output=True, timeout=60)
    finally:
        os.umask(old)
        subprocess.run(['umount', '-l', CASE_DIR], check=True)
        # Mounts a case made inside the directory went with the lazy unmount.
        os.rmdir(CASE_DIR)
    status = p.returncode if p.returncode >= 0 else 128 - p.returncode
    result = {'stdout': p.stdout.decode('latin-1'), 'stderr': p.stderr.decode('latin-1'), 'status': status}
    with open(os.path.join(RECORDINGS, name + '.json'), 'w') as f:
        json.dump(result, f, indent=1, ensure_ascii=True)
        f.write('\n')


def main():
    if os.geteuid() != 0:
        sys.exit('record.py: must run as root (it mounts a tmpfs for each case)')
    names = sys.argv[1:] or sorted(n[:-3] for n in os.listdir(CASES) if n.endswith('.sh'))
    os.makedirs(RECORDINGS, exist_ok=True)
    for name in names:
        record(name)
    with open(os.path.join(RECORDINGS, 'VERSIONS'), 'w') as f:
        f.write(versions() + '\n')
    print(f'recorded {len(names)} case(s)')


if __name__ == '__main__':
    main()
