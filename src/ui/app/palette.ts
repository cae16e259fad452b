// The page's two colour schemes, in one place: installed as CSS custom properties (dark by
// default, light under prefers-color-scheme: light), and read by the contrast test, which checks
// every text colour against every background it is drawn on for WCAG AA (4.5:1; 3:1 for the
// non-text marks such as gauge fills and focus rings).

export interface Palette {
  page: string;
  panel: string;
  raised: string;
  edge: string;
  text: string;
  muted: string;
  accent: string;
  ok: string;
  warn: string;
  bad: string;
  /** Layer colours in the layer stack: the upper layer, lower layers, whiteouts. */
  upper: string;
  lower: string;
  whiteout: string;
  /** Gauge fills (non-text: 3:1 against the track). */
  fill: string;
  fillCache: string;
  track: string;
  focus: string;
}

export const dark: Palette = {
  page: '#06090d',
  panel: '#0b0f14',
  raised: '#131a22',
  edge: '#2a3542',
  text: '#d7dde5',
  muted: '#9aa6b5',
  accent: '#79b8ff',
  ok: '#7ed491',
  warn: '#f5c451',
  bad: '#ff8f87',
  upper: '#f5c451',
  lower: '#79b8ff',
  whiteout: '#ff8f87',
  fill: '#4f9be8',
  fillCache: '#8c7ae6',
  track: '#1f2833',
  focus: '#f5c451',
};

export const light: Palette = {
  page: '#eef1f5',
  panel: '#ffffff',
  raised: '#f5f7fa',
  edge: '#b8c2ce',
  text: '#1b2129',
  muted: '#4f5b69',
  accent: '#0b5cad',
  ok: '#1f6f3a',
  warn: '#7a5600',
  bad: '#b3261e',
  upper: '#7a5600',
  lower: '#0b5cad',
  whiteout: '#b3261e',
  fill: '#1f6fc4',
  fillCache: '#6a4fc9',
  track: '#dde3ea',
  focus: '#0b5cad',
};

/** Text colours and the backgrounds each is drawn on. */
export const TEXT_ROLES: Array<keyof Palette> = ['text', 'muted', 'accent', 'ok', 'warn', 'bad', 'upper', 'lower', 'whiteout'];
export const BACKGROUND_ROLES: Array<keyof Palette> = ['page', 'panel', 'raised'];
/** Marks that are not text: against the gauge track and the panel. */
export const MARK_ROLES: Array<keyof Palette> = ['fill', 'fillCache', 'focus', 'edge'];

const kebab = (k: string): string => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const vars = (p: Palette): string => Object.entries(p).map(([k, v]) => `--${kebab(k)}: ${v};`).join(' ');

export function paletteCss(): string {
  return `:root { color-scheme: dark; ${vars(dark)} }\n@media (prefers-color-scheme: light) { :root { color-scheme: light; ${vars(light)} } }`;
}

export function installPalette(doc: Document): void {
  const style = doc.createElement('style');
  style.id = 'cowbox-palette';
  style.textContent = paletteCss();
  doc.head.prepend(style);
}
