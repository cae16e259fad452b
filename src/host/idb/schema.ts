// The IndexedDB schema of an IdbStore and the ordered steps that bring any older database up
// to SCHEMA_VERSION. A step never changes once released: a new layout is a new step.
//
// Database <name> (version SCHEMA_VERSION):
//
//   <name>
//   └── kv          object store, out-of-line string keys (the Store keys), structured-clone values
//                   e.g.  "blob/chunk/<sha256>" -> Uint8Array
//                         "blob/ref/<sha256>"   -> { refs, size }
//                         "blob/meta/physical"  -> number

/** The object store holding every key of the Store. */
export const KV = 'kv';

export interface UpgradeStep {
  /** The version this step produces; steps run in ascending order. */
  readonly version: number;
  readonly describe: string;
  run(db: IDBDatabase, tx: IDBTransaction): void;
}

export const UPGRADE_STEPS: readonly UpgradeStep[] = [
  {
    version: 1,
    describe: 'create the kv object store',
    run(db) {
      db.createObjectStore(KV);
    },
  },
];

export const SCHEMA_VERSION = UPGRADE_STEPS[UPGRADE_STEPS.length - 1]!.version;

/** Run, inside the versionchange transaction, every step newer than `oldVersion`. */
export function upgradeSchema(db: IDBDatabase, oldVersion: number, newVersion: number, tx: IDBTransaction): void {
  for (const step of UPGRADE_STEPS) {
    if (step.version > oldVersion && step.version <= newVersion) step.run(db, tx);
  }
}
