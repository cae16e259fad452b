// The terminal's colours: a dark and a light palette matched to the page (ui/app/palette.ts), with
// ANSI colours that keep AA contrast on their background. Kept here so only ui/terminal knows xterm's option shapes.

import type { ITheme } from '@xterm/xterm';

export const darkTheme: ITheme = {
  background: '#0b0f14',
  foreground: '#d7dde5',
  cursor: '#f5c451',
  cursorAccent: '#0b0f14',
  selectionBackground: '#2d4f7c',
  black: '#1b2129',
  red: '#f0736c',
  green: '#7ed491',
  yellow: '#f5c451',
  blue: '#6cb0f5',
  magenta: '#c79bf2',
  cyan: '#5fd4d0',
  white: '#d7dde5',
  brightBlack: '#6b7685',
  brightRed: '#ff9790',
  brightGreen: '#a3e9b1',
  brightYellow: '#ffd97d',
  brightBlue: '#95c8ff',
  brightMagenta: '#dcbcff',
  brightCyan: '#8ceae6',
  brightWhite: '#ffffff',
};

export const fontFamily = '"JetBrains Mono", "Cascadia Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace';

export const lightTheme: ITheme = {
  background: '#ffffff',
  foreground: '#1b2129',
  cursor: '#1b2129',
  cursorAccent: '#ffffff',
  selectionBackground: '#b9d3f5',
  black: '#1b2129',
  red: '#b3261e',
  green: '#1f6f3a',
  yellow: '#7a5600',
  blue: '#0b5cad',
  magenta: '#8a3ab9',
  cyan: '#0b6b68',
  white: '#5b6675',
  brightBlack: '#5b6675',
  brightRed: '#9c1f18',
  brightGreen: '#185c30',
  brightYellow: '#6b4b00',
  brightBlue: '#084a8c',
  brightMagenta: '#72309a',
  brightCyan: '#095a57',
  brightWhite: '#1b2129',
};
