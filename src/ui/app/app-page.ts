// The page itself, started by main.ts with a kernel worker already loading: takes the machine's
// lock (one tab at a time), boots the machine in the kernel worker (its disk in IndexedDB, so it
// survives a reload), opens terminal tabs on it, and feeds the panels from the kernel's snapshots
// and event stream. Every failure (storage refused, quota full, worker crash, another tab taking
// over) ends in a message with a way on, never a blank page.

import type { KernelClient } from '../client/kernel-client.ts';
import { exposeForTests } from '../terminal/test-hook.ts';
import { createEventPanel } from '../panels/events/event-panel.ts';
import { createLayerPanel } from '../panels/layers/layer-panel.ts';
import { mountPanels } from '../panels/panel-host.ts';
import { createProcessPanel } from '../panels/processes/process-panel.ts';
import { createResourcePanel } from '../panels/resources/resource-panel.ts';
import { bytes } from '../panels/shared/dom.ts';
import { BANNER } from './banner.ts';
import { lockMachine } from './machine-lock.ts';
import { explainBootError, hideNotice, showNotice, type NoticeAction } from './notice.ts';
import { installPalette } from './palette.ts';
import { setStatus } from './status-line.ts';
import { createTerminalTabs } from './terminal-tabs.ts';

/** Panels poll the kernel this often while the page is visible, and soon after events arrive. */
const SNAPSHOT_MS = 800;
const STORAGE_MS = 10_000;
const TOPICS = ['fs.', 'mount.', 'proc.', 'ns.', 'cgroup.oom', 'cgroup.fork-refused'];

function required<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`index.html has no #${id}`);
  return element as T;
}

installPalette(document);
const status = required('status');
const storageLine = required('storage');
const notice = required('notice');
const resetButton = required<HTMLButtonElement>('reset');
const resetDialog = required<HTMLDialogElement>('reset-dialog');
const params = new URLSearchParams(location.search);
const persist = params.get('disk') !== 'memory';
const machineName = 'default';

let kernel: KernelClient | null = null;
let stopped = false;

const tabs = createTerminalTabs(required('term-bar'), required('terminal'), (cols, rows) => {
  if (!kernel) throw new Error('the machine is not running');
  return kernel.openSession(cols, rows);
});
const panels = mountPanels(required('panels'), required('view-tabs'), [
  createLayerPanel((id) => kernel?.overlayLayers(id) ?? Promise.resolve(null)),
  createProcessPanel(),
  createResourcePanel(),
  createEventPanel(),
], () => tabs.active?.view.focus());

exposeForTests(() => tabs.active?.view.terminal ?? null, {
  tabs: () => tabs.tabs.length,
  crash: () => kernel?.crashForTest(),
});

// ---- ways on ------------------------------------------------------------------------------

const reload = (query = location.search): void => {
  location.href = `${location.pathname}${query}`;
};
const retry: NoticeAction = { label: 'Retry', run: () => reload() };
const inMemory: NoticeAction = { label: 'Run in memory only', run: () => reload('?disk=memory') };
const wipe: NoticeAction = {
  label: 'Reset the machine',
  run: () => {
    kernel?.dispose();
    const req = indexedDB.deleteDatabase(`cowbox-${machineName}`);
    req.onsuccess = req.onerror = req.onblocked = () => reload();
  },
};

function stop(reason: string): void {
  stopped = true;
  kernel?.dispose();
  kernel = null;
  tabs.announce(reason);
  setStatus(status, 'error', reason);
}

// ---- storage line and reset ------------------------------------------------------------------

/** The write failure the page has already told about (told once, until writes work again). */
let shownWriteError: string | null = null;

async function refreshStorage(): Promise<void> {
  if (!kernel || stopped) return;
  if (!persist) {
    storageLine.textContent = 'disk in memory: nothing is kept';
    return;
  }
  try {
    const { usage, quota, writeError } = await kernel.storage();
    storageLine.textContent = quota > 0 ? `disk ${bytes(usage)} of ${bytes(quota)} quota` : `disk ${bytes(usage)}`;
    storageLine.dataset['state'] = writeError ? 'error' : 'ok';
    if (writeError && writeError !== shownWriteError) {
      shownWriteError = writeError;
      const full = writeError.startsWith('ENOSPC');
      showNotice(notice, 'error', full ? 'The browser’s storage for this site is full' : 'The disk could not save a change',
        `${full ? 'Commands that write now fail with “No space left on device”.' : `A write to the disk failed (${writeError}).`} Free space by removing files or images, reset the machine, or go on with a machine in memory only.`,
        [{ label: 'Go on', run: () => hideNotice(notice) }, wipe, inMemory]);
    } else if (!writeError) {
      shownWriteError = null;
    }
  } catch {
    storageLine.textContent = '';
  }
}

