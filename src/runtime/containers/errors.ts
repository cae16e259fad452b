// Errors the engine answers with, worded as the Docker daemon words them; the CLI prints them
// after "Error response from daemon: ". `kind` says which HTTP status the daemon would give.

export type DaemonErrorKind = 'not-found' | 'conflict' | 'invalid' | 'system';

export class DaemonError extends Error {
  constructor(message: string, readonly kind: DaemonErrorKind = 'system') {
    super(message);
    this.name = 'DaemonError';
  }
}

export function isDaemonError(e: unknown): e is DaemonError {
  return e instanceof DaemonError;
}

export const noSuchContainer = (ref: string): DaemonError => new DaemonError(`No such container: ${ref}`, 'not-found');

export const nameConflict = (name: string, id: string): DaemonError =>
  new DaemonError(
    `Conflict. The container name "${name}" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.`,
    'conflict',
  );
