// Vite configuration for the page (index.html) and its kernel worker. Worker dependencies are
// listed for pre-bundling up front: found late, Vite would reload the page in the middle of a test.
import { defineConfig } from 'vite';

export default defineConfig({
  worker: { format: 'es' },
  optimizeDeps: {
    include: ['comlink', 'idb', '@xterm/xterm', '@xterm/addon-fit', '@xterm/addon-search', '@xterm/addon-unicode11', '@xterm/addon-web-links'],
  },
  build: { target: 'es2022', sourcemap: true },
});
