// Opens the app in Chromium: the machine boots in the kernel worker, a login shell answers on the
// terminal, commands run, and what was written survives a reload (the disk is in IndexedDB).
// Leaves screenshots in test-results/.

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

/** Wait until the last line of the screen is a shell prompt (root's "# "). */
async function prompt(page: Page): Promise<void> {
  await page.waitForFunction(() => /# ?$/.test(window.__cowbox?.lines().at(-1) ?? ''), undefined, { timeout: 20_000 });
}

/** Type a command line and wait for the next prompt; the lines it printed. */
async function run(page: Page, command: string): Promise<string[]> {
  const before = (await screen(page)).length;
  await page.keyboard.type(`${command}\n`);
  await page.waitForFunction((n) => {
    const lines = window.__cowbox?.lines() ?? [];
    return lines.length > n && /# ?$/.test(lines.at(-1) ?? '');
  }, before);
  const lines = await screen(page);
  return lines.slice(before, -1);
}

async function openApp(viewport: { width: number; height: number }, query = ''): Promise<{ page: Page; problems: string[] }> {
  const page = await browser!.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.setViewportSize(viewport);
  await page.goto(`${browser!.baseUrl}/${query}`);
  await prompt(page);
  return { page, problems };
}

describe('the cowbox page', () => {
  it('boots a machine and runs what is typed in its shell', async () => {
    const { page, problems } = await openApp({ width: 1000, height: 640 }, '?disk=memory');
    expect(await page.title()).toBe('cowbox');
    expect(await page.locator('#status').getAttribute('data-state')).toBe('ready');
    expect(await page.locator('#status').textContent()).toMatch(/^booted in \d+ ms \(first boot\) · \/dev\/pts\/0$/);
    // Where the disk is, said once: in the storage line, not in the status line as well.
    expect(await page.locator('#storage').textContent()).toBe('disk in memory: nothing is kept');
    expect((await screen(page)).slice(0, 2)).toEqual([
      'cowbox: Linux containers in this browser tab.',
      'Try: ls /proc/self/ns; cat /proc/self/cgroup',
    ]);
    await page.locator('#terminal').click();
    expect(await run(page, 'echo hi; echo $((6*7))')).toEqual(['hi', '42']);
    expect(await run(page, 'cat /etc/hostname /nope')).toEqual(['cowbox', 'cat: /nope: No such file or directory']);
    // One long line, wrapped by the terminal.
    expect((await run(page, 'echo /proc/self/ns/*')).join('')).toBe(
      '/proc/self/ns/cgroup /proc/self/ns/ipc /proc/self/ns/mnt /proc/self/ns/net /proc/self/ns/pid /proc/self/ns/pid_for_children /proc/self/ns/time /proc/self/ns/time_for_children /proc/self/ns/user /proc/self/ns/uts',
    );
    await page.screenshot({ path: join(resultsDir, 'app-shell.png') });
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('keeps what was written on its disk across a reload', async () => {
    const { page } = await openApp({ width: 1000, height: 640 });
    await page.locator('#terminal').click();
    await run(page, 'echo kept-$((40+2)) > /root/notes');
    await page.reload();
    await prompt(page);
    await page.locator('#terminal').click();
    expect(await run(page, 'read x < /root/notes; echo "got $x"')).toEqual(['got kept-42']);
    // The shell's history is on the disk too: Up recalls the line typed before the reload.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => /# echo kept-\$\(\(40\+2\)\) > \/root\/notes$/.test(window.__cowbox?.lines().at(-1) ?? ''));
    expect(await page.locator('#storage').textContent()).toMatch(/^disk in IndexedDB/);
    expect(await page.locator('#status').textContent()).not.toMatch(/disk/);
    await page.close();
  }, 60_000);

  it('reloads alike from its stored tree image and, once a later write makes that stale, from the rows', async () => {
    const { page } = await openApp({ width: 1000, height: 640 });
    // The disk's generation and the one its tree image was taken at, read from IndexedDB itself.
    const generations = (): Promise<{ disk: number; image: number }> => page.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('cowbox-default');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction('kv', 'readonly');
        const sb = tx.objectStore('kv').get('sb');
        const tree = tx.objectStore('kv').get('tree');
        tx.oncomplete = () => {
          db.close();
          resolve({ disk: (sb.result as { gen?: number } | undefined)?.gen ?? 0, image: (tree.result as { gen?: number } | undefined)?.gen ?? -1 });
        };
      };
    }));
    const imageCurrent = async (): Promise<void> => {
      for (let i = 0; i < 100; i++) {
        const g = await generations();
        if (g.disk > 0 && g.image === g.disk) return;
        await page.waitForTimeout(100);
      }
      throw new Error(`the tree image never caught up: ${JSON.stringify(await generations())}`);
    };
    await page.locator('#terminal').click();
    await run(page, 'mkdir -p /root/img && echo one > /root/img/a && ln -s a /root/img/link');
    await imageCurrent();
    // A write after the image: the next boot must not trust it.
    await run(page, 'echo two > /root/img/b; rm /root/img/a; echo three > /root/img/a2');
    const stale = await generations();
    expect(stale.image).toBeLessThan(stale.disk);
    await page.reload();
    await prompt(page);
    await page.locator('#terminal').click();
    // (The command line wraps at this width: its own second line comes first.)
    expect((await run(page, 'ls -1 /root/img; cat /root/img/b /root/img/a2; readlink /root/img/link')).slice(-6)).toEqual(['a2', 'b', 'link', 'two', 'three', 'a']);
    await imageCurrent();
    await page.reload();
    await prompt(page);
    await page.locator('#terminal').click();
    expect((await run(page, 'ls -1 /root/img; cat /root/img/b /root/img/a2; readlink /root/img/link')).slice(-6)).toEqual(['a2', 'b', 'link', 'two', 'three', 'a']);
    await page.close();
  }, 90_000);

  it('fits a phone-sized screen without horizontal scrolling', async () => {
    const { page } = await openApp({ width: 390, height: 760 }, '?disk=memory');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const cols = await page.evaluate(() => window.__cowbox?.terminal?.cols ?? 0);
    expect(cols).toBeGreaterThanOrEqual(40);
    await page.locator('#terminal').click();
    expect(await run(page, 'cd /proc/1; echo $PWD')).toEqual(['/proc/1']);
    await page.screenshot({ path: join(resultsDir, 'app-phone.png') });
    await page.close();
  }, 60_000);
});
