import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { InjectConfig, type Config } from '@sightline/config';
import { ContractProcessor } from '@sightline/queues';
import { AnalysisRunner } from './analysis-runner.service';
import { AnalysisTriggerService } from './analysis-trigger.service';

@Injectable()
export class RepositoryAnalysisProcessor extends ContractProcessor<'repository-analysis'> {
  constructor(
    @InjectConfig() config: Config,
    private readonly runner: AnalysisRunner,
    triggers: AnalysisTriggerService,
  ) {
    super(
      'repository-analysis',
      {
        'analyse-repository': (payload, job, token) => runner.run(payload, job, token),
        'refresh-repository': async ({ repositoryId }) => ({
          runId: (await triggers.trigger(repositoryId, 'schedule')).id,
        }),
      },
      {
        redisUrl: config.REDIS_URL,
        prefix: config.QUEUE_PREFIX,
        concurrency: config.ANALYSIS_CONCURRENCY,
        lockMs: config.WORKER_LOCK_MS,
      },
    );
  }

  protected override async onFinalFailure(job: Job, error: Error): Promise<void> {
    if (job.name === 'analyse-repository') await this.runner.fail(String(job.data.runId), error.message);
  }
}
