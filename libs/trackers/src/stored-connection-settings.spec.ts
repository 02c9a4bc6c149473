import {
  ConnectionSetupError,
  trackerSettingsOf,
  type StoredTrackerConnection,
} from './stored-connection-settings';

function connection(kind: 'jira' | 'linear', baseUrl: string | null): StoredTrackerConnection {
  return { kind, baseUrl, botAccountId: 'bot-1' };
}

describe('trackerSettingsOf', () => {
  it('passes Jira basic and bearer credentials as the admin API stored them', () => {
    const basic = trackerSettingsOf(
      connection('jira', 'https://acme.atlassian.net'),
      JSON.stringify({ kind: 'basic', email: 'bot@acme.com', apiToken: 't' }),
      { timeoutMs: 5_000 },
    );
    expect(basic).toEqual({
      kind: 'jira',
      siteUrl: 'https://acme.atlassian.net',
      credentials: { kind: 'basic', email: 'bot@acme.com', apiToken: 't' },
      botAccountId: 'bot-1',
      timeoutMs: 5_000,
    });
    const bearer = trackerSettingsOf(
      connection('jira', 'https://acme.atlassian.net'),
      '{"kind":"bearer","token":"x"}',
      {
        timeoutMs: 5_000,
      },
    );
    expect(bearer.credentials).toEqual({ kind: 'bearer', token: 'x' });
  });

  it('renames Linear apiKey and bearer credentials to the adapter’s kinds', () => {
    const key = trackerSettingsOf(connection('linear', null), '{"kind":"apiKey","apiKey":"lin_api_1"}', {
      timeoutMs: 1,
    });
    expect(key).toEqual({
      kind: 'linear',
      credentials: { kind: 'api-key', apiKey: 'lin_api_1' },
      botAccountId: 'bot-1',
    });
    const oauth = trackerSettingsOf(
      connection('linear', 'http://127.0.0.1:9/graphql'),
      '{"kind":"bearer","token":"o"}',
      {
        timeoutMs: 1,
      },
    );
    expect(oauth).toEqual(
      expect.objectContaining({
        apiUrl: 'http://127.0.0.1:9/graphql',
        credentials: { kind: 'oauth', accessToken: 'o' },
      }),
    );
  });

  it('refuses credentials that cannot work, with a reason an admin can act on', () => {
    expect(() =>
      trackerSettingsOf(connection('jira', 'https://a.atlassian.net'), 'not json', { timeoutMs: 1 }),
    ).toThrow(ConnectionSetupError);
    expect(() =>
      trackerSettingsOf(connection('jira', 'https://a.atlassian.net'), '{"kind":"apiKey","apiKey":"k"}', {
        timeoutMs: 1,
      }),
    ).toThrow(/basic or bearer credentials, not apiKey/);
    expect(() =>
      trackerSettingsOf(connection('linear', null), '{"kind":"basic","email":"a@b.c","apiToken":"t"}', {
        timeoutMs: 1,
      }),
    ).toThrow(/apiKey or bearer credentials, not basic/);
    expect(() =>
      trackerSettingsOf(connection('jira', null), '{"kind":"bearer","token":"x"}', { timeoutMs: 1 }),
    ).toThrow(/no siteUrl/);
  });
});
