import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { RUN_COLUMNS, type EnrichmentRunRecord, type NewEnrichmentRun } from './enrichment-run.repository';

export interface WebhookDeliveryInput {
  connectionId: string;
  /** The tracker's delivery id (`jira:<X-Atlassian-Webhook-Identifier>`, `linear:<Linear-Delivery>`, …). */
  deliveryId: string;
  eventName: string;
  ticketKey: string | null;
  /** Why an ignored delivery was ignored (`own-write`, `not-note-relevant`, …); null when enqueued. */
  reason: string | null;
  /** The tracker account that added the feedback label in this event, when it did. */
  labelActor?: string | null;
}

export interface DeliveryOutcome {
  /** False: the delivery id was recorded before (a redelivery). */
  fresh: boolean;
  /** The run this delivery started (for a redelivery, the one the first delivery started). */
  run: EnrichmentRunRecord | null;
}

/**
 * Webhook deliveries (table `webhook_deliveries`): the primary key (connection, delivery id) is
 * what makes a redelivery do nothing. A delivery that starts work is recorded together with its
 * run in one statement, committed before the job is queued, so a worker never sees a job whose
 * run is not there yet. Should queueing fail after the commit, the tracker's redelivery finds the
 * run still queued and queues it then (job ids are deterministic, so that is never twice).
 */
export class WebhookDeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records a delivery that starts no work; false when it was already recorded. */
  async recordIgnored(delivery: WebhookDeliveryInput): Promise<boolean> {
    const rows = await this.dataSource.query(
      `INSERT INTO webhook_deliveries (connection_id, delivery_id, event_name, ticket_key, decision, reason)
       VALUES ($1, $2, $3, $4, 'ignored', $5) ON CONFLICT DO NOTHING RETURNING 1 AS inserted`,
      [delivery.connectionId, delivery.deliveryId, delivery.eventName, delivery.ticketKey, delivery.reason],
    );
    return rows.length > 0;
  }

  /** Records the delivery and a queued run for it, or finds the run an earlier delivery of the same id started. */
  async recordWithRun(
    delivery: WebhookDeliveryInput,
    run: Omit<NewEnrichmentRun, 'id' | 'deliveryId'>,
  ): Promise<DeliveryOutcome> {
    const runId = randomUUID();
    // One statement: the run row exists only when the delivery row was new.
    const rows: EnrichmentRunRecord[] = await this.dataSource.query(
      `WITH delivery AS (
         INSERT INTO webhook_deliveries (connection_id, delivery_id, event_name, ticket_key, decision, reason, run_id,
           label_actor)
         VALUES ($1, $2, $3, $4, 'enqueued', NULL, $5, $9) ON CONFLICT DO NOTHING RETURNING delivery_id)
       INSERT INTO enrichment_runs (id, connection_id, tracker, ticket_key, trigger, delivery_id, status)
       SELECT $5, $1, $6, $7, $8, delivery_id, 'queued' FROM delivery
       RETURNING ${RUN_COLUMNS}`,
      [
        delivery.connectionId,
        delivery.deliveryId,
        delivery.eventName,
        delivery.ticketKey,
        runId,
        run.tracker,
        run.ticketKey,
        run.trigger,
        delivery.labelActor ?? null,
      ],
    );
    if (rows.length > 0) return { fresh: true, run: rows[0] };
    const [previous] = await this.dataSource.query(
      `SELECT ${RUN_COLUMNS} FROM enrichment_runs
       WHERE id = (SELECT run_id FROM webhook_deliveries WHERE connection_id = $1 AND delivery_id = $2)`,
      [delivery.connectionId, delivery.deliveryId],
    );
    return { fresh: false, run: previous ?? null };
  }

  /** Who added the feedback label in this delivery's event; null when it did not, or did not say. */
  async labelActorOf(connectionId: string, deliveryId: string): Promise<string | null> {
    const [row] = await this.dataSource.query(
      `SELECT label_actor AS "labelActor" FROM webhook_deliveries WHERE connection_id = $1 AND delivery_id = $2`,
      [connectionId, deliveryId],
    );
    return row?.labelActor ?? null;
  }

  async exists(connectionId: string, deliveryId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM webhook_deliveries WHERE connection_id = $1 AND delivery_id = $2`,
      [connectionId, deliveryId],
    );
    return rows.length > 0;
  }

  async count(connectionId: string): Promise<number> {
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM webhook_deliveries WHERE connection_id = $1`,
      [connectionId],
    );
    return n;
  }

  /** Forgets deliveries received before `olderThan` (trackers redeliver within hours, not weeks). */
  async prune(olderThan: Date): Promise<number> {
    const result = await this.dataSource.query(`DELETE FROM webhook_deliveries WHERE received_at < $1`, [
      olderThan,
    ]);
    return Number(result[1] ?? 0);
  }
}
