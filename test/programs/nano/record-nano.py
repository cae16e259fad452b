#!/usr/bin/env python3
# Records Debian 12's nano 7.2 (7.2-1+deb12u1, with Debian's own /etc/nanorc and no nanorc of
# the user's) on a pseudo-terminal (80x24 unless the scenario sets "size") with
# TERM=xterm-256color and an empty HOME, one scenario at a time:
# the keys of each step are written as a terminal would send them, with a pause after each, and
# the raw output bytes are saved with the offsets where the test compares the screen. The files
# the scenario leaves behind are saved too. nano-scenarios.json holds the scenarios (the test
# reads the same file); fixtures/NAME.json is written per scenario.
#
# Re-record: apt-get install -y nano; python3 test/programs/nano/record-nano.py [NAME...]
# Standard library only. Scratch files live under /tmp/nano-work/rec.

import base64, fcntl, json, os, pty, shutil, signal, struct, sys, termios, time

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = '/tmp/nano-work/rec'
NANO = '/bin/nano'


def set_size(fd, cols, rows):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))


def drain(master, out, seconds):
    """Read what the program writes for `seconds` (and a little after it goes quiet)."""
    end = time.time() + seconds
    while True:
        left = end - time.time()
        if left <= 0:
            break
        import select
        r, _, _ = select.select([master], [], [], left)
        if not r:
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out.extend(chunk)


def record(sc):
    shutil.rmtree(WORK, ignore_errors=True)
    home = os.path.join(WORK, 'home')
    cwd = os.path.join(WORK, 'dir')
    bindir = os.path.join(WORK, 'bin')
    for d in (home, cwd, bindir):
        os.makedirs(d)
    os.symlink(NANO, os.path.join(bindir, 'nano'))
    for name, spec in sc.get('files', {}).items():
        path = os.path.join(cwd, name)
        if isinstance(spec, dict) and spec.get('dir'):
            os.makedirs(path, exist_ok=True)
            continue
        text = spec if isinstance(spec, str) else spec['text']
        with open(path, 'w') as f:
            f.write(text)
        if isinstance(spec, dict) and 'mode' in spec:
            os.chmod(path, int(spec['mode'], 8))
    user = sc.get('user')
    if user:
        os.chmod(WORK, 0o755)
        os.chmod(home, 0o777)
        os.chmod(cwd, 0o755)
    env = {'TERM': 'xterm-256color', 'HOME': home, 'PATH': bindir + ':/usr/bin:/bin', 'LANG': 'C.UTF-8', 'SHELL': '/bin/sh'}
    master, slave = pty.openpty()
    cols, rows = sc.get('size', [80, 24])
    set_size(master, cols, rows)
    pid = os.fork()
    if pid == 0:
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for i in range(3):
            os.dup2(slave, i)
        os.close(master)
        os.chdir(cwd)
        if user:
            os.setgid(65534)
            os.setuid(65534)
        os.execve(os.path.join(bindir, 'nano'), ['nano'] + sc.get('args', []), env)
    os.close(slave)
    out = bytearray()
    snaps = []
    drain(master, out, 0.8)
    for step in sc['steps']:
        if 'resize' in step:
            cols, rows = step['resize']
            set_size(master, cols, rows)
        if 'signal' in step:
            os.kill(pid, getattr(signal, step['signal']))
        if 'keys' in step:
            os.write(master, step['keys'].encode('utf-8', 'surrogateescape'))
        drain(master, out, step.get('pause', 0.25))
        if step.get('snap'):
            snaps.append(len(out))
    status = None
    for _ in range(60):
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            status = st
            break
        drain(master, out, 0.05)
    if status is None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    drain(master, out, 0.1)
    os.close(master)
    after = {}
    for name in sorted(os.listdir(cwd)):
        path = os.path.join(cwd, name)
        if os.path.isfile(path):
            with open(path, 'rb') as f:
                after[name] = {'text': f.read().decode('utf-8', 'replace'), 'mode': oct(os.stat(path).st_mode & 0o7777)}
    return {
        'name': sc['name'],
        'recorded': 'nano 7.2-1+deb12u1, Debian 12, TERM=xterm-256color, %dx%d' % tuple(sc.get('size', [80, 24])),
        'output': base64.b64encode(bytes(out)).decode(),
        'snaps': snaps,
        'exited': status is not None and os.WIFEXITED(status),
        'status': os.WEXITSTATUS(status) if status is not None and os.WIFEXITED(status) else None,
        'files': after,
    }


def main():
    with open(os.path.join(HERE, 'nano-scenarios.json')) as f:
        scenarios = json.load(f)
    only = set(sys.argv[1:])
    os.makedirs(os.path.join(HERE, 'fixtures'), exist_ok=True)
    for sc in scenarios:
        if only and sc['name'] not in only:
            continue
        rec = record(sc)
        with open(os.path.join(HERE, 'fixtures', sc['name'] + '.json'), 'w') as f:
            json.dump(rec, f, indent=1)
            f.write('\n')
        print(sc['name'], len(base64.b64decode(rec['output'])), 'bytes', 'status', rec['status'])


if __name__ == '__main__':
    main()
