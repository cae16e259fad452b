// <cowbox-sandbox>: a whole cowbox machine in a docs page. Each element starts its own kernel
// worker and boots its own machine (in memory unless `persist` is set), opens a terminal on it,
// types the `run` commands as a learner would, and shows the panels asked for. Removing the
// element from the page terminates its worker; putting it back starts a fresh machine.
//
// Attributes (read when the element connects; `height` and `label` also later):
//   image    what the terminal runs: a shell on the host, or a container (see images.ts)
//   run      commands typed first, separated by newlines or `;`
//   panels   panel names: layers, processes, resources, events (space or comma separated)
//   height   CSS height of the terminal (default 300px)
//   persist  present: keep the disk in IndexedDB under `machine` (default: memory only)
//   machine  the machine's name (default: this element's id, else sandbox-N by page order)
//   label    the visible title (default: "host shell" or the image)
//
// For scripts on the page: `ready` (a promise of the BootInfo, once the terminal's session is
// open), `lines()` (the terminal's text), and the events `cowbox-ready` and `cowbox-error`.

import {
  createEventPanel, createLayerPanel, createProcessPanel, createResourcePanel, darkPalette, framePanel, lightPalette, mountTerminal,
  readLines, startKernelWorker, type KernelClient, type Palette, type Panel, type TerminalSession, type TerminalView,
} from '../ui/public.ts';
import type { BootInfo, WireEvent } from '../protocol/kernel-api.ts';
import { pageStyles } from './bundled-css.ts';
import embedCss from './embed.css?inline';
import { chooseImage, imageTitle, type ImageChoice } from './images.ts';
import { splitRunLines } from './run-lines.ts';

/** Panel names an embed may ask for, and how to make each. */
const PANEL_FACTORIES: Record<string, (client: () => KernelClient | null) => Panel> = {
  layers: (client) => createLayerPanel((id) => client()?.overlayLayers(id) ?? Promise.resolve(null)),
  processes: () => createProcessPanel(),
  resources: () => createResourcePanel(),
  events: () => createEventPanel(),
};
export const PANEL_NAMES = Object.keys(PANEL_FACTORIES);

