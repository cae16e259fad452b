// Drives test/browser/pages/store.html in real Chromium: every Store and BlobStore contract case
// must pass over the browser's IndexedDB, and a page reload must keep exactly what was committed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult } from './pages/store-page.ts';
import { startBrowser } from './harness.ts';

type Browser = Awaited<ReturnType<typeof startBrowser>>;
let browser: Browser | undefined;

beforeAll(async () => {
  browser = await startBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function runPhase(page: import('playwright-core').Page, query: string): Promise<CaseResult[]> {
  await page.goto(`${browser!.baseUrl}/test/browser/pages/store.html?${query}`);
  await page.waitForFunction(() => window.__done === true, null, { timeout: 120_000 });
  return page.evaluate(() => window.__results ?? []);
}

describe('IdbStore in Chromium', () => {
  it('passes every store and blob contract case over real IndexedDB', async () => {
    const page = await browser!.newPage();
    const results = await runPhase(page, 'phase=contract');
    const names = results.map((r) => r.name);
    expect(names).toContain('a reopened store keeps committed data only');
    expect(names.some((n) => n.startsWith('blob: '))).toBe(true);
    expect(results.length).toBeGreaterThanOrEqual(25);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    await page.close();
  }, 180_000);

  it('keeps committed data across a page reload and loses aborted and unfinished writes', async () => {
    const page = await browser!.newPage();
    const db = `cowbox-reload-${Date.now().toString(36)}`;
    const first = await runPhase(page, `phase=reload-1&db=${db}`);
    expect(first).toEqual([{ name: 'reload phase 1: commit A, abort B, leave C open', ok: true }]);
    // A new document in the same tab: nothing of phase 1's JavaScript state survives.
    const second = await runPhase(page, `phase=reload-2&db=${db}`);
    expect(second).toEqual([{ name: 'reload phase 2: A survived, B and C did not', ok: true }]);
    await page.close();
  }, 120_000);
});
