import { FixtureRepo } from '@sightline/testing';
import { analyseRepository } from '../snapshot/analyse-repository';

describe('bug-fix revisions from tracker data', () => {
  let repo: FixtureRepo;
  beforeAll(() => {
    repo = FixtureRepo.create();
    repo.commit({ message: 'Add checkout ENG-1', time: 1_600_000_000, files: { 'a.txt': '1\n' } });
    repo.commit({ message: 'Handle empty cart ENG-2', time: 1_600_000_100, files: { 'a.txt': '2\n' } });
    repo.commit({ message: 'fix: typo', time: 1_600_000_200, files: { 'a.txt': '3\n' } });
  });
  afterAll(() => repo.dispose());

  it('counts commits naming a known bug ticket as fixes, on top of fix-like subjects', async () => {
    const plain = (await analyseRepository(repo.path)).snapshot;
    const informed = (await analyseRepository(repo.path, { bugTickets: ['ENG-2'] })).snapshot;
    expect(plain.files[0].bugFixRevisions).toBe(1);
    expect(informed.files[0].bugFixRevisions).toBe(2);
    expect(informed.tickets.map((t) => [t.key, t.bugFix])).toEqual([
      ['ENG-1', false],
      ['ENG-2', true],
    ]);
  });
});
