// Measures the widths of printable ASCII, plain and bold, for xterm's DOM renderer in one layout.
// The renderer measures a character the first time it draws it, in a hidden span whose width it
// reads back: one forced layout per character and style. A first banner and prompt cost about
// forty of them, a third of the terminal's mount on a busy page. Here every span is laid out at
// once, inside the renderer's own measuring element (same font, size, weight and kerning), and
// its cache is filled with what it would have found.
//
// This reaches into xterm's private renderer (the version is pinned in package.json, and
// test/browser/app.e2e.test.ts checks the cache is filled): when its shape is not what is expected
// here, nothing is done and xterm measures as it always does.

import type { Terminal } from '@xterm/xterm';

/** xterm's WidthCache: a flat array for plain characters below 256, a map for the rest. */
interface WidthCache {
  _flat: Float32Array;
  _holey: Map<string, number>;
  /** Spans styled for plain, bold, italic and bold italic, in that order. */
  _measureElements: HTMLElement[];
  _container: HTMLElement;
}

/** The renderer's "not measured yet" mark and how many copies of a character it measures at once. */
const FLAT_UNSET = -9999;
const REPEAT = 32;
const BOLD = 1;

function widthCacheOf(terminal: Terminal): WidthCache | null {
  const core = (terminal as unknown as { _core?: { _renderService?: { _renderer?: { value?: { _widthCache?: Partial<WidthCache> } } } } })._core;
  const cache = core?._renderService?._renderer?.value?._widthCache;
  if (!cache || !(cache._flat instanceof Float32Array) || !(cache._holey instanceof Map)) return null;
  if (!Array.isArray(cache._measureElements) || cache._measureElements.length !== 4) return null;
  if (!(cache._container instanceof HTMLElement)) return null;
  return cache as WidthCache;
}

/** Fill the renderer's width cache for printable ASCII (plain and bold); false when it could not. */
export function prefillWidths(terminal: Terminal): boolean {
  const cache = widthCacheOf(terminal);
  if (!cache) return false;
  const spans: Array<{ span: HTMLElement; char: string; bold: boolean }> = [];
  for (const bold of [false, true]) {
    const model = cache._measureElements[bold ? BOLD : 0]!;
    for (let code = 0x20; code < 0x7f; code++) {
      const char = String.fromCharCode(code);
      if (bold ? cache._holey.has(`${char}B`) : cache._flat[code] !== FLAT_UNSET) continue;
      const span = model.cloneNode(false) as HTMLElement;
      span.textContent = char.repeat(REPEAT);
      cache._container.appendChild(span);
      spans.push({ span, char, bold });
    }
  }
  // The first read lays them all out; the rest read what that layout found.
  for (const { span, char, bold } of spans) {
    const width = span.offsetWidth / REPEAT;
    if (width <= 0) continue; // not laid out (hidden): the renderer measures it later itself
    if (bold) cache._holey.set(`${char}B`, width);
    else cache._flat[char.charCodeAt(0)] = width;
  }
  for (const { span } of spans) span.remove();
  return true;
}
