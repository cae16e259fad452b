// Test runner configuration: Node tests next to the code and under test/, including the browser
// end-to-end tests under test/browser, which start their own Vite server and Debian Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['node_modules/**'],
    testTimeout: 30_000,
  },
});
