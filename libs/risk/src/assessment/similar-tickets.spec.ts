import { calibrateRisk } from '../calibration/risk-calibration';
import { fileFigures, matchOf, snapshotOf } from '../calibration/snapshot.fixture-spec';
import { similarPastTickets } from './similar-tickets';

function ticket(key: string, commits: string[], day: number) {
  const at = `2024-03-${String(day).padStart(2, '0')}T10:00:00Z`;
  return {
    key,
    commits,
    files: ['src/profile.ts'],
    subjects: [`Profile work (${key})`],
    bugFix: false,
    firstCommitted: at,
    lastCommitted: at,
  };
}

describe('similarPastTickets', () => {
  it('lists one commit named by several keys once, so other past work can be shown', () => {
    const snapshot = snapshotOf({
      files: [fileFigures('src/profile.ts')],
      tickets: [
        ticket('AND-100', ['c1'], 1),
        ticket('AND-101', ['c2'], 2),
        ticket('AND-278', ['c3'], 9),
        ticket('AND-279', ['c3'], 9),
        ticket('AND-280', ['c3'], 9),
      ],
    });
    const listed = similarPastTickets(matchOf([['src/profile.ts', 0.9]]), snapshot, calibrateRisk(snapshot));
    expect(listed.map((t) => t.key)).toEqual(['AND-278', 'AND-101', 'AND-100']);
  });

  it('leaves out the ticket itself: once work has begun, its own commits are in the history', () => {
    const snapshot = snapshotOf({
      files: [fileFigures('src/profile.ts')],
      tickets: [ticket('AND-100', ['c1'], 1), ticket('AND-101', ['c2'], 2)],
    });
    const match = matchOf([['src/profile.ts', 0.9]]);
    const listed = similarPastTickets(match, snapshot, calibrateRisk(snapshot), 'and-101');
    expect(listed.map((t) => t.key)).toEqual(['AND-100']);
    expect(similarPastTickets(match, snapshot, calibrateRisk(snapshot)).map((t) => t.key)).toEqual([
      'AND-101',
      'AND-100',
    ]);
  });

  it.each([
    // Keys before the title, one or a list.
    [
      'HV-406',
      'HV-406 and HV-437 Adding optional regexp parameter to URL',
      'Adding optional regexp parameter to URL',
    ],
    ['LANG-1', '[LANG-1, LANG-2] Fix the profile cache', 'Fix the profile cache'],
    ['AND-7', 'AND-7: Rename profile fields', 'Rename profile fields'],
    // Bullets, trailing keys and PR numbers; a commit-type prefix says what the work was and stays.
    ['CLJ-1252', '- fix bug in keyword regex', 'fix bug in keyword regex'],
    ['COMPRESS-166', 'Support long names in tar entries.  COMPRESS-166', 'Support long names in tar entries'],
    ['COMPRESS-724', 'fix: PAX 1.x sparse header alignment (#775)', 'fix: PAX 1.x sparse header alignment'],
  ])('titles %s as a ticket would be titled', (key, subject, title) => {
    const snapshot = snapshotOf({
      files: [fileFigures('src/profile.ts')],
      tickets: [{ ...ticket(key, [key], 1), subjects: [subject] }],
    });
    const [listed] = similarPastTickets(
      matchOf([['src/profile.ts', 0.9]]),
      snapshot,
      calibrateRisk(snapshot),
    );
    expect(listed.title).toBe(title);
  });

  it('titles a ticket by its first commit that did the work, not by its changelog entry', () => {
    const snapshot = snapshotOf({
      files: [fileFigures('src/profile.ts')],
      tickets: [
        // Subjects newest first, as the analysis lists them.
        {
          ...ticket('GH-7', ['c2', 'c1'], 1),
          subjects: ['Cache profile lookups (GH-7)', 'add changelog for GH-7'],
        },
        { ...ticket('GH-8', ['c3'], 2), subjects: ['add changelog for GH-8'] },
      ],
    });
    const listed = similarPastTickets(matchOf([['src/profile.ts', 0.9]]), snapshot, calibrateRisk(snapshot));
    expect(listed.map((t) => [t.key, t.title])).toEqual([
      ['GH-8', ''],
      ['GH-7', 'Cache profile lookups'],
    ]);
  });
});
