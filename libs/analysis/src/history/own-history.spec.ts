import { FixtureRepo } from '@sightline/testing';
import { ownHistory } from './own-history';

describe('ownHistory', () => {
  let repo: FixtureRepo;

  beforeEach(() => {
    repo = FixtureRepo.create();
  });

  afterEach(() => repo.dispose());

  it("leaves out a history imported from another repository, keeps the project's branches", async () => {
    const root = repo.commit({ message: 'start', time: 1_700_001_000, files: { 'app/main.ts': 'a' } });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const feature = repo.commit({ message: 'feature work', time: 1_700_002_000, files: { 'app/b.ts': 'b' } });
    repo.git(['checkout', '-q', 'main']);
    const merge = repo.merge('feature', 1_700_003_000);
    repo.git(['checkout', '-q', '--orphan', 'imported']);
    repo.git(['rm', '-rq', '--cached', '.']);
    repo.git(['clean', '-fdq']);
    const imported = repo.commit({
      message: 'other project',
      time: 1_600_000_000,
      files: { 'lib/x.ts': 'x' },
    });
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--allow-unrelated-histories', '-m', 'import', 'imported'], {
      time: 1_700_004_000,
    });
    const head = repo.head();

    const own = await ownHistory(repo.path, head);

    expect([...own].sort()).toEqual([root, feature, merge, head].sort());
    expect(own.has(imported)).toBe(false);
  });

  it('is the single commit of a one-commit repository', async () => {
    const only = repo.commit({ message: 'only', time: 1_700_001_000, files: { 'a.ts': 'a' } });
    expect([...(await ownHistory(repo.path, only))]).toEqual([only]);
  });
});
