// One tab at a time per machine: the page holds a Web Lock named after the machine for as long as
// it runs it. A second tab waits for the lock (and says so), or takes it over with `steal`; the tab
// that loses it hears so and stops its worker, so two tabs never write the same disk. (The worker
// also locks the disk itself, as a second guard.)

export interface MachineLock {
  /** Resolves when this tab holds the lock; `waiting` is called first if another tab holds it. */
  acquired: Promise<void>;
  /** Take the lock from the tab that holds it now. */
  takeOver(): void;
  /** Called when another tab takes the lock from this one. */
  onLost(listener: () => void): void;
}

type Locks = {
  request(name: string, opts: { ifAvailable?: boolean; steal?: boolean }, cb: (lock: unknown) => Promise<void>): Promise<void>;
};

export function lockMachine(name: string, waiting: () => void): MachineLock {
  const locks = (navigator as unknown as { locks?: Locks }).locks;
  const lost: Array<() => void> = [];
  let got!: () => void;
  const acquired = new Promise<void>((resolve) => (got = resolve));
  if (!locks) {
    got();
    return { acquired, takeOver: () => undefined, onLost: () => undefined };
  }
  let held = false;
  const hold = (lock: unknown): Promise<void> => {
    if (lock === null) return Promise.resolve();
    held = true;
    got();
    return new Promise<void>(() => undefined); // held until the page goes away (or is stolen)
  };
  const watch = (p: Promise<void>): void => {
    p.catch((e: unknown) => {
      // AbortError: another tab stole the lock this tab held.
      if (held && e instanceof DOMException && e.name === 'AbortError') {
        held = false;
        for (const l of lost) l();
      }
    });
  };
  watch(
    locks.request(name, { ifAvailable: true }, async (lock) => {
      if (lock !== null) return hold(lock);
      waiting();
      watch(locks.request(name, {}, hold));
    }),
  );
  return {
    acquired,
    takeOver: () => watch(locks.request(name, { steal: true }, hold)),
    onLost: (l) => void lost.push(l),
  };
}
