// The editors in the page, in Chromium: xterm.js carries vi's alternate screen, its keys (Escape,
// arrows, Enter) and its exit back to the shell's screen; a Dockerfile written with it builds; a
// file edited in a container is copied up into the container's upper layer; nano's control keys
// (^O, ^X) arrive as nano expects. Screenshots: test-results/editor-vi.png, editor-nano.png.

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

/** Wait until the visible screen (the alternate one while vi runs) shows `text` on some line. */
async function shows(page: import('playwright-core').Page, text: string): Promise<void> {
  await page.waitForFunction((t) => (window.__cowbox?.lines() ?? []).some((l) => l.includes(t)), text, { timeout: 20_000 })
    .catch(async (e: unknown) => {
      throw new Error(`the screen never showed ${JSON.stringify(text)}:\n${(await screen(page)).join('\n')}`, { cause: e });
    });
}

describe('editors in the page', () => {
  it('edits a Dockerfile on its own screen, returns to the shell, and the file builds', async () => {
    const { page, problems } = await openApp(browser!, { query: '?disk=memory' });
    await run(page, 'mkdir /root/app && cd /root/app');
    await page.keyboard.type('vi Dockerfile\n');
    await shows(page, '"Dockerfile" [New File]');
    // The alternate screen: only vi's rows, a tilde on each empty one.
    const empty = await screen(page);
    expect(empty.filter((l) => l === '~').length).toBeGreaterThan(10);
    expect(empty.some((l) => l.includes('mkdir /root/app'))).toBe(false);

    await page.keyboard.type('iFROM alpine\nRUN echo built > /built');
    await page.keyboard.press('Escape');
    // Up a line with the arrow key, then append to it in normal mode.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('A:3.20');
    await page.keyboard.press('Escape');
    await shows(page, 'FROM alpine:3.20');
    await shot(page, 'editor-vi');
    await page.keyboard.type(':wq\n');
    await prompt(page);
    // Back on the shell's screen as it was before vi (vi's own screen and messages gone with it).
    const after = await screen(page);
    expect(after.slice(-3)).toEqual(['root@cowbox:~# mkdir /root/app && cd /root/app', 'root@cowbox:~/app# vi Dockerfile', 'root@cowbox:~/app# ']);
    expect(await run(page, 'cat Dockerfile')).toEqual(['FROM alpine:3.20', 'RUN echo built > /built']);
    await run(page, 'docker pull -q alpine');
    await run(page, 'docker build -q -t mine . > /dev/null && docker run --rm mine cat /built');
    expect((await screen(page)).at(-2)).toBe('built');
    expect(problems).toEqual([]);
  }, 120_000);

  it('edits a file in a container, which copies it up into the upper layer', async () => {
    const { page, problems } = await openApp(browser!, { query: '?disk=memory' });
    await run(page, 'docker pull -q debian');
    await page.keyboard.type('docker run -it --name ed debian bash\n');
    // The container's shell prompts with a bare "# " (the host's names root@cowbox).
    await page.waitForFunction(() => /^# ?$/.test(window.__cowbox?.lines().at(-1) ?? ''));
    // Docker's debian image has no editor; its vim-tiny package brings vi.
    await run(page, 'apt-get update -qq && apt-get install -qq -y vim-tiny > /dev/null');
    await page.keyboard.type('vi /etc/issue\n');
    await shows(page, '"/etc/issue" 2 lines');
    await page.keyboard.type('ccedited-in-vi');
    await page.keyboard.press('Escape');
    await page.keyboard.type(':wq\n');
    await prompt(page);
    expect(await run(page, 'cat /etc/issue')).toEqual(['edited-in-vi', '']);
    await page.keyboard.type('exit\n');
    // The host's prompt, not the container's "# " still on the screen as the keys go out.
    await page.waitForFunction(() => /^root@cowbox:~# ?$/.test(window.__cowbox?.lines().at(-1) ?? ''));
    await run(page, 'u=$(docker inspect -f \'{{.GraphDriver.Data.UpperDir}}\' ed)');
    const upper = await run(page, 'cat $u/etc/issue');
    expect(upper).toEqual(['edited-in-vi', '']);
    expect(problems).toEqual([]);
  }, 180_000);

  it('runs nano: typing, ^O to write with its prompt, ^X to leave', async () => {
    const { page, problems } = await openApp(browser!, { query: '?disk=memory' });
    await page.keyboard.type('nano notes.txt\n');
    await shows(page, '[ New File ]');
    await shows(page, '^X Exit');
    await page.keyboard.type('copy-on-write\nin a tab');
    await shows(page, 'notes.txt *');
    await page.keyboard.press('Control+o');
    await shows(page, 'File Name to Write: notes.txt');
    await page.keyboard.press('Enter');
    await shows(page, '[ Wrote 2 lines ]');
    await shot(page, 'editor-nano');
    await page.keyboard.press('Control+x');
    await prompt(page);
    expect(await run(page, 'cat notes.txt')).toEqual(['copy-on-write', 'in a tab']);
    expect(problems).toEqual([]);
  }, 120_000);

  it('asks before the page goes while an editor holds a terminal, and not after it ends', async () => {
    const { page } = await openApp(browser!, { query: '?disk=memory' });
    const asked: string[] = [];
    page.on('dialog', (d) => {
      asked.push(d.type());
      void d.dismiss();
    });
    await page.keyboard.type('vi unsaved\n');
    await shows(page, '"unsaved" [New File]');
    await page.keyboard.type('ikeep me');
    // Ctrl+W in Chromium closes the tab whatever the page wants; the beforeunload question is what saves the buffer.
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);
    await page.keyboard.press('Escape');
    await page.keyboard.type(':q!\n');
    await prompt(page);
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => page.isClosed()).toBe(true);
    expect(asked).toEqual(['beforeunload']);
  }, 120_000);
});
