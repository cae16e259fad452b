// Opens the app in Chromium: the banner and prompt appear, the kernel worker answers its ping over
// comlink, and typed keys are echoed on the prompt line. Leaves screenshots in test-results/.

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, startBrowser, type BrowserSession } from './harness.ts';

const resultsDir = join(projectRoot, 'test-results');
let browser: BrowserSession | undefined;

beforeAll(async () => {
  browser = await startBrowser();
  await mkdir(resultsDir, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

const screen = (page: Page) => page.evaluate(() => window.__cowbox?.lines() ?? []);

async function openApp(viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser!.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.setViewportSize(viewport);
  await page.goto(`${browser!.baseUrl}/`);
  await page.waitForFunction(() => (window.__cowbox?.lines() ?? []).some((l) => l.startsWith('root@cowbox:~# ')));
  expect(problems).toEqual([]);
  return page;
}

describe('the cowbox page', () => {
  it('shows the banner, gets the worker ping answer and echoes typed keys', async () => {
    const page = await openApp({ width: 1000, height: 640 });
    expect(await page.title()).toBe('cowbox');

    const status = page.locator('#status');
    await page.waitForFunction(() => document.getElementById('status')?.dataset['state'] !== 'starting');
    expect(await status.getAttribute('data-state')).toBe('ready');
    expect(await status.textContent()).toMatch(/^worker ready: ping answered in [\d.]+ ms$/);

    const before = await screen(page);
    expect(before.slice(0, 3)).toEqual([
      'cowbox: Linux containers in this browser tab.',
      'Kernel not wired yet: typing echoes locally.',
      'root@cowbox:~# ', // the prompt's space was written, so it is not trimmed
    ]);

    await page.locator('#terminal').click();
    await page.keyboard.type('echo hi');
    await page.waitForFunction(() => window.__cowbox?.lines().at(-1) === 'root@cowbox:~# echo hi');
    await page.screenshot({ path: join(resultsDir, 'app-echo.png') });

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__cowbox?.lines().at(-1) === 'root@cowbox:~# ');
    expect((await screen(page)).slice(2)).toEqual([
      'root@cowbox:~# echo hi',
      "cowbox: kernel not wired yet; 'echo hi' not run",
      'root@cowbox:~# ',
    ]);
    await page.close();
  }, 60_000);

  it('fits a phone-sized screen without horizontal scrolling', async () => {
    const page = await openApp({ width: 390, height: 760 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const cols = await page.evaluate(() => window.__cowbox?.terminal.cols ?? 0);
    expect(cols).toBeGreaterThanOrEqual(40);
    await page.locator('#terminal').click();
    await page.keyboard.type('ls /\n');
    await page.waitForFunction(() => window.__cowbox?.lines().at(-2) === "cowbox: kernel not wired yet; 'ls /' not run");
    await page.screenshot({ path: join(resultsDir, 'app-phone.png') });
    await page.close();
  }, 60_000);
});
