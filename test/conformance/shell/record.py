#!/usr/bin/env python3
"""Record what the real dash does with every case in cases/*.sh.

Each case runs exactly as the shell issue says: in a fresh empty directory (/tmp/sh-case, the
same path the simulator uses, so $PWD agrees), umask 022, stdin from /dev/null, with

    env -i PATH=/usr/bin:/bin HOME=/root LANG=C dash -c "$(cat CASE)" sh

Its stdout, stderr (as latin-1 text: one char per byte) and exit status go to
recordings/NAME.json. Standard library only:

    python3 test/conformance/shell/record.py            # every case
    python3 test/conformance/shell/record.py NAME...    # only these
"""
import json, os, shutil, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, 'cases')
RECORDINGS = os.path.join(HERE, 'recordings')
CASE_DIR = '/tmp/sh-case'
ENV = {'PATH': '/usr/bin:/bin', 'HOME': '/root', 'LANG': 'C'}


def dash_version():
    out = subprocess.run(['dpkg-query', '-W', '-f=${Version}', 'dash'], capture_output=True, text=True)
    return out.stdout.strip() or 'unknown'


def record(name):
    with open(os.path.join(CASES, name + '.sh'), 'rb') as f:
        script = f.read()
    # $(cat CASE) drops trailing newlines; do the same.
    script = script.rstrip(b'\n')
    shutil.rmtree(CASE_DIR, ignore_errors=True)
    os.mkdir(CASE_DIR)
    old = os.umask(0o022)
    try:
        with open(os.devnull, 'rb') as devnull:
            p = subprocess.run(['/usr/bin/dash', '-c', script, 'sh'], cwd=CASE_DIR, env=ENV,
                               stdin=devnull, capture_output=True, timeout=20)
    finally:
        os.umask(old)
        shutil.rmtree(CASE_DIR, ignore_errors=True)
    status = p.returncode if p.returncode >= 0 else 128 - p.returncode
    result = {'stdout': p.stdout.decode('latin-1'), 'stderr': p.stderr.decode('latin-1'), 'status': status}
    with open(os.path.join(RECORDINGS, name + '.json'), 'w') as f:
        json.dump(result, f, indent=1, ensure_ascii=True)
        f.write('\n')


def main():
    if os.geteuid() != 0:
        print('warning: not root; cases about permissions may differ from the recordings', file=sys.stderr)
    names = sys.argv[1:] or sorted(n[:-3] for n in os.listdir(CASES) if n.endswith('.sh'))
    os.makedirs(RECORDINGS, exist_ok=True)
    for name in names:
        record(name)
    with open(os.path.join(RECORDINGS, 'VERSION'), 'w') as f:
        f.write(f'dash {dash_version()}\n')
    print(f'recorded {len(names)} case(s) with dash {dash_version()}')


if __name__ == '__main__':
    main()
