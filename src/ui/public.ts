// The page's public entry point for code outside ui/ (the <cowbox-sandbox> element in embed/):
// the kernel worker client, the terminal view, the panels and the colour palette, re-exported so
// that callers never reach into ui's folders and ui may rearrange them freely. The panels' shared
// sheet comes with them here (the page gets it through its panel host, which embeds do not use).

import './panels/panels.css';

export { startKernelWorker, type KernelClient, type TerminalSession } from './client/kernel-client.ts';
export { mountTerminal, type TerminalView } from './terminal/terminal-view.ts';
export { readLines } from './terminal/test-hook.ts';
export { framePanel, type Panel, type PanelFrame } from './panels/shared/panel.ts';
export { createEventPanel } from './panels/events/event-panel.ts';
export { createLayerPanel } from './panels/layers/layer-panel.ts';
export { createProcessPanel } from './panels/processes/process-panel.ts';
export { createResourcePanel } from './panels/resources/resource-panel.ts';
export { dark as darkPalette, light as lightPalette, type Palette } from './app/palette.ts';
