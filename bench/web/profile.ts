// Where the app's time to its first prompt goes: builds the app (as the web bench does), loads it
// in headless Chromium with a trace running, and prints the User Timing marks the page and the
// kernel worker set ("cowbox:page:*", "cowbox:worker:*"), the JS files as they arrive, and the
// biggest script tasks, on one clock from the navigation's start. Not a benchmark: a map.
//
//   npx tsx bench/web/profile.ts [--visits N] [--reload] [--dir BUILT_DIR] [--config VITE_CONFIG]
//
// --reload loads the page once, fills its disk as the web bench does, and then profiles reloads
// instead of first visits. --dir serves a build made earlier (skips the Vite build); --config
// builds with another Vite config. PROFILE_WORKER_DETAIL=FROM-TO (ms) also lists every trace event
// of 2 ms or more (PROFILE_DETAIL_MIN_MS) on the page's and the worker's threads (a regular
// expression over thread names in PROFILE_DETAIL_THREADS) in that window.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { buildApp } from './build.ts';
import { CHROMIUM, argOf, fillBenchDisk, msToPrompt } from './page.ts';
import { serveDirectory } from './static-server.ts';

const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const visits = Number(argOf('--visits') ?? 3);
const reloads = process.argv.includes('--reload');

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; frame?: string } } & Record<string, unknown>;
}

/** One visit's story: marks and big tasks, in ms from navigation start. */
function story(events: TraceEvent[], promptMs: number): string[] {
  const threads = new Map<string, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, String((e.args as { name?: string })?.name ?? ''));
  }
  const marks = events.filter((e) => e.cat.includes('blink.user_timing') && e.name.startsWith('cowbox:'));
  const pageMain = marks.find((e) => e.name === 'cowbox:page:main');
  const navs = events.filter((e) => e.name === 'navigationStart' && (!pageMain || e.ts <= pageMain.ts));
  const zero = navs.length > 0 ? navs[navs.length - 1]!.ts : (pageMain?.ts ?? 0);
  const at = (ts: number): string => ((ts - zero) / 1000).toFixed(0).padStart(5);
  const lines: Array<[number, string]> = [];
  // ResourceFinish names only its request: the URL comes from the request's ResourceSendRequest.
  const urls = new Map<string, string>();
  for (const e of events) {
    const d = e.args?.data as { requestId?: string; url?: string } | undefined;
    if (e.name === 'ResourceSendRequest' && d?.requestId && d.url) urls.set(d.requestId, d.url);
  }
  for (const m of marks) lines.push([m.ts, `${at(m.ts)}  mark   ${m.name.replace(/^cowbox:/, '')}`]);
  for (const e of events) {
    const thread = threads.get(`${e.pid}:${e.tid}`) ?? '';
    if (e.ph === 'X' && (e.dur ?? 0) >= 8000 && e.ts >= zero && /^(RunTask|ThreadControllerImpl::RunTask)$/.test(e.name) && /Main|Worker/i.test(thread)) {
      lines.push([e.ts, `${at(e.ts)}  task   ${thread} ${(e.dur! / 1000).toFixed(0)} ms (to ${at(e.ts + e.dur!).trim()})`]);
    }
    if (e.name === 'ResourceFinish' && e.ts >= zero) {
      const url = urls.get(String((e.args?.data as { requestId?: string } | undefined)?.requestId)) ?? '?';
      lines.push([e.ts, `${at(e.ts)}  loaded ${url.replace(/^https?:\/\/[^/]+\//, '')}`]);
    }
  }
  if (process.env.PROFILE_WORKER_DETAIL) {
    const [from, to] = process.env.PROFILE_WORKER_DETAIL.split('-').map((v) => zero + Number(v) * 1000);
    const minDetailUs = Number(process.env.PROFILE_DETAIL_MIN_MS ?? 2) * 1000;
    const detailThreads = new RegExp(process.env.PROFILE_DETAIL_THREADS ?? 'DedicatedWorker|CrRendererMain');
    for (const e of events) {
      const thread = threads.get(`${e.pid}:${e.tid}`) ?? '';
      if (e.ph === 'X' && (e.dur ?? 0) >= minDetailUs && e.ts >= from! && e.ts <= to! && detailThreads.test(thread)) {
        const d = e.args?.data as Record<string, unknown> | undefined;
        lines.push([e.ts, `${at(e.ts)}  .. [${thread.slice(0, 18)}] ${e.name} ${(e.dur! / 1000).toFixed(1)} ms ${d ? JSON.stringify(d).slice(0, 160) : ''}`]);
      }
    }
  }
  lines.sort((a, b) => a[0] - b[0]);
  return [...lines.map(([, l]) => l), `${promptMs.toFixed(0).padStart(5)}  PROMPT (msToPrompt)`];
}

async function traced(browser: import('playwright-core').Browser, page: Page, go: () => Promise<unknown>): Promise<string[]> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'loading', 'disabled-by-default-devtools.timeline', '__metadata'] });
  await go();
  // No prompt (a broken build): the marks still say how far it got.
  const ms = await msToPrompt(page, 15_000).catch(() => NaN);
  await page.waitForTimeout(200);
  const buffer = await browser.stopTracing();
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
  return story(parsed.traceEvents, ms);
}

async function main(): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'cowbox-profile-'));
  try {
    let dir = argOf('--dir');
    if (!dir) {
      dir = join(scratch, 'app');
      await buildApp(projectRoot, dir, join(scratch, 'cache'), argOf('--config'));
    }
    const server = await serveDirectory(dir);
    const browser = await chromium.launch(CHROMIUM);
    try {
      if (!reloads) {
        for (let i = 0; i < visits; i++) {
          const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
          const page = await context.newPage();
          console.log(`-- first visit ${i + 1}`);
          console.log((await traced(browser, page, () => page.goto(`${server.origin}/`, { waitUntil: 'commit' }))).join('\n'));
          await context.close();
        }
      } else {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        await page.goto(`${server.origin}/`);
        await msToPrompt(page);
        await page.locator('.term-host:not([hidden])').click();
        await fillBenchDisk(page);
        await page.waitForTimeout(3000);
        for (let i = 0; i < visits; i++) {
          console.log(`-- reload ${i + 1}`);
          console.log((await traced(browser, page, () => page.reload({ waitUntil: 'commit' }))).join('\n'));
        }
        await context.close();
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
