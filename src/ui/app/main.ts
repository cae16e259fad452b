// The page's entry point, kept small on purpose: it starts the kernel worker first, so the worker's
// code loads and the machine boots while the larger rest of the page (xterm.js, the panels;
// app-page.ts) is still loading and compiling, then hands the worker to app-page.ts.

import './app.css';
import { startKernelWorker } from '../client/kernel-client.ts';

const client = startKernelWorker();

import('./app-page.ts').then(
  (page) => page.runApp(client),
  (error: unknown) => {
    // Without the page's code there are no panels to explain anything: say it in the status line.
    client.dispose();
    const status = document.getElementById('status');
    if (status) {
      status.dataset['state'] = 'error';
      status.textContent = `the page could not load (${error instanceof Error ? error.message : String(error)}): reload to try again`;
    }
  },
);
