#!/usr/bin/env python3
# Records busybox's vi applet (Debian 12's busybox 1:1.35.0-4+deb12u1) on a pseudo-terminal of
# 80x24 with TERM=xterm-256color and an empty HOME, with the machinery of ../vim/record-vi.py
# (the same pty, pauses and file capture), so the two editors meet the same keys: every scenario
# of ../vim/vi-scenarios.json, then the busybox-only ones of vi-scenarios.json here. Writes
# vi-fixtures/NAME.json, and vi-fixtures/help.json with what `busybox vi --help` prints.
#
# Re-record: apt-get install -y busybox; python3 test/programs/busybox/record-vi.py [NAME...]
# Standard library only. Scratch files live under /tmp/bbvi-work/rec.

import importlib.util, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
BUSYBOX = '/usr/bin/busybox'

spec = importlib.util.spec_from_file_location('record_vim', os.path.join(HERE, '..', 'vim', 'record-vi.py'))
rec = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rec)
# The link bin/vi points at busybox, which runs the applet its argv[0] names.
rec.VIM = BUSYBOX
rec.WORK = '/tmp/bbvi-work/rec'


def version():
    out = subprocess.run([BUSYBOX], capture_output=True, text=True).stdout
    return out.split('\n')[0]


def main():
    scenarios = []
    for path in (os.path.join(HERE, '..', 'vim', 'vi-scenarios.json'), os.path.join(HERE, 'vi-scenarios.json')):
        with open(path) as f:
            scenarios += json.load(f)
    only = set(sys.argv[1:])
    out_dir = os.path.join(HERE, 'vi-fixtures')
    os.makedirs(out_dir, exist_ok=True)
    label = version() + ' as vi, TERM=xterm-256color, 80x24'
    for sc in scenarios:
        if only and sc['name'] not in only:
            continue
        r = rec.record(sc)
        r['recorded'] = label
        with open(os.path.join(out_dir, sc['name'] + '.json'), 'w') as f:
            json.dump(r, f, indent=1)
            f.write('\n')
        print(sc['name'], 'status', r['status'])
    if not only or 'help' in only:
        p = subprocess.run([BUSYBOX, 'vi', '--help'], capture_output=True, text=True)
        with open(os.path.join(out_dir, 'help.json'), 'w') as f:
            json.dump({'recorded': label, 'stdout': p.stdout, 'stderr': p.stderr, 'status': p.returncode}, f, indent=1)
            f.write('\n')


if __name__ == '__main__':
    main()
