import { checkTrackerUrl } from './tracker-url';

const EXAMPLE = 'https://acme.atlassian.net';

describe('checkTrackerUrl', () => {
  it.each([
    ['https://acme.atlassian.net', 'https://acme.atlassian.net'],
    ['https://acme.atlassian.net/', 'https://acme.atlassian.net'],
    ['https://jira.example.com:8443/jira/', 'https://jira.example.com:8443/jira'],
    ['HTTPS://Acme.Atlassian.NET', 'https://acme.atlassian.net'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://localhost:4010/graphql', 'http://localhost:4010/graphql'],
    ['http://[::1]:4010', 'http://[::1]:4010'],
  ])('accepts %s as %s', (value, url) => {
    expect(checkTrackerUrl(value, EXAMPLE)).toEqual({ ok: true, url });
  });

  it.each([
    ['acme.atlassian.net', 'expected a URL such as https://acme.atlassian.net'],
    ['http://acme.atlassian.net', 'must use https://'],
    ['http://10.0.0.5', 'must use https://'],
    ['ftp://acme.atlassian.net', 'must use https://'],
    ['https://me:token@acme.atlassian.net', 'must not carry credentials'],
    ['https://acme.atlassian.net/?x=1', '?query'],
    ['https://acme.atlassian.net/#top', '#fragment'],
    ['https://169.254.169.254', 'cloud metadata service'],
    ['https://metadata.google.internal', 'cloud metadata service'],
    ['https://[fe80::1]', 'link-local'],
  ])('rejects %s', (value, message) => {
    const result = checkTrackerUrl(value, EXAMPLE);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toContain(message);
  });
});
