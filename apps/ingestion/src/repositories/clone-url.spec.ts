import { checkCloneUrl, type CloneUrlPolicy } from './clone-url';

const strict: CloneUrlPolicy = { allowLocal: false, allowPrivateHosts: false };
const permissive: CloneUrlPolicy = { allowLocal: true, allowPrivateHosts: true };

function problem(url: string, policy = strict): string {
  const result = checkCloneUrl(url, policy);
  if (result.ok) throw new Error(`expected ${url} to be rejected`);
  return result.problem;
}

describe('checkCloneUrl', () => {
  it.each([
    ['https://github.com/acme/shop.git', 'https', 'github.com'],
    ['https://gitlab.example.com:8443/group/sub/shop', 'https', 'gitlab.example.com'],
    ['ssh://git@github.com/acme/shop.git', 'ssh', 'github.com'],
    ['ssh://git@git.example.com:2222/acme/shop.git', 'ssh', 'git.example.com'],
    ['ssh://git@[2001:db8::1]:22/acme/shop.git', 'ssh', '[2001:db8::1]'],
    ['git@github.com:acme/shop.git', 'ssh', 'github.com'],
    ['github.com:acme/shop.git', 'ssh', 'github.com'],
    ['git@[2001:db8::1]:acme/shop.git', 'ssh', '[2001:db8::1]'],
    ['http://127.0.0.1:8080/shop.git', 'http', '127.0.0.1'],
    ['http://localhost/shop.git', 'http', 'localhost'],
  ])('accepts %s', (url, transport, host) => {
    expect(checkCloneUrl(url, strict)).toEqual({ ok: true, transport, host });
  });

  it('names the fix for transport helpers, whatever the helper', () => {
    for (const url of ['ext::sh -c touch% /tmp/pwned', 'ext::ssh', 'fd::17', 'remote-x::foo', '::foo']) {
      expect(problem(url)).toContain('transport helpers');
    }
  });

  it('refuses option injection', () => {
    expect(problem('-uhttps://x')).toContain('must not start with "-"');
    expect(problem('--upload-pack=touch /tmp/x')).toContain('must not start with "-"');
    expect(problem('ssh://-oProxyCommand=touch%20x/repo')).toContain('host must not start with "-"');
    expect(problem('-oProxyCommand=x:repo')).toContain('must not start with "-"');
    expect(problem('git@host:-repo')).toContain('path must not start with "-"');
    expect(problem('ssh://-user@host/repo')).toContain('user name');
  });

  it('refuses credentials in the URL and points at the credentials field', () => {
    for (const url of [
      'https://user:pass@github.com/x.git',
      'https://ghp_token@github.com/x.git',
      'https://:secret@github.com/x.git',
      'ssh://git:secret@github.com/x.git',
      'user:secret@github.com:acme/x.git',
    ]) {
      const text = problem(url);
      expect(text).toContain('credentials field');
      expect(text).not.toContain('secret');
      expect(text).not.toContain('pass');
    }
  });

  it('refuses whitespace and control characters anywhere', () => {
    for (const url of [
      'https://github.com/a b.git',
      'https://github.com/x.git\n',
      '\thttps://x/y',
      'https://x/y\u0000',
      'https://x/\u200by',
    ]) {
      expect(problem(url)).toContain('control characters');
    }
  });

  it('refuses link-local and metadata hosts in every spelling unless allowed', () => {
    const urls = [
      'http://169.254.169.254/latest',
      'https://169.254.10.1/x.git',
      'https://2852039166/x.git',
      'https://0xa9fea9fe/x.git',
      'https://0251.0376.0251.0376/x.git',
      'https://[fe80::1]/x.git',
      'https://[febf::1]/x.git',
      'https://[::ffff:169.254.169.254]/x.git',
      'https://[fd00:ec2::254]/x.git',
      'https://metadata.google.internal/x.git',
      'https://METADATA.google.internal./x.git',
      'https://metadata/x.git',
      'ssh://git@169.254.169.254/x.git',
      'ssh://git@0xa9fea9fe/x.git',
      'ssh://git@[fe80::1]/x.git',
      'git@169.254.169.254:x.git',
      'git@2852039166:x.git',
      'git@metadata.google.internal:x.git',
    ];
    for (const url of urls) {
      expect(problem(url)).toMatch(
        /^host is (the cloud metadata service|a link-local address).*ALLOW_PRIVATE_GIT_HOSTS=true/,
      );
      expect(checkCloneUrl(url.replace(/^http:/, 'https:'), permissive).ok).toBe(true);
    }
    expect(checkCloneUrl('https://[fec0::1]/x.git', strict).ok).toBe(true);
    expect(checkCloneUrl('https://169.255.0.1/x.git', strict).ok).toBe(true);
  });

  it('accepts local repositories only when enabled, and only by absolute path', () => {
    expect(problem('file:///etc')).toContain('ALLOW_LOCAL_REPOSITORIES=true');
    expect(problem('/srv/git/shop.git')).toContain('ALLOW_LOCAL_REPOSITORIES=true');
    expect(checkCloneUrl('file:///srv/git/shop.git', permissive)).toEqual({
      ok: true,
      transport: 'local',
      host: null,
    });
    expect(checkCloneUrl('file://localhost/srv/git/shop.git', permissive).ok).toBe(true);
    expect(checkCloneUrl('/srv/git/shop.git', permissive)).toEqual({
      ok: true,
      transport: 'local',
      host: null,
    });
    expect(problem('./shop', permissive)).toContain('absolute path');
    expect(problem('file://other-host/srv/x', permissive)).toContain('file:///absolute/path');
  });

  it('explains what is wrong with other URLs', () => {
    expect(problem('')).toContain('give the repository');
    expect(problem(`https://github.com/${'a'.repeat(2100)}`)).toContain('at most 2048');
    expect(problem('git://github.com/acme/shop.git')).toContain('neither authenticated nor encrypted');
    expect(problem('ftp://example.com/x.git')).toContain('only https://, ssh://');
    expect(problem('http://github.com/acme/shop.git')).toContain('use https://');
    expect(problem('https://github.com/')).toContain('repository path');
    expect(problem('https://github.com/x.git?ref=1')).toContain('?query');
    expect(problem('https://github.com/x.git#main')).toContain('#fragment');
    expect(problem('https://exa mple.com/x')).toContain('control characters');
    expect(problem('https://[::1/x')).toContain('not a valid URL');
    expect(problem('ssh://git@github.com')).toContain('repository path');
    expect(problem('ssh://git@github.com:99999/x')).toContain('port');
    expect(problem('ssh://git@bad_host!/x')).toContain('not a valid host');
    expect(problem('git@github.com:')).toContain('repository path');
    expect(problem('shop')).toContain('not a clone URL');
  });
});
