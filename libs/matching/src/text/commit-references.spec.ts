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
    ['Fix #12: crash on empty input', 'Fix: crash on empty input'],
    // A standard's name is no reference: it stays with its keyword or preposition.
    ['Fix UTF-8', 'Fix UTF-8'],
    ['Add support for ISO-8859-1. See RFC-4180', 'Add support for ISO-8859-1. See RFC-4180'],
    // A preposition that only led to references goes with them.
    ['Complete fix for POOL-326', 'Complete fix'],
    ['Soft-deprecate TestCase::iniSet() for #5214', 'Soft-deprecate TestCase::iniSet()'],
    ['Additional fix for POOL-315. Thanks to K. Also review', 'Additional fix. Thanks to K. Also review'],
    ['Report errors (see #12) in the log', 'Report errors in the log'],
    ['Fix crash in LANG-12 handler', 'Fix crash in handler'],
    // A closing phrase before a trailing PR number; a call's brackets are kept.
    ['Move validation into create(). Fixes POOL-361. (#23)', 'Move validation into create()'],
    ['Use foo() instead of bar() (LANG-12)', 'Use foo() instead of bar()'],
    ['fix(LANG-12): trim input', 'fix: trim input'],
    ['Using htmlspecialchars to fix issue #3145 (#3146)', 'Using htmlspecialchars'],
    ['Custom type with Combine(). Fix for #3781', 'Custom type with Combine()'],
    [
      'Fix for Issue #3436 - Result from EDATE() should be rounded',
      'Fix - Result from EDATE() should be rounded',
    ],
    ['#908|Add Support of SkipUnless', 'Add Support of SkipUnless'],
    ['Fix for #621 / #679: Added details on the registration', 'Fix: Added details on the registration'],
    ['Handle both cases #12/#13 alike', 'Handle both cases alike'],
    // Issue addresses are references; a footer after a line of dashes is no part of the title.
    [
      'Clear context during provision.  Fixes http://code.google.com/p/x/issues/detail?id=743',
      'Clear context during provision',
    ],
    [
      'Further fixes for https://github.com/google/guice/issues/904 -- java8 generates',
      'Further fixes -- java8 generates',
    ],
    [
      'Fix random bitwise | to be a real ||. ------------- Created by MOE: http://code.google.com/p/moe-java',
      'Fix random bitwise | to be a real ||',
    ],
    [
      'Document the flags (see https://example.org/docs/flags)',
      'Document the flags (see https://example.org/docs/flags)',
    ],
    [
      'Closes #5692 (which was a regression introduced with the fix for #5633)',
      'Closes (which was a regression introduced with the fix)',
    ],
    // A shorthand list of the same project's keys; a bracket holding only a closing phrase and its
    // references; a leading "Issue #N:" label; a reference GitHub cut short in a long subject.
    [
      '[CONFIGURATION-715/716] Added alternative IOFactory implementation.',
      'Added alternative IOFactory implementation',
    ],
    ['[Fixes #1671] Passthrough `dialect_kwargs`', 'Passthrough `dialect_kwargs`'],
    ['Trim keys (closes issue #64) before lookup', 'Trim keys before lookup'],
    ['Issue #2772: Remove Guard in RestoreQueues()', 'Remove Guard in RestoreQueues()'],
    ['Bug 1234 - crash on empty input', 'Bug 1234 - crash on empty input'],
    ['PR #12 - Handle timeouts', 'Handle timeouts'],
    [
      'Close created writer in the compressor middleware (#…',
      'Close created writer in the compressor middleware',
    ],
    // Another repository's issue, and a key written like an issue number.
    [
      '[fix rspec/rspec-core#1433] Added option to disable monkey patching',
      'Added option to disable monkey patching',
    ],
    [
      'Use ReentrantLock in PoolableConnection.close (#DBCP-591)',
      'Use ReentrantLock in PoolableConnection.close',
    ],
    ['Temporarily disable G602 due to securego/gosec#1234', 'Temporarily disable G602'],
    [
      'Make idle monitoring less noisy; follow up on https://github…',
      'Make idle monitoring less noisy; follow up',
    ],
  ])('%s → %s', (subject, title) => {
    expect(withoutReferences(subject)).toBe(title);
  });
});
