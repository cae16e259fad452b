// docker in the page, in Chromium: an interactive container's overlay (lowers are the image's
// /var/lib/docker/overlay2/l/ links, the upper its diff dir) shows in the Layer stack with the
// copy-up of a file written inside the container, and in the Events timeline; after a reload of
// the page (the disk in IndexedDB) the images, the stopped container (Exited) and a file written
// in the host shell are still there. Screenshots: test-results/docker-*.png.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowser, type BrowserSession } from './harness.ts';
import { openApp, prompt, run, shot } from './app-driver.ts';

let browser: BrowserSession | undefined;

beforeAll(async () => {
  browser = await startBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('docker in the page', () => {
  it('shows a container overlay with its copy-up, and keeps images and containers across a reload', async () => {
    const { page, problems } = await openApp(browser!);
    await run(page, 'echo kept > /root/host-file');
    const pulled = await run(page, 'docker pull -q alpine && docker pull -q busybox');
    expect(pulled).toEqual(['docker.io/library/alpine:latest', 'docker.io/library/busybox:latest']);

    // An interactive container: its shell prompts with "# " (busybox ash: "/ # ", its cwd first).
    await page.keyboard.type('docker run -it --name box alpine sh\n');
    await page.waitForFunction(() => /^(?:\/ )?# ?$/.test(window.__cowbox?.lines().at(-1) ?? ''));
    // /etc/hostname is docker's bind mount from the container's directory (no copy-up there, as on
    // Linux); /etc/os-release comes from the image layer and is copied up on the first write.
    expect(await run(page, 'echo x >> /etc/os-release; tail -n1 /etc/os-release')).toEqual(['x']);

    const panel = page.locator('#panel-layers');
    await expect.poll(() => panel.locator('.overlay-select option:checked').textContent()).toMatch(/^container box \(alpine\): overlay on \/ /);
    const upper = panel.locator('li.layer[data-role="upper"]');
    await upper.locator('.chip-file.copy-up[data-path="/etc/os-release"]').waitFor();
    expect(await upper.getAttribute('data-label')).toMatch(/^\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/diff$/);
    await expect.poll(() => upper.locator('.layer-about').textContent()).toBe('writable layer of container box');
    // The lowers are l/ links: the panel says where each leads, the init layer on top of the image's.
    const lowers = panel.locator('li.layer[data-role="lower"]');
    const labels = await lowers.evaluateAll((els) => els.map((e) => e.getAttribute('data-label') ?? ''));
    expect(labels.length).toBe(2);
    for (const l of labels) expect(l).toMatch(/^\/var\/lib\/docker\/overlay2\/l\/[A-Z0-9]{26}$/);
    await expect.poll(() => lowers.locator('.layer-about').allTextContents()).toEqual([
      expect.stringMatching(/^→ [0-9a-f]{12}…-init\/diff · init layer of container box$/),
      expect.stringMatching(/^→ [0-9a-f]{12}…\/diff · image layer 1 · sha256:[0-9a-f]{12}$/),
    ]);
    const copyUp = page.locator('#panel-events li.event[data-type="fs.copy-up"]', { hasText: '/etc/os-release' });
    await copyUp.waitFor();
    // The path box names the layer the file now comes from.
    await upper.locator('.chip-file.copy-up[data-path="/etc/os-release"]').click();
    await expect.poll(() => panel.locator('.path-verdict').textContent()).toMatch(/^\/etc\/os-release comes from the upper layer \/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/diff; it shadows the lower layer \/var\/lib\/docker\/overlay2\/l\/[A-Z0-9]{26}\.$/);
    // What is mounted over the overlay is listed under the stack: docker's /etc binds, the kernel's filesystems.
    await expect.poll(() => panel.locator('.overlay-covers li.cover:not(.kernel)').evaluateAll((els) => els.map((e) => e.getAttribute('data-path')))).toEqual(
      ['/etc/resolv.conf', '/etc/hostname', '/etc/hosts'],
    );
    expect(await panel.locator('.overlay-covers li.cover.kernel').textContent()).toMatch(/^proc, .* at \/proc /);
    // /etc/hostname is not the overlay's at all: the path box says what is mounted there.
    await panel.locator('.path-input').fill('/etc/hostname');
    await panel.locator('.path-form button[type="submit"]').click();
    await expect.poll(() => panel.locator('.path-verdict').textContent()).toMatch(
      /^\/etc\/hostname is not from the overlay: a bind mount of \/var\/lib\/docker\/containers\/[0-9a-f]{64}\/hostname \(\w+\) is mounted at \/etc\/hostname\. The copy in the lower layer \/var\/lib\/docker\/overlay2\/l\/[A-Z0-9]{26} is hidden under it\.$/,
    );
    await page.waitForTimeout(1500);
    await shot(page, 'docker-layers-1280-dark');
    await page.locator('#panel-resources').scrollIntoViewIfNeeded();
    await shot(page, 'docker-resources-1280-dark');

    await page.locator('.term-host:not([hidden])').click();
    await run(page, 'exit');
    const ps = await run(page, 'docker ps -a --format "{{.Names}} {{.Status}}"');
    expect(ps).toEqual([expect.stringMatching(/^box Exited \(0\) /)]);

    await page.reload();
    await prompt(page);
    await page.locator('.term-host:not([hidden])').click();
    expect(await run(page, 'cat /root/host-file')).toEqual(['kept']);
    const images = await run(page, 'docker images --format "{{.Repository}}:{{.Tag}}"');
    expect(images.sort()).toEqual(['alpine:latest', 'busybox:latest']);
    expect(await run(page, 'docker ps -a --format "{{.Names}} {{.Status}}"')).toEqual([expect.stringMatching(/^box Exited \(0\) /)]);
    // The container's own change survived too: its diff dir still holds the copied-up file.
    expect(await run(page, 'docker diff box')).toEqual(expect.arrayContaining(['C /etc', 'C /etc/os-release']));
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
