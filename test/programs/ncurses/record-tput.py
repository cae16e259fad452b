#!/usr/bin/env python3
"""Record, from this machine's ncurses-bin 6.4 and terminfo (Debian 12), what cowbox's tput,
tset and reset are checked against (tput.json beside this script):

  names      every capability name terminfo knows, with its kind (bool, num, str)
  terminals  for each terminal type record-terminfo.sh covers, every capability it has
             (raw values, through Python's curses binding of the same libtinfo), and as
             @longname the description infocmp gives it (what `tput longname` prints)
  tparm      `tput -T TYPE CAP ARGS...` for each parameterized string, many argument values
  sessions   tset, reset, `tput init`, `tput reset` run in a pseudo-terminal (100x30) for each
             type, plus reset/tset after the tty's modes were garbled: bytes written, status,
             and the termios left behind; busybox 1.35's reset applet the same way

Standard library only; runs every program inside a pty it makes, never on its own terminal:
    python3 test/programs/ncurses/record-tput.py > test/programs/ncurses/tput.json
"""
import fcntl, glob, json, os, select, struct, subprocess, sys, termios, time

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = sorted(json.load(open(os.path.join(HERE, 'terminfo.json')))['terminals'])
ENV = {'PATH': '/usr/bin:/bin', 'HOME': '/root', 'LANG': 'C'}


