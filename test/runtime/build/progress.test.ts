// BuildKit's progress output: plain lines, the tty mode's final frame, sizes and the Dockerfile
// excerpt of an error.
import { describe, expect, it } from 'vitest';
import { Progress, humanBytes, sourceExcerpt } from '../../../src/runtime/build/progress.ts';

function fake(mode: 'plain' | 'tty'): { p: Progress; out: () => string; tick: (ms: number) => void } {
  let text = '';
  let now = 0n;
  const p = new Progress(mode, async (t) => void (text += t), async () => now, 60);
  return { p, out: () => text, tick: (ms) => void (now += BigInt(ms) * 1_000_000n) };
}

describe('progress', () => {
  it('plain: headers, logs with elapsed seconds, CACHED, DONE and ERROR', async () => {
    const { p, out, tick } = fake('plain');
    await p.begin();
    const a = await p.vertex('[1/2] FROM docker.io/library/alpine:3.20');
    await a.cached();
    const b = await p.vertex('[2/2] RUN echo hi');
    tick(123);
    await b.log('hi');
    tick(300);
    await b.done();
    const c = await p.vertex('[3/3] RUN false');
    await c.error('process "/bin/sh -c false" did not complete successfully: exit code: 1');
    expect(out()).toBe(`#0 building with "default" instance using docker driver

#1 [1/2] FROM docker.io/library/alpine:3.20
#1 CACHED

#2 [2/2] RUN echo hi
#2 0.123 hi
#2 DONE 0.4s

#3 [3/3] RUN false
#3 ERROR: process "/bin/sh -c false" did not complete successfully: exit code: 1
`);
    expect(b.lastLogs).toEqual(['0.123 hi']);
  });
  it('tty: the frame is redrawn in place and ends FINISHED', async () => {
    const { p, out, tick } = fake('tty');
    await p.begin();
    const a = await p.vertex('[internal] load build definition from Dockerfile');
    await a.status('transferring dockerfile: 93B done');
    await a.done();
    const b = await p.vertex('[2/2] RUN echo hi');
    await b.cached();
    tick(1200);
    await p.finish(true);
    const frames = out().split(/\x1b\[\d+A\r/);
    expect(frames.length).toBeGreaterThan(2);
    expect(frames[frames.length - 1]!.replace(/\x1b\[K/g, '')).toBe(
      [
        '[+] Building 1.2s (2/2) FINISHED              docker:default',
        ' => [internal] load build definition from Dockerfile    0.0s',
        ' => => transferring dockerfile: 93B                     0.0s',
        ' => CACHED [2/2] RUN echo hi                            0.0s',
        '',
      ].join('\n'),
    );
  });
  it('sizes as go-units prints them', () => {
    expect([2, 999, 1000, 1234, 12345, 123456, 2_050_000].map(humanBytes)).toEqual(['2B', '999B', '1kB', '1.23kB', '12.3kB', '123kB', '2.05MB']);
  });
  it('the excerpt pads a one-line error by up to four lines and a range by two', () => {
    expect(sourceExcerpt('Dockerfile', 'FROM alpine\nRUN false\n', 2, 2)).toBe('Dockerfile:2\n--------------------\n   1 |     FROM alpine\n   2 | >>> RUN false\n   3 |     \n--------------------\n');
    const text = Array.from({ length: 12 }, (_, i) => `L${i + 1}`).join('\n');
    expect(sourceExcerpt('Dockerfile', text, 6, 6).split('\n').slice(2, -2)).toEqual(['   4 |     L4', '   5 |     L5', '   6 | >>> L6', '   7 |     L7', '   8 |     L8']);
    expect(sourceExcerpt('app.Dockerfile', text, 1, 3).split('\n').slice(0, 1)).toEqual(['app.Dockerfile:1']);
  });
});
