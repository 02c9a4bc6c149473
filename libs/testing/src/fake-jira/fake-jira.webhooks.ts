import { createHmac, randomUUID } from 'node:crypto';
import { postWebhook, type WebhookDelivery } from '../fake-http/webhook-sender';

export interface JiraWebhookSendOptions {
  /** Admin-webhook secret; without it the delivery is unsigned, as Jira sends webhooks without a secret. */
  secret?: string;
  /** `X-Atlassian-Webhook-Identifier`; keep it for a redelivery (Jira reuses it across retries). */
  identifier?: string;
  /** Retry count; Jira sends `X-Atlassian-Webhook-Retry` only on retries. */
  retry?: number;
  flow?: 'Primary' | 'Secondary';
  /** Overrides the computed signature header (forgery tests). */
  signature?: string;
}

/** `X-Hub-Signature: sha256=<hex>`, HMAC-SHA256 of the raw body (trackers.md §2). */
export function jiraSignature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export function jiraWebhookHeaders(
  body: string,
  options: JiraWebhookSendOptions = {},
): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=UTF-8',
    'user-agent': 'Atlassian Webhook HTTP Client',
    'x-atlassian-webhook-identifier': options.identifier ?? randomUUID(),
    'x-atlassian-webhook-flow': options.flow ?? 'Primary',
    'x-atlassian-webhook-trace': randomUUID().replace(/-/g, ''),
  };
  if (options.retry !== undefined && options.retry > 0)
    headers['x-atlassian-webhook-retry'] = String(options.retry);
  const signature =
    options.signature ?? (options.secret !== undefined ? jiraSignature(body, options.secret) : undefined);
  if (signature !== undefined) headers['x-hub-signature'] = signature;
  return headers;
}

/** Delivers one Jira webhook to `url` exactly as Jira Cloud signs and labels it. */
export function sendJiraWebhook(
  url: string,
  payload: Record<string, unknown>,
  options: JiraWebhookSendOptions = {},
): Promise<WebhookDelivery> {
  const body = JSON.stringify(payload);
  return postWebhook(url, body, jiraWebhookHeaders(body, options));
}
