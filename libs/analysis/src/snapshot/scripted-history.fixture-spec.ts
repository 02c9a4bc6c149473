import type { FixtureRepo } from '@sightline/testing';

export const T0 = 1_600_000_000; // 2020-09-13T12:26:40Z
export const DAY = 86_400;
export const ada = { name: 'Ada', email: 'ada@example.com' };
const bobOld = { name: 'Bob Old', email: 'bob@old.example' };
export const bob = { name: 'Bob', email: 'bob@example.com' };
const carol = { name: 'Carol', email: 'carol@example.com' };
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 1, 2, 3]);

/**
 * The scripted history behind the exact figures of the analyseRepository specs: a rename, a merged side branch, a
 * mailmap entry, a co-author, a binary file, a fix, ticket keys and an excluded vendored file.
 */
export function buildHistory(repo: FixtureRepo): Record<string, string> {
  const hashes: Record<string, string> = {};
  hashes.c1 = repo.commit({
    message: 'Initial import PROJ-1',
    time: T0,
    author: ada,
    files: {
      '.mailmap': 'Bob <bob@example.com> <bob@old.example>\n',
      'README.md': '# Demo\n',
      'logo.png': PNG,
      'package.json': '{ "name": "demo" }\n',
      'packages/api/package.json': '{ "name": "@demo/api" }\n',
      'packages/api/index.ts': 'export const api = 1;\n',
      'node_modules/x/index.js': 'module.exports = 1;\n',
      'src/app.ts':
        "import { twice } from './util';\nexport const start = () => twice(1);\nexport const name = 'app';\n",
      'src/util.ts':
        'export const twice = (n: number) => n * 2;\nexport const half = (n: number) => n / 2;\n',
    },
  });
  hashes.c2 = repo.commit({
    message: 'Add feature PROJ-2',
    time: T0 + DAY,
    author: bobOld,
    files: {
      'src/app.ts':
        "import { twice } from './util';\nexport const start = () => twice(1);\nexport const name = 'app';\nimport { feature } from './feature';\nexport const run = () => feature(2);\n",
      'src/feature.ts':
        'export function feature(n: number): number {\n  if (n > 1) return n;\n  return 0;\n}\n',
    },
  });
  hashes.c3 = repo.commit({
    message: 'fix: halve negative numbers (PROJ-2)\n\nCo-authored-by: Carol <carol@example.com>\n',
    time: T0 + 2 * DAY,
    author: ada,
    files: {
      'src/util.ts':
        'export const twice = (n: number) => n * 2;\nexport const half = (n: number) => (n > 0 ? n / 2 : 0);\n',
      'src/feature.ts':
        'export function feature(n: number): number {\n  if (n > 1) return n;\n  return 0;\n}\nexport const flag = true;\n',
    },
  });
  hashes.c4 = repo.commit({
    message: 'Move util to lib',
    time: T0 + 3 * DAY,
    author: bob,
    moves: [['src/util.ts', 'lib/util.ts']],
    files: {
      'src/app.ts':
        "import { twice } from '../lib/util';\nexport const start = () => twice(1);\nexport const name = 'app';\nimport { feature } from './feature';\nexport const run = () => feature(2);\n",
    },
  });
  repo.git(['checkout', '-q', '-b', 'side']);
  hashes.side = repo.commit({
    message: 'Side work',
    time: T0 + 4 * DAY,
    author: carol,
    files: {
      'lib/util.ts':
        'export const twice = (n: number) => n * 2;\nexport const half = (n: number) => (n > 0 ? n / 2 : 0);\nexport const zero = 0;\n',
    },
  });
  repo.git(['checkout', '-q', 'main']);
  hashes.c5 = repo.commit({
    message: 'Tweak app',
    time: T0 + 5 * DAY,
    author: ada,
    files: {
      'src/app.ts':
        "import { twice } from '../lib/util';\nexport const start = () => twice(1);\nexport const name = 'app';\nimport { feature } from './feature';\nexport const run = () => feature(2);\nexport const version = 1;\n",
    },
  });
  hashes.merge = repo.merge('side', T0 + 6 * DAY);
  hashes.c6 = repo.commit({
    message: 'Update logo',
    time: T0 + 100 * DAY,
    author: bob,
    files: { 'logo.png': Buffer.concat([PNG, Buffer.from([4, 5, 6])]) },
  });
  return hashes;
}