resetButton.addEventListener('click', () => {
  resetDialog.returnValue = '';
  resetDialog.showModal();
});
resetDialog.addEventListener('close', () => {
  if (resetDialog.returnValue !== 'reset') return;
  setStatus(status, 'starting', 'wiping the disk…');
  const done = (): void => reload();
  if (kernel && !stopped) void kernel.reset().then(done, () => wipe.run());
  else wipe.run();
});

// ---- live panels -------------------------------------------------------------------------------

let snapshotTimer: ReturnType<typeof setTimeout> | null = null;
let snapshotBusy = false;

async function pollSnapshot(): Promise<void> {
  if (snapshotTimer) clearTimeout(snapshotTimer);
  snapshotTimer = null;
  if (!kernel || stopped) return;
  if (!document.hidden && !snapshotBusy) {
    snapshotBusy = true;
    try {
      panels.update(await kernel.snapshot());
    } catch {
      // A failing call means the worker failed: onFailure says so.
    } finally {
      snapshotBusy = false;
    }
  }
  snapshotTimer = setTimeout(() => void pollSnapshot(), SNAPSHOT_MS);
}

function soon(): void {
  if (snapshotTimer) clearTimeout(snapshotTimer);
  snapshotTimer = setTimeout(() => void pollSnapshot(), 120);
}

// ---- start ---------------------------------------------------------------------------------

async function start(client: KernelClient): Promise<void> {
  // The worker loads its code while the page waits for the machine's lock; it touches the disk
  // only when booted, after the lock is held.
  kernel = client;
  client.onFailure((error) => {
    if (stopped) return;
    stop(error.message);
    const restart: NoticeAction = { label: 'Restart', run: () => reload() };
    if (persist) {
      showNotice(notice, 'error', 'The machine stopped',
        `${error.message}. What was on its disk up to the last write is kept. Restart it, reset it, or run a machine in memory only.`,
        [restart, wipe, inMemory]);
    } else {
      showNotice(notice, 'error', 'The machine stopped', `${error.message}. Its disk was in memory, so a restart boots a fresh machine.`, [restart]);
    }
  });
  if (persist) {
    setStatus(status, 'starting', 'waiting for the machine…');
    const lock = lockMachine(`cowbox-machine-${machineName}`, () => {
      setStatus(status, 'starting', 'open in another tab: waiting');
      showNotice(notice, 'wait', 'This machine is open in another tab',
        'Two tabs never run one machine at once, so its disk stays whole. This tab waits until the other one closes; or take the machine over here (the other tab then stops), or run a separate machine in memory only.',
        [{ label: 'Take over here', run: () => lock.takeOver() }, inMemory]);
    });
    lock.onLost(() => {
      stop('another tab took over this machine');
      showNotice(notice, 'info', 'Another tab took over this machine',
        'This tab stopped its copy so the two never write the same disk. Close this tab, or reload to wait for the machine (or take it back).',
        [{ label: 'Reload', run: () => reload() }, inMemory]);
    });
    await lock.acquired;
    hideNotice(notice);
  }
  setStatus(status, 'starting', 'booting…');
  let info;
  try {
    info = await client.boot({ persist });
  } catch (error) {
    if (stopped) return;
    const why = explainBootError(error);
    stop(why.title);
    showNotice(notice, 'error', why.title, why.text, persist ? [retry, wipe, inMemory] : [retry]);
    return;
  }
  await client.subscribe(TOPICS, (events) => {
    panels.events(events);
    soon();
  });
  const first = await tabs.open(BANNER);
  const where = info.storage === 'indexeddb' ? 'disk in IndexedDB' : 'disk in memory';
  setStatus(status, 'ready', `booted in ${info.bootMs.toFixed(0)} ms · ${where}${info.fresh ? ' (first boot)' : ''} · ${first.session?.tty ?? ''}`);
  void pollSnapshot();
  void refreshStorage();
  setInterval(() => void refreshStorage(), STORAGE_MS);
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) soon();
  });
}

export function runApp(client: KernelClient): void {
  start(client).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    setStatus(status, 'error', message);
    showNotice(notice, 'error', 'The page could not start the machine', message, [retry, inMemory]);
  });
}
