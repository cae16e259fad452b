// Everything below /proc's root directory: the process directories (and, through them, every
// per-process file), /proc/sys, and the texts of the machine-wide files. One module, so that it
// loads as one piece when /proc is first looked into (load-contents.ts): the root is made at
// mount, at boot, and a machine reaches its prompt without looking inside.

export { PidDir } from './pid-dir.ts';
export { buildSysDir } from './sys-dir.ts';
export { cpuinfoText, filesystemsText, loadavgText, meminfoText, statText, uptimeText, versionText } from './system-files.ts';
