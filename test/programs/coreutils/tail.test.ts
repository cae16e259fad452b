// tail -F follows a name: it reports a file that goes away and one that takes its place, and
// prints the new file from its start. (tail -f, following the open file, is in the recorded
// conformance case tail-follow.)

import { describe, expect, it } from 'vitest';
import { runSh } from '../../shell/run-sh.ts';

describe('tail -F', () => {
  it('follows the name across removal and re-creation', async () => {
    const r = await runSh([
      "printf 'one\\n' > log",
      'tail -F -s 0.05 log > out 2> err &',
      'pid=$!',
      'sleep 0.3', 'rm log', 'sleep 0.3', "printf 'two\\n' > log", 'sleep 0.3', "printf 'three\\n' >> log", 'sleep 0.3',
      'kill $pid', 'wait $pid', 'cat out err',
    ].join('\n'));
    expect(r.stdout).toBe("one\ntwo\nthree\ntail: 'log' has become inaccessible: No such file or directory\ntail: 'log' has appeared;  following new file\n");
  });

  it('with --pid, stops when that process ends', async () => {
    const r = await runSh("printf 'x\\n' > f; sleep 0.3 & tail -f -s 0.05 --pid=$! f; echo done $?");
    expect(r.stdout).toBe('x\ndone 0\n');
  });
});
