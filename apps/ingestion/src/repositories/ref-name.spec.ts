import { checkBranchName } from './ref-name';

describe('checkBranchName (git check-ref-format --branch)', () => {
  it.each([
    'main',
    'master',
    'release/1.2',
    'feature/JIRA-12_fix',
    'v1.0',
    'a.b/c.d',
    'ünïcode',
    'x@y',
    'lock.x',
  ])('accepts %s', (name) => {
    expect(checkBranchName(name)).toBeNull();
  });

  it.each([
    ['', 'give a branch name'],
    ['-main', 'must not start with "-"'],
    ['--upload-pack=x', 'must not start with "-"'],
    ['HEAD', 'HEAD is not a branch name'],
    ['@', 'single character "@"'],
    ['has space', 'spaces'],
    ['tab\tname', 'control characters'],
    ['del\u007f', 'control characters'],
    ['a~1', '~ ^ :'],
    ['a^2', '~ ^ :'],
    ['a:b', '~ ^ :'],
    ['a?', '~ ^ :'],
    ['a*', '~ ^ :'],
    ['a[b', '~ ^ :'],
    ['a\\b', '~ ^ :'],
    ['a..b', '".."'],
    ['a@{1}', '"@{"'],
    ['/main', 'begin or end with "/"'],
    ['main/', 'begin or end with "/"'],
    ['a//b', '"//"'],
    ['main.', 'end with "."'],
    ['.hidden', 'begin with "."'],
    ['a/.b', 'begin with "."'],
    ['main.lock', '".lock"'],
    ['a.lock/b', '".lock"'],
    ['x'.repeat(256), 'at most 255'],
  ])('rejects %j', (name, message) => {
    expect(checkBranchName(name)).toContain(message);
  });
});
