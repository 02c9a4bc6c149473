import { analyseSource } from '../analyse-source';
import type { SourceFacts } from '../source-facts';

function analyse(path: string, code: string): SourceFacts {
  const facts = analyseSource(path, code);
  if (!facts) throw new Error(`no facts for ${path}`);
  return facts;
}

function byName(facts: SourceFacts): Record<string, [number, number]> {
  return Object.fromEntries(facts.functions.map((f) => [f.name, [f.complexity, f.cognitive]]));
}

describe('TypeScript/JavaScript source facts', () => {
  it('scores cognitive complexity as SonarSource specifies (hand-counted)', () => {
    const code = [
      'function sumOfPrimes(max: number): number {', // Sonar's own example: 7
      '  let total = 0;',
      '  OUT: for (let i = 1; i <= max; ++i) {', // +1
      '    for (let j = 2; j < i; ++j) {', // +2 (nesting 1)
      '      if (i % j === 0) {', // +3 (nesting 2)
      '        continue OUT;', // +1
      '      }',
      '    }',
      '    total += i;',
      '  }',
      '  return total;',
      '}',
      'function getWords(n: number): string {', // Sonar's other example: 1
      '  switch (n) {',
      "    case 1: return 'one';",
      "    case 2: return 'a couple';",
      "    default: return 'lots';",
      '  }',
      '}',
      'function mixed(a: boolean, b: boolean, c: boolean, d: boolean, items: boolean[]) {',
      '  if (a && b || c && d) {', // +1, and +3 for three runs of like operators
      '    return a ? (b ? 1 : 2) : 3;', // +2 (nesting 1), +3 (nesting 2)
      '  } else if (b) {', // +1
      '    items.forEach((x) => { if (x) { return; } });', // the arrow's own: +3 (nesting 2)
      '  } else {', // +1
      '    return 0;',
      '  }',
      '  try { return 1; } catch (e) { while (a) { a = !a; } }', // +1, +2
      '}',
    ].join('\n');
    expect(byName(analyse('src/a.ts', code))).toEqual({
      sumOfPrimes: [4, 7],
      getWords: [3, 1],
      mixed: [10, 14],
      '<arrow>': [2, 3],
    });
  });

  it('names functions after their declarations, classes and the variables holding them', () => {
    const code = [
      'export class Cart {',
      '  total = 0;',
      '  static { Cart.count = 0; }',
      '  constructor(private readonly id: string) {}',
      '  get size() { return 1; }',
      '  add = (n: number) => { this.total += n; };',
      '  checkout() { return function () { return 1; }; }',
      '}',
      'const helper = function () { return 2; };',
      'export default () => 3;',
      'module.exports.run = () => 4;',
    ].join('\n');
    const facts = analyse('src/cart.ts', code);
    expect(facts.functions.map((f) => [f.name, f.kind, f.line])).toEqual([
      ['Cart.total', 'initializer', 2],
      ['Cart.static', 'initializer', 3],
      ['Cart.constructor', 'constructor', 4],
      ['Cart.size', 'accessor', 5],
      ['Cart.add', 'initializer', 6],
      ['add', 'lambda', 6],
      ['Cart.checkout', 'method', 7],
      ['<anonymous>', 'function', 7],
      ['helper', 'function', 9],
      ['default', 'lambda', 10],
      ['run', 'lambda', 11],
    ]);
    expect(facts.symbols).toEqual(['Cart', 'size', 'add', 'checkout', 'helper', 'default', 'run']);
  });

  it('lists every import form, flagging type-only ones', () => {
    const code = [
      '/// <reference path="./globals.d.ts" />',
      "import a from './a';",
      "import type { B } from './b';",
      "import { type C, type D } from './c';",
      "import { type E, F } from './e';",
      "import './side-effect';",
      "export * from './all';",
      "export type { G } from './g';",
      "export { H } from '@scope/pkg/sub';",
      "import fs = require('fs');",
      "const lazy = () => import('./lazy');",
      "const cjs = require('lodash');",
      "type T = typeof import('./types');",
      'const notAnImport = require(name);',
    ].join('\n');
    expect(analyse('src/imports.ts', code).imports).toEqual([
      { specifier: './a', typeOnly: false },
      { specifier: './b', typeOnly: true },
      { specifier: './c', typeOnly: true },
      { specifier: './e', typeOnly: false },
      { specifier: './side-effect', typeOnly: false },
      { specifier: './all', typeOnly: false },
      { specifier: './g', typeOnly: true },
      { specifier: '@scope/pkg/sub', typeOnly: false },
      { specifier: 'fs', typeOnly: false, kind: 'require' },
      { specifier: './lazy', typeOnly: false, kind: 'dynamic' },
      { specifier: 'lodash', typeOnly: false, kind: 'require' },
      { specifier: './types', typeOnly: true },
      { specifier: './globals.d.ts', typeOnly: true, kind: 'reference' },
    ]);
  });

  it('collects declared names: types, classes, functions, methods and exported values', () => {
    const code = [
      'export interface Repo { find(id: string): void }',
      'type Id = string;',
      'enum Color { Red }',
      'namespace Tools { export function hammer() {} }',
      'export const LIMIT = 3, other = 4;',
      'const internal = 5;',
      'abstract class Base { abstract run(): void; stop() {} }',
    ].join('\n');
    expect(analyse('src/decl.ts', code).symbols).toEqual([
      'Repo',
      'find',
      'Id',
      'Color',
      'Tools',
      'hammer',
      'LIMIT',
      'other',
      'Base',
      'run',
      'stop',
    ]);
  });

  it('counts code lines as cloc does: comments and blank lines excluded, strings and templates are code', () => {
    const code = [
      '// a comment', // comment
      '/* a block', // comment
      '   still the block */', // comment
      'const url = "http://example.com/*"; // trailing', // code
      '', // blank
      'const re = /\\/\\//; /* after */', // code
      'const t = `', // code
      '// inside a template', // code
      '`;', // code
      '   \t', // blank
      '/* one */ /* two */', // comment
      'const jsx = 1; /*', // code
      '*/', // comment
    ].join('\n');
    expect(analyse('src/loc.ts', code).loc).toBe(6);
  });

  it('treats JSX text as code, not as comments', () => {
    const code = [
      'export const A = () => (',
      '  <p>',
      '    // not a comment',
      '    {/* a comment */}',
      '  </p>',
      ');',
      '/* a real one */',
    ].join('\n');
    expect(analyse('src/a.tsx', code).loc).toBe(6);
  });

  it('keeps comment text without markers, skipping a licence header', () => {
    const code = [
      '/*',
      ' * Copyright 2024 Example Corp. Licensed under the MIT licence.',
      ' */',
      '/**',
      ' * Computes the checkout total.',
      ' * @param cart the cart',
      ' */',
      'export function total() { return 1; } // rounding happens later',
    ].join('\n');
    expect(analyse('src/total.ts', code).comments).toBe(
      'Computes the checkout total.\n@param cart the cart\nrounding happens later',
    );
  });

  it('caps comment text at about 4 KB', () => {
    const code = Array.from({ length: 400 }, (_, i) => `// comment line number ${i} with some words`).join(
      '\n',
    );
    const comments = analyse('src/long.ts', code).comments;
    expect(comments.length).toBeLessThanOrEqual(4096);
    expect(comments.length).toBeGreaterThan(4000);
  });

  it('reports syntax errors and keeps best-effort figures', () => {
    const facts = analyse('src/broken.ts', 'function ok(a) { return a && 1; }\nfunction broken( {\n');
    expect(facts.parseError).toMatch(/^line \d+: '}' expected/);
    expect(facts.functions[0]).toMatchObject({ name: 'ok', complexity: 2 });
    expect(facts.loc).toBe(2);
  });

  it('never throws, whatever the content', () => {
    const garbage = String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 65536));
    expect(() => analyseSource('src/garbage.ts', garbage)).not.toThrow();
    const deep = `const x = ${'('.repeat(20000)}1${')'.repeat(20000)};`;
    expect(analyseSource('src/deep.js', deep)?.language).toBe('javascript');
  });

  it('classifies languages by extension', () => {
    expect(analyse('types/index.d.ts', 'export declare const a: number;').language).toBe('typescript');
    expect(analyse('lib/a.mjs', 'export const a = 1;').language).toBe('javascript');
    expect(analyseSource('README.md', '# title')).toBeUndefined();
  });
});
