import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { LinearWebhookClient } from '@linear/sdk/webhooks';

export type SignatureFailure = 'missing' | 'malformed' | 'mismatch' | 'stale';
export type SignatureCheck = { ok: true } | { ok: false; reason: SignatureFailure };

/** Node's IncomingHttpHeaders or any record of header values; names are matched case-insensitively. */
export type WebhookHeaders = Record<string, string | string[] | undefined>;

export function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/**
 * Jira admin webhooks with a secret send `X-Hub-Signature: sha256=<hex>`, the HMAC-SHA256 of the
 * raw body (trackers.md §2). Compared timing-safe on the bytes, before anything parses the body.
 */
export function verifyJiraSignature(
  rawBody: Buffer,
  signatureHeader: string | undefined,
  secret: string,
): SignatureCheck {
  if (!signatureHeader) return { ok: false, reason: 'missing' };
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(signatureHeader.trim());
  if (!match) return { ok: false, reason: 'malformed' };
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(match[1], 'hex');
  return timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/** Linear's freshness window: the SDK rejects a signed `webhookTimestamp` more than 60 s from now. */
export const LINEAR_MAX_WEBHOOK_AGE_MS = 60_000;

/**
 * Verifies `linear-signature` with the SDK's own `LinearWebhookClient` (hex HMAC-SHA256 of the raw
 * body, timing-safe, plus the signed `webhookTimestamp` within 60 s). The SDK only throws; the
 * message tells a forged body from a stale one, which the caller logs differently.
 */
export function verifyLinearSignature(
  rawBody: Buffer,
  signatureHeader: string | undefined,
  secret: string,
): SignatureCheck {
  if (!signatureHeader) return { ok: false, reason: 'missing' };
  if (!/^[0-9a-fA-F]{64}$/.test(signatureHeader.trim())) return { ok: false, reason: 'malformed' };
  try {
    new LinearWebhookClient(secret).verify(rawBody, signatureHeader.trim());
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/timestamp/i.test(message)) return { ok: false, reason: 'stale' };
    if (/signature/i.test(message)) return { ok: false, reason: 'mismatch' };
    // A correctly signed body that is not JSON: the signature held, the payload did not.
    return { ok: false, reason: 'malformed' };
  }
}

/**
 * Idempotency key of a Jira delivery: `X-Atlassian-Webhook-Identifier` is unique per delivery and
 * unchanged across retries. Without it (older sites), the body hash: a retry resends the same bytes.
 */
export function jiraDeliveryId(headers: WebhookHeaders, rawBody: Buffer): string {
  const id = headerValue(headers, 'x-atlassian-webhook-identifier');
  if (id) return `jira:${id}`;
  return `jira-body:${createHash('sha256').update(rawBody).digest('hex')}`;
}

/** Idempotency key of a Linear delivery: `Linear-Delivery`, else the webhook id + signed timestamp. */
export function linearDeliveryId(headers: WebhookHeaders, body: unknown): string | null {
  const id = headerValue(headers, 'linear-delivery');
  if (id) return `linear:${id}`;
  if (body !== null && typeof body === 'object') {
    const { webhookId, webhookTimestamp } = body as Record<string, unknown>;
    if (typeof webhookId === 'string' && typeof webhookTimestamp === 'number') {
      return `linear-webhook:${webhookId}:${webhookTimestamp}`;
    }
  }
  return null;
}
