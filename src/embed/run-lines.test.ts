// How the `run` attribute becomes the lines typed into a sandbox's terminal.

import { describe, expect, it } from 'vitest';
import { splitRunLines } from './run-lines.ts';

describe('splitRunLines', () => {
  it('splits at newlines and semicolons and drops blank commands', () => {
    expect(splitRunLines('uname -a; ls /')).toEqual(['uname -a', 'ls /']);
    expect(splitRunLines('\n  mkdir -p /tmp/l\r\n\necho base > /tmp/l/f;;\n')).toEqual(['mkdir -p /tmp/l', 'echo base > /tmp/l/f']);
    expect(splitRunLines(null)).toEqual([]);
    expect(splitRunLines('  ;  ')).toEqual([]);
  });

  it('keeps quoted and escaped semicolons inside their command', () => {
    expect(splitRunLines(`echo 'a; b'; echo "c; \\"d; e"`)).toEqual([`echo 'a; b'`, `echo "c; \\"d; e"`]);
    expect(splitRunLines('find / -exec true \\; ; echo done')).toEqual(['find / -exec true \\;', 'echo done']);
  });

  it('keeps a pipeline whole', () => {
    expect(splitRunLines('cat /proc/self/mountinfo | head -3')).toEqual(['cat /proc/self/mountinfo | head -3']);
  });
});
