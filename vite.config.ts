// Vite configuration for the page (index.html) and its kernel worker. Worker dependencies are
// listed for pre-bundling up front: Vite's scan does not follow `new Worker(new URL(...))`, and a
// dependency found late (fflate: only docker's gzip code, loaded in the worker on the first docker
// command) makes Vite re-optimize in the middle of a session, which can reload the page or fail an
// import in flight (a program whose module fails to load shows in the shell as "Bad address").
import { defineConfig } from 'vite';

export default defineConfig({
  worker: { format: 'es' },
  optimizeDeps: {
    include: ['comlink', 'idb', 'fflate', '@xterm/xterm', '@xterm/addon-fit', '@xterm/addon-search', '@xterm/addon-unicode11', '@xterm/addon-web-links'],
  },
  build: { target: 'es2022', sourcemap: true },
});
