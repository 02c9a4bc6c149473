import { Injectable, Logger } from '@nestjs/common';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import {
  AnalysisInputError,
  analyseRepository,
  GitCommandError,
  deserializeAnalysisCache,
  serializeAnalysisCache,
  type AnalysisCache,
  type AnalysisPhase,
  type ProgressListener,
} from '@sightline/analysis';
import { InjectConfig, type Config } from '@sightline/config';
import {
  AnalysisRunRepository,
  RepositoryLock,
  RepositoryRegistryRepository,
  SnapshotRepository,
  type RepositoryRecord,
} from '@sightline/persistence';
import { BACKGROUND_PRIORITY, QueueProducer } from '@sightline/queues';
import { checkCloneUrl } from '../repositories/clone-url';
import { RepositoryCredentialsService } from '../repositories/repository-credentials.service';
import { GitMirror, GitSyncError } from './git-mirror';
import { toNewSnapshot } from './snapshot-rows.mapper';

const LOCK_RETRY_MS = 10_000;

/**
 * History and file contents are read side by side, then figures are built: 5–85% follows the
 * mean of the first two, figures take it to 90%, saving to 100%.
 */
function overallProgress(report: (percent: number, phase: string) => void): ProgressListener {
  const fraction: Record<AnalysisPhase, number> = { history: 0, files: 0, figures: 0 };
  return ({ phase, done, total }) => {
    fraction[phase] = total > 0 ? Math.min(1, done / total) : 0;
    report(5 + Math.round(80 * ((fraction.history + fraction.files) / 2) + 5 * fraction.figures), phase);
  };
}

/** Runs one analysis job: sync the mirror, analyse (incrementally when it can), commit the snapshot. */
@Injectable()
export class AnalysisRunner {
  private readonly logger = new Logger(AnalysisRunner.name);
  private readonly mirror: GitMirror;

  constructor(
    @InjectConfig() private readonly config: Config,
    private readonly runs: AnalysisRunRepository,
    private readonly snapshots: SnapshotRepository,
    private readonly registry: RepositoryRegistryRepository,
    private readonly credentials: RepositoryCredentialsService,
    private readonly lock: RepositoryLock,
    private readonly producer: QueueProducer,
  ) {
    this.mirror = new GitMirror({
      cacheDir: config.REPOSITORY_CACHE_DIR,
      timeoutMs: config.GIT_TIMEOUT_MS,
      allowedProtocols: config.ALLOW_LOCAL_REPOSITORIES
        ? ['https', 'http', 'ssh', 'git', 'file']
        : ['https', 'http', 'ssh', 'git'],
    });
  }

  async run(
    payload: { repositoryId: string; runId: string },
    job: Job,
    token?: string,
  ): Promise<{ snapshotId: string }> {
    const outcome = await this.lock.tryWith(payload.repositoryId, () => this.runLocked(payload, job));
    if (outcome.acquired) return outcome.value;
    // Another worker is analysing this repository: come back later instead of failing an attempt.
    await job.moveToDelayed(Date.now() + LOCK_RETRY_MS, token);
    throw new DelayedError();
  }

  /** Records the reason once BullMQ gives up on a run (permanent failure or attempts exhausted). */
  async fail(runId: string, reason: string): Promise<void> {
    await this.runs.markFailed(runId, reason);
  }

  private async runLocked({ repositoryId, runId }: { repositoryId: string; runId: string }, job: Job) {
    const run = await this.runs.markRunning(runId);
    if (!run) {
      // Already finished: a redelivered job after a crash between commit and acknowledgement.
      const finished = await this.runs.find(runId);
      if (finished?.snapshotId) return { snapshotId: finished.snapshotId };
      throw new UnrecoverableError(`analysis run ${runId} no longer exists or has failed`);
    }
    const repository = await this.registry.findById(repositoryId);
    if (!repository) throw new UnrecoverableError(`repository ${repositoryId} was deleted`);

    const progress = async (percent: number, phase: string) => {
      await Promise.all([
        this.runs.reportProgress(runId, percent, phase),
        job.updateProgress({ percent, phase }),
      ]);
    };
    await progress(1, 'fetching');
    const synced = await this.syncMirror(repository);
    // Push hooks that do not name the default branch (Bitbucket's) refresh on pushes to this one.
    if (repository.defaultBranch === null)
      await this.registry.recordRemoteDefaultBranch(repositoryId, synced.branch);
    const previous = await this.snapshots.latest(repositoryId);
    const optionsKey = JSON.stringify([repository.exclusions, repository.historyWindowDays]);
    await this.runs.recordCommitRange(runId, {
      fromCommit: previous?.head ?? null,
      toCommit: synced.head,
      incremental: !!previous,
    });
    if (previous && previous.head === synced.head && previous.summary.optionsKey === optionsKey) {
      await this.snapshots.completeUnchanged(runId, previous.id);
      return { snapshotId: previous.id };
    }

    const cache = previous ? await this.loadCache(previous.id) : undefined;
    const { result, head } = await this.analyseMirror(repository, synced, cache, progress);
    if (head !== synced.head) {
      await this.runs.recordCommitRange(runId, {
        fromCommit: previous?.head ?? null,
        toCommit: head,
        incremental: !!previous,
      });
    }
    await progress(95, 'saving');
    const rows = await toNewSnapshot(
      result.snapshot,
      { repositoryId, runId },
      { incrementalState: serializeAnalysisCache(result.cache), corpus: result.corpus },
    );
    rows.summary = { ...rows.summary, optionsKey };
    const counts = {
      commits: result.snapshot.repository.commits,
      files: result.snapshot.files.length,
      areas: result.snapshot.areas.length,
      commitsRead: result.stats.commitsRead,
      commitsReused: result.stats.commitsReused,
      blobsParsed: result.stats.blobsParsed,
      analysisMillis: result.stats.millis,
    };
    const snapshotId = await this.snapshots.commit(rows, counts, this.config.SNAPSHOT_RETENTION);
    this.logger.log({ repositoryId, runId, snapshotId, ...counts }, 'snapshot committed');
    // Grooming: the enrichment service re-assesses the tickets whose reports depend on this repository.
    await this.producer.enqueue(
      'ticket-enrichment',
      'recheck-repository',
      { repositoryId, snapshotId },
      { jobId: `recheck-${snapshotId}`, priority: BACKGROUND_PRIORITY },
    );
    return { snapshotId };
  }

