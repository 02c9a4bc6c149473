import { randomUUID } from 'node:crypto';
import { DelayedError, Queue, QueueEvents, UnrecoverableError, type Job } from 'bullmq';
import { testConfig } from '@sightline/testing';
import { ContractProcessor } from './contract-processor';
import { redisConnectionOptions } from './redis-connection';

const config = testConfig();
const settings = { redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, concurrency: 1, lockMs: 30_000 };

/** A worker whose final-failure record takes a while, as a database write can. */
class SlowRecorder extends ContractProcessor<'repository-analysis'> {
  readonly recorded: string[] = [];

  constructor(behaviour: (job: Job) => Promise<unknown>) {
    super(
      'repository-analysis',
      { 'analyse-repository': (_payload, job) => behaviour(job), 'refresh-repository': async () => null },
      settings,
    );
  }

  protected override async onFinalFailure(job: Job, error: Error): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 300));
    this.recorded.push(`${String(job.id)}: ${error.message}`);
  }
}

describe('ContractProcessor (medium, real Redis)', () => {
  const connection = redisConnectionOptions(config.REDIS_URL);
  const queue = new Queue('repository-analysis', { connection, prefix: config.QUEUE_PREFIX });
  const events = new QueueEvents('repository-analysis', { connection, prefix: config.QUEUE_PREFIX });
  let worker: SlowRecorder | undefined;

  beforeAll(() => events.waitUntilReady());
  afterEach(async () => {
    await worker?.beforeApplicationShutdown();
    worker = undefined;
  });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await Promise.all([queue.close(), events.close()]);
  });

  const add = (id: string, attempts = 1) =>
    queue.add(
      'analyse-repository',
      { repositoryId: randomUUID(), runId: randomUUID() },
      { jobId: id, attempts },
    );

  it('records a final failure before the job is seen failed, so no reader finds the run still running', async () => {
    worker = new SlowRecorder(async () => {
      throw new UnrecoverableError('credentials refused');
    });
    worker.onApplicationBootstrap();
    const job = await add('final-1');
    await expect(job.waitUntilFinished(events)).rejects.toThrow('credentials refused');
    expect(worker.recorded).toEqual(['final-1: credentials refused']);
  });

  it('records nothing for an attempt that will be retried, once for the last one', async () => {
    worker = new SlowRecorder(async () => {
      throw new Error('network down');
    });
    worker.onApplicationBootstrap();
    const job = await add('retried-1', 2);
    await expect(job.waitUntilFinished(events)).rejects.toThrow('network down');
    expect(worker.recorded).toEqual(['retried-1: network down']);
  });

  it('records nothing when a job is only put off (a rate limit delays it)', async () => {
    let calls = 0;
    worker = new SlowRecorder(async (job) => {
      if (calls++ === 0) {
        await job.moveToDelayed(Date.now() + 50, job.token);
        throw new DelayedError();
      }
      return 'done';
    });
    worker.onApplicationBootstrap();
    const job = await add('delayed-1');
    await expect(job.waitUntilFinished(events)).resolves.toBe('done');
    expect(worker.recorded).toEqual([]);
  });
});
