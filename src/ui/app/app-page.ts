// The page itself, started by main.ts with a kernel worker already loading: takes the machine's
// lock (one tab at a time), boots the machine in the kernel worker (its disk in IndexedDB, so it
// survives a reload), opens terminal tabs on it, and feeds the panels from the kernel's snapshots
// and event stream. Every failure (storage refused, quota full, worker crash, another tab taking
// over) ends in a message with a way on, never a blank page.
//
// Order of work, for a prompt as early as the worker allows: the worker boots from its start, the
// boot() call (made once the lock is held) only collects that boot's answer; xterm's code loads
// meanwhile and the first terminal is mounted as soon as it is here, lock or not, having asked for
// its session first (the worker answers once booted, with the login shell it started), and the
// panels (live-panels.ts) are built only after the first prompt is on screen.

import type { KernelClient } from '../client/kernel-client.ts';
import type { BootInfo, BootOptions, WireEvent } from '../../protocol/kernel-api.ts';
import { exposeForTests } from '../terminal/test-hook.ts';
import { bytes } from '../panels/shared/dom.ts';
import { BANNER } from './banner.ts';
import type { LivePanels } from './live-panels.ts';
import { lockMachine } from './machine-lock.ts';
import { explainBootError, hideNotice, showNotice, type NoticeAction } from './notice.ts';
import { installPalette } from './palette.ts';
import { setStatus } from './status-line.ts';
import type { TerminalTabs } from './terminal-tabs.ts';

const STORAGE_MS = 10_000;
const TOPICS = ['fs.', 'mount.', 'proc.', 'ns.', 'cgroup.oom', 'cgroup.fork-refused'];
/** Event batches kept for the panels while their code loads (a few seconds' worth at most). */
const EARLY_BATCHES = 200;

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
/** How this page boots its machine (main.ts hands the same to the worker at its start). */
export const BOOT: BootOptions = { persist };

let kernel: KernelClient | null = null;
let stopped = false;
let tabs: TerminalTabs | null = null;
let panels: LivePanels | null = null;
const earlyEvents: Array<readonly WireEvent[]> = [];

exposeForTests(() => tabs?.active?.view.terminal ?? null, {
  tabs: () => tabs?.tabs.length ?? 0,
  crash: () => kernel?.crashForTest(),
});

// ---- ways on ------------------------------------------------------------------------------

/** The page is leaving on purpose (a way on after a failure): no question about open editors. */
let leaving = false;
const reload = (query = location.search): void => {
  leaving = true;
  location.href = `${location.pathname}${query}`;
};

// Chromium keeps Ctrl+W (nano's Where Is) for closing the tab, which a page cannot take: while a
// full-screen program runs in a terminal, the browser asks before the page goes, so an unsaved
// buffer is not lost to a key meant for the editor.
addEventListener('beforeunload', (e) => {
  if (leaving || stopped || !tabs?.editing()) return;
  e.preventDefault();
  e.returnValue = '';
});
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
  tabs?.announce(reason);
  setStatus(status, 'error', reason);
}

// ---- storage line and reset ------------------------------------------------------------------

/** Where the disk is: said once, here (the status line says how the boot went). */
const WHERE = persist ? 'disk in IndexedDB' : 'disk in memory: nothing is kept';

/** The write failure the page has already told about (told once, until writes work again). */
let shownWriteError: string | null = null;

async function refreshStorage(): Promise<void> {
  if (!kernel || stopped || !persist) return;
  try {
    const { usage, quota, writeError } = await kernel.storage();
    storageLine.textContent = `${WHERE}: ${bytes(usage)}${quota > 0 ? ` of ${bytes(quota)} quota` : ''}`;
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
    storageLine.textContent = WHERE;
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

// ---- panels, after the first prompt ----------------------------------------------------------

function onEvents(batch: readonly WireEvent[]): void {
  if (panels) {
    panels.events(batch);
    return;
  }
  earlyEvents.push(batch);
  if (earlyEvents.length > EARLY_BATCHES) earlyEvents.shift();
}

async function startPanels(): Promise<void> {
  const { startLivePanels } = await import('./live-panels.ts');
  if (stopped) return;
  panels = startLivePanels({
    aside: required('panels'),
    viewTabs: required('view-tabs'),
    kernel: () => (stopped ? null : kernel),
    focusTerminal: () => tabs?.active?.view.focus(),
  });
  for (const batch of earlyEvents.splice(0)) panels.events(batch);
  // Tests (and anyone curious) can tell the panels are up.
  document.body.dataset['panels'] = 'ready';
}

// ---- start ---------------------------------------------------------------------------------

async function start(client: KernelClient): Promise<void> {
  kernel = client;
  // The first terminal is mounted, with its banner, as soon as xterm's code is here, while the page
  // takes the lock and the worker boots. Its session is asked for at once: the worker boots from
  // its start (it carries BOOT in its name), a session asked for meanwhile waits there for that
  // boot, and the first one takes the login shell the boot started.
  const firstTab = import('./terminal-tabs.ts').then(({ createTerminalTabs }) => {
    if (stopped) return null;
    performance.mark('cowbox:page:terminal-code');
    tabs = createTerminalTabs(required('term-bar'), required('terminal'), (cols, rows) => {
      if (!kernel) return Promise.reject(new Error('the machine is not running'));
      return kernel.openSession(cols, rows);
    });
    return tabs.open(BANNER);
  });
  firstTab.catch(() => undefined);
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
  if (stopped) return;
  setStatus(status, 'starting', 'booting…');
  storageLine.textContent = WHERE;
  performance.mark('cowbox:page:boot-call');
  // The worker takes these in order: the session and the subscription wait there for the boot.
  const booted = client.boot(BOOT);
  booted.catch(() => undefined);
  void client.subscribe(TOPICS, onEvents).catch(() => undefined);

  let info: BootInfo;
  try {
    info = await booted;
  } catch (error) {
    if (stopped) return;
    const why = explainBootError(error);
    stop(why.title);
    showNotice(notice, 'error', why.title, why.text, persist ? [retry, wipe, inMemory] : [retry]);
    return;
  }
  performance.mark('cowbox:page:booted');
  const tab = await firstTab;
  if (!tab) return;
  setStatus(status, 'ready', `booted in ${info.bootMs.toFixed(0)} ms${info.fresh ? ' (first boot)' : ''} · ${tab.session?.tty ?? ''}`);
  await tab.shown;
  performance.mark('cowbox:page:prompt-shown');
  void refreshStorage();
  setInterval(() => void refreshStorage(), STORAGE_MS);
  await startPanels();
}

export function runApp(client: KernelClient): void {
  start(client).catch((error: unknown) => {
    if (stopped) return;
    const message = error instanceof Error ? error.message : String(error);
    setStatus(status, 'error', message);
    showNotice(notice, 'error', 'The page could not start the machine', message, [retry, inMemory]);
  });
}