  private async syncMirror(repository: RepositoryRecord) {
    // Checked again here, not only at registration: the policy may have tightened since.
    const check = checkCloneUrl(repository.cloneUrl, {
      allowLocal: this.config.ALLOW_LOCAL_REPOSITORIES,
      allowPrivateHosts: this.config.ALLOW_PRIVATE_GIT_HOSTS,
    });
    if (!check.ok) throw new UnrecoverableError(`cloneUrl ${check.problem}`);
    try {
      return await this.mirror.sync(
        repository.id,
        repository.cloneUrl,
        await this.credentials.open(repository.id),
        repository.defaultBranch,
      );
    } catch (error) {
      if (error instanceof GitSyncError && error.permanent) throw new UnrecoverableError(error.message);
      throw error;
    }
  }

  /**
   * Analyses the mirror at its head. The mirror is a full clone, so objects missing from it are
   * damage (on disk, an interrupted fetch) that another fetch does not repair: whether the
   * analysis stopped on them or read around them (commits without line counts, files without
   * content), the mirror is cloned afresh and the analysis runs once more, and that result stands.
   */
  private async analyseMirror(
    repository: RepositoryRecord,
    synced: { path: string; head: string },
    cache: AnalysisCache | undefined,
    progress: (percent: number, phase: string) => Promise<void>,
  ) {
    let damage: string;
    try {
      const result = await this.analyse(repository, synced.path, synced.head, cache, progress);
      const { commitsWithoutLines, filesWithoutContent } = result.stats;
      if (commitsWithoutLines + filesWithoutContent === 0) return { result, head: synced.head };
      damage = `${commitsWithoutLines} commits could not be diffed, ${filesWithoutContent} files have no content`;
    } catch (error) {
      if (!(error instanceof GitCommandError && error.missingObjects)) throw error;
      damage = error.message;
    }
    this.logger.warn(
      { repositoryId: repository.id, error: damage },
      'the repository copy lacks objects; cloning it again',
    );
    await progress(2, 'cloning again');
    await this.mirror.discard(repository.id);
    const fresh = await this.syncMirror(repository);
    return {
      result: await this.analyse(repository, fresh.path, fresh.head, cache, progress),
      head: fresh.head,
    };
  }

  private async analyse(
    repository: RepositoryRecord,
    path: string,
    head: string,
    previous: AnalysisCache | undefined,
    progress: (percent: number, phase: string) => Promise<void>,
  ) {
    try {
      return await analyseRepository(
        path,
        {
          rev: head,
          exclude: repository.exclusions,
          since: repository.historyWindowDays ? `${repository.historyWindowDays} days ago` : undefined,
        },
        overallProgress((percent, phase) => void progress(percent, phase).catch(() => undefined)),
        // The corpus is the matcher's input: enrichment builds its index from it without git.
        { previous, corpus: true },
      );
    } catch (error) {
      if (error instanceof AnalysisInputError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }

  private async loadCache(snapshotId: string): Promise<AnalysisCache | undefined> {
    const state = await this.snapshots.incrementalState(snapshotId);
    try {
      return state ? deserializeAnalysisCache(state) : undefined;
    } catch (error) {
      // An unreadable cache only costs time: the run becomes a full one.
      this.logger.warn({ snapshotId, error: (error as Error).message }, 'ignoring unreadable analysis cache');
      return undefined;
    }
  }
}
