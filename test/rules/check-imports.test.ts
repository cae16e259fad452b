// The import-rule check: every rule of DESIGN.md's table is shown to reject a planted import and
// to accept the imports it allows; the scanner finds every import form and nothing in comments or
// strings; and the command itself exits 1 and names file, line, import and rule.

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkImports } from '../../scripts/check-imports.ts';
import { scanImports } from '../../scripts/import-rules/scan-imports.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The rules broken by one file that holds one import line. */
function broken(path: string, importLine: string): string[] {
  return checkImports([{ path, text: `${importLine}\n` }]).violations.map((v) => v.rule);
}

describe('scanImports', () => {
  it('finds every import form with its line', () => {
    const text = [
      "import a from './a.ts';",
      "import type { B } from '../b.ts';",
      'import {',
      '  c,',
      "} from 'pkg-c';",
      "import './side-effect.css';",
      "export { d } from './d.ts';",
      "export * as e from '@scope/e/sub';",
      "export type { F } from './f.ts';",
      "const g = await import('./g.ts');",
      'const h = import(`./programs/${name}.ts`);',
      'const i = import(spec);',
      "import j = require('./j.ts');",
      'export const notAnImport = 1;',
    ].join('\n');
    expect(scanImports(text).map((r) => [r.line, r.kind, r.specifier, r.partial === true])).toEqual([
      [1, 'import', './a.ts', false],
      [2, 'import-type', '../b.ts', false],
      [3, 'import', 'pkg-c', false],
      [6, 'import', './side-effect.css', false],
      [7, 'export-from', './d.ts', false],
      [8, 'export-from', '@scope/e/sub', false],
      [9, 'export-from', './f.ts', false],
      [10, 'dynamic', './g.ts', false],
      [11, 'dynamic', './programs/', true],
      [12, 'dynamic', '', true],
      [13, 'import', './j.ts', false],
    ]);
  });

  it('ignores imports inside comments, strings, templates and regular expressions', () => {
    const text = [
      "// import x from 'in-line-comment';",
      "/* import y from 'in-block-comment'; */",
      "const s = \"import z from 'in-string'\";",
      "const t = `import w from 'in-template' ${1 + 1} import('in-template-tail')`;",
      "const r = /import v from 'in-regex'/;",
      'const o = { import: 1 }; o.import;',
      "import real from './real.ts';",
      'import.meta.url;',
    ].join('\n');
    expect(scanImports(text).map((r) => r.specifier)).toEqual(['./real.ts']);
  });
});

