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

  it('drops the keys a title starts with, one or a list', () => {
    const titled = (key: string, subject: string) => ({ ...ticket(key, [key], 1), subjects: [subject] });
    const snapshot = snapshotOf({
      files: [fileFigures('src/profile.ts')],
      tickets: [
        titled('HV-406', 'HV-406 and HV-437 Adding optional regexp parameter to URL'),
        titled('LANG-1', '[LANG-1, LANG-2] Fix the profile cache'),
        titled('AND-7', 'AND-7: Rename profile fields'),
      ],
    });
    const listed = similarPastTickets(matchOf([['src/profile.ts', 0.9]]), snapshot, calibrateRisk(snapshot));
    expect(listed.map((t) => t.title).sort()).toEqual([
      'Adding optional regexp parameter to URL',
      'Fix the profile cache',
      'Rename profile fields',
    ]);
  });

  it('reads a title without bullets, trailing keys or PR numbers', () => {
    const titled = (key: string, subject: string) => ({ ...ticket(key, [key], 1), subjects: [subject] });
    const snapshot = snapshotOf({
      files: [fileFigures('src/profile.ts')],
      tickets: [
        titled('CLJ-1252', '- fix bug in keyword regex'),
        titled('COMPRESS-166', 'Support long names in tar entries.  COMPRESS-166'),
        titled('COMPRESS-724', 'Fix PAX 1.x sparse header alignment (#775)'),
      ],
    });
    const listed = similarPastTickets(matchOf([['src/profile.ts', 0.9]]), snapshot, calibrateRisk(snapshot));
    expect(listed.map((t) => t.title).sort()).toEqual([
      'Fix PAX 1.x sparse header alignment',
      'Support long names in tar entries',
      'fix bug in keyword regex',
    ]);
  });
});
