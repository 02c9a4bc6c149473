import { z } from 'zod';

/** Credential JSON stored (sealed) per connection; the admin API validates it with these schemas. */
export const jiraCredentialsSchema = z.discriminatedUnion('kind', [
  /** Atlassian API token of the bot account. jira.js requires a valid email here. */
  z.object({ kind: z.literal('basic'), email: z.email(), apiToken: z.string().min(1) }),
  /** A raw OAuth 2.0 access token (refresh is the caller's business). */
  z.object({ kind: z.literal('bearer'), token: z.string().min(1) }),
]);
export type JiraCredentials = z.infer<typeof jiraCredentialsSchema>;

export const linearCredentialsSchema = z.discriminatedUnion('kind', [
  /** Personal API key: sent as-is in `Authorization`. */
  z.object({ kind: z.literal('api-key'), apiKey: z.string().min(1) }),
  /** OAuth access token: sent as `Bearer <token>`. */
  z.object({ kind: z.literal('oauth'), accessToken: z.string().min(1) }),
]);
export type LinearCredentials = z.infer<typeof linearCredentialsSchema>;

interface CommonOptions {
  /** The bot account id when already known (saves a `whoAmI` round trip on first use). */
  botAccountId?: string | null;
  /** Clock for rate-limit arithmetic; tests pin it. */
  now?: () => number;
}

export interface JiraTrackerOptions extends CommonOptions {
  /** Jira site, e.g. `https://acme.atlassian.net` (or a local fake's URL). */
  siteUrl: string;
  credentials: JiraCredentials;
  riskLabel?: string;
  propertyKey?: string;
  /**
   * Send `notifyUsers=false` on edits. Jira accepts it only from project/Jira admins, so it is off
   * unless the connection says the bot has that permission.
   */
  suppressNotifications?: boolean;
  /** Per-request timeout; axios has none by default. */
  timeoutMs?: number;
}

export interface LinearTrackerOptions extends CommonOptions {
  /** GraphQL endpoint; defaults to `https://api.linear.app/graphql`. */
  apiUrl?: string;
  credentials: LinearCredentials;
  riskLabel?: string;
}

export type TrackerConnectionSettings =
  ({ kind: 'jira' } & JiraTrackerOptions) | ({ kind: 'linear' } & LinearTrackerOptions);
