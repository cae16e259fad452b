// The page's entry point: mounts the terminal with the banner and a local-echo prompt, starts the
// kernel worker and reports its ping in the status line.

import './app.css';
import { startKernelWorker } from '../client/kernel-client.ts';
import { mountTerminal } from '../terminal/terminal-view.ts';
import { exposeForTests } from '../terminal/test-hook.ts';
import { BANNER } from './banner.ts';
import { LocalEcho } from './local-echo.ts';
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
const echo = new LocalEcho((data) => view.write(data));
echo.start();
view.onInput((data) => echo.handle(data));
view.focus();

const kernel = startKernelWorker();
kernel.ping().then(
  (pong) => setStatus(status, 'ready', `worker ready: ping answered in ${pong.roundTripMs.toFixed(1)} ms`),
  (error: unknown) => setStatus(status, 'error', error instanceof Error ? error.message : String(error)),
);
