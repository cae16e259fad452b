// The panels in Chromium: an overlay mounted and written in the terminal shows its copy-up in the
// Layer stack (chip in the upper layer, path lookup naming the layer) and in the Events timeline;
// a process in new namespaces shows its two PIDs and namespace badges; a cgroup's pids.max
// refusing a fork is flagged in Resources. Panels collapse with the keyboard.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowser, type BrowserSession } from './harness.ts';
import { openApp, run, shot } from './app-driver.ts';

let browser: BrowserSession | undefined;

beforeAll(async () => {
  browser = await startBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

const OVERLAY =
  'mkdir /tmp/l /tmp/u /tmp/w /tmp/m && mount -t overlay overlay -o lowerdir=/etc,upperdir=/tmp/u,workdir=/tmp/w /tmp/m && echo x >> /tmp/m/hostname';

describe('panels', () => {
  it('shows a copy-up in the layer stack and the events timeline', async () => {
    const { page, problems } = await openApp(browser!, { query: '?disk=memory' });
    await expect.poll(() => page.locator('#panel-layers .hint').textContent()).toMatch(/No overlay is mounted/);
    await run(page, OVERLAY);
    const upper = page.locator('#panel-layers li.layer[data-role="upper"]');
    await upper.locator('.chip-file.copy-up[data-path="/hostname"]').waitFor();
    await expect.poll(() => upper.locator('.layer-label').textContent()).toBe('/tmp/u');
    await expect.poll(() => page.locator('#panel-layers li.layer[data-role="lower"] .layer-label').allTextContents()).toEqual(['/etc']);
    // Sizes come from the kernel's listing: the upper holds the one copied-up file.
    await expect.poll(() => upper.locator('.layer-size').textContent()).toMatch(/^\d+ B · 1 file$/);
    await page.locator('#panel-layers .path-input').fill('/hostname');
    await page.locator('#panel-layers .path-input').press('Enter');
    await expect.poll(() => page.locator('#panel-layers .path-verdict').textContent())
      .toBe('/hostname comes from the upper layer /tmp/u; it shadows the lower layer /etc.');
    expect(await upper.getAttribute('data-verdict')).toBe('source');

    const events = page.locator('#panel-events li.event');
    await page.locator('#panel-events li.event[data-type="fs.copy-up"]').waitFor();
    expect(await page.locator('#panel-events li.event[data-type="mount.add"]').last().textContent()).toMatch(/mount overlay overlay on \/tmp\/m/);
    // Filtering by text hides the rest.
    await page.locator('#panel-events .event-search').fill('copy-up');
    const visible = await events.evaluateAll((els) => els.filter((e) => !(e as HTMLElement).hidden).map((e) => e.getAttribute('data-type')));
    expect(new Set(visible)).toEqual(new Set(['fs.copy-up']));
    // A whiteout shows as one too.
    await page.locator('.term-host:not([hidden])').click();
    await run(page, 'rm /tmp/m/passwd');
    await upper.locator('.chip-file.whiteout[data-path="/passwd"]').waitFor();
    // A chip is a button that looks its path up.
    await upper.locator('.chip-file.whiteout[data-path="/passwd"]').click();
    await expect.poll(() => page.locator('#panel-layers .path-verdict').textContent())
      .toBe('/passwd is deleted: a whiteout in the upper layer /tmp/u hides the lower layer /etc.');
    await shot(page, 'panels-overlay-1280-dark');
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it('shows host and namespace PIDs, namespaces, and a refused fork', async () => {
    const { page, problems } = await openApp(browser!, { query: '?disk=memory' });
    await run(page, 'unshare -p -u -f sleep 30 &');
    const row = page.locator('#panel-processes tr', { hasText: 'sleep 30' }).last();
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells[1]).toBe('1');
    expect(Number(cells[0])).toBeGreaterThan(1);
    expect(await row.locator('.ns-badge').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^pid:\d{4}$/), expect.stringMatching(/^uts:\d{4}$/)]));

    await run(page, 'echo +pids +memory > /sys/fs/cgroup/cgroup.subtree_control; mkdir /sys/fs/cgroup/demo; echo 2 > /sys/fs/cgroup/demo/pids.max');
    await run(page, "sh -c 'echo $$ > /sys/fs/cgroup/demo/cgroup.procs; sleep 5 & sleep 5 & sleep 5 & wait' 2>/dev/null; echo ran");
    const card = page.locator('#panel-resources .cg-card[data-cgroup="/demo"]');
    await card.locator('.flag', { hasText: /fork refused ×\d+/ }).waitFor();
    expect(await card.locator('.gauge-text').allTextContents()).toEqual([expect.stringMatching(/ \/ max/), expect.stringMatching(/^\d \/ 2$/)]);
    await page.locator('#panel-events li.event[data-type="cgroup.fork-refused"]').waitFor();
    await shot(page, 'panels-procs-1280-dark');
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it('collapses a panel from the keyboard and keeps focus visible', async () => {
    const { page } = await openApp(browser!, { query: '?disk=memory' });
    const toggle = page.locator('#panel-processes .panel-toggle');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#panel-processes').getAttribute('data-collapsed')).toBe('true');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#panel-processes-body').isVisible()).toBe(false);
    await page.keyboard.press('Space');
    expect(await page.locator('#panel-processes-body').isVisible()).toBe(true);
    const outline = await toggle.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    await page.close();
  }, 60_000);

  it('flags an OOM kill on the cgroup where it happened', async () => {
    const { page, problems } = await openApp(browser!, { query: '?disk=memory' });
    await run(page, 'cd /sys/fs/cgroup; echo +memory > cgroup.subtree_control; mkdir box; echo 16M > box/memory.max; cd');
    await run(page, "sh -c 'echo $$ > /sys/fs/cgroup/box/cgroup.procs; exec stress --vm 1 --vm-bytes 64M --timeout 5s' 2>/dev/null; echo status $?");
    const card = page.locator('#panel-resources .cg-card[data-cgroup="/box"]');
    await card.locator('.flag', { hasText: /OOM kill ×\d+/ }).waitFor();
    expect(await card.locator('.gauge-text').first().textContent()).toMatch(/ \/ 16 MiB/);
    await page.locator('#panel-events li.event[data-type="cgroup.oom"]').waitFor();
    await shot(page, 'panels-oom-1280-dark');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
