// Every program in the registry describes itself: its module exports `meta`, and `--help`
// prints the help drawn from it with status 0. The docs page (scripts/program-docs.ts) reads
// the same metadata, so --help and the docs cannot drift apart.

import { describe, expect, it } from 'vitest';
import { COWBOX_COMMANDS } from '../../src/runtime/distro/commands.ts';
import { helpText } from '../../src/programs/lib/help.ts';
import { programModule, programNames } from '../../src/programs/registry.ts';
import { runSh } from '../shell/run-sh.ts';

/** Programs that are not tools with options: the shell, init, and `[` (which has no --help). */
const NOT_TOOLS = new Set(['init', 'sh', 'dash', 'bash', '[', 'test', 'true', 'false', 'echo']);

/**
 * Tools whose --help imitates their own project's layout (apk, apt, dnf, Apache...) or names
 * the program by argv[0] as GNU does (pwd run as /bin/pwd), or have no --help at all (Debian's
 * which, a script whose getopts rejects it, and ncurses's clear, tput, tset and reset: all answer with their usage
 * line): they must still answer --help with
 * text (some, like rpm, on standard error with their own status). Moving them onto lib/help.ts styles is open work.
 */
const OWN_HELP = new Set(['apk', 'apt', 'apt-get', 'dnf', 'yum', 'dpkg', 'dpkg-query', 'rpm', 'httpd', 'nginx', 'php', 'php-fpm', 'pwd', 'docker', 'busybox', 'containerd-shim-runc-v2', 'which', 'clear', 'tput', 'tset', 'reset', 'vim.tiny', 'nano']);

/** Tools that answer another option for help, as the real one does (sysvinit's pidof: -h; --help is an error). */
const HELP_OPTION: Record<string, string> = { pidof: '-h' };

describe('package catalogs', () => {
  it('install program files only for commands the registry has', () => {
    const have = new Set(programNames());
    expect([...COWBOX_COMMANDS].filter((c) => !have.has(c))).toEqual([]);
  });
});

describe('program registry', () => {
  for (const name of programNames().filter((n) => !NOT_TOOLS.has(n))) {
    it(`${name} prints --help from its metadata`, async () => {
      const mod = await programModule(name);
      const got = await runSh(`/bin/${name} ${HELP_OPTION[name] ?? '--help'}`);
      if (OWN_HELP.has(name)) {
        expect(got.stdout.length + got.stderr.length).toBeGreaterThan(0);
        return;
      }
      expect(mod?.meta, `${name} exports no meta`).toBeDefined();
      expect(got.status).toBe(0);
      expect(got.stdout).toBe(helpText(mod!.meta!));
    });
  }
});
