// The page's CSS (xterm's, the terminal's, the panels') for the sandbox's shadow root. The library
// build (vite.embed.config.ts) collects every stylesheet the element imports and puts it in place
// of the placeholder below. Under the Vite dev server there is no such step: the imported sheets
// arrive in the document's head instead, and are copied from there.

const BUNDLED_CSS: string = '__COWBOX_EMBED_CSS__';

/** Style texts for a shadow root: the bundled CSS, and in development the dev server's sheets. */
export function pageStyles(): string[] {
  const texts = [BUNDLED_CSS];
  for (const style of document.head.querySelectorAll('style[data-vite-dev-id]')) texts.push(style.textContent ?? '');
  return texts;
}
