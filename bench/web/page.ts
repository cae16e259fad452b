// Page-side measurements for the web bench: how long after navigation the shell prompt shows in
// xterm's buffer (window.__cowbox.lines(), which the app and the control page both expose), and
// typing a command line and waiting for the next prompt; with how the bench scripts launch
// Chromium and read their --name value options.

import type { Page } from 'playwright-core';

/** Debian's Chromium, headless; without these flags it dials services the closed network refuses, and wants a GPU. */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
};

/** The word after `--name` on the script's command line. */
export function argOf(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** Milliseconds from the navigation's start (performance.timeOrigin) to the prompt on screen. */
export async function msToPrompt(page: Page, timeout = 60_000): Promise<number> {
  const handle = await page.waitForFunction(() => {
    const w = window as unknown as { __cowbox?: { lines(): string[] } };
    return /# ?$/.test(w.__cowbox?.lines().at(-1) ?? '') ? performance.now() : 0;
  }, undefined, { polling: 'raf', timeout });
  return (await handle.jsonValue()) as number;
}

export const screenLines = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __cowbox?: { lines(): string[] } }).__cowbox?.lines() ?? []);

/** Type a command line and wait for the next root prompt; what it printed. */
export async function type(page: Page, line: string, timeout = 600_000): Promise<string[]> {
  const before = (await screenLines(page)).length;
  await page.keyboard.type(`${line}\n`);
  await page.waitForFunction((n) => {
    const lines = (window as unknown as { __cowbox?: { lines(): string[] } }).__cowbox?.lines() ?? [];
    return lines.length > n && /^root@[^#]*# ?$/.test(lines.at(-1) ?? '');
  }, before, { timeout, polling: 100 });
  return (await screenLines(page)).slice(before, -1);
}

/** The images of the web bench's full disk. */
export const BENCH_IMAGES = ['alpine', 'busybox', 'debian', 'ubuntu', 'registry.access.redhat.com/ubi8/ubi:8.1'];

/** Fill the page's disk as the web bench measures it (5 images, 1,000 files) and check it took. */
export async function fillBenchDisk(page: Page): Promise<void> {
  await type(page, `for i in ${BENCH_IMAGES.join(' ')}; do docker pull -q $i >/dev/null || echo FAILED $i; done`);
  await type(page, 'mkdir -p /root/files && cd /root/files && seq 1 1000 | while read i; do echo "file $i" > f$i; done; cd');
  const check = await type(page, 'docker images -q | wc -l; ls /root/files | wc -l');
  if (check.join(' ') !== `${BENCH_IMAGES.length} 1000`) throw new Error(`expected ${BENCH_IMAGES.length} images and 1000 files, the page says: ${check.join(' | ')}`);
}
