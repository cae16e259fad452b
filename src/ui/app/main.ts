// The page's entry point: mounts the terminal, boots the machine in the kernel worker (its disk
// in IndexedDB, so it survives a reload) and attaches the terminal to a login shell session.

import './app.css';
import { startKernelWorker } from '../client/kernel-client.ts';
import { mountTerminal } from '../terminal/terminal-view.ts';
import { exposeForTests } from '../terminal/test-hook.ts';
import { BANNER } from './banner.ts';
import { setStatus } from './status-line.ts';

function required(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`index.html has no #${id}`);
  return element;
}

const status = required('status');
const view = mountTerminal(required('terminal'));
exposeForTests(view.terminal);
view.write(BANNER);
view.focus();

const encoder = new TextEncoder();
const kernel = startKernelWorker();

async function start(): Promise<void> {
  setStatus(status, 'starting', 'booting…');
  // A query parameter lets tests and embeds run a throwaway machine.
  const persist = new URLSearchParams(location.search).get('disk') !== 'memory';
  const info = await kernel.boot({ persist });
  const session = await kernel.openSession(view.cols, view.rows);
  session.onOutput((data) => view.write(data));
  view.onInput((data) => session.send(encoder.encode(data)));
  view.onResize(({ cols, rows }) => session.resize(cols, rows));
  session.onExit((code) => {
    view.write(`\r\n[session ended with status ${code}; reload to start another]\r\n`);
    setStatus(status, 'error', 'session ended');
  });
  const where = info.storage === 'indexeddb' ? 'disk in IndexedDB' : 'disk in memory';
  setStatus(status, 'ready', `booted in ${info.bootMs.toFixed(0)} ms · ${where}${info.fresh ? ' (first boot)' : ''} · ${session.tty}`);
}

start().catch((error: unknown) => setStatus(status, 'error', error instanceof Error ? error.message : String(error)));
