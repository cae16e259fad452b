// How soon the kernel worker alone gets going after a reload, with no page code at all: a copy of
// the built page that keeps only the head script starting the worker, on the web bench's disk
// (5 images, 1,000 files). Prints, per reload, when the worker's marks came (ms from navigation),
// then the same for the whole app. Not a benchmark: the floor under prompt_after_reload_ratio.
//
//   npx tsx bench/web/floor.ts [--reloads N] [--dir BUILT_DIR]

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from './build.ts';
import { CHROMIUM, argOf, fillBenchDisk, msToPrompt } from './page.ts';
import { serveDirectory } from './static-server.ts';

const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const reloads = Number(argOf('--reloads') ?? 5);

/** The cowbox:* marks of one reload (page and worker), in ms from the page's navigation. */
async function marksOf(browser: Browser, page: Page, wait: () => Promise<unknown>): Promise<Record<string, number>> {
  await browser.startTracing(page, { categories: ['blink.user_timing', '__metadata'] });
  await page.reload({ waitUntil: 'commit' });
  await wait();
  const events = (JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: Array<{ name: string; ts: number }> }).traceEvents;
  // page:main's trace time less its own performance.now() is the navigation's start on the trace clock.
  const mainAt = await page.evaluate(() => performance.getEntriesByName('cowbox:page:main')[0]?.startTime ?? NaN);
  const main = events.find((e) => e.name === 'cowbox:page:main');
  if (!main) throw new Error('no cowbox:page:main mark in the trace');
  const zero = main.ts - mainAt * 1000;
  const out: Record<string, number> = {};
  for (const e of events) if (e.name.startsWith('cowbox:') && out[e.name.slice(7)] === undefined) out[e.name.slice(7)] = Math.round((e.ts - zero) / 1000);
  return out;
}

async function main(): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'cowbox-floor-'));
  try {
    let dir = argOf('--dir');
    if (!dir) {
      dir = join(scratch, 'app');
      await buildApp(projectRoot, dir, join(scratch, 'cache'));
    }
    // The page without its own code: the head script (which starts the worker) and a mark.
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    const bare = html
      .replace(/<script type="module"[^>]*><\/script>/g, '')
      .replace(/<link rel="(?:modulepreload|stylesheet)"[^>]*>/g, '')
      .replace('</body>', '<script>performance.mark("cowbox:page:main")</script></body>');
    await writeFile(join(dir, 'worker-only.html'), bare);
    const server = await serveDirectory(dir);
    const browser = await chromium.launch(CHROMIUM);
    try {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await page.goto(`${server.origin}/`);
      await msToPrompt(page);
      await page.locator('.term-host:not([hidden])').click();
      await fillBenchDisk(page);
      await page.waitForTimeout(3000);
      await page.goto(`${server.origin}/worker-only.html`);
      await page.waitForTimeout(1500);
      for (let i = 0; i < reloads; i++) console.log('worker only', JSON.stringify(await marksOf(browser, page, () => page.waitForTimeout(1200))));
      await page.goto(`${server.origin}/`);
      await msToPrompt(page);
      await page.waitForTimeout(1000);
      for (let i = 0; i < reloads; i++) {
        let prompt = 0;
        const marks = await marksOf(browser, page, async () => {
          prompt = await msToPrompt(page);
          await page.waitForTimeout(300);
        });
        console.log(`app (prompt ${prompt.toFixed(0)} ms)`, JSON.stringify(marks));
      }
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

await main();