describe('checkImports', () => {
  it('accepts what each layer is allowed', () => {
    const allowed: Array<[string, string]> = [
      ['src/base/path.ts', "import { x } from './text.ts';"],
      ['src/abi/errno.ts', "import { x } from '../base/text.ts';"],
      ['src/kernel/task/clone.ts', "import { x } from '../../abi/errno.ts';"],
      ['src/kernel/syscalls/table.ts', "import { x } from '../task/clone.ts';"],
      ['src/kernel/fs/tmpfs/tmpfs.ts', "import { x } from '../memtree/mem-tree.ts';"],
      ['src/kernel/fs/diskfs/diskfs.ts', "import { x } from '../storage/store.ts';"],
      ['src/kernel/fs/overlay/super.ts', "import type { x } from '../vfs/types.ts';"],
      ['src/kernel/fs/filesystems.ts', "import { x } from './tmpfs/tmpfs.ts';"],
      ['src/runtime/images/pull.ts', "import { x } from '../../sys/sys.ts';"],
      ['src/programs/ls.ts', "import { x } from '../runtime/images/pull.ts';"],
      ['src/host/idb/idb-store.ts', "import { openDB } from 'idb';"],
      ['src/host/idb/idb-store.ts', "import type { Store } from '../../kernel/fs/storage/store.ts';"],
      ['src/worker/kernel.worker.ts', "import { expose } from 'comlink';"],
      ['src/worker/kernel.worker.ts', "import { IdbStore } from '../host/idb/idb-store.ts';"],
      ['src/worker/kernel.worker.ts', "import { table } from '../kernel/syscalls/table.ts';"],
      ['src/ui/terminal/view.ts', "import { Terminal } from '@xterm/xterm';"],
      ['src/ui/terminal/view.ts', "import '@xterm/xterm/css/xterm.css';"],
      ['src/ui/client/client.ts', "import { wrap } from 'comlink';"],
      ['src/ui/app/main.ts', "import type { KernelApi } from '../../protocol/kernel-api.ts';"],
      ['src/embed/sandbox.ts', "import { mount } from '../ui/app/mount.ts';"],
      ['src/cli/main.ts', "import { readFile } from 'node:fs/promises';"],
      ['src/cli/main.ts', "import { Kernel } from '../kernel/kernel.ts';"],
      ['src/kernel/fs/vfs/vfs.test.ts', "import { describe } from 'vitest';"],
      ['src/kernel/fs/vfs/vfs.test.ts', "import { storeContract } from '../../../../test/contract/store-contract.ts';"],
      ['src/base/sha256.test.ts', "import { createHash } from 'node:crypto';"],
    ];
    for (const [path, line] of allowed) expect(broken(path, line), `${path}: ${line}`).toEqual([]);
  });

  it('rejects imports that point up or sideways in the layer table', () => {
    const planted: Array<[string, string, RegExp]> = [
      ['src/base/path.ts', "import { x } from '../abi/errno.ts';", /base may import only nothing outside itself; not abi/],
      ['src/abi/errno.ts', "import { x } from '../kernel/events.ts';", /abi may import only base; not kernel/],
      ['src/kernel/task/clone.ts', "import { x } from '../../sys/sys.ts';", /kernel may import only base, abi; not sys/],
      ['src/kernel/kernel.ts', "import type { Api } from '../protocol/api.ts';", /not protocol/],
      ['src/sys/sys.ts', "import { x } from '../runtime/x.ts';", /sys may import only base, abi; not runtime/],
      ['src/runtime/x.ts', "import { x } from '../programs/ls.ts';", /not programs/],
      ['src/programs/ls.ts', "import { x } from '../kernel/kernel.ts';", /programs may import only base, abi, sys, runtime; not kernel/],
      ['src/host/idb/idb-store.ts', "import { x } from '../../kernel/fs/vfs/vfs.ts';", /host may import only base, abi, kernel\/fs\/storage; not kernel/],
      ['src/protocol/api.ts', "import { x } from '../kernel/events.ts';", /protocol may import only base, abi; not kernel/],
      ['src/worker/kernel.worker.ts', "import { x } from '../ui/app/main.ts';", /worker may import only .*; not ui/],
      ['src/ui/app/main.ts', "import { x } from '../../kernel/kernel.ts';", /ui may import only base, abi, protocol; not kernel/],
      ['src/embed/sandbox.ts', "import { x } from '../abi/errno.ts';", /embed may import only ui, protocol, base; not abi/],
      ['src/cli/main.ts', "import { x } from '../ui/app/main.ts';", /not ui/],
      ['src/kernel/kernel.ts', "const m = await import('../host/idb/idb-store.ts');", /kernel may import only base, abi; not host/],
      ['src/kernel/kernel.ts', "export { IdbStore } from '../host/idb/idb-store.ts';", /not host/],
      ['src/programs/registry.ts', 'const m = await import(`../kernel/${name}.ts`);', /not kernel/],
      ['src/programs/registry.ts', 'const m = await import(name);', /computed specifier/],
      ['src/kernel/kernel.ts', "import pkg from '../../package.json';", /imports only files under src\//],
      ['src/stray.ts', "import { x } from './base/path.ts';", /layer folder, not directly in src/],
      ['src/gadgets/x.ts', "import { x } from '../base/path.ts';", /'gadgets' is not a layer/],
    ];
    for (const [path, line, rule] of planted) {
      const rules = broken(path, line);
      expect(rules, `${path}: ${line}`).toHaveLength(1);
      expect(rules[0], `${path}: ${line}`).toMatch(rule);
    }
  });

  it('keeps the syscall table out of the kernel and the filesystems apart', () => {
    const planted: Array<[string, string, RegExp]> = [
      ['src/kernel/kernel.ts', "import { table } from './syscalls/table.ts';", /nothing in kernel imports kernel\/syscalls/],
      ['src/kernel/task/exec.ts', "import type { T } from '../syscalls/sys-proc.ts';", /kernel\/syscalls/],
      ['src/kernel/fs/vfs/vfs.ts', "import { TmpFs } from '../tmpfs/tmpfs.ts';", /vfs never imports a concrete filesystem \(tmpfs\)/],
      ['src/kernel/fs/vfs/mount.ts', "import type { Ovl } from '../overlay/super.ts';", /vfs never imports a concrete filesystem \(overlay\)/],
      ['src/kernel/fs/overlay/super.ts', "import { TmpFs } from '../tmpfs/tmpfs.ts';", /do not import a filesystem \(overlay -> tmpfs\)/],
      ['src/kernel/fs/diskfs/diskfs.ts', "import { x } from '../procfs/procfs.ts';", /\(diskfs -> procfs\)/],
      ['src/kernel/fs/memtree/mem-tree.ts', "import { x } from '../diskfs/diskfs.ts';", /\(memtree -> diskfs\)/],
      ['src/kernel/fs/overlay/inode.ts', "import { MemTree } from '../memtree/mem-tree.ts';", /memtree is a helper for tmpfs, diskfs, devfs only/],
      ['src/kernel/fs/vfs/vfs.ts', "import { MemTree } from '../memtree/mem-tree.ts';", /memtree is a helper for tmpfs, diskfs, devfs only/],
    ];
    for (const [path, line, rule] of planted) {
      const rules = broken(path, line);
      expect(rules, `${path}: ${line}`).toHaveLength(1);
      expect(rules[0], `${path}: ${line}`).toMatch(rule);
    }
  });

  it('lets programs import Sys as a type only', () => {
    expect(broken('src/programs/coreutils/cat.ts', "import type { Sys } from '../../sys/sys.ts';")).toEqual([]);
    expect(broken('src/programs/registry.ts', "import { Sys } from '../sys/sys.ts';")).toEqual([]);
    for (const line of ["import { type Sys } from '../../sys/sys.ts';", "import { isOutputFailure, type Sys } from '../../sys/sys.ts';"]) {
      const rules = broken('src/programs/lib/tool.ts', line);
      expect(rules, line).toHaveLength(1);
      expect(rules[0], line).toMatch(/`import type` only/);
    }
  });

  it('allows each package only where DESIGN.md puts it', () => {
    const planted: Array<[string, string, RegExp]> = [
      ['src/kernel/fs/storage/store.ts', "import { openDB } from 'idb';", /'idb' may be imported only in src\/host/],
      ['src/worker/kernel.worker.ts', "import { openDB } from 'idb';", /'idb' may be imported only in src\/host/],
      ['src/ui/app/main.ts', "import { Terminal } from '@xterm/xterm';", /'@xterm\/xterm' may be imported only in src\/ui\/terminal/],
      ['src/ui/client/client.ts', "import type { ITheme } from '@xterm/xterm';", /only in src\/ui\/terminal/],
      ['src/ui/app/main.ts', "import { wrap } from 'comlink';", /'comlink' may be imported only in src\/worker, src\/cli, src\/ui\/client/],
      ['src/host/idb/x.ts', "import { expose } from 'comlink';", /'comlink' may be imported only in/],
      ['src/kernel/kernel.ts', "import { Volume } from '@zenfs/core';", /'@zenfs\/core' is not on any layer's list/],
      ['src/kernel/kernel.ts', "import { readFile } from 'node:fs';", /Node built-ins \(node:fs\) may be imported only in src\/cli/],
      ['src/worker/kernel.worker.ts', "import { join } from 'path';", /Node built-ins \(path\)/],
      ['src/kernel/kernel.ts', "import { describe } from 'vitest';", /'vitest' is not on any layer's list/],
    ];
    for (const [path, line, rule] of planted) {
      const rules = broken(path, line);
      expect(rules, `${path}: ${line}`).toHaveLength(1);
      expect(rules[0], `${path}: ${line}`).toMatch(rule);
    }
  });
});

describe('scripts/check-imports.ts', () => {
  async function runCheck(tree: Record<string, string>): Promise<{ code: number; out: string }> {
    const dir = await mkdtemp(join(tmpdir(), 'cowbox-imports-'));
    try {
      for (const [path, text] of Object.entries(tree)) {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), text);
      }
      return await new Promise((resolve) => {
        execFile(
          join(root, 'node_modules/.bin/tsx'),
          [join(root, 'scripts/check-imports.ts'), '--root', dir],
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout + stderr }),
        );
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  const cleanTree = {
    'src/base/path.ts': 'export const sep = "/";\n',
    'src/kernel/fs/vfs/vfs.ts': "// The VFS.\nimport { sep } from '../../../base/path.ts';\nexport const root = sep;\n",
    'src/kernel/fs/tmpfs/tmpfs.ts': "import { root } from '../vfs/vfs.ts';\nexport const t = root;\n",
  };

  it('passes a tree that keeps the rules', async () => {
    const { code, out } = await runCheck(cleanTree);
    expect(out).toContain('check-imports: ok (3 files, 2 imports)');
    expect(code).toBe(0);
  }, 30_000);

  it('fails with file, line, import and rule when a violation is planted', async () => {
    const planted = {
      ...cleanTree,
      'src/kernel/fs/vfs/vfs.ts':
        "// The VFS.\nimport { sep } from '../../../base/path.ts';\nimport { t } from '../tmpfs/tmpfs.ts';\nexport const root = sep;\n",
    };
    const { code, out } = await runCheck(planted);
    expect(code).toBe(1);
    expect(out).toContain("src/kernel/fs/vfs/vfs.ts:3: import '../tmpfs/tmpfs.ts'");
    expect(out).toContain('breaks: vfs never imports a concrete filesystem (tmpfs)');
    expect(out).toContain('check-imports: FAIL: 1 import(s)');
  }, 30_000);
});
