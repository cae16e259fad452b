// Browser test harness: one Vite dev server on a random local port plus Debian's Chromium driven by
// playwright-core. Each call gets its own dependency cache and profile directory, so test files that
// run in parallel never share state, and close() removes both.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';

export const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const chromiumPath = '/usr/bin/chromium';

export interface BrowserSession {
  /** Origin of the dev server, without a trailing slash: `${baseUrl}/index.html`. */
  baseUrl: string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

async function startVite(cacheDir: string): Promise<{ server: ViteDevServer; baseUrl: string }> {
  const server = await createServer({
    root: projectRoot,
    configFile: join(projectRoot, 'vite.config.ts'),
    cacheDir,
    logLevel: 'warn',
    clearScreen: false,
    // Others edit the tree while tests run: a file watcher would reload pages mid-test.
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (address === null || address === undefined || typeof address === 'string') {
    await server.close();
    throw new Error('vite dev server did not report a TCP address');
  }
  return { server, baseUrl: `http://127.0.0.1:${address.port}` };
}

async function launchChromium(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    // Without these, Chromium dials Google services the closed network refuses, and wants a GPU.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    viewport: { width: 1000, height: 700 },
  });
}

export async function startBrowser(): Promise<BrowserSession> {
  const scratch = await mkdtemp(join(tmpdir(), 'cowbox-browser-'));
  const cleanups: Array<() => Promise<unknown>> = [() => rm(scratch, { recursive: true, force: true })];
  const close = async (): Promise<void> => {
    // Newest first: Chromium, then Vite, then the scratch directory they both used.
    for (const step of cleanups.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    const { server, baseUrl } = await startVite(join(scratch, 'vite-cache'));
    cleanups.push(() => server.close());
    const context = await launchChromium(join(scratch, 'profile'));
    cleanups.push(() => context.close());
    return {
      baseUrl,
      newPage: () => context.newPage(),
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
