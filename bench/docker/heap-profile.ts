// Where the heap of a running container goes: boots the docker machine, starts one container of
// alpine running sleep, takes a heap snapshot, starts N more, takes another, and prints the
// objects that are new in the second (by constructor, and by the constructor of what holds
// them), per container. Measurement only; run with
//   node --expose-gc --import tsx bench/docker/heap-profile.ts [N]
// It always prints the new memory by kind (each byte charged to its nearest named owner: the
// mount namespace, the overlay, blocked calls' async frames, files...). More, by environment:
//   TREE=prefix [TREE_DEPTH=n TREE_MIN=bytes TREE_OLD=1 TREE_TYPES=1]  the dominator tree below
//     new objects whose key starts with prefix ("object:Task"); TREE_OLD keeps only those hanging
//     from old objects (and prints what holds them); TREE_TYPES sums the subtrees by kind.
//   DETAIL=Class,...  what new objects of a class dominate, edge by edge.
//   WHO=Class,...     what holds new objects of a class.   PATH_OF=Class[:edge]  retainer chains.
//   OLD_HOLDERS=1     long-lived tables that grew, and what holds them.
// Keys name contexts by their variables ({reject,resolve,...}) and generators by their function.

import fs from 'node:fs';
import v8 from 'node:v8';
import { dockerMachine, heapAfterGc } from './workloads.ts';

interface Snap {
  ids: Int32Array | number[];
  names: string[];
  types: string[];
  sizes: number[];
  nodeFields: number;
  nodes: number[];
  edges: number[];
  edgeFields: number;
  strings: string[];
  edgeTypes: string[];
  nodeTypes: string[];
  firstEdge: number[];
}

function load(path: string): Snap {
  const raw = JSON.parse(fs.readFileSync(path, 'utf8'));
  const meta = raw.snapshot.meta;
  const nf = meta.node_fields.length;
  const ef = meta.edge_fields.length;
  const nodes: number[] = raw.nodes;
  const n = nodes.length / nf;
  const firstEdge = new Array<number>(n);
  let e = 0;
  const ecIdx = meta.node_fields.indexOf('edge_count');
  for (let i = 0; i < n; i++) {
    firstEdge[i] = e;
    e += nodes[i * nf + ecIdx]! * ef;
  }
  return {
    ids: [], names: [], types: [], sizes: [], nodeFields: nf, nodes, edges: raw.edges, edgeFields: ef, strings: raw.strings,
    edgeTypes: meta.edge_types[0], nodeTypes: meta.node_types[0], firstEdge,
  };
}

function closureWhere(s: Snap, i: number): string {
  // The shared function info's name is empty for arrows; its script position is not in the
  // snapshot, so name the closure by the names of its own properties or its context's variables.
  const end = i + 1 < s.nodes.length / s.nodeFields ? s.firstEdge[i + 1]! : s.edges.length;
  const props: string[] = [];
  for (let e = s.firstEdge[i]!; e < end; e += s.edgeFields) {
    const et = s.edgeTypes[s.edges[e]!]!;
    if (et === 'property') props.push(String(s.strings[s.edges[e + 1]!]));
    if (et === 'internal' && s.strings[s.edges[e + 1]!] === 'context') {
      const ctx = s.edges[e + s.edgeFields - 1]! / s.nodeFields;
      const cend = s.firstEdge[ctx + 1] ?? s.edges.length;
      for (let f = s.firstEdge[ctx]!; f < cend; f += s.edgeFields) {
        if (s.edgeTypes[s.edges[f]!] === 'context') props.push(`c.${s.strings[s.edges[f + 1]!]}`);
      }
    }
  }
  return props.slice(0, 6).join(',');
}

/** The variable names a function context holds: which async frame or closure scope it is. */
function contextVars(s: Snap, i: number): string {
  const end = i + 1 < s.nodes.length / s.nodeFields ? s.firstEdge[i + 1]! : s.edges.length;
  const vars: string[] = [];
  for (let e = s.firstEdge[i]!; e < end; e += s.edgeFields) {
    if (s.edgeTypes[s.edges[e]!] === 'context') vars.push(String(s.strings[s.edges[e + 1]!]));
  }
  return vars.slice(0, 6).join(',');
}

