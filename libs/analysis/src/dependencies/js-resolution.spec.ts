import { analyseSource } from '../source/analyse-source';
import type { DependencyGraph, DependencySource } from './dependency-types';
import { fanInOut } from './fan-in-out';
import { resolveDependencies } from './resolve-dependencies';

/** Resolves a small in-memory tree, analysing its sources exactly as the analysis does. */
function resolveTree(tree: Record<string, string>): DependencyGraph {
  const sources: DependencySource[] = [];
  for (const [path, content] of Object.entries(tree)) {
    const facts = analyseSource(path, content);
    if (facts) sources.push({ path, ...facts });
  }
  return resolveDependencies({ paths: Object.keys(tree), sources, readFile: (path) => tree[path] });
}

const edgesOf = (graph: DependencyGraph) =>
  graph.edges.map((e) => `${e.from} -> ${e.to}${e.typeOnly ? ' (type)' : ''}`);

describe('TS/JS import resolution', () => {
  it('resolves relative imports by extension, index file and emitted .js name', () => {
    const graph = resolveTree({
      'src/app.ts': [
        "import { a } from './a';",
        "import { b } from './lib';",
        "import { c } from './c.js';",
        "import data from './data.json';",
        "import type { T } from './types';",
        "import { missing } from './missing';",
        "export * from '../shared/util.mjs';",
      ].join('\n'),
      'src/a.tsx': 'export const a = 1;',
      'src/lib/index.ts': 'export const b = 1;',
      'src/c.ts': 'export const c = 1;',
      'src/data.json': '{}',
      'src/types.d.ts': 'export type T = 1;',
      'shared/util.mts': 'export const u = 1;',
    });
    expect(edgesOf(graph)).toEqual([
      'src/app.ts -> shared/util.mts',
      'src/app.ts -> src/a.tsx',
      'src/app.ts -> src/c.ts',
      'src/app.ts -> src/data.json',
      'src/app.ts -> src/lib/index.ts',
      'src/app.ts -> src/types.d.ts (type)',
    ]);
    expect(graph.external).toEqual([]);
  });

  it('keeps an edge type-only only when every import behind it is type-only', () => {
    const graph = resolveTree({
      'a.ts': "import type { X } from './b';\nimport { y } from './b';\nimport type { Z } from './c';",
      'b.ts': 'export type X = 1; export const y = 1;',
      'c.ts': 'export type Z = 1;',
    });
    expect(edgesOf(graph)).toEqual(['a.ts -> b.ts', 'a.ts -> c.ts (type)']);
  });

  it('applies tsconfig paths and baseUrl, following extends and tolerating comments', () => {
    const graph = resolveTree({
      'tsconfig.base.json': `{
        // shared settings
        "compilerOptions": {
          "baseUrl": ".",
          "paths": { "@app/*": ["libs/*/src/index.ts"], "@app/core": ["libs/core-v2/src/index.ts"], "~/*": ["apps/web/src/*"], },
        },
      }`,
      'apps/web/tsconfig.json':
        '{ "extends": "../../tsconfig.base.json", "compilerOptions": { "strict": true } }',
      'apps/web/src/main.ts': [
        "import { core } from '@app/core';",
        "import { auth } from '@app/auth';",
        "import { page } from '~/pages/home';",
        "import { cfg } from 'config/settings';",
        "import express from 'express';",
      ].join('\n'),
      'apps/web/src/pages/home.tsx': 'export const page = 1;',
      'libs/core-v2/src/index.ts': 'export const core = 1;',
      'libs/auth/src/index.ts': 'export const auth = 1;',
      'config/settings.ts': 'export const cfg = 1;',
    });
    expect(edgesOf(graph)).toEqual([
      'apps/web/src/main.ts -> apps/web/src/pages/home.tsx',
      'apps/web/src/main.ts -> config/settings.ts',
      'apps/web/src/main.ts -> libs/auth/src/index.ts',
      'apps/web/src/main.ts -> libs/core-v2/src/index.ts',
    ]);
    expect(graph.external).toEqual([{ from: 'apps/web/src/main.ts', package: 'express' }]);
  });

  it('resolves paths relative to the config declaring them when there is no baseUrl (jsconfig too)', () => {
    const graph = resolveTree({
      'web/jsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }',
      'web/src/app.js': "const util = require('@/util');",
      'web/src/util.js': 'module.exports = {};',
    });
    expect(edgesOf(graph)).toEqual(['web/src/app.js -> web/src/util.js']);
  });

  it('resolves workspace packages through exports, main and types, mapped back from build output to sources', () => {
    const graph = resolveTree({
      'packages/ui/package.json': JSON.stringify({
        name: '@acme/ui',
        exports: {
          '.': { types: './dist/index.d.ts', import: './dist/index.mjs' },
          './icons/*': './dist/icons/*.js',
        },
      }),
      'packages/ui/src/index.ts': 'export const Button = 1;',
      'packages/ui/src/icons/star.tsx': 'export const Star = 1;',
      'packages/util/package.json': JSON.stringify({ name: 'acme-util', main: 'lib/main.js' }),
      'packages/util/src/main.ts': 'export const u = 1;',
      'packages/util/src/strings/pad.ts': 'export const pad = 1;',
      'apps/site/app.ts': [
        "import { Button } from '@acme/ui';",
        "import { Star } from '@acme/ui/icons/star';",
        "import { u } from 'acme-util';",
        "import { pad } from 'acme-util/strings/pad';",
        "import { render } from '@testing-library/react/pure';",
        "import fs from 'node:fs';",
        "const lazy = () => import('lodash/debounce');",
      ].join('\n'),
    });
    expect(edgesOf(graph)).toEqual([
      'apps/site/app.ts -> packages/ui/src/icons/star.tsx',
      'apps/site/app.ts -> packages/ui/src/index.ts',
      'apps/site/app.ts -> packages/util/src/main.ts',
      'apps/site/app.ts -> packages/util/src/strings/pad.ts',
    ]);
    expect(graph.external.map((e) => e.package)).toEqual(['@testing-library/react', 'lodash', 'node:fs']);
  });

  it('is deterministic whatever the input order', () => {
    const tree = {
      'b.ts': "import './a'; import './c';",
      'a.ts': "import './c'; import 'zod'; import 'ajv';",
      'c.ts': "import './a';",
    };
    const reversed = Object.fromEntries(Object.entries(tree).reverse());
    expect(resolveTree(reversed)).toEqual(resolveTree(tree));
    expect(edgesOf(resolveTree(tree))).toEqual([
      'a.ts -> c.ts',
      'b.ts -> a.ts',
      'b.ts -> c.ts',
      'c.ts -> a.ts',
    ]);
    expect(resolveTree(tree).external.map((e) => e.package)).toEqual(['ajv', 'zod']);
  });
});

describe('fanInOut', () => {
  it('counts distinct importers and imports per file', () => {
    const counts = fanInOut([
      { from: 'a', to: 'b' },
      { from: 'a', to: 'c' },
      { from: 'b', to: 'c' },
      { from: 'a', to: 'c' },
      { from: 'd', to: 'd' },
    ]);
    expect([...counts.entries()]).toEqual([
      ['a', { fanIn: 0, fanOut: 2 }],
      ['b', { fanIn: 1, fanOut: 1 }],
      ['c', { fanIn: 2, fanOut: 0 }],
    ]);
  });
});
