import { withoutReferences } from './commit-references';

describe('withoutReferences', () => {
  it.each([
    ['fix(context): skip chmod in SaveUploadedFile (#4702)', 'fix(context): skip chmod in SaveUploadedFile'],
    ['- restore cached hashCode for Symbol', 'restore cached hashCode for Symbol'],
    ['Support names longer than 100 chars.  COMPRESS-166', 'Support names longer than 100 chars'],
    ['Revert "Add the cart"', 'Revert "Add the cart"'],
    // A closing keyword goes with the references it ended the subject with, not otherwise.
    ['Strip whitespace in link extractors. Fixes GH-838', 'Strip whitespace in link extractors'],
    ['Handle empty input, resolves LANG-12, LANG-13', 'Handle empty input'],
    ['Made map updating safe. This should fix #7.', 'Made map updating safe'],
    ["Don't cache error handlers closes #1, closes #2", "Don't cache error handlers"],
    ['Improve message for a None host -- fixes #1179 (#1182)', 'Improve message for a None host'],
    ['Typo fixes', 'Typo fixes'],
    ['Fix #12: crash on empty input', 'Fix : crash on empty input'],
  ])('%s → %s', (subject, title) => {
    expect(withoutReferences(subject)).toBe(title);
  });
});
