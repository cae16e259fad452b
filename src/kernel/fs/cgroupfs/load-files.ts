// Loads files.ts, the interface files of a cgroup directory, at a cgroupfs's first lookup or
// listing; after that, loadedFiles() hands it out without waiting. Under a bundler this is one chunk
// fetched on first use; under Node or vitest, one module import.

type Files = typeof import('./files.ts');

let loaded: Files | undefined;
let loading: Promise<Files> | undefined;

export async function loadFiles(): Promise<void> {
  if (loaded) return;
  // A failed fetch (the page went offline) is tried again at the next lookup.
  loaded = await (loading ??= import('./files.ts').catch((e: unknown) => {
    loading = undefined;
    throw e;
  }));
}

/** Whether loadedFiles() can answer without loadFiles(). */
export function filesLoaded(): boolean {
  return loaded !== undefined;
}

/** The loaded module; only for code that runs after loadFiles(). */
export function loadedFiles(): Files {
  if (!loaded) throw new Error('cgroupfs files used before loadFiles()');
  return loaded;
}
