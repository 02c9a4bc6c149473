import { analyseSource } from './analyse-source';
import { createSourcePool } from './source-pool';
import { loadWasmGrammars } from './tree-sitter/grammar-loader';

const FILES: Record<string, string> = {
  'src/a.ts': "import { b } from './b';\nexport function f(x?: number) { return x ?? b; }\n",
  'lib/b.py': 'import os\n\ndef g(a, b=1):\n    return a or b\n',
  'cmd/main.go': 'package main\n\nimport "fmt"\n\nfunc main() { if true { fmt.Println() } }\n',
  'src/Main.java': 'package a;\nclass Main { int f(int x) { return x > 0 ? 1 : 0; } }\n',
  // WebAssembly grammar: each worker loads it before its first batch.
  'lib/cart.dart':
    "import 'package:shop/item.dart';\nint total(List<int> xs) => xs.isEmpty ? 0 : xs.length;\n",
  'notes.txt': 'not source',
};

describe('createSourcePool', () => {
  // For the in-process comparison below; the workers load it themselves.
  beforeAll(() => loadWasmGrammars());

  it('gives the same facts as in-process analysis, spread over worker threads', async () => {
    const pool = createSourcePool(2);
    try {
      expect(pool.threads).toBe(2);
      const paths = Object.keys(FILES);
      const results = await Promise.all(paths.map((path) => pool.analyse(path, FILES[path])));
      expect(results).toEqual(paths.map((path) => analyseSource(path, FILES[path])));
      expect(results[0]?.functions[0]).toMatchObject({ name: 'f', complexity: 2 });
      expect(results[4]).toMatchObject({ language: 'dart', functions: [{ name: 'total', complexity: 2 }] });
      expect(results[5]).toBeUndefined();
    } finally {
      await pool.close();
    }
  });

  it('keeps answering after close, in-process', async () => {
    const pool = createSourcePool(1);
    await pool.close();
    await expect(pool.analyse('x.rb', "require 'json'\n")).resolves.toMatchObject({
      language: 'ruby',
      imports: [{ specifier: 'json' }],
    });
  });
});