const TOPICS = ['fs.', 'mount.', 'proc.', 'ns.', 'cgroup.oom', 'cgroup.fork-refused'];
const SNAPSHOT_MS = 800;
/** How long the output must stay quiet at a prompt before the next `run` line is typed. */
const QUIET_MS = 120;
/** A prompt that never comes (a command still running) does not hold the rest back for ever. */
const PROMPT_TIMEOUT_MS = 15_000;
const PROMPT_RE = /[#$] $/;

let counter = 0;

const kebab = (k: string): string => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const vars = (p: Palette): string => Object.entries(p).map(([k, v]) => `--${kebab(k)}: ${v};`).join(' ');
const paletteCss = (): string =>
  `:host { color-scheme: dark; ${vars(darkPalette)} }\n@media (prefers-color-scheme: light) { :host { color-scheme: light; ${vars(lightPalette)} } }`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/** One running machine: its worker, terminal, session and timers; stop() ends them all. */
interface Running {
  client: KernelClient;
  /** Terminates the worker; safe to call twice (a failure, then the element's removal). */
  end: () => void;
  view: TerminalView;
  session: TerminalSession | null;
  stopped: boolean;
  cleanups: Array<() => void>;
}

export class CowboxSandbox extends HTMLElement {
  static get observedAttributes(): string[] {
    return ['height', 'label'];
  }

  readonly #index = ++counter;
  readonly #root: ShadowRoot;
  readonly #label: HTMLElement;
  readonly #status: HTMLElement;
  readonly #body: HTMLElement;
  readonly #side: HTMLElement;
  readonly #heightStyle = el('style');
  #term: HTMLElement | null = null;
  #running: Running | null = null;
  #ready!: Promise<BootInfo>;
  #resolveReady!: (info: BootInfo) => void;
  #rejectReady!: (e: Error) => void;
  #readySettled = false;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open', delegatesFocus: true });
    for (const text of [...pageStyles(), paletteCss(), embedCss]) this.#root.append(el('style', {}, text));
    this.#root.append(this.#heightStyle);
    const labelId = 'label';
    this.#label = el('h2', { class: 'label', id: labelId });
    this.#status = el('span', { class: 'status', role: 'status', 'data-state': 'starting' }, 'starting…');
    this.#body = el('div', { class: 'body' });
    this.#side = el('div', { class: 'side', role: 'region', 'aria-label': 'what the kernel does' });
    this.#side.hidden = true;
    const keys = el('p', { class: 'sr-only', id: 'keys' }, 'A terminal: type shell commands. Press Escape then Tab to leave it.');
    this.#root.append(
      el('section', { class: 'frame', 'aria-labelledby': labelId, 'aria-describedby': 'keys' },
        el('header', { class: 'bar' }, this.#label, this.#status), this.#body, keys),
    );
    this.#newReady();
  }

  /** Resolves once the machine has booted and the terminal's session is open. */
  get ready(): Promise<BootInfo> {
    return this.#ready;
  }

  /** The terminal's text, line by line (scrollback included, trailing blank lines dropped). */
  lines(): string[] {
    return this.#running ? readLines(this.#running.view.terminal) : [];
  }

  connectedCallback(): void {
    this.#applyHeight();
    if (!this.#running) void this.#start();
  }

  disconnectedCallback(): void {
    // A move within the page (removed and inserted in one task) keeps the machine running.
    queueMicrotask(() => {
      if (!this.isConnected) this.#stop();
    });
  }

  attributeChangedCallback(name: string): void {
    if (name === 'height') this.#applyHeight();
    if (name === 'label') this.#showLabel(chooseImage(this.getAttribute('image')));
  }

  #newReady(): void {
    this.#readySettled = false;
    this.#ready = new Promise<BootInfo>((resolve, reject) => {
      this.#resolveReady = (info) => {
        this.#readySettled = true;
        resolve(info);
      };
      this.#rejectReady = (e) => {
        this.#readySettled = true;
        reject(e);
      };
    });
    this.#ready.catch(() => undefined); // reported on the element itself; never unhandled
  }

  /** As a :host rule, so the page's own CSS (`cowbox-sandbox { --cowbox-height: ... }`) still wins. */
  #applyHeight(): void {
    const height = this.getAttribute('height');
    this.#heightStyle.textContent = height && CSS.supports('height', height) ? `:host { --cowbox-height: ${height}; }` : '';
  }

  #showLabel(choice: ImageChoice): void {
    const own = this.getAttribute('label');
    this.#label.replaceChildren(own ?? `Sandbox: ${imageTitle(choice)}`);
    if (choice.kind === 'container' && !own) this.#label.append(' ', el('span', { class: 'cmd' }, choice.argv.join(' ')));
    // xterm calls its input box "Terminal input"; say which of the page's terminals this is.
    this.#term?.querySelector('textarea')?.setAttribute('aria-label', `terminal: ${this.#label.textContent}`);
  }

  #setStatus(state: 'starting' | 'ready' | 'stopped' | 'error', text: string): void {
    this.#status.dataset['state'] = state;
    this.#status.textContent = text;
  }

  #machineName(): string {
    return this.getAttribute('machine') || this.id || `sandbox-${this.#index}`;
  }

  async #start(): Promise<void> {
    if (this.#readySettled) this.#newReady();
    const image = chooseImage(this.getAttribute('image'));
    this.#setStatus('starting', 'booting…');
    const term = el('div', { class: 'term' });
    this.#term?.remove();
    this.#term = term;
    this.#body.prepend(term);
    this.#body.append(this.#side);
    const view = mountTerminal(term);
    this.#showLabel(image);
    const client = startKernelWorker();
    let ended = false;
    const end = (): void => {
      if (!ended) client.dispose();
      ended = true;
    };
    const run: Running = { client, end, view, session: null, stopped: false, cleanups: [] };
    this.#running = run;
    this.#leaveWithEscapeTab(term, run);
    const panels = this.#mountPanels(run);
    run.client.onFailure((error) => {
      if (run.stopped) return;
      this.#fail(run, error.message);
    });
    try {
      const persist = this.hasAttribute('persist') && this.getAttribute('persist') !== 'false';
      const info = await run.client.boot({ persist, machine: this.#machineName() });
      if (run.stopped) return;
      if (panels) await this.#feedPanels(run, panels);
      const session = await run.client.openSession(view.cols, view.rows);
      if (run.stopped) {
        session.close();
        return;
      }
      run.session = session;
      const encoder = new TextEncoder();
      const quiet = this.#watchOutput(run, session);
      const input = view.onInput((data) => session.send(encoder.encode(data)));
      const resize = view.onResize(({ cols, rows }) => session.resize(cols, rows));
      run.cleanups.push(() => input.dispose(), () => resize.dispose());
      if (view.cols > 0) session.resize(view.cols, view.rows);
      session.onExit((status) => {
        if (run.stopped) return;
        view.write(`\r\n[the shell ended with status ${status}]\r\n`);
        this.#setStatus('stopped', 'shell ended');
      });
      this.#setStatus('ready', 'ready');
      this.#resolveReady(info);
      this.dispatchEvent(new CustomEvent('cowbox-ready', { detail: { ...info, tty: session.tty } }));
      await this.#typeFirst(run, image, quiet);
    } catch (error) {
      if (!run.stopped) this.#fail(run, error instanceof Error ? error.message : String(error));
    }
  }

  #fail(run: Running, message: string): void {
    run.view.write(`\r\n\x1b[1m[${message}]\x1b[22m\r\n`);
    this.#setStatus('error', 'stopped');
    this.#status.title = message;
    this.#rejectReady(new Error(message));
    this.dispatchEvent(new CustomEvent('cowbox-error', { detail: { message } }));
    run.end();
  }

  #stop(): void {
    const run = this.#running;
    if (!run) return;
    run.stopped = true;
    this.#running = null;
    for (const c of run.cleanups.splice(0)) c();
    run.session?.close();
    run.end();
    run.view.dispose();
    this.#side.replaceChildren();
    this.#side.hidden = true;
    this.#setStatus('stopped', 'stopped');
    this.#rejectReady(new Error('the sandbox was removed from the page'));
  }

  /**
   * The terminal keeps Tab for the shell (completion); Escape then Tab lets focus move on, so
   * keyboard users are never trapped in it.
   */
  #leaveWithEscapeTab(term: HTMLElement, run: Running): void {
    let escaped = false;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Tab' && escaped) {
        e.stopImmediatePropagation(); // xterm never sees it; the browser moves focus
        escaped = false;
        return;
      }
      escaped = e.key === 'Escape';
    };
    term.addEventListener('keydown', onKey, true);
    run.cleanups.push(() => term.removeEventListener('keydown', onKey, true));
  }

  /** Calls back when the output has gone quiet with a prompt at the cursor (or after a timeout). */
  #watchOutput(run: Running, session: TerminalSession): () => Promise<void> {
    let last = performance.now();
    session.onOutput((data) => {
      run.view.write(data);
      last = performance.now();
    });
    const atPrompt = (): boolean => {
      const buffer = run.view.terminal.buffer.active;
      const line = buffer.getLine(buffer.baseY + buffer.cursorY)?.translateToString(false, 0, buffer.cursorX) ?? '';
      return PROMPT_RE.test(line);
    };
    return () =>
      new Promise<void>((resolve) => {
        const started = performance.now();
        const check = (): void => {
          if (run.stopped) return;
          const now = performance.now();
          if ((now - last >= QUIET_MS && atPrompt()) || now - started > PROMPT_TIMEOUT_MS) resolve();
          else setTimeout(check, 40);
        };
        check();
      });
  }

  /** The container's command (for an image), then each `run` line, each typed at a prompt. */
  async #typeFirst(run: Running, image: ImageChoice, quiet: () => Promise<void>): Promise<void> {
    const lines = splitRunLines(this.getAttribute('run'));
    if (image.kind === 'invalid') {
      run.view.write(`\x1b[1m[cowbox-sandbox: "${image.image}" is not an image name; this is a shell on the host]\x1b[22m\r\n`);
    } else if (image.kind === 'container') {
      lines.unshift(image.argv.join(' '));
    }
    const encoder = new TextEncoder();
    for (const line of lines) {
      await quiet();
      if (run.stopped || !run.session) return;
      run.session.send(encoder.encode(`${line}\r`));
      // The echo must arrive before the next check, or the old prompt would count as the new one.
      await new Promise((r) => setTimeout(r, QUIET_MS));
    }
  }

  #mountPanels(run: Running): Panel[] | null {
    const names = (this.getAttribute('panels') ?? '').split(/[\s,]+/).filter((n) => n !== '');
    const panels: Panel[] = [];
    for (const name of names) {
      const make = PANEL_FACTORIES[name];
      if (make) panels.push(make(() => (run.stopped ? null : run.client)));
      else console.warn(`<cowbox-sandbox>: no panel called "${name}" (there are: ${PANEL_NAMES.join(', ')})`);
    }
    this.#body.classList.toggle('with-panels', panels.length > 0);
    if (panels.length === 0) return null;
    this.#side.replaceChildren(...panels.map((p) => framePanel(p).section));
    this.#side.hidden = false;
    return panels;
  }

  /** Feeds the panels as the page does: kernel events as they come, snapshots while visible. */
  async #feedPanels(run: Running, panels: Panel[]): Promise<void> {
    const each = (f: (p: Panel) => void): void => {
      for (const p of panels) {
        try {
          f(p);
        } catch (e) {
          console.warn(`<cowbox-sandbox> panel ${p.id}:`, e);
        }
      }
    };
    let timer: ReturnType<typeof setTimeout> | null = null;
    let busy = false;
    const poll = async (): Promise<void> => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (run.stopped) return;
      if (!document.hidden && !busy) {
        busy = true;
        try {
          const snapshot = await run.client.snapshot();
          if (!run.stopped) each((p) => p.update(snapshot));
        } catch {
          // A failing call means the worker failed: onFailure says so.
        } finally {
          busy = false;
        }
      }
      if (!run.stopped) timer = setTimeout(() => void poll(), SNAPSHOT_MS);
    };
    run.cleanups.push(() => {
      if (timer) clearTimeout(timer);
    });
    await run.client.subscribe(TOPICS, (events: WireEvent[]) => {
      if (run.stopped) return;
      each((p) => p.events(events));
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void poll(), 120);
    });
    void poll();
  }
}
