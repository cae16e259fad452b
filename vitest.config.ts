// Test runner configuration: Node tests next to the code and under test/; browser tests are
// driven separately by scripts under test/browser (real Debian Chromium via playwright-core).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    testTimeout: 30_000,
  },
});
