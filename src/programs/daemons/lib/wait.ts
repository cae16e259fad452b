// Describing a child's wait status the way daemons log it.

import { signalName, WEXITSTATUS, WIFEXITED, WTERMSIG } from '../../../abi/signals.ts';

export function describeStatus(status: number): { signal: number; name: string } | { code: number } {
  if (WIFEXITED(status)) return { code: WEXITSTATUS(status) };
  const sig = WTERMSIG(status);
  return { signal: sig, name: signalName(sig) };
}
