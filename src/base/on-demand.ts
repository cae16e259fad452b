// A module (or any value) loaded on its first use and then kept. Calling import() again for a
// module already loaded is not free: the module loader answers it asynchronously each time (in
// Node under a loader hook, with a message to the hooks' thread and back), which a path taken
// thousands of times (a glob per shell word, a pipe per pipeline, a program per exec) must not pay.
// A failed load (a request the page lost) is tried afresh on the next call.

export function onDemand<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((e: unknown) => {
      pending = undefined;
      throw e;
    }));
}
