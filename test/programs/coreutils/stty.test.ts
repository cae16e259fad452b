// stty on a pseudo-terminal: the listings GNU stty prints for a new pty (checked against
// `script -qc 'stty -a'` on Linux 6.18), settings that change what the line discipline does,
// the -g form read back, and the window size through TIOCSWINSZ.

import { describe, expect, it } from 'vitest';
import { ptyProgram } from '../../helpers/pty-program.ts';
import { runOnMachine } from '../procps-machine.ts';

const ontty = ptyProgram((c, cmd) => c.execve(cmd[0]!, cmd, ['PATH=/usr/bin:/bin', 'HOME=/root', 'LANG=C']));

/** Run `sh -c SCRIPT` on a terminal (typing each TYPE once WAIT shows); the screen with \r\n as \n. */
async function onTerminal(script: string, ...typing: string[]): Promise<{ screen: string; status: string }> {
  const quoted = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`;
  const r = await runOnMachine(`ontty /bin/sh -c ${quoted(script)} -- ${typing.map(quoted).join(' ')}`, { programs: { ontty } });
  expect(r.stderr).toBe('');
  const nl = r.stdout.indexOf('\n');
  return { screen: (JSON.parse(r.stdout.slice(0, nl)) as string).replace(/\r\n/g, '\n'), status: r.stdout.slice(nl + 1) };
}

const ALL = `speed 38400 baud; rows 0; columns 0; line = 0;
intr = ^C; quit = ^\\; erase = ^?; kill = ^U; eof = ^D; eol = <undef>;
eol2 = <undef>; swtch = <undef>; start = ^Q; stop = ^S; susp = ^Z; rprnt = ^R;
werase = ^W; lnext = ^V; discard = ^O; min = 1; time = 0;
-parenb -parodd -cmspar cs8 -hupcl -cstopb cread -clocal -crtscts
-ignbrk -brkint -ignpar -parmrk -inpck -istrip -inlcr -igncr icrnl ixon -ixoff
-iuclc -ixany -imaxbel -iutf8
opost -olcuc -ocrnl onlcr -onocr -onlret -ofill -ofdel nl0 cr0 tab0 bs0 vt0 ff0
isig icanon iexten echo echoe echok -echonl -noflsh -xcase -tostop -echoprt
echoctl echoke -flusho -extproc
`;

describe('stty', () => {
  it('lists a new terminal as GNU stty does: changed settings, all of them, and the -g form', async () => {
    const { screen, status } = await onTerminal('stty; echo ==; stty -a; echo ==; stty -g; stty size; stty speed');
    expect(screen).toBe(
      'speed 38400 baud; line = 0;\n-brkint -imaxbel\n==\n' + ALL +
        '==\n500:5:bf:8a3b:3:1c:7f:15:4:0:1:0:11:13:1a:0:12:f:17:16:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0\n0 0\n38400\n',
    );
    expect(status).toBe('status=0\n');
  });

  it('sets the window size, modes and control characters, and shows what changed', async () => {
    const { screen } = await onTerminal(
      'stty cols 100 rows 30; stty size; stty -a | head -1; stty raw; stty; stty sane; stty; stty -echo -icanon; stty; ' +
        "stty intr ^X; stty -a | sed -n 2p; stty intr undef; stty -a | sed -n 2p; stty intr '^-' kill ^U; stty | head -3",
    );
    expect(screen).toBe(
      '30 100\nspeed 38400 baud; rows 30; columns 100; line = 0;\n' +
        'speed 38400 baud; line = 0;\nmin = 1; time = 0;\n-brkint -icrnl -imaxbel\n-opost\n-isig -icanon\n' +
        'speed 38400 baud; line = 0;\n' +
        'speed 38400 baud; line = 0;\nmin = 1; time = 0;\n-icanon -echo\n' +
        'intr = ^X; quit = ^\\; erase = ^?; kill = ^U; eof = ^D; eol = <undef>;\n' +
        'intr = <undef>; quit = ^\\; erase = ^?; kill = ^U; eof = ^D; eol = <undef>;\n' +
        'speed 38400 baud; line = 0;\nintr = <undef>; min = 1; time = 0;\n-icanon -echo\n',
    );
  });

  it('gives back saved settings from -g, and its errors name the device', async () => {
    const { screen, status } = await onTerminal(
      's=$(stty -g); stty raw -echo; stty "$s"; stty; stty foo; echo "st=$?"; stty intr; echo "st=$?"; stty cols x; echo "st=$?"; stty -F /dev/null; echo "st=$?"',
    );
    expect(screen).toBe(
      'speed 38400 baud; line = 0;\n-brkint -imaxbel\n' +
        "stty: invalid argument 'foo'\nTry 'stty --help' for more information.\nst=1\n" +
        "stty: missing argument to 'intr'\nTry 'stty --help' for more information.\nst=1\n" +
        "stty: invalid integer argument: 'x'\nst=1\n" +
        'stty: /dev/null: Inappropriate ioctl for device\nst=1\n',
    );
    expect(status).toBe('status=0\n');
  });

  it('-echo keeps typed text off the screen; the shell reads it all the same', async () => {
    const { screen } = await onTerminal('stty -echo; printf "pw: "; read x; stty echo; echo "got $x"', 'pw: ', 'secret\n');
    expect(screen).toBe('pw: got secret\n');
  });

  it('-icanon hands over bytes before the end of the line', async () => {
    const { screen } = await onTerminal('stty -icanon min 1; printf "> "; x=$(dd bs=1 count=3 2>/dev/null); stty sane; echo; echo "got $x"', '> ', 'abc');
    expect(screen).toBe('> abc\ngot abc\n');
  });
});
