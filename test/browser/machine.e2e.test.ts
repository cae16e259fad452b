// The machine around the terminal, in Chromium: a second terminal tab is a second shell on the
// same machine; two page tabs never run one disk at once (the second waits, then takes over);
// a crashed worker leaves a message with a way on; Reset wipes the disk after confirming; the
// phone layout puts the terminal first and the panels behind tabs.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowser, type BrowserSession } from './harness.ts';
import { openApp, prompt, run, screen, shot } from './app-driver.ts';

let browser: BrowserSession | undefined;

beforeAll(async () => {
  browser = await startBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('the machine', () => {
  it('opens a second shell in a new terminal tab on the same machine', async () => {
    const { page, problems } = await openApp(browser!, { query: '?disk=memory' });
    await run(page, 'echo from-one > /tmp/shared');
    await page.locator('.term-new').click();
    await expect.poll(() => page.locator('.term-tab').count()).toBe(2);
    await prompt(page);
    expect(await page.locator('.term-tab[aria-selected="true"]').textContent()).toBe('shell 2');
    expect(await run(page, 'cat /tmp/shared; ls /dev/pts')).toEqual(['from-one', '0  1  ptmx']);
    expect(await page.locator('.term-tab[aria-selected="true"]').getAttribute('title')).toBe('/dev/pts/1');
    // Arrow keys move between tabs; the first shell's screen is still there.
    await page.locator('.term-tab[aria-selected="true"]').focus();
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('.term-tab[aria-selected="true"]').textContent()).toBe('shell 1');
    expect((await screen(page)).some((l) => l.endsWith('echo from-one > /tmp/shared'))).toBe(true);
    // The search box finds text in the active terminal's scrollback (and selects it).
    await page.locator('.term-find').fill('from-one');
    await page.locator('.term-find').press('Enter');
    expect(await page.evaluate(() => window.__cowbox?.terminal?.getSelection())).toBe('from-one');
    await page.locator('.term-find').press('Escape');
    // Closing a tab hangs its shell up.
    await page.locator('.term-close[aria-label="close shell 2"]').click();
    await expect.poll(() => page.locator('.term-tab').count()).toBe(1);
    await page.locator('.term-host:not([hidden])').click();
    await expect.poll(async () => (await run(page, 'ls /dev/pts')).join(' ')).toBe('0  ptmx');
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it('copies with Ctrl+Shift+C and pastes with Ctrl+Shift+V', async () => {
    const { page } = await openApp(browser!, { query: '?disk=memory' });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: browser!.baseUrl });
    await run(page, 'echo copy-$((20+1))');
    await page.locator('.term-find').fill('copy-21');
    await page.locator('.term-find').press('Enter');
    await page.evaluate(() => window.__cowbox?.terminal?.focus());
    await page.keyboard.press('Control+Shift+KeyC');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('copy-21');
    await page.evaluate(() => navigator.clipboard.writeText('echo pasted-$((1+1))'));
    await page.keyboard.press('Control+Shift+KeyV');
    await page.waitForFunction(() => /pasted-\$\(\(1\+1\)\)$/.test(window.__cowbox?.lines().at(-1) ?? ''));
    expect(await run(page, '')).toEqual(['pasted-2']);
    await page.close();
  }, 60_000);

  it('lets a second page tab wait for the machine, then take it over', async () => {
    const first = await openApp(browser!);
    await run(first.page, 'echo written-in-first > /root/mark');
    const second = await openApp(browser!, { ready: false });
    await second.page.locator('#notice', { hasText: 'This machine is open in another tab' }).waitFor();
    expect(await second.page.locator('#status').textContent()).toBe('open in another tab: waiting');
    await shot(second.page, 'two-tabs-waiting-1280-dark');
    await second.page.getByRole('button', { name: 'Take over here' }).click();
    await prompt(second.page);
    await first.page.locator('#notice', { hasText: 'Another tab took over this machine' }).waitFor();
    await second.page.locator('.term-host:not([hidden])').click();
    expect(await run(second.page, 'cat /root/mark')).toEqual(['written-in-first']);
    await first.page.close();
    await second.page.close();
  }, 90_000);

  it('shows a way on when the worker crashes', async () => {
    const { page } = await openApp(browser!, { query: '?disk=memory' });
    await page.evaluate(() => (window.__cowbox!.app['crash'] as () => void)());
    await page.locator('#notice', { hasText: 'The machine stopped' }).waitFor();
    expect(await page.locator('#status').getAttribute('data-state')).toBe('error');
    expect(await page.locator('#notice button').allTextContents()).toEqual(['Restart']);
    await shot(page, 'crash-1280-dark');
    await page.locator('#notice button').click();
    await prompt(page);
    expect(await page.locator('#notice').isHidden()).toBe(true);
    await page.close();
  }, 60_000);

  it('wipes the disk on Reset, after asking', async () => {
    const { page } = await openApp(browser!);
    await run(page, 'echo keep-me > /root/precious');
    await page.locator('#reset').click();
    await page.locator('#reset-dialog[open]').waitFor();
    await shot(page, 'reset-dialog-1280-dark');
    // Cancel first: nothing happens.
    await page.getByRole('button', { name: 'Keep my machine' }).click();
    await page.locator('.term-host:not([hidden])').click();
    expect(await run(page, 'cat /root/precious')).toEqual(['keep-me']);
    await page.locator('#reset').click();
    await page.getByRole('button', { name: 'Wipe and reboot' }).click();
    await page.waitForURL(/.*/);
    await page.waitForFunction(() => /first boot/.test(document.getElementById('status')?.textContent ?? ''), undefined, { timeout: 30_000 });
    await prompt(page);
    await page.locator('.term-host:not([hidden])').click();
    expect(await run(page, 'cat /root/precious')).toEqual(['cat: /root/precious: No such file or directory']);
    await expect.poll(() => page.locator('#storage').textContent()).toMatch(/^disk in IndexedDB: [\d.]+ (B|KiB|MiB|GiB) of [\d.]+ (KiB|MiB|GiB|TiB) quota$/);
    await page.close();
  }, 90_000);

  it('puts the terminal first and the panels behind tabs on a phone', async () => {
    const { page, problems } = await openApp(browser!, { query: '?disk=memory', viewport: { width: 390, height: 844 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await page.locator('.view-tab').allTextContents()).toEqual(['Terminal', 'Layers', 'Processes', 'Resources', 'Events']);
    expect(await page.locator('.term-area').isVisible()).toBe(true);
    expect(await page.locator('#panel-processes').isVisible()).toBe(false);
    expect(await run(page, 'echo $((2+3))')).toEqual(['5']);
    await page.locator('.view-tab[data-view="processes"]').click();
    expect(await page.locator('.term-area').isVisible()).toBe(false);
    await page.locator('#panel-processes tr[data-pid="1"]').waitFor();
    // Arrow keys walk the view tabs.
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#panel-resources').isVisible()).toBe(true);
    await page.locator('.view-tab[data-view="terminal"]').click();
    expect(await page.locator('.term-area').isVisible()).toBe(true);
    expect(await page.evaluate(() => window.__cowbox?.terminal?.cols ?? 0)).toBeGreaterThanOrEqual(40);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
