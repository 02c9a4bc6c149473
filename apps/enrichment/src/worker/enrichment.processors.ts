import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { InjectConfig, type Config } from '@sightline/config';
import { EnrichmentRunRepository } from '@sightline/persistence';
import { ContractProcessor } from '@sightline/queues';
import { SnapshotRecheckService } from '../grooming/snapshot-recheck.service';
import { EnrichmentHistoryPruner } from './enrichment-history.pruner';
import { TicketEnrichmentService } from './ticket-enrichment.service';
import { TrackerWritebackService } from './tracker-writeback.service';

function runIdOf(job: Job): string | null {
  const runId = (job.data as { runId?: unknown } | undefined)?.runId;
  return typeof runId === 'string' ? runId : null;
}

/** `ticket-enrichment`: match, assess and store; the service decides, this maps to BullMQ. */
@Injectable()
export class TicketEnrichmentProcessor extends ContractProcessor<'ticket-enrichment'> {
  constructor(
    @InjectConfig() config: Config,
    enrichment: TicketEnrichmentService,
    pruner: EnrichmentHistoryPruner,
    recheck: SnapshotRecheckService,
    private readonly runs: EnrichmentRunRepository,
  ) {
    super(
      'ticket-enrichment',
      {
        'enrich-ticket': (payload, job, token) => enrichment.enrich(payload, job, token),
        'recheck-repository': (payload) => recheck.recheck(payload.repositoryId, payload.snapshotId),
        'prune-enrichment-history': () => pruner.prune(),
      },
      {
        redisUrl: config.REDIS_URL,
        prefix: config.QUEUE_PREFIX,
        concurrency: config.ENRICHMENT_CONCURRENCY,
        lockMs: config.WORKER_LOCK_MS,
      },
    );
  }

  protected override async onFinalFailure(job: Job, error: Error): Promise<void> {
    const runId = runIdOf(job);
    if (runId) await this.runs.finish(runId, 'failed', `enrichment gave up: ${error.message}`);
  }
}

/** `tracker-writeback`: comment, label and machine data, one ticket at a time. */
@Injectable()
export class TrackerWritebackProcessor extends ContractProcessor<'tracker-writeback'> {
  constructor(
    @InjectConfig() config: Config,
    writeback: TrackerWritebackService,
    private readonly runs: EnrichmentRunRepository,
  ) {
    super(
      'tracker-writeback',
      { 'write-note': (payload, job, token) => writeback.write(payload, job, token) },
      {
        redisUrl: config.REDIS_URL,
        prefix: config.QUEUE_PREFIX,
        concurrency: config.WRITEBACK_CONCURRENCY,
        lockMs: config.WORKER_LOCK_MS,
      },
    );
  }

  protected override async onFinalFailure(job: Job, error: Error): Promise<void> {
    const runId = runIdOf(job);
    if (runId) await this.runs.finish(runId, 'failed', `write-back gave up: ${error.message}`);
  }
}
