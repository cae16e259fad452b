// Vite configuration for the embeddable library: `npm run build:embed` writes one ES module,
// dist-embed/cowbox-sandbox.js, that defines <cowbox-sandbox>. A docs page on any origin and any
// sub-path loads it with one script tag, without special cross-origin headers, so everything it
// needs travels inside that one file:
// - the kernel worker, inlined and started from a Blob URL (a worker script from another origin is
//   refused); its lazily loaded programs are inlined into it too (a blob: URL has no directory to
//   load chunks from);
// - the page's CSS (xterm's, the terminal's, the panels'), collected into a string that each
//   element puts in its shadow root, instead of a separate .css file.

import { defineConfig, type Plugin } from 'vite';

/** The placeholder src/embed/bundled-css.ts carries; replaced by the collected CSS at build time. */
const CSS_PLACEHOLDER = '__COWBOX_EMBED_CSS__';

/**
 * The page client starts its worker as `new Worker(new URL('…/kernel.worker.ts', import.meta.url))`,
 * which a library build would emit as a separate file. Here it becomes Vite's inline worker.
 */
function inlineKernelWorker(): Plugin {
  const workerRE = /new\s+Worker\s*\(\s*new\s+URL\s*\(\s*(['"])([^'"]*kernel\.worker\.ts)\1\s*,\s*import\.meta\.url\s*\)\s*,/;
  return {
    name: 'cowbox:inline-kernel-worker',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('/src/ui/client/kernel-client.ts')) return null;
      const m = workerRE.exec(code);
      if (!m) this.error('cowbox embed build: kernel-client.ts no longer starts its worker with new Worker(new URL(".../kernel.worker.ts", import.meta.url), {...}); update vite.embed.config.ts');
      const replaced = code.slice(0, m.index) + 'new __CowboxKernelWorker(' + code.slice(m.index + m[0].length);
      return { code: `import __CowboxKernelWorker from ${JSON.stringify(`${m[2]}?worker&inline`)};\n${replaced}`, map: null };
    },
  };
}

/** Moves the CSS the library imports out of a separate .css asset and into the script. */
function cssIntoScript(): Plugin {
  return {
    name: 'cowbox:css-into-script',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      let css = '';
      for (const [name, item] of Object.entries(bundle)) {
        if (item.type === 'asset' && name.endsWith('.css')) {
          css += String(item.source);
          delete bundle[name];
        }
      }
      let found = false;
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        item.code = item.code.replace(new RegExp(`(["'\`])${CSS_PLACEHOLDER}\\1`, 'g'), () => {
          found = true;
          return JSON.stringify(css);
        });
      }
      if (!found) this.error(`cowbox embed build: no ${CSS_PLACEHOLDER} placeholder left in the bundle to put the CSS in`);
    },
  };
}

export default defineConfig({
  // Relative URLs everywhere: the file works from whatever path it is served under.
  base: './',
  publicDir: false,
  plugins: [inlineKernelWorker(), cssIntoScript()],
  worker: {
    format: 'es',
    rolldownOptions: { output: { codeSplitting: false } },
  },
  build: {
    outDir: 'dist-embed',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    cssCodeSplit: false,
    lib: {
      entry: 'src/embed/cowbox-sandbox.ts',
      formats: ['es'],
      fileName: () => 'cowbox-sandbox.js',
      cssFileName: 'cowbox-sandbox',
    },
    // Vite leaves an ES library's whitespace alone (for tree-shaking downstream); this file is
    // loaded as it is, so minify it all.
    rolldownOptions: { output: { codeSplitting: false, minify: true } },
  },
});
