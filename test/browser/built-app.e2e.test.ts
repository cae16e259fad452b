// The built page (vite.config.ts, as `npm run build` makes it) in Chromium: a script in its head
// starts the kernel worker before the page's code arrives, and the page takes that worker over
// (one worker, one machine), for a persistent disk and for ?disk=memory alike; a head script that
// started a worker with other boot options is stopped and replaced, and the page still boots.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../bench/web/build.ts';
import { serveDirectory, type StaticServer } from '../../bench/web/static-server.ts';
import { chromiumPath, projectRoot } from './harness.ts';
import { prompt, run } from './app-driver.ts';

let scratch = '';
let indexHtml = '';
let workerScript = '';
let server: StaticServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'cowbox-built-'));
  const dir = join(scratch, 'dist');
  await buildApp(projectRoot, dir, join(scratch, 'vite-cache'));
  // A copy of the page whose head script starts the worker with options the page will not ask for.
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  indexHtml = html;
  const workerFile = /new Worker\("\/(assets\/kernel\.worker-[\w-]+\.js)"/.exec(html)?.[1];
  workerScript = workerFile ? await readFile(join(dir, workerFile), 'utf8') : '';
  const other = html.replace("get('disk') !== 'memory'", "get('disk') === 'memory'");
  expect(other).not.toBe(html);
  await writeFile(join(dir, 'other.html'), other);
  server = await serveDirectory(dir);
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** What the page did with workers: the names it made them with, and which it stopped. */
interface Made {
  names: string[];
  stopped: string[];
}

/** Open a page of the build, watching every Worker it makes (from its first script on). */
async function open(path: string): Promise<{ page: Page; made: () => Promise<Made> }> {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const made = { names: [] as string[], stopped: [] as string[] };
    (window as unknown as { __made: typeof made }).__made = made;
    const Base = window.Worker;
    window.Worker = class extends Base {
      constructor(url: string | URL, opts?: WorkerOptions) {
        super(url, opts);
        made.names.push(opts?.name ?? '');
        const stop = this.terminate.bind(this);
        this.terminate = () => {
          made.stopped.push(opts?.name ?? '');
          stop();
        };
      }
    };
  });
  await page.goto(`${server!.origin}/${path}`);
  await prompt(page, 60_000);
  return { page, made: () => page.evaluate(() => (window as unknown as { __made: Made }).__made) };
}

describe('the built page', () => {
  it('starts the worker before anything in its head waits, and links the terminal\'s styles', () => {
    const head = indexHtml.slice(0, indexHtml.indexOf('</head>'));
    const at = (pattern: RegExp): number => head.search(pattern);
    const workerScript = at(/<script>[^<]*new Worker\(/);
    expect(workerScript).toBeGreaterThan(at(/<meta charset=/i));
    // A classic script after a stylesheet waits for it; a module script runs only after parsing.
    expect(workerScript).toBeLessThan(at(/<link rel="stylesheet"/));
    expect(workerScript).toBeLessThan(at(/<script type="module"/));
    // The terminal chunk is fetched from the head, and so is each stylesheet it imports.
    const terminalChunk = /<link rel="modulepreload"[^>]*href="\/assets\/terminal-tabs-[\w-]+\.js"/.exec(head);
    expect(terminalChunk).not.toBeNull();
    expect(head).toMatch(/<link rel="stylesheet"[^>]*href="\/assets\/terminal-tabs-[\w-]+\.css"/);
    // The head script also fetches the worker's shell chunk and what that imports besides the
    // worker's own script, so the worker finds them in the HTTP cache.
    const fetched = JSON.parse(/(\["[^\]]*"\])\.forEach\(function \(url\) \{\s*fetch\(/.exec(head)?.[1] ?? '[]') as string[];
    expect(fetched[0]).toMatch(/^\/assets\/shell-[\w-]+\.js$/);
    expect(fetched.some((f) => f.includes('kernel.worker'))).toBe(false);
  });

  it('gives the worker a first script that imports no other file', () => {
    // A static import is one more request, one after another, before the worker runs at all (the
    // bundler can move a module shared with lazy chunks into a chunk of its own).
    expect(workerScript.length).toBeGreaterThan(0);
    expect(workerScript.match(/\bimport\s*\{[^}]*\}\s*from\s*"[^"]+"|\bimport\s*"[^"]+"/g) ?? []).toEqual([]);
  });

  it('boots on the worker its head started, with the disk in IndexedDB', async () => {
    const { page, made } = await open('');
    expect(await made()).toEqual({ names: ['cowbox-kernel {"persist":true}'], stopped: [] });
    expect(await run(page, 'echo $((6*7))')).toEqual(['42']);
    await expect.poll(() => page.locator('#storage').textContent()).toMatch(/^disk in IndexedDB/);
    await page.context().close();
  }, 90_000);

  it('does the same for a disk in memory only', async () => {
    const { page, made } = await open('?disk=memory');
    expect(await made()).toEqual({ names: ['cowbox-kernel {"persist":false}'], stopped: [] });
    await expect.poll(() => page.locator('#storage').textContent()).toMatch(/^disk in memory/);
    await page.context().close();
  }, 90_000);

  it('stops a worker started with other boot options and starts its own', async () => {
    const { page, made } = await open('other.html');
    expect(await made()).toEqual({
      names: ['cowbox-kernel {"persist":false}', 'cowbox-kernel {"persist":true}'],
      stopped: ['cowbox-kernel {"persist":false}'],
    });
    expect(await run(page, 'echo ok')).toEqual(['ok']);
    await expect.poll(() => page.locator('#storage').textContent()).toMatch(/^disk in IndexedDB/);
    await page.context().close();
  }, 90_000);
});
