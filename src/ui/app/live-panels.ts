// The panels beside the terminal, fed live: built once the first prompt is up (app-page.ts loads
// this module then, so their code and DOM never delay the prompt), then redrawn from the kernel's
// snapshots, polled while the page is visible and soon after events arrive, and from its events.

import type { KernelClient } from '../client/kernel-client.ts';
import type { WireEvent } from '../../protocol/kernel-api.ts';
import { createEventPanel } from '../panels/events/event-panel.ts';
import { createLayerPanel } from '../panels/layers/layer-panel.ts';
import { mountPanels } from '../panels/panel-host.ts';
import { createProcessPanel } from '../panels/processes/process-panel.ts';
import { createResourcePanel } from '../panels/resources/resource-panel.ts';

/** Panels poll the kernel this often while the page is visible, and soon after events arrive. */
const SNAPSHOT_MS = 800;
const SOON_MS = 120;

export interface LivePanels {
  /** A batch of kernel events (the panels' timeline and animations; a snapshot follows soon). */
  events(batch: readonly WireEvent[]): void;
}

export interface LivePanelOptions {
  aside: HTMLElement;
  viewTabs: HTMLElement;
  /** The running machine's client; null once it stopped (polling then ends). */
  kernel(): KernelClient | null;
  focusTerminal(): void;
}

export function startLivePanels(opts: LivePanelOptions): LivePanels {
  const panels = mountPanels(opts.aside, opts.viewTabs, [
    createLayerPanel((id) => opts.kernel()?.overlayLayers(id) ?? Promise.resolve(null)),
    createProcessPanel(),
    createResourcePanel(),
    createEventPanel(),
  ], opts.focusTerminal);

  let timer: ReturnType<typeof setTimeout> | null = null;
  let busy = false;

  const poll = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const kernel = opts.kernel();
    if (!kernel) return;
    if (!document.hidden && !busy) {
      busy = true;
      try {
        panels.update(await kernel.snapshot());
      } catch {
        // A failing call means the worker failed: the page's failure handler says so.
      } finally {
        busy = false;
      }
    }
    timer = setTimeout(() => void poll(), SNAPSHOT_MS);
  };

  const soon = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void poll(), SOON_MS);
  };

  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) soon();
  });
  void poll();

  return {
    events(batch) {
      panels.events(batch);
      soon();
    },
  };
}
