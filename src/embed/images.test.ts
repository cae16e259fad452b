// The one mapping from a sandbox's `image` attribute to what its terminal starts with.

import { describe, expect, it } from 'vitest';
import { chooseImage, imageTitle } from './images.ts';

describe('chooseImage', () => {
  it('gives a shell on the host for no image or "host"', () => {
    expect(chooseImage(null)).toEqual({ kind: 'host' });
    expect(chooseImage('  ')).toEqual({ kind: 'host' });
    expect(chooseImage('host')).toEqual({ kind: 'host' });
    expect(imageTitle(chooseImage(null))).toBe('host shell');
  });

  it('runs any other image as an interactive container with a shell', () => {
    expect(chooseImage('alpine')).toEqual({ kind: 'container', image: 'alpine', argv: ['docker', 'run', '-it', '--rm', 'alpine', 'sh'] });
    expect(chooseImage(' library/debian:12-slim ')).toMatchObject({ image: 'library/debian:12-slim', argv: ['docker', 'run', '-it', '--rm', 'library/debian:12-slim', 'sh'] });
    expect(imageTitle(chooseImage('alpine'))).toBe('alpine');
  });

  it('refuses names that are not image references (they would be typed into a shell)', () => {
    expect(chooseImage('alpine; rm -rf /')).toEqual({ kind: 'invalid', image: 'alpine; rm -rf /' });
    expect(chooseImage('$(reboot)').kind).toBe('invalid');
    expect(chooseImage('-v').kind).toBe('invalid');
  });
});
