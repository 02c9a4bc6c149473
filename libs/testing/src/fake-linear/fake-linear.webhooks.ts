import { createHmac, randomUUID } from 'node:crypto';
import { postWebhook, type WebhookDelivery } from '../fake-http/webhook-sender';

export interface LinearWebhookSendOptions {
  secret: string;
  /** `Linear-Delivery`; keep it for a redelivery of the same event. */
  deliveryId?: string;
  webhookId?: string;
  /** Signed `webhookTimestamp` in epoch ms; defaults to now (the receiver allows 60 s of skew). */
  timestamp?: number;
  /** Overrides the computed signature (forgery tests); null sends no signature header. */
  signature?: string | null;
  /** Leaves out `Linear-Delivery`, as some senders do, so the fallback id is exercised. */
  omitDeliveryHeader?: boolean;
}

/** `linear-signature`: hex HMAC-SHA256 of the raw body with the webhook secret (trackers.md §5). */
export function linearSignature(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}

/** Stamps `webhookId` and `webhookTimestamp` into the payload and signs the resulting bytes. */
export function linearWebhookRequest(
  payload: Record<string, unknown>,
  options: LinearWebhookSendOptions,
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({
    ...payload,
    webhookId: options.webhookId ?? 'fake-linear-webhook',
    webhookTimestamp: options.timestamp ?? Date.now(),
  });
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'Linear-Webhook',
    'linear-event': String(payload.type ?? ''),
  };
  if (!options.omitDeliveryHeader) headers['linear-delivery'] = options.deliveryId ?? randomUUID();
  const signature =
    options.signature === undefined ? linearSignature(body, options.secret) : options.signature;
  if (signature !== null) headers['linear-signature'] = signature;
  return { body, headers };
}

/** Delivers one Linear webhook to `url` exactly as Linear signs and labels it. */
export function sendLinearWebhook(
  url: string,
  payload: Record<string, unknown>,
  options: LinearWebhookSendOptions,
): Promise<WebhookDelivery> {
  const { body, headers } = linearWebhookRequest(payload, options);
  return postWebhook(url, body, headers);
}
