import {
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import {
  ConstraintViolationError,
  ProjectMappingRepository,
  RepositoryRegistryRepository,
  TrackerConnectionRepository,
  type ProjectMappingRecord,
  type TrackerConnectionRecord,
} from '@sightline/persistence';
import { AuditService, type Principal } from '@sightline/platform';
import { CronSchedules, GROOMING_SCHEDULES, QueueProducer } from '@sightline/queues';
import { invalidField, toPage, type Page } from '../repositories/admin-resource';
import {
  DEFAULT_RISK_THRESHOLDS,
  DEFAULT_WRITEBACK_MODE,
  toProjectMappingDto,
  type CreateProjectMappingInput,
  type Grooming,
  type ProjectMappingView,
  type RiskThresholds,
  type UpdateProjectMappingInput,
} from './project-mapping.dto';

const RESOURCE = 'project-mapping';
const JIRA_PROJECT_KEY = /^[A-Z][A-Z0-9_]{1,9}$/;

/** The cron a mapping's sweeps run on: only an enabled mapping with a schedule has one. */
const sweepCronOf = (grooming: Grooming): string | null => (grooming.enabled ? grooming.schedule : null);

/**
 * Tracker project → repositories: references must exist, keys fit the tracker, thresholds stay
 * ordered. Each write also applies the mapping's grooming schedule, so a changed schedule takes
 * effect at once rather than at the enrichment service's next start.
 */
@Injectable()
export class ProjectMappingsService {
  private readonly sweepSchedules: CronSchedules<'grooming-sweep', 'scheduled-sweep'>;

  constructor(
    private readonly mappings: ProjectMappingRepository,
    private readonly connections: TrackerConnectionRepository,
    private readonly repositories: RepositoryRegistryRepository,
    private readonly audit: AuditService,
    producer: QueueProducer,
  ) {
    this.sweepSchedules = new CronSchedules(producer, GROOMING_SCHEDULES);
  }

  async list(query: {
    connectionId?: string;
    repositoryId?: string;
    projectKey?: string;
    limit: number;
    offset: number;
  }): Promise<Page<ProjectMappingView>> {
    const page = await this.mappings.list(query);
    return toPage(page, query, toProjectMappingDto);
  }

  async get(id: string): Promise<ProjectMappingView> {
    return toProjectMappingDto(await this.require(id));
  }

  async create(
    principal: Principal,
    input: CreateProjectMappingInput,
    requestId?: string,
  ): Promise<ProjectMappingView> {
    const connection = await this.requireConnection(input.connectionId);
    const grooming: Grooming = {
      enabled: input.grooming?.enabled ?? false,
      jql: input.grooming?.jql ?? null,
      schedule: input.grooming?.schedule ?? null,
    };
    const riskThresholds = { ...DEFAULT_RISK_THRESHOLDS, ...input.riskThresholds };
    this.checkFitsConnection(connection, input.projectKey, grooming);
    this.checkThresholdOrder(riskThresholds);
    await this.requireRepositories(input.repositoryIds);
    const record = await this.writing(connection, input.projectKey, () =>
      this.mappings.create({
        connectionId: connection.id,
        projectKey: input.projectKey,
        repositoryIds: input.repositoryIds,
        pathRules: input.pathRules ?? [],
        riskThresholds,
        writebackMode: input.writebackMode ?? DEFAULT_WRITEBACK_MODE,
        grooming,
      }),
    );
    const after = toProjectMappingDto(record);
    await this.sweepSchedules.apply(record.id, sweepCronOf(after.grooming));
    await this.audit.record({
      principal,
      action: 'create',
      resourceType: RESOURCE,
      resourceId: record.id,
      after,
      requestId,
    });
    return after;
  }

  async update(
    principal: Principal,
    id: string,
    input: UpdateProjectMappingInput,
    requestId?: string,
  ): Promise<ProjectMappingView> {
    const current = await this.require(id);
    const before = toProjectMappingDto(current);
    // Nested objects merge: a PATCH of {"riskThresholds":{"high":0.9}} keeps medium and minConfidence.
    const riskThresholds = { ...before.riskThresholds, ...input.riskThresholds };
    const grooming = { ...before.grooming, ...input.grooming };
    const projectKey = input.projectKey ?? current.projectKey;
    const connection = await this.requireConnection(input.connectionId ?? current.connectionId);
    this.checkFitsConnection(connection, projectKey, grooming);
    this.checkThresholdOrder(riskThresholds);
    if (input.repositoryIds) await this.requireRepositories(input.repositoryIds);

    const updated = await this.writing(connection, projectKey, () =>
      this.mappings.update(id, {
        connectionId: input.connectionId,
        projectKey: input.projectKey,
        repositoryIds: input.repositoryIds,
        pathRules: input.pathRules,
        riskThresholds: input.riskThresholds && riskThresholds,
        writebackMode: input.writebackMode,
        grooming: input.grooming && grooming,
      }),
    );
    if (!updated) throw this.notFound(id);
    const after = toProjectMappingDto(updated);
    if (input.grooming) await this.sweepSchedules.apply(id, sweepCronOf(after.grooming));
    await this.audit.record({
      principal,
      action: 'update',
      resourceType: RESOURCE,
      resourceId: id,
      before,
      after,
      requestId,
    });
    return after;
  }

  async remove(principal: Principal, id: string, requestId?: string): Promise<void> {
    const current = await this.require(id);
    if (!(await this.mappings.remove(id))) throw this.notFound(id);
    await this.sweepSchedules.apply(id, null);
    await this.audit.record({
      principal,
      action: 'delete',
      resourceType: RESOURCE,
      resourceId: id,
      before: toProjectMappingDto(current),
      requestId,
    });
  }

  private checkFitsConnection(
    connection: TrackerConnectionRecord,
    projectKey: string,
    grooming: Grooming,
  ): void {
    if (connection.kind === 'jira' && !JIRA_PROJECT_KEY.test(projectKey)) {
      throw invalidField(
        'projectKey',
        'a Jira project key is 2–10 characters: an upper-case letter, then letters, digits or _ (e.g. SHOP)',
      );
    }
    if (connection.kind === 'linear' && grooming.jql !== null) {
      throw invalidField(
        'grooming.jql',
        'JQL only applies to Jira connections; leave grooming.jql out for Linear',
      );
    }
  }

  private checkThresholdOrder(thresholds: RiskThresholds): void {
    if (thresholds.medium >= thresholds.high) {
      throw invalidField(
        'riskThresholds.medium',
        `must be below riskThresholds.high (${thresholds.high}); got ${thresholds.medium}`,
      );
    }
  }

  private async requireConnection(id: string): Promise<TrackerConnectionRecord> {
    const connection = await this.connections.findById(id);
    if (!connection) {
      throw new UnprocessableEntityException(
        `connectionId: no tracker connection with id ${id}; GET /api/tracker-connections lists them`,
      );
    }
    return connection;
  }

  private async requireRepositories(ids: string[]): Promise<void> {
    const existing = new Set(await this.repositories.findExistingIds(ids));
    const missing = ids.filter((id) => !existing.has(id));
    if (missing.length) {
      throw new UnprocessableEntityException(
        `repositoryIds: no repository with id ${missing.join(', ')}; register it first (POST /api/repositories)`,
      );
    }
  }

  /** Maps the two races a check-then-write leaves open to the same answers the checks give. */
  private async writing<T>(
    connection: TrackerConnectionRecord,
    projectKey: string,
    write: () => Promise<T>,
  ): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof ConstraintViolationError)) throw error;
      if (error.kind === 'unique') {
        const existing = await this.mappings.findForProject(connection.id, projectKey);
        throw new ConflictException(
          `tracker connection "${connection.name}" already maps ${projectKey}${existing ? ` (mapping ${existing.id})` : ''}; ` +
            'change that mapping instead',
        );
      }
      throw new UnprocessableEntityException(
        'a tracker connection or repository of this mapping was deleted meanwhile; check the ids',
      );
    }
  }

  private async require(id: string): Promise<ProjectMappingRecord> {
    const record = await this.mappings.findById(id);
    if (!record) throw this.notFound(id);
    return record;
  }

  private notFound(id: string): NotFoundException {
    return new NotFoundException(`no project mapping with id ${id}`);
  }
}
