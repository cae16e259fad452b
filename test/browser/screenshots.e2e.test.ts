// Screenshots of the main views for a person to look at (test-results/view-*.png): desktop
// (1280x800) and phone (390x844), dark and light, with an overlay, a namespaced process and a
// limited cgroup on the machine so every panel has something to draw.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowser, type BrowserSession } from './harness.ts';
import { openApp, run, shot } from './app-driver.ts';

let browser: BrowserSession | undefined;

beforeAll(async () => {
  browser = await startBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function populate(page: Page): Promise<void> {
  await run(page, 'mkdir /tmp/l /tmp/u /tmp/w /tmp/m && mount -t overlay overlay -o lowerdir=/etc,upperdir=/tmp/u,workdir=/tmp/w /tmp/m');
  await run(page, 'echo x >> /tmp/m/hostname; rm /tmp/m/passwd');
  await run(page, 'unshare -p -u -n -f sleep 300 &');
  await run(page, 'cd /sys/fs/cgroup; echo +pids +memory > cgroup.subtree_control; mkdir -p system.slice/web; echo +pids +memory > system.slice/cgroup.subtree_control');
  await run(page, 'echo 4 > system.slice/web/pids.max; echo 64M > system.slice/web/memory.max; cd');
  await run(page, "sh -c 'echo $$ > /sys/fs/cgroup/system.slice/web/cgroup.procs; cat /etc/passwd > /dev/null; exec sleep 300' &");
  await page.locator('#panel-layers .chip-file.whiteout').waitFor({ state: 'attached' });
  await page.locator('#panel-resources .cg-card').first().waitFor({ state: 'attached' });
  // The panel may sit behind a view tab (phone): ask through the form without showing it.
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('#panel-layers .path-input')!;
    input.value = '/hostname';
    input.form!.requestSubmit();
  });
  // Let the chips' animations finish before the picture.
  await page.waitForTimeout(1500);
}

describe('screenshots', () => {
  for (const scheme of ['dark', 'light'] as const) {
    it(`desktop, ${scheme}`, async () => {
      const { page, problems } = await openApp(browser!, { query: '?disk=memory', scheme });
      await populate(page);
      await shot(page, `view-desktop-${scheme}`);
      expect(problems).toEqual([]);
      await page.close();
    }, 90_000);

    it(`phone, ${scheme}`, async () => {
      const { page, problems } = await openApp(browser!, { query: '?disk=memory', scheme, viewport: { width: 390, height: 844 } });
      await populate(page);
      await page.locator('.view-tab[data-view="terminal"]').click();
      await shot(page, `view-phone-terminal-${scheme}`);
      for (const view of ['layers', 'processes', 'resources', 'events']) {
        await page.locator(`.view-tab[data-view="${view}"]`).click();
        await page.waitForTimeout(300);
        await shot(page, `view-phone-${view}-${scheme}`);
      }
      expect(problems).toEqual([]);
      await page.close();
    }, 90_000);
  }
});
