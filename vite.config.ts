// Vite configuration for the page (index.html) and its kernel worker. Worker dependencies are
// listed for pre-bundling up front: Vite's scan does not follow `new Worker(new URL(...))`, and a
// dependency found late (fflate: only docker's gzip code, loaded in the worker on the first docker
// command) makes Vite re-optimize in the middle of a session, which can reload the page or fail an
// import in flight (a program whose module fails to load shows in the shell as "Bad address").
import { defineConfig, type Plugin } from 'vite';

const SHELL = /[\\/]src[\\/]programs[\\/]shell[\\/]/;
const SH_ENTRY = /[\\/]src[\\/]programs[\\/]sh\.ts$/;
/**
 * The shell's modules that load on first use (see src/programs/shell/builtins/index.ts), and busybox
 * ash's dialect (ash*.ts), which only busybox's applet loads. A module of the shell's chunk must not
 * import one of these statically: the two chunks would import each other, which noChunkCycles()
 * refuses.
 */
const SHELL_LAZY = /[\\/]shell[\\/](?:builtins[\\/](?:misc|printf|read|getopts|test|trap|chdir|job-control)|arith|bash-subst|cformat|glob|signal-texts|editor[\\/]completion|ash(?:-[\w-]+)?)\.ts$/;

/**
 * Fails the build when chunks import each other statically in a cycle. Such chunks evaluate in an
 * order that can touch a binding before it is initialized, and a program whose chunk fails to load
 * shows in the shell only as "Bad address"; a manual chunk group (as the shell's) can make one.
 */
function noChunkCycles(): Plugin {
  return {
    name: 'cowbox:no-chunk-cycles',
    generateBundle(_options, bundle) {
      const imports = new Map<string, string[]>();
      for (const [name, out] of Object.entries(bundle)) if (out.type === 'chunk') imports.set(name, out.imports);
      const state = new Map<string, 'open' | 'done'>();
      const path: string[] = [];
      const visit = (name: string): void => {
        if (state.get(name) === 'done') return;
        if (state.get(name) === 'open') this.error(`chunks import each other: ${[...path.slice(path.indexOf(name)), name].join(' -> ')}`);
        state.set(name, 'open');
        path.push(name);
        for (const next of imports.get(name) ?? []) visit(next);
        path.pop();
        state.set(name, 'done');
      };
      for (const name of imports.keys()) visit(name);
    },
  };
}

/**
 * Starts the kernel worker from a small script at the top of the built index.html, so the worker
 * (its thread, its script, its boot) gets going while the page's own code is still on its way;
 * main.ts takes it over (src/ui/client/kernel-client.ts, EarlyWorker) if it was started with the
 * boot options the page would use, and else stops it and starts its own. The same script fetches
 * the worker's code for the first prompt (the shell's chunk and what it imports), and the head
 * asks for the terminal's chunk and its styles, so nothing on the way to the prompt waits for a
 * request that could have gone out with the page's. The dev server has no built worker file to
 * name, so there the page starts the worker itself.
 */
function startWorkerFromHead(): Plugin {
  let base = '/';
  return {
    name: 'cowbox:start-worker-from-head',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html;
        const files = Object.keys(ctx.bundle).filter((f) => /^assets\/kernel\.worker-[\w-]+\.js$/.test(f));
        if (files.length !== 1) throw new Error(`index.html: expected one kernel worker file, found ${files.length}`);
        // The worker's code for the first prompt beyond its own script: the shell's chunk and what
        // that imports (the worker's own script aside). Fetched by the head script, they are in the
        // HTTP cache when the worker asks (it can only ask once it runs, and then one after another).
        // Not <link rel=preload>: the page itself never uses them, and Chromium warns of that.
        const shell = Object.keys(ctx.bundle).filter((f) => /^assets\/shell-[\w-]+\.js$/.test(f));
        if (shell.length !== 1) throw new Error(`index.html: expected one shell chunk, found ${shell.length}`);
        const shellCode = ctx.bundle[shell[0]!] as { type: string; source?: string | Uint8Array };
        const source = typeof shellCode.source === 'string' ? shellCode.source : new TextDecoder().decode(shellCode.source);
        const shellImports = [...source.matchAll(/\bfrom\s*"\.\/([\w.-]+\.js)"/g)].map((m) => `assets/${m[1]}`);
        if (!shellImports.includes(files[0]!)) throw new Error(`index.html: the shell chunk's imports were not found (${shellImports.join(', ')})`);
        const workerFirst = [shell[0]!, ...shellImports.filter((f) => f !== files[0])];
        // Kept in step with app-page.ts (BOOT) and kernel-client.ts (the worker's name); a mismatch
        // only costs the early start, since the page then starts a worker of its own.
        const script = `(function () {
  var boot = { persist: new URLSearchParams(location.search).get('disk') !== 'memory' };
  var name = 'cowbox-kernel ' + JSON.stringify(boot);
  try {
    var worker = new Worker(${JSON.stringify(base + files[0])}, { type: 'module', name: name });
    var errors = [];
    worker.addEventListener('error', function (e) { e.preventDefault(); errors.push(e); });
    window.__cowboxEarlyWorker = { worker: worker, name: name, errors: errors };
    ${JSON.stringify(workerFirst.map((f) => base + f))}.forEach(function (url) {
      fetch(url, { priority: 'high' }).then(function (r) { return r.arrayBuffer(); }).catch(function () {});
    });
  } catch (e) {}
})();`;
        // The terminal's code, fetched from the head too: the page imports it first thing, and
        // would otherwise ask for it only once its own entry has arrived and run.
        const terminal = Object.keys(ctx.bundle).filter((f) => /^assets\/terminal-tabs-[\w-]+\.js$/.test(f));
        if (terminal.length !== 1) throw new Error(`index.html: expected one terminal chunk, found ${terminal.length}`);
        // Its styles too: the page's import of the chunk waits for them, and would only ask for
        // them then (Vite's preload helper skips a stylesheet the document already links).
        const terminalChunk = ctx.bundle[terminal[0]!] as { viteMetadata?: { importedCss: Set<string> } };
        const css = [...(terminalChunk.viteMetadata?.importedCss ?? [])];

        // The script goes first in the head, right after the charset: a classic script after a
        // stylesheet waits for that stylesheet to load, and the worker would start that much later.
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        if (!charset.test(html)) throw new Error('index.html: expected a <meta charset> in its head');
        return {
          html: html.replace(charset, (meta) => `${meta}\n    <script>${script}</script>`),
          tags: [
            { tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: base + terminal[0] }, injectTo: 'head' },
            ...css.map((href) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: '', href: base + href }, injectTo: 'head' as const })),
          ],
        };
      },
    },
  };
}

export default defineConfig({
  worker: {
    format: 'es',
    plugins: () => [noChunkCycles()],
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The shell in one chunk. Left alone, rolldown splits out every module the shell shares
            // with the builtins it loads on first use (builtins/index.ts) into chunks of their own,
            // which the page then fetches one by one before the prompt. Dependencies outside the
            // shell's folder stay where rolldown puts them.
            // sh's own module goes in too: otherwise the first prompt waits for sh, then the shell.
            { name: 'shell', test: (id) => (SHELL.test(id) && !SHELL_LAZY.test(id)) || SH_ENTRY.test(id), includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  optimizeDeps: {
    include: ['comlink', 'fflate', '@xterm/xterm', '@xterm/addon-fit', '@xterm/addon-search', '@xterm/addon-unicode11', '@xterm/addon-web-links'],
  },
  plugins: [noChunkCycles(), startWorkerFromHead()],
  build: { target: 'es2022', sourcemap: true },
});