def helper(code, *args):
    """Run Python code in a child (setupterm wants a fresh process per terminal type)."""
    out = subprocess.run([sys.executable, '-c', code, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


NAMES = r'''
import curses, json, re, sys
data = open(sys.argv[1], 'rb').read()
names = []
for s in data[data.find(b'bw\0am\0xsb\0'):].split(b'\0'):
    if not re.fullmatch(rb'[A-Za-z0-9_]+', s): break
    names.append(s.decode())
curses.setupterm('dumb', 1)
kind = lambda n: 'bool' if curses.tigetflag(n) != -1 else 'num' if curses.tigetnum(n) != -2 else 'str'
print(json.dumps({n: kind(n) for n in names}))
'''

CAPS = r'''
import curses, json, subprocess, sys
t = sys.argv[1]
curses.setupterm(t, 1)
lines = subprocess.run(['infocmp', '-1', '-x', t], capture_output=True, text=True).stdout.splitlines()
caps = {'@longname': [l for l in lines if not l.startswith('#')][0].rstrip(',').split('|')[-1]}
for line in lines[1:]:
    line = line.strip().rstrip(',')
    if not line or line.startswith('#') or line.endswith('@'): continue
    n = line.split('=')[0].split('#')[0]
    if curses.tigetflag(n) == 1: caps[n] = True
    elif curses.tigetnum(n) >= 0: caps[n] = curses.tigetnum(n)
    elif curses.tigetstr(n) is not None: caps[n] = curses.tigetstr(n).decode('latin-1')
print(json.dumps(caps))
'''


def run(argv, term='xterm', rows=30, cols=100, garble=None):
    """argv in a new session on a new pty of rows x cols: (bytes written, status, termios after)."""
    m, s = os.openpty()
    fcntl.ioctl(s, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    if garble:
        a = termios.tcgetattr(s)
        a[0], a[1], a[3] = garble['iflag'], garble['oflag'], garble['lflag']
        a[6] = [bytes([c]) for c in garble['cc']] + a[6][len(garble['cc']):]
        termios.tcsetattr(s, termios.TCSANOW, a)
    env = dict(ENV, TERM=term)
    p = subprocess.Popen(argv, stdin=s, stdout=s, stderr=s, env=env, start_new_session=True,
                         preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
    out, deadline = b'', time.monotonic() + 3
    while True:
        if time.monotonic() > deadline:
            p.kill()  # waiting for input (tset's 'Terminal type?' prompt): ends it
        r, _, _ = select.select([m], [], [], 0.2)
        if r:
            try:
                d = os.read(m, 4096)
            except OSError:
                break
            if not d:
                break
            out += d
        elif p.poll() is not None:
            break
        if len(out) > 65536:
            p.kill()
    status = p.wait()
    a = termios.tcgetattr(s)
    os.close(m)
    os.close(s)
    cc = [c[0] if isinstance(c, bytes) else c for c in a[6][:17]]
    return {'out': out.decode('latin-1'), 'status': status,
            'termios': {'iflag': a[0], 'oflag': a[1], 'cflag': a[2], 'lflag': a[3], 'cc': cc}}


def tparm_cases(terminals):
    seen, cases = set(), []
    argsets = [[0], [1], [7], [9], [10], [15], [16], [99], [100], [255], [0, 0], [1, 2], [5, 10], [23, 79],
               [99, 199], [-1], [1, 2, 3], [0, 1, 0, 0, 0, 0, 0, 0, 0], [1, 0, 1, 0, 1, 0, 1, 0, 1],
               [0, 0, 0, 1, 1, 0, 0, 0, 0], [3, 4, 5, 6, 7, 8, 9]]
    for t in TYPES:
        for cap, v in sorted(terminals[t].items()):
            if not isinstance(v, str) or '%' not in v or v in seen:
                continue
            seen.add(v)
            for args in argsets:
                p = subprocess.run(['tput', '-T', t, cap, *map(str, args)], capture_output=True, env=ENV)
                cases.append({'type': t, 'cap': cap, 'args': args, 'out': p.stdout.decode('latin-1'),
                              'err': p.stderr.decode('latin-1'), 'status': p.returncode})
    return cases


RAW = {'iflag': 0, 'oflag': 0, 'lflag': 0, 'cc': [0] * 17}
ODD = {'iflag': 0o40101, 'oflag': 0o1, 'lflag': 0o100001, 'cc': [0o177, 0o34, 0o10, 0o30, 0o4, 0, 1, 0, 0o21, 0o23, 0, 0, 0, 0o17, 0o27, 0o26, 0]}


def sessions():
    out = []
    for t in TYPES:
        for argv in (['tset'], ['reset'], ['tput', 'init'], ['tput', 'reset']):
            out.append({'argv': argv, 'term': t, **run(argv, t)})
    for t in ('xterm-256color', 'linux', 'vt100', 'dumb'):
        for argv in (['reset'], ['tset'], ['reset', '-Q'], ['reset', '-I'], ['tset', '-I', '-Q']):
            for name, g in (('raw', RAW), ('odd', ODD)):
                out.append({'argv': argv, 'term': t, 'garbled': name, 'before': g, **run(argv, t, garble=g)})
    for argv in (['tset', '-e', '^H'], ['tset', '-e^?'], ['tset', '-k', 'x'], ['tset', '-i', '^X', '-e', 'a'], ['tset', '-s'],
                 ['tset', '-r'], ['tset', '-q'], ['tset', '-V'], ['reset', '-V'], ['tset', '-z'], ['reset', '-x'],
                 ['tset', '-c'], ['tset', '-w'], ['tset', 'vt100'], ['tset', '-Q', 'linux'], ['reset', '-m', 'x'],
                 ['tset', '-', 'a'], ['tset', '-e']):
        out.append({'argv': argv, 'term': 'xterm', **run(argv, 'xterm')})
    # busybox 1.35's reset applet, for cowbox's busybox: one string, then stty sane.
    for t in ('xterm', 'dumb'):
        out.append({'argv': ['busybox', 'reset'], 'term': t, **run(['busybox', 'reset'], t)})
        for name, g in (('raw', RAW), ('odd', ODD)):
            out.append({'argv': ['busybox', 'reset'], 'term': t, 'garbled': name, 'before': g, **run(['busybox', 'reset'], t, garble=g)})
    return out


def main():
    lib = sorted(glob.glob('/lib/x86_64-linux-gnu/libtinfo.so.6*') + glob.glob('/usr/lib/*/libtinfo.so.6*'))[-1]
    names = helper(NAMES, lib)
    terminals = {t: helper(CAPS, t) for t in TYPES}
    version = subprocess.run(['tput', '-V'], capture_output=True, text=True).stdout.strip()
    json.dump({'ncurses': version, 'names': names, 'terminals': terminals, 'tparm': tparm_cases(terminals),
               'sessions': sessions()}, sys.stdout, indent=0, sort_keys=False)
    sys.stdout.write('\n')


main()
