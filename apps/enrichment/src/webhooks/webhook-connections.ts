import { Injectable } from '@nestjs/common';
import { SecretCipher, TrackerConnectionRepository } from '@sightline/persistence';
import {
  JIRA_FEEDBACK_LABEL,
  JIRA_PROPERTY_KEY,
  JIRA_RISK_LABEL,
  LINEAR_FEEDBACK_LABEL,
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
    // A failed lookup (database down) must not be remembered, nor a connection whose bot account
    // is not known yet: the first job learns it within moments, and until then our own writes
    // (a label taken off, named by id only on Linear) would not be recognised as echoes.
    value.then(
      (connection) => {
        if (connection && connection.own.botAccountId === null) this.cache.delete(connectionId);
      },
      () => this.cache.delete(connectionId),
    );
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
        feedbackLabels: [connection.kind === 'jira' ? JIRA_FEEDBACK_LABEL : LINEAR_FEEDBACK_LABEL],
      },
    };
  }
}