/** The name of the async function a generator object runs. */
function generatorFunction(s: Snap, i: number): string {
  const end = i + 1 < s.nodes.length / s.nodeFields ? s.firstEdge[i + 1]! : s.edges.length;
  for (let e = s.firstEdge[i]!; e < end; e += s.edgeFields) {
    if (s.strings[s.edges[e + 1]!] !== 'function') continue;
    const f = s.edges[e + s.edgeFields - 1]! / s.nodeFields;
    return String(s.strings[s.nodes[f * s.nodeFields + 1]!]) || '(anon)';
  }
  return '?';
}

function nodeKey(s: Snap, i: number): string {
  const b = i * s.nodeFields;
  const type = s.nodeTypes[s.nodes[b]!]!;
  let name = s.strings[s.nodes[b + 1]!]!;
  if (type === 'string' || type === 'concatenated string' || type === 'sliced string') name = JSON.stringify(name.slice(0, 40));
  if (type === 'code' || type === 'hidden') name = name.slice(0, 50);
  if (type === 'closure' && name === '') name = `anon@${closureWhere(s, i)}`;
  if (type === 'object' && name === 'system / Context') name += ` {${contextVars(s, i)}}`;
  if (type === 'object' && name === 'Generator') name += ` ${generatorFunction(s, i)}`;
  return `${type}:${name.slice(0, 80)}`;
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 50);
  const m = await dockerMachine();
  const must = async (script: string): Promise<string> => {
    const r = await m.run(`${script} 2>&1; echo "exit=$?"`);
    if (!r.out.trimEnd().endsWith('exit=0')) throw new Error(`${script} failed:\n${r.out}`);
    return r.out;
  };
  await must('docker pull -q alpine');
  // A few containers first, so that code compiled on the way is in both snapshots.
  await must(`i=0; while [ $i -lt 5 ]; do ${process.env.WORKLOAD ?? 'docker run -d alpine sleep 100000 >/dev/null'} || exit 1; i=$((i+1)); done`);
  const tasksBefore = m.kernel.tasks.size;
  const before = heapAfterGc();
  const a = v8.writeHeapSnapshot('/tmp/heap-a.heapsnapshot');
  const workload = process.env.WORKLOAD ?? 'docker run -d alpine sleep 100000 >/dev/null';
  await must(`i=0; while [ $i -lt ${count} ]; do ${workload} || exit 1; i=$((i+1)); done`);
  const after = heapAfterGc();
  const b = v8.writeHeapSnapshot('/tmp/heap-b.heapsnapshot');
  const comms = new Map<string, number>();
  let k = 0;
  for (const t of m.kernel.tasks.values()) if (k++ >= tasksBefore) comms.set(`${t.comm}:${t.state}`, (comms.get(`${t.comm}:${t.state}`) ?? 0) + 1);
  console.log(`tasks per container: ${(m.kernel.tasks.size - tasksBefore) / count}`, [...comms].map(([c, v]) => `${c} ${v / count}`).join(', '));
  console.log(`heap per container: ${Math.round((after - before) / count)} B (${count} containers)`);

  const sa = load(a);
  const idIdx = 2;
  const sizeIdx = 3;
  const oldIds = new Set<number>();
  for (let i = 0; i < sa.nodes.length; i += sa.nodeFields) oldIds.add(sa.nodes[i + idIdx]!);
  const sb = load(b);
  const n = sb.nodes.length / sb.nodeFields;
  const isNew = new Uint8Array(n);
  const byKey = new Map<string, { count: number; size: number }>();
  let total = 0;
  for (let i = 0; i < n; i++) {
    const base = i * sb.nodeFields;
    if (oldIds.has(sb.nodes[base + idIdx]!)) continue;
    isNew[i] = 1;
    const k = nodeKey(sb, i);
    const v = byKey.get(k) ?? { count: 0, size: 0 };
    v.count++;
    v.size += sb.nodes[base + sizeIdx]!;
    total += sb.nodes[base + sizeIdx]!;
    byKey.set(k, v);
  }
  // Retainers of new nodes: for each new node, the first retaining node (not weak) and edge name.
  const retainer = new Map<string, { count: number; size: number }>();
  const toNodeIdx = sb.edgeFields - 1;
  const edgeNameIdx = 1;
  for (let i = 0; i < n; i++) {
    const from = nodeKey(sb, i);
    const end = i + 1 < n ? sb.firstEdge[i + 1]! : sb.edges.length;
    for (let e = sb.firstEdge[i]!; e < end; e += sb.edgeFields) {
      const et = sb.edgeTypes[sb.edges[e]!]!;
      if (et === 'weak' || et === 'shortcut') continue;
      const to = sb.edges[e + toNodeIdx]! / sb.nodeFields;
      if (!isNew[to]) continue;
      const nameRaw = sb.edges[e + edgeNameIdx]!;
      const en = et === 'element' || et === 'hidden' ? `[${et}]` : String(sb.strings[nameRaw]);
      const k = `${nodeKey(sb, to)}  <-${en}-  ${from}`;
      const v = retainer.get(k) ?? { count: 0, size: 0 };
      v.count++;
      v.size += sb.nodes[to * sb.nodeFields + sizeIdx]!;
      retainer.set(k, v);
    }
  }
  console.log(`new objects total self size per container: ${Math.round(total / count)} B`);
  // Dominators (Cooper, Harvey and Kennedy's iterative algorithm over a reverse post-order):
  // the new objects whose immediate dominator is old are where the new memory hangs from.
  const nodeCount = n;
  const order = new Int32Array(nodeCount).fill(-1); // post-order number
  const byOrder = new Int32Array(nodeCount);
  {
    const stack: number[] = [0];
    const edgeAt: number[] = [sb.firstEdge[0]!];
    const visited = new Uint8Array(nodeCount);
    visited[0] = 1;
    let po = 0;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const end = top + 1 < nodeCount ? sb.firstEdge[top + 1]! : sb.edges.length;
      let e = edgeAt[edgeAt.length - 1]!;
      let pushed = false;
      for (; e < end; e += sb.edgeFields) {
        const et = sb.edgeTypes[sb.edges[e]!]!;
        if (et === 'weak' || et === 'shortcut') continue;
        const to = sb.edges[e + toNodeIdx]! / sb.nodeFields;
        if (visited[to]) continue;
        visited[to] = 1;
        edgeAt[edgeAt.length - 1] = e + sb.edgeFields;
        stack.push(to);
        edgeAt.push(sb.firstEdge[to]!);
        pushed = true;
        break;
      }
      if (!pushed) {
        stack.pop();
        edgeAt.pop();
        order[top] = po;
        byOrder[po++] = top;
      }
    }
  }
  // Predecessors in post-order numbers.
  const predCount = new Int32Array(nodeCount + 1);
  for (let i = 0; i < nodeCount; i++) {
    if (order[i] < 0) continue;
    const end = i + 1 < nodeCount ? sb.firstEdge[i + 1]! : sb.edges.length;
    for (let e = sb.firstEdge[i]!; e < end; e += sb.edgeFields) {
      const et = sb.edgeTypes[sb.edges[e]!]!;
      if (et === 'weak' || et === 'shortcut') continue;
      predCount[order[sb.edges[e + toNodeIdx]! / sb.nodeFields]! + 1]++;
    }
  }
  for (let i = 1; i <= nodeCount; i++) predCount[i] += predCount[i - 1]!;
  const preds = new Int32Array(predCount[nodeCount]!);
  const fill = predCount.slice();
  for (let i = 0; i < nodeCount; i++) {
    if (order[i] < 0) continue;
    const end = i + 1 < nodeCount ? sb.firstEdge[i + 1]! : sb.edges.length;
    for (let e = sb.firstEdge[i]!; e < end; e += sb.edgeFields) {
      const et = sb.edgeTypes[sb.edges[e]!]!;
      if (et === 'weak' || et === 'shortcut') continue;
      const to = order[sb.edges[e + toNodeIdx]! / sb.nodeFields]!;
      preds[fill[to]++] = order[i]!;
    }
  }
  const rootPo = order[0]!;
  const idom = new Int32Array(nodeCount).fill(-1);
  idom[rootPo] = rootPo;
  for (let changed = true; changed; ) {
    changed = false;
    for (let b = rootPo - 1; b >= 0; b--) {
      let nd = -1;
      for (let p = predCount[b]!; p < predCount[b + 1]!; p++) {
        let x = preds[p]!;
        if (idom[x] < 0) continue;
        if (nd < 0) { nd = x; continue; }
        let y = nd;
        while (x !== y) {
          while (x < y) x = idom[x]!;
          while (y < x) y = idom[y]!;
        }
        nd = x;
      }
      if (nd >= 0 && idom[b] !== nd) { idom[b] = nd; changed = true; }
    }
  }
  const retained = new Float64Array(nodeCount); // by post-order
  for (let po = 0; po < rootPo; po++) retained[po] += sb.nodes[byOrder[po]! * sb.nodeFields + sizeIdx]!;
  for (let po = 0; po < rootPo; po++) if (idom[po]! >= 0 && idom[po] !== po) retained[idom[po]!] += retained[po]!;
  const hang = new Map<string, { count: number; size: number }>();
  for (let po = 0; po < rootPo; po++) {
    const i = byOrder[po]!;
    if (!isNew[i] || idom[po]! < 0) continue;
    const d = byOrder[idom[po]!]!;
    if (isNew[d]) continue;
    const k = `${nodeKey(sb, i)}  (under old ${nodeKey(sb, d)})`;
    const v = hang.get(k) ?? { count: 0, size: 0 };
    v.count++;
    v.size += retained[po]!;
    hang.set(k, v);
  }
  console.log('\n--- new memory by where it hangs (retained size of new objects dominated by old ones) ---');
  for (const [k, v] of [...hang].sort((x, y) => y[1].size - x[1].size).slice(0, Number(process.env.TOPH ?? 50))) {
    console.log(`${String(Math.round(v.size / count)).padStart(7)} B ${(v.count / count).toFixed(1).padStart(7)}x  ${k}`);
  }
  // And by class, the retained size of new objects of interesting classes (overlaps).
  const cls = new Map<string, { count: number; size: number }>();
  for (let po = 0; po < rootPo; po++) {
    const i = byOrder[po]!;
    if (!isNew[i]) continue;
    const k = nodeKey(sb, i);
    if (!/^object:[A-Z]/.test(k)) continue;
    const v = cls.get(k) ?? { count: 0, size: 0 };
    v.count++;
    v.size += retained[po]!;
    cls.set(k, v);
  }
  console.log('\n--- retained size by class (new objects, overlapping) ---');
  for (const [k, v] of [...cls].sort((x, y) => y[1].size - x[1].size).slice(0, 40)) {
    console.log(`${String(Math.round(v.size / count)).padStart(7)} B ${(v.count / count).toFixed(1).padStart(7)}x  ${k}`);
  }
  // What each new object of the classes in DETAIL holds (children it dominates), by edge name.
  for (const want of (process.env.DETAIL ?? 'Task').split(',')) {
    const edgesBy = new Map<string, { count: number; size: number }>();
    let objs = 0;
    for (let po = 0; po < rootPo; po++) {
      const i = byOrder[po]!;
      if (!isNew[i] || nodeKey(sb, i) !== `object:${want}`) continue;
      objs++;
      const end = i + 1 < nodeCount ? sb.firstEdge[i + 1]! : sb.edges.length;
      for (let e = sb.firstEdge[i]!; e < end; e += sb.edgeFields) {
        const to = sb.edges[e + toNodeIdx]! / sb.nodeFields;
        const tpo = order[to]!;
        if (tpo < 0 || idom[tpo] !== po) continue;
        const et = sb.edgeTypes[sb.edges[e]!]!;
        const en = et === 'element' || et === 'hidden' ? `[${sb.edges[e + 1]}]` : String(sb.strings[sb.edges[e + 1]!]);
        const k = `${en} -> ${nodeKey(sb, to)}`;
        const v = edgesBy.get(k) ?? { count: 0, size: 0 };
        v.count++;
        v.size += retained[tpo]!;
        edgesBy.set(k, v);
      }
    }
    console.log(`\n--- what new ${want} objects (${objs}) dominate, per container ---`);
    for (const [k, v] of [...edgesBy].sort((x, y) => y[1].size - x[1].size).slice(0, 25)) {
      console.log(`${String(Math.round(v.size / count)).padStart(7)} B ${(v.count / count).toFixed(1).padStart(7)}x  ${k}`);
    }
  }
  // Retainers of new objects of the classes in WHO (edges into them), to find what keeps them.
  for (const want of (process.env.WHO ?? '').split(',').filter(Boolean)) {
    const into = new Map<string, number>();
    for (let i = 0; i < nodeCount; i++) {
      const end = i + 1 < nodeCount ? sb.firstEdge[i + 1]! : sb.edges.length;
      for (let e = sb.firstEdge[i]!; e < end; e += sb.edgeFields) {
        const to = sb.edges[e + toNodeIdx]! / sb.nodeFields;
        if (!isNew[to] || nodeKey(sb, to) !== `object:${want}`) continue;
        const et = sb.edgeTypes[sb.edges[e]!]!;
        const en = et === 'element' || et === 'hidden' ? `[${et}]` : String(sb.strings[sb.edges[e + 1]!]);
        const k = `${want} <-${en}- ${nodeKey(sb, i)}${isNew[i] ? '' : ' (old)'}`;
        into.set(k, (into.get(k) ?? 0) + 1);
      }
    }
    console.log(`\n--- what holds new ${want} objects ---`);
    for (const [k, v] of [...into].sort((x, y) => y[1] - x[1]).slice(0, 30)) console.log(`${(v / count).toFixed(2).padStart(7)}x  ${k}`);
  }
  // PATH=Class: for a few new objects of that class, a chain of retainers up to an old object.
  if (process.env.PATH_OF) {
    const [cls, edgeWanted] = process.env.PATH_OF.split(':');
    const rev = new Map<number, Array<[number, string]>>();
    for (let i = 0; i < nodeCount; i++) {
      const end = i + 1 < nodeCount ? sb.firstEdge[i + 1]! : sb.edges.length;
      for (let e = sb.firstEdge[i]!; e < end; e += sb.edgeFields) {
        const et = sb.edgeTypes[sb.edges[e]!]!;
        if (et === 'weak' || et === 'shortcut') continue;
        const to = sb.edges[e + toNodeIdx]! / sb.nodeFields;
        if (!isNew[to]) continue;
        const en = et === 'element' || et === 'hidden' ? `[${sb.edges[e + 1]}]` : String(sb.strings[sb.edges[e + 1]!]);
        (rev.get(to) ?? rev.set(to, []).get(to)!).push([i, en]);
      }
    }
    let shown = 0;
    for (let i = 0; i < nodeCount && shown < 3; i++) {
      if (!isNew[i] || nodeKey(sb, i) !== `object:${cls}`) continue;
      if (edgeWanted) {
        const end = i + 1 < nodeCount ? sb.firstEdge[i + 1]! : sb.edges.length;
        let has = false;
        for (let e = sb.firstEdge[i]!; e < end; e += sb.edgeFields) if (sb.strings[sb.edges[e + 1]!] === edgeWanted && sb.edgeTypes[sb.edges[e]!] === 'property') has = nodeKey(sb, sb.edges[e + toNodeIdx]! / sb.nodeFields) !== 'object:null' && !nodeKey(sb, sb.edges[e + toNodeIdx]! / sb.nodeFields).startsWith('hidden');
        if (!has) continue;
      }
      shown++;
      console.log(`\n--- retainer tree of a new ${cls} ---`);
      const seen = new Set<number>([i]);
      const walk = (n: number, depth: number): void => {
        if (depth > 7) return;
        for (const [from, en] of (rev.get(n) ?? []).slice(0, 4)) {
          console.log(`${'  '.repeat(depth)}<-${en}- ${nodeKey(sb, from)}${isNew[from] ? '' : ' (old)'}`);
          if (isNew[from] && !seen.has(from)) {
            seen.add(from);
            walk(from, depth + 1);
          }
        }
      };
      walk(i, 1);
    }
  }
  // Every new byte charged to the nearest object (itself or a dominator) of a named kind, so
  // the categories add up to the whole: the breakdown the heap figure is explained by.
  {
    const kinds: Array<[string, RegExp]> = [
      ['mount namespace', /^object:MountNamespace$/],
      ['overlay', /^object:(OverlayFs|OvlNode)/],
      ['waits (async frames of blocked calls)', /^object:(system \/ Context \{reject|Generator|Promise$)/],
      ['process (Task)', /^object:Task$/],
      ['files (memtree inodes)', /^object:MemInode$/],
      ['cgroup', /^object:(Cgroup|MemoryCss|CpuCss|PidsCss|CgroupFs|CgroupDirNode)/],
      ['procfs', /^object:(PidDir|ProcFs|RootDir|StaticDir|ProcLink|ProcFile)/],
      ['compiled code', /^code:/],
    ];
    // An inode's filesystem (its `fs` property): the machine's disk, or one a container mounted.
    const fsClassOf = (i: number): string => {
      const end = i + 1 < nodeCount ? sb.firstEdge[i + 1]! : sb.edges.length;
      for (let e = sb.firstEdge[i]!; e < end; e += sb.edgeFields) {
        if (sb.edgeTypes[sb.edges[e]!] !== 'property' || sb.strings[sb.edges[e + 1]!] !== 'fs') continue;
        const fs = sb.edges[e + toNodeIdx]! / sb.nodeFields;
        return `${isNew[fs] ? "a container's own" : "the machine's"} ${nodeKey(sb, fs).replace(/^object:/, '')}`;
      }
      return '?';
    };
    const sums = new Map<string, number>();
    const others = new Map<string, number>();
    const cat = new Array<string | undefined>(rootPo + 1);
    for (let po = rootPo - 1; po >= 0; po--) {
      // Reverse post-order visits a dominator before what it dominates.
      const i = byOrder[po]!;
      const key = nodeKey(sb, i);
      let own = kinds.find(([, re]) => re.test(key))?.[0];
      if (own === 'files (memtree inodes)') own = `files (memtree inodes, ${fsClassOf(i)})`;
      const d = idom[po]!;
      cat[po] = own ?? (d >= 0 && d !== po ? cat[d] : undefined);
      if (!isNew[i]) continue;
      const k = cat[po] ?? 'other';
      sums.set(k, (sums.get(k) ?? 0) + sb.nodes[i * sb.nodeFields + sizeIdx]!);
      if (k === 'other') {
        // Name "other" by the object just below the old one it hangs from.
        let top = po;
        while (idom[top]! >= 0 && idom[top] !== top && isNew[byOrder[idom[top]!]!]) top = idom[top]!;
        const tk = `${nodeKey(sb, byOrder[top]!).slice(0, 70)}`;
        others.set(tk, (others.get(tk) ?? 0) + sb.nodes[i * sb.nodeFields + sizeIdx]!);
      }
    }
    console.log('\n--- new memory by kind (self sizes charged to the nearest named owner, per container) ---');
    for (const [k, v] of [...sums].sort((x, y) => y[1] - x[1])) console.log(`${String(Math.round(v / count)).padStart(7)} B  ${k}`);
    for (const [k, v] of [...others].sort((x, y) => y[1] - x[1]).slice(0, Number(process.env.OTHERS ?? 15))) {
      console.log(`${String(Math.round(v / count)).padStart(7)} B    other: ${k}`);
    }
  }
  // OLD_HOLDERS=1: the old objects that new memory hangs from directly (a Map's grown table),
  // with what holds them, to tell which long-lived table grows with each container.
  if (process.env.OLD_HOLDERS) {
    const into = new Map<number, Array<[number, string]>>();
    for (let i = 0; i < nodeCount; i++) {
      const end = i + 1 < nodeCount ? sb.firstEdge[i + 1]! : sb.edges.length;
      for (let e = sb.firstEdge[i]!; e < end; e += sb.edgeFields) {
        const et = sb.edgeTypes[sb.edges[e]!]!;
        if (et === 'weak' || et === 'shortcut') continue;
        const to = sb.edges[e + toNodeIdx]! / sb.nodeFields;
        const en = et === 'element' || et === 'hidden' ? '[]' : String(sb.strings[sb.edges[e + 1]!]);
        (into.get(to) ?? into.set(to, []).get(to)!).push([i, en]);
      }
    }
    const olds = new Map<number, number>();
    for (let po = 0; po < rootPo; po++) {
      const i = byOrder[po]!;
      if (!isNew[i] || idom[po]! < 0) continue;
      const d = byOrder[idom[po]!]!;
      if (isNew[d] || !/^object:(Map|Set|WeakMap|Array)/.test(nodeKey(sb, d))) continue;
      olds.set(d, (olds.get(d) ?? 0) + retained[po]!);
    }
    console.log('\n--- old tables that grew (retained growth per container, and their holders) ---');
    for (const [d, size] of [...olds].sort((x, y) => y[1] - x[1]).slice(0, 12)) {
      const chain: string[] = [];
      let cur = d;
      for (let k = 0; k < 5; k++) {
        const h = (into.get(cur) ?? []).find(([f]) => !nodeKey(sb, f).startsWith('synthetic'));
        if (!h) break;
        chain.push(`<-${h[1]}- ${nodeKey(sb, h[0]).slice(0, 50)}`);
        cur = h[0];
      }
      console.log(`${String(Math.round(size / count)).padStart(7)} B  ${nodeKey(sb, d)} ${chain.join(' ')}`);
    }
  }
  // TREE=prefix: the dominator tree below the new objects whose key starts with prefix, summed
  // over all of them by edge path (per container), down to TREE_DEPTH levels.
  if (process.env.TREE) {
    const want = process.env.TREE;
    const depthMax = Number(process.env.TREE_DEPTH ?? 4);
    const sums = new Map<string, { count: number; size: number }>();
    // Children in the dominator tree, with the name of a direct edge when there is one.
    const kids = new Map<number, number[]>();
    for (let po = 0; po < rootPo; po++) {
      const d = idom[po]!;
      if (d < 0 || d === po) continue;
      (kids.get(d) ?? kids.set(d, []).get(d)!).push(po);
    }
    const edgeName = (from: number, to: number): string => {
      const end = from + 1 < nodeCount ? sb.firstEdge[from + 1]! : sb.edges.length;
      for (let e = sb.firstEdge[from]!; e < end; e += sb.edgeFields) {
        if (sb.edges[e + toNodeIdx]! / sb.nodeFields !== to) continue;
        const et = sb.edgeTypes[sb.edges[e]!]!;
        return et === 'element' || et === 'hidden' ? '[]' : String(sb.strings[sb.edges[e + 1]!]);
      }
      return '~';
    };
    const heldBy = new Map<string, number>();
    const holders = new Map<number, Array<[number, string]>>();
    if (process.env.TREE_OLD) {
      for (let i = 0; i < nodeCount; i++) {
        const end = i + 1 < nodeCount ? sb.firstEdge[i + 1]! : sb.edges.length;
        for (let e = sb.firstEdge[i]!; e < end; e += sb.edgeFields) {
          const et = sb.edgeTypes[sb.edges[e]!]!;
          if (et === 'weak' || et === 'shortcut') continue;
          const to = sb.edges[e + toNodeIdx]! / sb.nodeFields;
          if (!isNew[to] || !nodeKey(sb, to).startsWith(want)) continue;
          const en = et === 'element' || et === 'hidden' ? '[]' : String(sb.strings[sb.edges[e + 1]!]);
          (holders.get(to) ?? holders.set(to, []).get(to)!).push([i, en]);
        }
      }
    }
    const visit = (i: number, path: string, depth: number): void => {
      const po = order[i]!;
      const v = sums.get(path) ?? { count: 0, size: 0 };
      v.count++;
      v.size += retained[po]!;
      sums.set(path, v);
      if (depth >= depthMax) return;
      for (const cpo of kids.get(po) ?? []) {
        const to = byOrder[cpo]!;
        visit(to, `${path} / ${edgeName(i, to)}:${nodeKey(sb, to).slice(0, 60)}`, depth + 1);
      }
    };
    for (let po = 0; po < rootPo; po++) {
      const i = byOrder[po]!;
      if (!isNew[i] || !nodeKey(sb, i).startsWith(want)) continue;
      const d = idom[po]!;
      if (d >= 0 && isNew[byOrder[d]!] && (process.env.TREE_OLD || nodeKey(sb, byOrder[d]!).startsWith(want))) continue;
      visit(i, nodeKey(sb, i).slice(0, 60), 0);
      if (process.env.TREE_OLD) {
        for (const [from, en] of holders.get(i) ?? []) {
          const k = `${nodeKey(sb, i).slice(0, 40)} <-${en}- ${nodeKey(sb, from).slice(0, 60)}${isNew[from] ? '' : ' (old)'}`;
          heldBy.set(k, (heldBy.get(k) ?? 0) + 1);
        }
      }
    }
    for (const [k, v] of [...heldBy].sort((x, y) => y[1] - x[1]).slice(0, 30)) console.log(`${(v / count).toFixed(2).padStart(7)}x  ${k}`);
    if (process.env.TREE_TYPES) {
      // Self sizes of everything in those subtrees, by kind of object.
      const kinds = new Map<string, { count: number; size: number }>();
      const add = (po: number): void => {
        const i = byOrder[po]!;
        const k = nodeKey(sb, i).slice(0, 70);
        const v = kinds.get(k) ?? { count: 0, size: 0 };
        v.count++;
        v.size += sb.nodes[i * sb.nodeFields + sizeIdx]!;
        kinds.set(k, v);
        for (const c of kids.get(po) ?? []) add(c);
      };
      for (let po = 0; po < rootPo; po++) {
        const i = byOrder[po]!;
        if (!isNew[i] || !nodeKey(sb, i).startsWith(want)) continue;
        const d = idom[po]!;
        if (d >= 0 && isNew[byOrder[d]!] && (process.env.TREE_OLD || nodeKey(sb, byOrder[d]!).startsWith(want))) continue;
        add(po);
      }
      console.log(`\n--- self sizes in the subtrees of new ${want}, by kind (per container) ---`);
      for (const [k, v] of [...kinds].sort((x, y) => y[1].size - x[1].size).slice(0, 40)) {
        console.log(`${String(Math.round(v.size / count)).padStart(7)} B ${(v.count / count).toFixed(1).padStart(6)}x  ${k}`);
      }
    }
    console.log(`\n--- dominator tree under new ${want} (per container) ---`);
    for (const [k, v] of [...sums].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
      if (v.size / count < Number(process.env.TREE_MIN ?? 100)) continue;
      console.log(`${String(Math.round(v.size / count)).padStart(7)} B ${(v.count / count).toFixed(1).padStart(6)}x  ${k}`);
    }
  }
  const top = [...byKey].sort((x, y) => y[1].size - x[1].size).slice(0, Number(process.env.TOP ?? 60));
  for (const [k, v] of top) console.log(`${String(Math.round(v.size / count)).padStart(7)} B ${(v.count / count).toFixed(1).padStart(7)}x  ${k}`);
  console.log('\n--- by retainer (edges into new objects) ---');
  const topR = [...retainer].sort((x, y) => y[1].size - x[1].size).slice(0, Number(process.env.TOPR ?? 80));
  for (const [k, v] of topR) console.log(`${String(Math.round(v.size / count)).padStart(7)} B ${(v.count / count).toFixed(1).padStart(7)}x  ${k}`);
  process.exit(0);
}

void main();
