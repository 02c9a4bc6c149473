import { FixtureRepo } from '@sightline/testing';
import { analyseRepository } from './analyse-repository';
import type { RepositorySnapshot } from './snapshot.schema';

const T0 = 1_600_000_000;
const DAY = 86_400;
const ada = { name: 'Ada', email: 'ada@example.com' };
const bob = { name: 'Bob', email: 'bob@example.com' };

/**
 * A package whose tests sit inside it (preact's `hooks/test/`): the area's figures describe its
 * code, so a reader of "size: N code lines" or "authors: N" is not counting test suites.
 */
describe('area figures count tests only toward test areas', () => {
  let repo: FixtureRepo;
  let snapshot: RepositorySnapshot;

  beforeAll(async () => {
    repo = FixtureRepo.create();
    repo.commit({
      message: 'Add hooks',
      time: T0,
      author: ada,
      files: {
        'hooks/package.json': '{ "name": "demo-hooks" }\n',
        'hooks/src/index.js': 'export function useState(v) {\n  return [v, () => {}];\n}\n',
        'hooks/test/index.test.js':
          'test("state", () => {\n  expect(useState(1)[0]).toBe(1);\n});\nconst a = 1;\nconst b = 2;\n',
      },
    });
    repo.commit({
      message: 'More tests',
      time: T0 + DAY,
      author: bob,
      files: {
        'hooks/test/index.test.js':
          'test("state", () => {\n  expect(useState(1)[0]).toBe(1);\n});\nconst a = 1;\nconst b = 2;\nconst c = 3;\n',
      },
    });
    repo.commit({
      message: 'fix: keep the setter stable',
      time: T0 + 2 * DAY,
      author: ada,
      files: {
        'hooks/src/index.js': 'const set = () => {};\nexport function useState(v) {\n  return [v, set];\n}\n',
      },
    });
    ({ snapshot } = await analyseRepository(repo.path, { rev: 'HEAD' }));
  }, 60_000);
  afterAll(() => repo.dispose());

  it('leaves the package tests out of its size, changes and authors, and keeps their file figures', () => {
    const hooks = snapshot.areas.find((a) => a.path === 'hooks');
    expect(hooks).toMatchObject({ files: 2, loc: 4, revisions: 2, authors: 1, bugFixRevisions: 1 });
    const test = snapshot.files.find((f) => f.path === 'hooks/test/index.test.js');
    expect(test).toMatchObject({ area: 'hooks', revisions: 2, loc: 6 });
  });
});
