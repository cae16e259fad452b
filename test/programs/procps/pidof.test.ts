// pidof (sysvinit-utils 3.06, the recording machine's) on the simulated kernel: which processes
// of /proc it names for a program, in what order, and what -s, -o, -d, -q, -x and -z change.

import { describe, expect, it } from 'vitest';
import { runOnMachine } from '../procps-machine.ts';

const TWO = 'sleep 100 >/dev/null 2>&1 & a=$!; sleep 100 >/dev/null 2>&1 & b=$!;';

describe('pidof', () => {
  it('prints the PIDs of a program newest first, on one line; status 1 for none', async () => {
    const r = await runOnMachine(`${TWO} echo "$b $a"; pidof sleep; echo st=$?; pidof nosuch; echo st=$?; pidof /bin/sleep`);
    const [want, got, st1, st2, byPath] = r.stdout.trim().split('\n');
    expect(got).toBe(want);
    expect([st1, st2]).toEqual(['st=0', 'st=1']);
    expect(byPath).toBe(want);
  });

  it('-s prints one PID, -o leaves PIDs out (%PPID is the caller), -d sets the separator', async () => {
    const r = await runOnMachine(`${TWO} pidof -s sleep; echo $b; pidof -o $b sleep; echo $a; pidof -o "$a,$b" sleep; echo st=$?;`
      + ` pidof -d: sh sleep; echo "$$:$b:$a"; pidof -o %PPID sh; echo st=$?`);
    const l = r.stdout.trim().split('\n');
    expect(l[0]).toBe(l[1]);
    expect(l[2]).toBe(l[3]);
    expect(l[4]).toBe('st=1');
    expect(l[5]).toBe(l[6]);
    expect(l[7]).toBe('st=1');
  });

  it('-q prints nothing but sets the status', async () => {
    const r = await runOnMachine(`${TWO} pidof -q sleep; echo st=$?; pidof -q nosuch; echo st=$?`);
    expect(r.stdout).toBe('st=0\nst=1\n');
  });

  it('leaves zombies out unless -z', async () => {
    // The inner sleep exits and its parent (now sleep 5, by exec) never waits for it.
    const r = await runOnMachine('sh -c "sleep 0 & exec sleep 5" >/dev/null 2>&1 & p=$!; sleep 0.3; pidof sleep; echo $p; pidof -z sleep | wc -w');
    const l = r.stdout.trim().split('\n');
    expect(l[0]).toBe(l[1]);
    expect(l[2]!.trim()).toBe('2');
  });

  it('-x also names a shell running a script of that name', async () => {
    // A script run as a program is named after the script (its comm), as on Linux; its exe and
    // argv[0] are the interpreter's.
    const r = await runOnMachine('printf "#!/bin/sh\\nsleep 100\\n" > /tmp/myscript; chmod +x /tmp/myscript;'
      + ' /tmp/myscript >/dev/null 2>&1 & p=$!; sleep 0.2; pidof myscript; echo st=$?; pidof -x myscript; echo $p');
    const l = r.stdout.trim().split('\n');
    expect(l[0]).toBe('st=1');
    expect(l[1]).toBe(l[2]);
  });

  it('is silent about a bad option when stdin is not a terminal, and ends with status 1', async () => {
    const r = await runOnMachine('pidof -y sh; echo st=$?; pidof -h | head -n 1');
    expect(r.stdout).toBe('st=1\nUsage: pidof [options] <program-name>...\n');
    expect(r.stderr).toBe('');
  });
});
