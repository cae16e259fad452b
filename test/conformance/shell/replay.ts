// Loading the shell conformance data: cases/*.sh (scripts), recordings/*.json (what dash did),
// waiting.md (cases that need programs the simulator does not have yet) and differences.md
// (differences we keep, with reasons). Each list is "- NAME: reason" lines under its heading.

import { readFileSync, readdirSync } from 'node:fs';

export const here = new URL('.', import.meta.url).pathname;

export interface Recording {
  stdout: string;
  stderr: string;
  status: number;
}

export function caseNames(): string[] {
  return readdirSync(`${here}/cases`).filter((f) => f.endsWith('.sh')).map((f) => f.slice(0, -3)).sort();
}

export function loadCase(name: string): { script: string; recording: Recording } {
  // argv reaches programs as text: the script's UTF-8 is decoded here, as the kernel would.
  const script = readFileSync(`${here}/cases/${name}.sh`, 'utf8').replace(/\n+$/, '');
  const recording = JSON.parse(readFileSync(`${here}/recordings/${name}.json`, 'utf8')) as Recording;
  return { script, recording };
}

/** "- name: reason" entries of a markdown list file, under `heading`. */
export function readList(file: string, heading: string): Map<string, string> {
  const md = readFileSync(`${here}/${file}`, 'utf8');
  const section = md.split(new RegExp(`^## ${heading}\\s*$`, 'm'))[1];
  if (section === undefined) throw new Error(`${file} has no "## ${heading}" section`);
  const out = new Map<string, string>();
  for (const line of section.split('\n')) {
    if (line.startsWith('## ')) break;
    if (!line.startsWith('- ')) continue;
    const m = /^- ([a-z0-9-]+): (.+)$/.exec(line);
    if (!m) throw new Error(`${file}: cannot parse ${JSON.stringify(line)}`);
    out.set(m[1]!, m[2]!);
  }
  return out;
}
