// The page's entry point, kept small on purpose: it starts the kernel worker first, so the worker's
// code loads and the machine boots while the larger rest of the page (xterm.js, then the panels)
// is still loading, and hands the worker to app-page.ts, which carries no xterm or panel code.

import './app.css';
// The panel column's and the phone's view-tab layout rules hold from the first paint, so the page
// does not shift when the panels' code arrives after the prompt.
import '../panels/panels.css';
import { type EarlyWorker, startKernelWorker } from '../client/kernel-client.ts';
import { BOOT, runApp } from './app-page.ts';

performance.mark('cowbox:page:main');
// The worker boots as soon as it runs; the page's boot() call then only collects the answer. In a
// built page a script in the head has started it already (vite.config.ts): it is taken over here.
const early = (window as { __cowboxEarlyWorker?: EarlyWorker }).__cowboxEarlyWorker;
runApp(startKernelWorker({ boot: BOOT, early }));
