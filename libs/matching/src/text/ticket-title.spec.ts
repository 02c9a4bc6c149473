import { distinctSubjects, isHousekeeping, ticketTitle } from './ticket-title';

describe('past ticket titles', () => {
  it.each([
    ['add changelog for GH-2986', true],
    ['Fix tests', true],
    ['Address review comments', true],
    ['Update README.md', true],
    ['Merge pull request #2986 from taion/do-not-handle-routing-exception', true],
    ['Add tests for FooBar', false],
    ['Fix missing import', false],
    ['Do not handle routing exceptions twice', false],
  ])('%s is housekeeping: %s', (subject, expected) => {
    expect(isHousekeeping(subject)).toBe(expected);
  });

  it('reads the first commit that says what the work was, passing over housekeeping', () => {
    // Newest first, as a snapshot lists a ticket's subjects.
    expect(
      ticketTitle(['Fix tests (GH-7)', 'Do not handle routing exceptions twice', 'add changelog for GH-7']),
    ).toBe('Do not handle routing exceptions twice');
    expect(ticketTitle(['Second step LANG-9', 'First step LANG-9'])).toBe('First step');
  });

  it('has no title when every commit only did housekeeping', () => {
    expect(ticketTitle(['add changelog for GH-2986'])).toBe('');
    expect(ticketTitle([])).toBe('');
  });

  it('counts a subject repeated on a cherry-pick once, its references and final stop aside', () => {
    expect(
      distinctSubjects([
        '[LANG-1360] Add null-safe class name methods.',
        '[LANG-1360] Add null-safe class name methods',
        'Add null-safe class name methods (#12)',
        '[LANG-1360] Move them to ObjectUtils',
      ]),
    ).toEqual(['Add null-safe class name methods', 'Move them to ObjectUtils']);
  });
});
