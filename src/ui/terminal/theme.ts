// The terminal's colours: a dark palette matched to the page (app.css), with ANSI colours bright
// enough to read on it. Kept here so only ui/terminal knows xterm's option shapes.

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
