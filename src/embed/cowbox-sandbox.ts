// The library's entry point (dist-embed/cowbox-sandbox.js): defines <cowbox-sandbox> once, even if
// the script is loaded twice, and exports the class for pages that want to extend or type it.

import { CowboxSandbox, PANEL_NAMES } from './sandbox-element.ts';

export { CowboxSandbox, PANEL_NAMES };
export { chooseImage, HOST_IMAGE } from './images.ts';

if (!customElements.get('cowbox-sandbox')) customElements.define('cowbox-sandbox', CowboxSandbox);

declare global {
  interface HTMLElementTagNameMap {
    'cowbox-sandbox': CowboxSandbox;
  }
}
