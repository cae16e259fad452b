// RUN --mount option strings (BuildKit's runmount fields).
import { describe, expect, it } from 'vitest';
import { parseMount } from '../../../src/runtime/build/dockerfile/index.ts';

describe('RUN --mount', () => {
  it('reads types, targets and options with their defaults', () => {
    expect(parseMount('target=/src')).toEqual({ type: 'bind', target: '/src', readOnly: true, required: false });
    expect(parseMount('type=cache,target=/root/.cache,id=pip,sharing=locked,mode=0700,uid=1000')).toEqual({ type: 'cache', target: '/root/.cache', id: 'pip', readOnly: false, required: false, mode: 0o700, uid: 1000 });
    expect(parseMount('type=bind,from=build,source=/out,dst=/in,rw')).toMatchObject({ type: 'bind', from: 'build', source: '/out', target: '/in', readOnly: false });
    expect(parseMount('type=secret,id=npmrc').target).toBe('/run/secrets/npmrc');
    expect(parseMount('type=cache,target=/c').id).toBe('/c');
  });
  it('rejects what BuildKit rejects', () => {
    expect(() => parseMount('type=nfs,target=/x')).toThrow('unsupported mount type "nfs"');
    expect(() => parseMount('type=cache')).toThrow('mount destination (target) is required');
    expect(() => parseMount('target=/x,color=red')).toThrow("unexpected key 'color' in 'color=red'");
    expect(() => parseMount('type=cache,target=/x,sharing=all')).toThrow('unsupported sharing value "all"');
  });
});
