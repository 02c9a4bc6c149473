import { Injectable, NotFoundException } from '@nestjs/common';
import {
  AnalysisRunRepository,
  RepositoryRegistryRepository,
  type AnalysisRunRecord,
} from '@sightline/persistence';
import { QueueProducer } from '@sightline/queues';

export type AnalysisTrigger = 'api' | 'schedule' | 'push';

/** Starts analyses. Triggers for a repository coalesce into its one queued run. */
@Injectable()
export class AnalysisTriggerService {
  constructor(
    private readonly runs: AnalysisRunRepository,
    private readonly registry: RepositoryRegistryRepository,
    private readonly producer: QueueProducer,
  ) {}

  async trigger(repositoryId: string, trigger: AnalysisTrigger): Promise<AnalysisRunRecord> {
    if (!(await this.registry.findById(repositoryId)))
      throw new NotFoundException(`no repository with id ${repositoryId}`);
    const { run } = await this.runs.queue(repositoryId, trigger);
    // Enqueued even when the run already existed: the job id is the run's, so BullMQ drops the
    // duplicate, and a run whose first enqueue was lost gets its job now.
    await this.producer.enqueue(
      'repository-analysis',
      'analyse-repository',
      { repositoryId, runId: run.id },
      { jobId: `analyse-${run.id}` },
    );
    return run;
  }
}
