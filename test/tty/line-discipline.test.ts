// Line discipline behaviour the recordings do not cover: VMIN/VTIME timing rules (with timers
// the test fires), reads cut short by a signal, switching canonical mode with input waiting,
// throttling when the read buffer is full, output flow control, and byte-level flags.

import { describe, expect, it } from 'vitest';
import { isSysError } from '../../src/abi/errno.ts';
import { SIG } from '../../src/abi/signals.ts';
import {
  ECHO, ICANON, ISTRIP, IUCLC, IXANY, OLCUC, PARMRK, TOSTOP, VMIN, VTIME, XTABS, defaultTermios, makeRaw,
} from '../../src/abi/termios.ts';
import { Interrupt, NEVER } from '../../src/kernel/task/interrupt.ts';
import { FakeTerminal, bytes, latin1 } from './fake-tty.ts';

function raw(vmin: number, vtime: number) {
  const t = makeRaw(defaultTermios());
  t.cc[VMIN] = vmin;
  t.cc[VTIME] = vtime;
  return t;
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

async function settle<T>(p: Promise<T>): Promise<{ value?: T; error?: string; done: boolean }> {
  const out: { value?: T; error?: string; done: boolean } = { done: false };
  p.then((v) => {
    out.value = v;
    out.done = true;
  }, (e) => {
    out.error = isSysError(e) ? e.code : String(e);
    out.done = true;
  });
  await tick();
  return out;
}

describe('non-canonical reads', () => {
  it('VMIN>0, VTIME=0: waits for VMIN bytes (or the read size)', async () => {
    const term = new FakeTerminal(raw(3, 0));
    const r = await settle(term.tty.read(10, NEVER, false));
    term.type('ab');
    await tick();
    expect(r.done).toBe(false);
    term.type('cd');
    await tick();
    expect(latin1(r.value!)).toBe('abcd');
    const small = await settle(term.tty.read(2, NEVER, false));
    term.type('xyz');
    await tick();
    expect(latin1(small.value!)).toBe('xy');
  });

  it('VMIN=0, VTIME>0: waits one timer for the first byte, then returns 0', async () => {
    const term = new FakeTerminal(raw(0, 5));
    const r = await settle(term.tty.read(10, NEVER, false));
    expect(term.timers.map((t) => t.ms)).toEqual([500]);
    term.fireTimers();
    await tick();
    expect(r.value!.length).toBe(0);
    const r2 = await settle(term.tty.read(10, NEVER, false));
    term.type('q');
    await tick();
    expect(latin1(r2.value!)).toBe('q');
  });

  it('VMIN>0, VTIME>0: an inter-byte timer starts after the first byte', async () => {
    const term = new FakeTerminal(raw(4, 2));
    const r = await settle(term.tty.read(10, NEVER, false));
    expect(term.timers).toEqual([]);
    term.type('a');
    await tick();
    expect(r.done).toBe(false);
    expect(term.timers.filter((t) => t.live).map((t) => t.ms)).toEqual([200]);
    term.fireTimers();
    await tick();
    expect(latin1(r.value!)).toBe('a');
  });

  it('a signal ends a read with what it already has, or with EINTR and nothing taken', async () => {
    const term = new FakeTerminal(raw(5, 0));
    const intr = new Interrupt();
    const r = await settle(term.tty.read(10, intr, false));
    term.type('ab');
    await tick();
    intr.raise();
    await tick();
    expect(latin1(r.value!)).toBe('ab');
    intr.clear();
    const canon = new FakeTerminal();
    const r2 = await settle(canon.tty.read(10, intr, false));
    canon.type('half');
    intr.raise();
    await tick();
    expect(r2.error).toBe('EINTR');
    intr.clear();
    canon.type(' line\n');
    expect(latin1(await canon.tty.read(100, intr, false))).toBe('half line\n');
  });

  it('O_NONBLOCK: EAGAIN with nothing to read', async () => {
    const term = new FakeTerminal(raw(1, 0));
    expect((await settle(term.tty.read(10, NEVER, true))).error).toBe('EAGAIN');
  });
});

describe('switching modes and buffers', () => {
  it('input typed in raw mode becomes a readable line when canonical mode comes back', async () => {
    const term = new FakeTerminal(raw(1, 0));
    term.type('abc');
    term.tty.setTermios(defaultTermios());
    expect(latin1(await term.tty.read(100, NEVER, true))).toBe('abc');
  });

  it('a partial canonical line is readable at once in raw mode', async () => {
    const term = new FakeTerminal();
    term.type('xy');
    term.tty.setTermios(raw(1, 0));
    expect(latin1(await term.tty.read(100, NEVER, true))).toBe('xy');
  });

  it('holds input back while the read buffer is full of lines, and takes it as reads make room', async () => {
    const term = new FakeTerminal();
    const line = `${'x'.repeat(99)}\n`;
    expect(term.tty.input(bytes(line.repeat(60)))).toBe(6000);
    // 40 lines fit in 4096 bytes with one byte spare; the rest waits (throttled, not lost).
    expect(term.tty.readable).toBe(4000);
    let lines = 0;
    while (term.tty.readable > 0) {
      expect(latin1(await term.tty.read(4096, NEVER, true))).toBe(line);
      lines++;
    }
    expect(lines).toBe(60);
  });

  it('TCSETSF-style flush drops typed-ahead input', async () => {
    const term = new FakeTerminal();
    term.type('gone\n');
    term.tty.flushInput();
    expect((await settle(term.tty.read(10, NEVER, true))).error).toBe('EAGAIN');
  });
});

describe('output', () => {
  it('^S stops writers until ^Q; IXANY lets any key restart output', async () => {
    const term = new FakeTerminal();
    term.type('\x13');
    const w = await settle(term.tty.write(bytes('held\n'), NEVER, false));
    expect(w.done).toBe(false);
    expect(term.output).toBe('');
    term.type('\x11');
    await tick();
    expect(w.value).toBe(5);
    expect(term.output).toBe('held\r\n');
    const t = defaultTermios();
    t.iflag |= IXANY;
    term.tty.setTermios(t);
    term.type('\x13');
    const w2 = await settle(term.tty.write(bytes('x'), NEVER, false));
    term.type('k');
    await tick();
    expect(w2.value).toBe(1);
  });

  it('a full driver takes whole expansions only, and the writer waits for room', async () => {
    const t = defaultTermios();
    t.oflag |= XTABS;
    const term = new FakeTerminal(t);
    term.driverRoom = 5;
    const w = await settle(term.tty.write(bytes('ab\tc'), NEVER, false));
    expect(term.output).toBe('ab');
    term.driverRoom = 100;
    term.tty.driverReady();
    await tick();
    expect(w.value).toBe(4);
    expect(term.output).toBe('ab      c');
  });

  it('OLCUC upper-cases output; a write interrupted after some bytes reports them', async () => {
    const t = defaultTermios();
    t.oflag |= OLCUC;
    const term = new FakeTerminal(t);
    expect(await term.tty.write(bytes('hi\n'), NEVER, false)).toBe(3);
    expect(term.output).toBe('HI\r\n');
    term.driverRoom = 2;
    const intr = new Interrupt();
    const w = await settle(term.tty.write(bytes('abcd'), intr, false));
    intr.raise();
    await tick();
    expect(w.value).toBe(2);
  });
});

describe('input flags', () => {
  it('ISTRIP clears the 8th bit, IUCLC lowers case, PARMRK doubles 0377', async () => {
    const t = defaultTermios();
    t.iflag |= ISTRIP;
    const a = new FakeTerminal(t);
    a.type('\xe1\n');
    expect(latin1(await a.tty.read(10, NEVER, true))).toBe('a\n');
    const u = defaultTermios();
    u.iflag |= IUCLC;
    const b = new FakeTerminal(u);
    b.type('HeLLo\n');
    expect(latin1(await b.tty.read(10, NEVER, true))).toBe('hello\n');
    const p = defaultTermios();
    p.iflag |= PARMRK;
    p.lflag &= ~ECHO;
    const c = new FakeTerminal(p);
    c.type('\xff\n');
    expect(latin1(await c.tty.read(10, NEVER, true))).toBe('\xff\xff\n');
  });

  it('sends ^C, ^\\ and ^Z as SIGINT, SIGQUIT and SIGTSTP to the foreground group', () => {
    const term = new FakeTerminal();
    term.type('\x03\x1c\x1a');
    expect(term.signals).toEqual([SIG.SIGINT, SIG.SIGQUIT, SIG.SIGTSTP]);
    const quiet = new FakeTerminal();
    quiet.tty.pgrp = 0;
    quiet.type('\x03');
    expect(quiet.signals).toEqual([]);
  });

  it('a canonical line longer than 4095 characters keeps its first 4095 and its newline', async () => {
    const term = new FakeTerminal();
    term.tty.setTermios({ ...defaultTermios(), lflag: defaultTermios().lflag & ~ECHO });
    term.type('b'.repeat(5000));
    term.type('\n');
    const got = latin1(await term.tty.read(8192, NEVER, true));
    expect(got.length).toBe(4096);
    expect(got.endsWith('b\n')).toBe(true);
  });

  it('TOSTOP is off by default and ICANON on', () => {
    const t = defaultTermios();
    expect(t.lflag & TOSTOP).toBe(0);
    expect(t.lflag & ICANON).toBe(ICANON);
  });
});
