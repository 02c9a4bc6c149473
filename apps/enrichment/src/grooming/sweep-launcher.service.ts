import { Injectable } from '@nestjs/common';
import {
  ProjectMappingRepository,
  SweepRepository,
  type SweepRecord,
  type SweepTrigger,
} from '@sightline/persistence';
import { QueueProducer } from '@sightline/queues';
import { sweepScheduleOf } from './grooming-settings';
import { GroomingSchedules } from './grooming-schedules.service';

export type LaunchResult =
  { kind: 'started'; sweep: SweepRecord } | { kind: 'busy'; sweep: SweepRecord } | { kind: 'no-mapping' };

/** Starts a sweep of a mapping: the row first, then its job (id `sweep-<id>`, so never queued twice). */
@Injectable()
export class SweepLauncher {
  constructor(
    private readonly sweeps: SweepRepository,
    private readonly mappings: ProjectMappingRepository,
    private readonly producer: QueueProducer,
    private readonly schedules: GroomingSchedules,
  ) {}

  /** A schedule fired: start a sweep unless the mapping lost its schedule or one is still running. */
  async launchScheduled(mappingId: string): Promise<{ outcome: string }> {
    const mapping = await this.mappings.findById(mappingId);
    // The mapping changed since the schedule was made: follow the table, not the stale schedule.
    if (!mapping || !sweepScheduleOf(mapping.grooming)) {
      await this.schedules.apply(mappingId, null);
      return { outcome: 'the mapping no longer has a grooming schedule; schedule removed' };
    }
    const launched = await this.launch(mappingId, 'schedule');
    if (launched.kind === 'started') return { outcome: `sweep ${launched.sweep.id} started` };
    if (launched.kind === 'busy') return { outcome: `sweep ${launched.sweep.id} is still running` };
    return { outcome: 'the mapping was deleted' };
  }

  async launch(mappingId: string, trigger: SweepTrigger): Promise<LaunchResult> {
    const mapping = await this.mappings.findById(mappingId);
    if (!mapping) return { kind: 'no-mapping' };
    const active = await this.sweeps.findActive(mappingId);
    if (active) return { kind: 'busy', sweep: active };
    const sweep = await this.sweeps.create({ mappingId, connectionId: mapping.connectionId, trigger });
    try {
      await this.producer.enqueue(
        'grooming-sweep',
        'sweep-backlog',
        { sweepId: sweep.id },
        { jobId: `sweep-${sweep.id}` },
      );
    } catch (error) {
      await this.sweeps.finish(sweep.id, 'failed', `could not be queued: ${(error as Error).message}`);
      throw error;
    }
    return { kind: 'started', sweep };
  }
}
