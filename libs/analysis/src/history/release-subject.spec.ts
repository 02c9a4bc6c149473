import { isReleaseSubject } from './release-subject';

describe('isReleaseSubject', () => {
  it.each([
    '4.2.1 release (#2125)',
    '2.0.0.rc6 release',
    'Bump version to 3.0.0',
    'v7.0.0 (#3722)',
    'chore(release): v1.7.0-beta.2',
    'Release/v0.22.0',
    'release v1.8.1 version',
    'bump main to 4.18.1',
  ])('reads "%s" as a release', (subject) => {
    expect(isReleaseSubject(subject)).toBe(true);
  });

  it.each([
    'Fix version check for Ruby 3.0.0',
    'Release the lock on timeout',
    'Support HTTP/2',
    'Update rack to 3.0.0 for the streaming fix',
    'v2 API: add pagination',
  ])('reads "%s" as a change', (subject) => {
    expect(isReleaseSubject(subject)).toBe(false);
  });
});
