// The control page's script: one xterm.js terminal, fitted to the window, showing the same prompt
// as the app's shell, and the same `window.__cowbox.lines()` hook the bench reads the prompt with.

import '@xterm/xterm/css/xterm.css';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';

const terminal = new Terminal({ fontFamily: 'monospace', fontSize: 14 });
const fit = new FitAddon();
terminal.loadAddon(fit);
terminal.open(document.getElementById('terminal')!);
fit.fit();
terminal.write('\x1b[1;32mroot@cowbox\x1b[0m:\x1b[1;34m~\x1b[0m# ');

(window as unknown as { __cowbox: { lines(): string[] } }).__cowbox = {
  lines: () => {
    const b = terminal.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < b.length; i++) out.push(b.getLine(i)?.translateToString(true) ?? '');
    while (out.length > 0 && out.at(-1) === '') out.pop();
    return out;
  },
};
