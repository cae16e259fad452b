// The store page: runs the shared Store/BlobStore contracts over IdbStore on the browser's real
// IndexedDB, or one phase of the reload check, chosen by the URL query:
//   ?phase=contract               every contract case, each on its own database, deleted after
//   ?phase=reload-1&db=NAME       commit key A, abort key B, leave C uncommitted in an open tx
//   ?phase=reload-2&db=NAME       after a reload: A is there, B and C are not; then delete NAME
// Results go to window.__results as {name, ok, error}; window.__done is set when finished.

import { IdbStore } from '../../../src/host/idb/idb-store.ts';
import type { Store } from '../../../src/kernel/fs/storage/store.ts';
import { blobContract, storeContract, type ContractCase } from '../../contract/store-contract.ts';

export interface CaseResult {
  name: string;
  ok: boolean;
  error?: string;
}

declare global {
  interface Window {
    __results?: CaseResult[];
    __done?: boolean;
  }
}

const results: CaseResult[] = [];
window.__results = results;
const log = document.getElementById('log')!;

function record(r: CaseResult): void {
  results.push(r);
  log.textContent += `${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.error ? `\n     ${r.error}` : ''}\n`;
}

async function runCase(c: ContractCase): Promise<void> {
  try {
    await c.run();
    record({ name: c.name, ok: true });
  } catch (e) {
    record({ name: c.name, ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    // Blocked only while a connection is open; every case closes its stores, so wait it out.
    req.onblocked = () => undefined;
  });
}

async function runContracts(): Promise<void> {
  const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  let n = 0;
  const used: string[] = [];
  const makeStore = async (): Promise<Store> => {
    const name = `cowbox-contract-${run}-${++n}`;
    used.push(name);
    return IdbStore.open(name);
  };
  const reopen = async (old: Store): Promise<Store> => {
    await old.close();
    return IdbStore.open((old as IdbStore).name);
  };
  for (const c of [...storeContract(makeStore, { reopen }), ...blobContract(makeStore)]) {
    await runCase(c);
    // Every store a case opened is closed by then; drop its databases so runs do not pile up.
    while (used.length > 0) await deleteDatabase(used.pop()!);
  }
}

// Phase 1 leaves a transaction open on purpose: a reload must not commit what never was.
let leftOpen: unknown;

async function reloadPhase1(db: string): Promise<void> {
  await runCase({
    name: 'reload phase 1: commit A, abort B, leave C open',
    run: async () => {
      await deleteDatabase(db);
      const store = await IdbStore.open(db);
      const a = store.begin();
      a.put('A', { value: 'committed', bytes: new Uint8Array([1, 2, 3]) });
      await a.commit();
      const b = store.begin();
      b.put('B', 'aborted');
      b.abort();
      const c = store.begin();
      c.put('C', 'never committed');
      leftOpen = c;
      if ((await store.get('A')) === undefined) throw new Error('A not readable after commit');
    },
  });
}

async function reloadPhase2(db: string): Promise<void> {
  await runCase({
    name: 'reload phase 2: A survived, B and C did not',
    run: async () => {
      const store = await IdbStore.open(db);
      try {
        const entries = await store.scan('');
        const keys = entries.map(([k]) => k).join(',');
        if (keys !== 'A') throw new Error(`expected exactly key A after reload, found [${keys}]`);
        const a = entries[0]![1] as { value: string; bytes: Uint8Array };
        if (a.value !== 'committed' || !(a.bytes instanceof Uint8Array) || a.bytes.join() !== '1,2,3') {
          throw new Error(`A has the wrong value after reload: ${JSON.stringify(a)}`);
        }
      } finally {
        await store.close();
        await deleteDatabase(db);
      }
    },
  });
}

async function main(): Promise<void> {
  const query = new URLSearchParams(location.search);
  const phase = query.get('phase') ?? 'contract';
  const db = query.get('db') ?? 'cowbox-reload-check';
  if (phase === 'contract') await runContracts();
  else if (phase === 'reload-1') await reloadPhase1(db);
  else if (phase === 'reload-2') await reloadPhase2(db);
  else record({ name: `phase ${phase}`, ok: false, error: 'unknown phase' });
}

main()
  .catch((e: unknown) => record({ name: 'page', ok: false, error: String(e) }))
  .finally(() => {
    window.__done = true;
    void leftOpen;
  });
