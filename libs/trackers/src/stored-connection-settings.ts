import { z } from 'zod';
import {
  jiraCredentialsSchema,
  linearCredentialsSchema,
  type TrackerConnectionSettings,
} from './tracker-options';

/** What the settings need of a stored tracker connection (the persistence record fits). */
export interface StoredTrackerConnection {
  kind: 'jira' | 'linear';
  baseUrl: string | null;
  botAccountId: string | null;
}

/**
 * The credential JSON as the admin API seals it (`auth` of a tracker connection). The tracker
 * adapters name Linear's kinds differently (`api-key`, `oauth`), so the mapping lives here.
 */
const storedAuthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('basic'), email: z.string(), apiToken: z.string() }),
  z.object({ kind: z.literal('bearer'), token: z.string() }),
  z.object({ kind: z.literal('apiKey'), apiKey: z.string() }),
]);

/** The stored connection cannot be used as it is: an admin has to fix it (not a tracker fault). */
export class ConnectionSetupError extends Error {}

export function trackerSettingsOf(
  connection: StoredTrackerConnection,
  credentialJson: string,
  options: { timeoutMs: number },
): TrackerConnectionSettings {
  let auth: z.output<typeof storedAuthSchema>;
  try {
    auth = storedAuthSchema.parse(JSON.parse(credentialJson));
  } catch {
    throw new ConnectionSetupError(
      'the stored credentials cannot be read; set them again through the admin API',
    );
  }
  if (connection.kind === 'jira') {
    if (!connection.baseUrl) throw new ConnectionSetupError('the Jira connection has no siteUrl');
    const credentials = jiraCredentialsSchema.safeParse(
      auth.kind === 'bearer' ? { kind: 'bearer', token: auth.token } : auth,
    );
    if (!credentials.success) {
      throw new ConnectionSetupError(`a Jira connection takes basic or bearer credentials, not ${auth.kind}`);
    }
    return {
      kind: 'jira',
      siteUrl: connection.baseUrl,
      credentials: credentials.data,
      botAccountId: connection.botAccountId,
      timeoutMs: options.timeoutMs,
    };
  }
  const credentials = linearCredentialsSchema.safeParse(
    auth.kind === 'apiKey'
      ? { kind: 'api-key', apiKey: auth.apiKey }
      : auth.kind === 'bearer'
        ? { kind: 'oauth', accessToken: auth.token }
        : auth,
  );
  if (!credentials.success) {
    throw new ConnectionSetupError(
      `a Linear connection takes apiKey or bearer credentials, not ${auth.kind}`,
    );
  }
  return {
    kind: 'linear',
    ...(connection.baseUrl ? { apiUrl: connection.baseUrl } : {}),
    credentials: credentials.data,
    botAccountId: connection.botAccountId,
  };
}
