// WCAG AA contrast of the page's and the terminal's colours, in the dark and the light scheme:
// every text colour on every background it is drawn on at least 4.5:1, marks (gauge fills,
// focus ring) at least 3:1 against the gauge track and the panel. Runs in Node (no browser).

import { describe, expect, it } from 'vitest';
import { BACKGROUND_ROLES, MARK_ROLES, TEXT_ROLES, dark, light, type Palette } from '../../src/ui/app/palette.ts';
import { darkTheme, lightTheme } from '../../src/ui/terminal/theme.ts';

function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const channel = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const schemes: Array<[string, Palette]> = [['dark', dark], ['light', light]];

describe('theme contrast (WCAG AA)', () => {
  it('computes the ratios WCAG defines', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  for (const [name, p] of schemes) {
    it(`${name}: text on every background is at least 4.5:1`, () => {
      const low: string[] = [];
      for (const fg of TEXT_ROLES) for (const bg of BACKGROUND_ROLES) {
        const r = contrast(p[fg], p[bg]);
        if (r < 4.5) low.push(`${fg} on ${bg}: ${r.toFixed(2)}`);
      }
      expect(low).toEqual([]);
    });

    it(`${name}: gauge fills and the focus ring are at least 3:1`, () => {
      const low: string[] = [];
      for (const m of MARK_ROLES.filter((r) => r !== 'edge')) for (const bg of ['track', 'panel'] as const) {
        const r = contrast(p[m], p[bg]);
        if (r < 3) low.push(`${m} on ${bg}: ${r.toFixed(2)}`);
      }
      expect(low).toEqual([]);
    });
  }

  for (const [name, t] of [['dark', darkTheme], ['light', lightTheme]] as const) {
    it(`${name} terminal: the foreground and the colours ls and the prompt use are at least 4.5:1`, () => {
      const roles = ['foreground', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan',
        'brightRed', 'brightGreen', 'brightYellow', 'brightBlue', 'brightMagenta', 'brightCyan'] as const;
      const low = roles.map((r) => [r, contrast(t[r]!, t.background!)] as const).filter(([, c]) => c < 4.5);
      expect(low).toEqual([]);
    });
  }
});
