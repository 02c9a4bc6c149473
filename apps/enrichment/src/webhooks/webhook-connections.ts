import { Injectable } from '@nestjs/common';
import { SecretCipher, TrackerConnectionRepository } from '@sightline/persistence';
import {
  JIRA_PROPERTY_KEY,
  JIRA_RISK_LABEL,
  LINEAR_RISK_LABEL,
  type OwnWriteSignature,
  type TrackerKind,
} from '@sightline/trackers';

/** What the webhook endpoint needs to know about a connection, per delivery. */
export interface WebhookConnection {
  id: string;
  kind: TrackerKind;
  /** Null: no webhook secret configured, so no delivery can be verified. */
  secret: string | null;
  own: OwnWriteSignature;
}

/**
 * Trackers send bursts (a bulk edit is hundreds of deliveries), so connection lookups are cached
 * for a few seconds; a changed webhook secret or a newly learned bot account applies within that.
 */
const CACHE_MS = 5_000;
const MAX_ENTRIES = 1_000;

@Injectable()
export class WebhookConnections {
  private readonly cache = new Map<string, { expires: number; value: Promise<WebhookConnection | null> }>();

  constructor(
    private readonly connections: TrackerConnectionRepository,
    private readonly cipher: SecretCipher,
  ) {}

  find(connectionId: string, now = Date.now()): Promise<WebhookConnection | null> {
    const cached = this.cache.get(connectionId);
    if (cached && cached.expires > now) return cached.value;
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    const value = this.load(connectionId);
    this.cache.set(connectionId, { expires: now + CACHE_MS, value });
    // A failed lookup (database down) must not be remembered.
    value.catch(() => this.cache.delete(connectionId));
    return value;
  }

  private async load(connectionId: string): Promise<WebhookConnection | null> {
    const connection = await this.connections.findById(connectionId);
    if (!connection) return null;
    const sealed = await this.connections.findSealedSecrets(connectionId);
    const envelope = sealed?.webhookSecretEnvelope ?? null;
    return {
      id: connection.id,
      kind: connection.kind,
      secret: envelope === null ? null : this.cipher.open(envelope),
      own: {
        botAccountId: connection.botAccountId,
        riskLabels: [connection.kind === 'jira' ? JIRA_RISK_LABEL : LINEAR_RISK_LABEL],
        propertyKey: JIRA_PROPERTY_KEY,
      },
    };
  }
}
