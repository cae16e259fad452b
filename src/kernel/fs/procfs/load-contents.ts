// Loads contents.ts, what lies below /proc's root, the first time a procfs root is looked into
// or listed (RootDir.ready); after that, contents() hands it out without waiting. Under a bundler
// this is one chunk fetched on first use; under Node or vitest, one module import.

type Contents = typeof import('./contents.ts');

let loaded: Contents | undefined;
let loading: Promise<Contents> | undefined;

/** Whether contents() can answer without loadContents(). */
export function contentsLoaded(): boolean {
  return loaded !== undefined;
}

export async function loadContents(): Promise<void> {
  if (loaded) return;
  // A failed fetch (the page went offline) is tried again at the next lookup.
  loaded = await (loading ??= import('./contents.ts').catch((e: unknown) => {
    loading = undefined;
    throw e;
  }));
}

/** The loaded contents; only for code that runs after loadContents() (below a RootDir lookup). */
export function contents(): Contents {
  if (!loaded) throw new Error('procfs contents used before loadContents()');
  return loaded;
}
