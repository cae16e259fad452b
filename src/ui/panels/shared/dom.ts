// Small helpers the panels build their plain DOM with: an element factory, byte and time
// formatting, and stable short names for namespace inode numbers.

export type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

export function seconds(us: number): string {
  const s = us / 1e6;
  return s < 10 ? `${s.toFixed(2)} s` : `${s.toFixed(1)} s`;
}

/** "pid:…2177": the tail of an inode number is enough to tell namespaces apart on screen. */
export function nsTag(type: string, ino: number): string {
  return `${type}:${String(ino).slice(-4)}`;
}

/** A hue per namespace inode, so processes sharing one show the same colour. */
export function nsHue(ino: number): number {
  return (ino * 47) % 360;
}
