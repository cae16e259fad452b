// The embed library in Chromium as a docs site would use it: the library is built
// (vite.embed.config.ts) into a scratch directory and served from one origin, the example page
// (public/docs/embed.html) from another origin under a sub-path, with no special headers beyond
// the CORS line any CDN sends for a module script. Three sandboxes each boot their own machine,
// run their `run` lines and answer typing; removing one terminates its worker. Screenshots go to
// test-results/embed-*.png.

import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, projectRoot, startBrowser } from './harness.ts';
import { shot } from './app-driver.ts';

let scratch = '';
let libraryFile = '';
let site: Server | undefined;
let library: Server | undefined;
let siteUrl = '';
let libraryUrl = '';
let context: BrowserContext | undefined;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return `http://127.0.0.1:${address.port}`;
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'cowbox-embed-'));
  const outDir = join(scratch, 'dist-embed');
  await build({
    root: projectRoot,
    configFile: join(projectRoot, 'vite.embed.config.ts'),
    cacheDir: join(scratch, 'vite-cache'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  libraryFile = join(outDir, 'cowbox-sandbox.js');

  // The library's origin: the one file, with the CORS header a module script from a CDN needs.
  library = createServer((req, res) => {
    if (req.url !== '/lib/cowbox-sandbox.js') {
      res.writeHead(404).end();
      return;
    }
    void readFile(libraryFile).then((body) => {
      res.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' }).end(body);
    });
  });
  libraryUrl = `${await listen(library)}/lib/cowbox-sandbox.js`;

  // The docs site: the example page under /sub/, its script tag pointed at the library's origin.
  site = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/sub/docs/embed.html') {
      void readFile(join(projectRoot, 'public/docs/embed.html'), 'utf8').then((html) => {
        const page = html.replace('src="../cowbox-sandbox.js"', `src="${libraryUrl}"`);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      });
    } else if (path === '/sub/favicon.svg') {
      void readFile(join(projectRoot, 'public/favicon.svg')).then((svg) => res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(svg));
    } else {
      res.writeHead(404).end();
    }
  });
  siteUrl = await listen(site);

  context = await chromium.launchPersistentContext(join(scratch, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 120_000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await new Promise((r) => (site ? site.close(r) : r(undefined)));
  await new Promise((r) => (library ? library.close(r) : r(undefined)));
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const IDS = ['first', 'second', 'third'] as const;

const linesOf = (page: Page, id: string): Promise<string[]> =>
  page.evaluate((id) => document.querySelector<HTMLElementTagNameMap['cowbox-sandbox']>(`#${id}`)?.lines?.() ?? [], id);

/** Wait until the sandbox's screen ends in a prompt with `text` printed somewhere before it. */
async function waitFor(page: Page, id: string, text: string | RegExp, timeout = 45_000): Promise<string[]> {
  const source = typeof text === 'string' ? { s: text } : { re: text.source };
  await page.waitForFunction(
    ({ id, source }) => {
      const lines = document.querySelector<HTMLElementTagNameMap['cowbox-sandbox']>(`#${id}`)?.lines?.() ?? [];
      const found = source.s !== undefined ? lines.some((l) => l.includes(source.s!)) : lines.some((l) => new RegExp(source.re!).test(l));
      return found && /# ?$/.test(lines.at(-1) ?? '');
    },
    { id, source },
    { timeout, polling: 100 },
  );
  return linesOf(page, id);
}

async function openPage(viewport: { width: number; height: number }, scheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; problems: string[]; workers: Worker[] }> {
  const page = await context!.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  const problems: string[] = [];
  const workers: Worker[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('worker', (w) => workers.push(w));
  await page.setViewportSize(viewport);
  await page.goto(`${siteUrl}/sub/docs/embed.html`);
  return { page, problems, workers };
}

/** Every sandbox has run its `run` lines: the last command's output, then a prompt. */
/**
 * xterm draws only while its terminal is on screen: scroll each sandbox into view once so that a
 * full-page screenshot shows every terminal's text.
 */
async function revealAll(page: Page): Promise<void> {
  for (const id of IDS) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.waitForTimeout(150);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function allDone(page: Page): Promise<Record<(typeof IDS)[number], string[]>> {
  const [first, second, third] = await Promise.all([
    waitFor(page, 'first', 'proc'),
    waitFor(page, 'second', / - proc proc /),
    waitFor(page, 'third', /^-rw-r--r-- 1 root root 10 .* f$/),
  ]);
  return { first, second, third };
}

describe('<cowbox-sandbox> on a docs page', () => {
  it('boots three machines from a library on another origin, each with its own terminal', async () => {
    const { page, problems, workers } = await openPage({ width: 1280, height: 800 });
    const screens = await allDone(page);

    // The first: a login shell's prompt, then the `run` lines typed at prompts, with their output.
    expect(screens.first).toContain('root@cowbox:~# uname -a');
    expect(screens.first).toContain('root@cowbox:~# ls /');
    expect(screens.first.find((l) => l.startsWith('Linux cowbox '))).toMatch(/^Linux cowbox \S+ .* GNU\/Linux$/);
    expect(screens.first.join(' ')).toMatch(/\bproc\b.*\bsys\b/);
    // The second: three mountinfo lines and nothing from the others.
    const mounts = screens.second.filter((l) => /^\d+ \d+ \d+:\d+ \//.test(l));
    expect(mounts).toHaveLength(3);
    expect(screens.second.some((l) => l.includes('uname'))).toBe(false);
    // The third: the copy-up left the whole file in the upper layer.
    expect(screens.third).toContain('root@cowbox:~# echo more >> /tmp/m/f');
    expect(screens.third).toContain('root@cowbox:~# ls -l /tmp/u');
    expect(screens.third.some((l) => l.includes('mountinfo'))).toBe(false);

    // Each element started a worker of its own; the machines are in memory (persist is off).
    expect(workers).toHaveLength(3);
    const storage = await page.evaluate(() =>
      Promise.all([...document.querySelectorAll('cowbox-sandbox')].map(async (e) => (await e.ready).storage)),
    );
    expect(storage).toEqual(['memory', 'memory', 'memory']);

    // Visible labels name each sandbox; the shadow root's frame is labelled by them.
    const labels = await page.evaluate(() =>
      [...document.querySelectorAll('cowbox-sandbox')].map((e) => {
        const frame = e.shadowRoot!.querySelector('section')!;
        return e.shadowRoot!.getElementById(frame.getAttribute('aria-labelledby')!)!.textContent;
      }),
    );
    expect(labels).toEqual(['Host shell: the kernel and the root', 'Host shell: the first mounts', 'Host shell: an overlay mount made by hand']);

    // The layer panel beside the third shows the hand-made overlay.
    const panel = page.locator('#third').locator('section.panel');
    await expect.poll(() => panel.count()).toBe(1);
    await expect.poll(() => page.locator('#third').locator('.side').textContent(), { timeout: 10_000 }).toContain('/tmp/u');

    await revealAll(page);
    await shot(page, 'embed-desktop');
    await page.locator('#third').screenshot({ path: join(projectRoot, 'test-results/embed-desktop-third.png') });
    const full = await page.screenshot({ fullPage: true, path: join(projectRoot, 'test-results/embed-desktop-full.png') });
    expect(full.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('keeps typing in the terminal it was typed in, and stops the worker of a removed sandbox', async () => {
    const { page, problems, workers } = await openPage({ width: 1280, height: 800 });
    await allDone(page);

    await page.locator('#second .term').click();
    await page.keyboard.type('echo typed-$((20+22))\n');
    const second = await waitFor(page, 'second', 'typed-42');
    expect(second).toContain('root@cowbox:~# echo typed-$((20+22))');
    for (const id of ['first', 'third']) expect((await linesOf(page, id)).join('\n')).not.toContain('typed');

    // Keyboard: Escape then Tab leaves the terminal for the next sandbox's.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('third');
    await page.locator('#third').screenshot({ path: join(projectRoot, 'test-results/embed-focus.png') });

    // Removing the second sandbox ends its worker; the others keep answering.
    expect(workers).toHaveLength(3);
    const closed = workers.map((w) => new Promise<Worker>((resolve) => w.once('close', () => resolve(w))));
    await page.evaluate(() => {
      const second = document.getElementById('second')!;
      (window as unknown as { removed: Element }).removed = second;
      second.remove();
    });
    const gone = await Promise.race(closed);
    await new Promise((r) => setTimeout(r, 300));
    const stillOpen = await Promise.all(workers.filter((w) => w !== gone).map((w) => w.evaluate(() => 1).then(() => true, () => false)));
    expect(stillOpen).toEqual([true, true]);
    await page.locator('#first .term').click();
    await page.keyboard.type('echo still-here\n');
    await waitFor(page, 'first', 'still-here');

    // Put back, it boots a fresh machine in a new worker and types its `run` line again.
    await page.evaluate(() => document.querySelector('main')!.append((window as unknown as { removed: Element }).removed));
    const again = await waitFor(page, 'second', / - proc proc /);
    expect(again.join('\n')).not.toContain('typed-42');
    expect(workers).toHaveLength(4);

    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('starts a container for an image, typing the docker command first', async () => {
    const { page, problems } = await openPage({ width: 1280, height: 800 });
    await page.evaluate(() => {
      const sandbox = document.createElement('cowbox-sandbox');
      sandbox.id = 'fourth';
      sandbox.setAttribute('image', 'alpine');
      sandbox.setAttribute('height', '140px');
      document.querySelector('main')!.append(sandbox);
    });
    await page.waitForFunction(() => document.querySelector<HTMLElementTagNameMap['cowbox-sandbox']>('#fourth')!.lines()[0]?.includes('docker run'), undefined, { timeout: 45_000 });
    expect((await linesOf(page, 'fourth'))[0]).toBe('root@cowbox:~# docker run -it --rm alpine sh');
    const label = await page.evaluate(() => document.getElementById('fourth')!.shadowRoot!.querySelector('.label')!.textContent);
    expect(label).toBe('Sandbox: alpine docker run -it --rm alpine sh');
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('keeps a disk across a reload only when asked to (persist)', async () => {
    const { page, problems } = await openPage({ width: 1280, height: 800 });
    const add = (): Promise<void> =>
      page.evaluate(() => {
        for (const [id, persist] of [['kept', true], ['thrown', false]] as const) {
          const sandbox = document.createElement('cowbox-sandbox');
          sandbox.id = id;
          sandbox.setAttribute('machine', 'embed-test');
          if (persist) sandbox.setAttribute('persist', '');
          sandbox.setAttribute('run', 'cat /root/note 2>&1');
          document.querySelector('main')!.prepend(sandbox);
        }
      });
    await add();
    await waitFor(page, 'kept', 'No such file');
    await waitFor(page, 'thrown', 'No such file');
    expect(await page.evaluate(() => Promise.all(['kept', 'thrown'].map(async (id) => (await document.querySelector<HTMLElementTagNameMap['cowbox-sandbox']>(`#${id}`)!.ready).storage))))
      .toEqual(['indexeddb', 'memory']);
    for (const id of ['kept', 'thrown']) {
      await page.locator(`#${id} .term`).click();
      await page.keyboard.type(`echo written-in-${id} > /root/note; sync\n`);
      await page.waitForFunction((id) => /# ?$/.test(document.querySelector<HTMLElementTagNameMap['cowbox-sandbox']>(`#${id}`)!.lines().at(-1) ?? '') &&
        document.querySelector<HTMLElementTagNameMap['cowbox-sandbox']>(`#${id}`)!.lines().some((l) => l.includes('sync')), id);
    }
    await page.reload();
    await add();
    expect(await waitFor(page, 'kept', 'written-in-kept')).toContain('written-in-kept');
    expect(await waitFor(page, 'thrown', 'No such file')).not.toContain('written-in-thrown');
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('fits a phone-sized screen, in the dark scheme too', async () => {
    const { page, problems } = await openPage({ width: 390, height: 844 }, 'dark');
    await allDone(page);
    await revealAll(page);
    await shot(page, 'embed-phone');
    await page.locator('#third').screenshot({ path: join(projectRoot, 'test-results/embed-phone-third.png') });
    await page.screenshot({ fullPage: true, path: join(projectRoot, 'test-results/embed-phone-full.png') });
    // No sideways scrolling of the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('works under the Vite dev server too, loading the element from its source', async () => {
    const dev = await startBrowser();
    try {
      const page = await dev.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
      await page.goto(`${dev.baseUrl}/docs/embed.html`);
      await allDone(page);
      // The one expected failure: the built library is not beside the page, so its source loads.
      expect(problems).toEqual(['console: Failed to load resource: the server responded with a status of 404 (Not Found)']);
    } finally {
      await dev.close();
    }
  }, 120_000);

  it('is one file, measured', async () => {
    const body = await readFile(libraryFile);
    const gzip = gzipSync(body, { level: 9 }).length;
    console.log(`embed bundle: ${(await stat(libraryFile)).size} bytes, ${gzip} bytes gzip`);
    expect(body.toString('utf8')).not.toContain('__COWBOX_EMBED_CSS__');
    expect(gzip).toBeGreaterThan(0);
  });
});
