// Drives the cowbox page in the browser tests: open it at a viewport (and colour scheme), wait
// for the shell's prompt, type a command and read what it printed through xterm's buffer, and
// save screenshots under test-results/.

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { projectRoot, type BrowserSession } from './harness.ts';

export const resultsDir = join(projectRoot, 'test-results');

export const screen = (page: Page): Promise<string[]> => page.evaluate(() => window.__cowbox?.lines() ?? []);

/** Wait until the last line of the active terminal is a shell prompt (root's "# "). */
export async function prompt(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(() => /# ?$/.test(window.__cowbox?.lines().at(-1) ?? ''), undefined, { timeout });
}

/** Type a command line into the active terminal and wait for the next prompt; the lines it printed. */
export async function run(page: Page, command: string): Promise<string[]> {
  const before = (await screen(page)).length;
  await page.keyboard.type(`${command}\n`);
  await page.waitForFunction((n) => {
    const lines = window.__cowbox?.lines() ?? [];
    return lines.length > n && /# ?$/.test(lines.at(-1) ?? '');
  }, before);
  const lines = await screen(page);
  return lines.slice(before, -1);
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  query?: string;
  scheme?: 'dark' | 'light';
  /** Wait for the prompt (default true). */
  ready?: boolean;
}

export async function openApp(browser: BrowserSession, opts: OpenOptions = {}): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.setViewportSize(opts.viewport ?? { width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: opts.scheme ?? 'dark' });
  await page.goto(`${browser.baseUrl}/${opts.query ?? ''}`);
  if (opts.ready !== false) {
    await prompt(page);
    // The panels are built once the prompt is up (so they never delay it): wait for them too.
    await page.locator('body[data-panels="ready"]').waitFor();
    await page.locator('.term-host:not([hidden])').click();
  }
  return { page, problems };
}

export async function shot(page: Page, name: string): Promise<void> {
  await mkdir(resultsDir, { recursive: true });
  await page.screenshot({ path: join(resultsDir, `${name}.png`) });
}
