import { FixtureRepo, RandomHistory } from '@sightline/testing';
import { analyseRepository } from '../snapshot/analyse-repository';

/** Per path: commits and distinct (lower-cased, mailmapped) author e-mails, counted from plain `git log`. */
function plainGitLog(repo: FixtureRepo): Map<string, { revisions: number; authors: Set<string> }> {
  const out = repo.git(['log', '--no-merges', '--no-renames', '--format=%x00%aE', '--name-only']);
  const byPath = new Map<string, { revisions: number; authors: Set<string> }>();
  for (const record of out.split('\0').slice(1)) {
    const [email, ...paths] = record.split('\n');
    for (const path of new Set(paths.filter((p) => p !== ''))) {
      const entry = byPath.get(path) ?? { revisions: 0, authors: new Set<string>() };
      entry.revisions++;
      entry.authors.add(email.toLowerCase());
      byPath.set(path, entry);
    }
  }
  return byPath;
}

describe('--no-renames mode', () => {
  for (const seed of [21, 22]) {
    it(`matches plain git log --no-renames per file (seed ${seed})`, async () => {
      const repo = FixtureRepo.create();
      try {
        new RandomHistory(repo, { seed, commits: 60, merges: true }).grow();
        const { snapshot } = await analyseRepository(repo.path, { renames: false });
        const expected = plainGitLog(repo);
        expect(snapshot.repository.renames).toBe(false);
        expect(snapshot.repository.commits).toBe(
          Number(repo.git(['rev-list', '--count', '--no-merges', 'HEAD']).trim()),
        );
        expect(snapshot.files.length).toBeGreaterThan(5);
        for (const file of snapshot.files) {
          const plain = expected.get(file.path);
          expect([file.path, file.revisions, file.authors]).toEqual([
            file.path,
            plain?.revisions,
            plain?.authors.size,
          ]);
        }
      } finally {
        repo.dispose();
      }
    }, 60_000);
  }

  it('differs from the default mode exactly where files were renamed', async () => {
    const repo = FixtureRepo.create();
    try {
      repo.commit({ message: 'add', time: 1_600_000_000, files: { 'a.txt': 'one\ntwo\nthree\nfour\n' } });
      repo.commit({
        message: 'edit',
        time: 1_600_000_100,
        files: { 'a.txt': 'one\ntwo\nthree\nfour\nfive\n' },
      });
      repo.commit({ message: 'move', time: 1_600_000_200, moves: [['a.txt', 'b.txt']] });
      const followed = (await analyseRepository(repo.path)).snapshot.files[0];
      const plain = (await analyseRepository(repo.path, { renames: false })).snapshot.files[0];
      expect([followed.path, followed.revisions, followed.added]).toEqual(['b.txt', 3, 5]);
      expect([plain.path, plain.revisions, plain.added]).toEqual(['b.txt', 1, 5]);
    } finally {
      repo.dispose();
    }
  });
});
