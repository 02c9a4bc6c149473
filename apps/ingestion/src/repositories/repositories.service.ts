import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectConfig, type Config } from '@sightline/config';
import {
  ConstraintViolationError,
  ProjectMappingRepository,
  RepositoryRegistryRepository,
  type RepositoryRecord,
  type RepositoryRegistrationChanges,
} from '@sightline/persistence';
import { AuditService, type Principal } from '@sightline/platform';
import { invalidField, toPage, withUniqueName, type Page } from './admin-resource';
import { checkCloneUrl, type CloneTransport, type CloneUrlPolicy } from './clone-url';
import { RefreshSchedulesService } from './refresh-schedules.service';
import { RepositoryCredentialsService } from './repository-credentials.service';
import {
  toRepositoryDto,
  type CreateRepositoryInput,
  type RepositoryView,
  type UpdateRepositoryInput,
} from './repository.dto';

const RESOURCE = 'repository';

/** Registered repositories: clone URL policy, sealed credentials, and the rule that mapped ones stay. */
@Injectable()
export class RepositoriesService {
  private readonly policy: CloneUrlPolicy;

  constructor(
    private readonly repositories: RepositoryRegistryRepository,
    private readonly mappings: ProjectMappingRepository,
    private readonly credentials: RepositoryCredentialsService,
    private readonly audit: AuditService,
    private readonly schedules: RefreshSchedulesService,
    @InjectConfig() config: Config,
  ) {
    this.policy = {
      allowLocal: config.ALLOW_LOCAL_REPOSITORIES,
      allowPrivateHosts: config.ALLOW_PRIVATE_GIT_HOSTS,
    };
  }

  async list(query: { name?: string; limit: number; offset: number }): Promise<Page<RepositoryView>> {
    const page = await this.repositories.list({
      nameContains: query.name,
      limit: query.limit,
      offset: query.offset,
    });
    return toPage(page, query, toRepositoryDto);
  }

  async get(id: string): Promise<RepositoryView> {
    return toRepositoryDto(await this.require(id));
  }

  async create(
    principal: Principal,
    input: CreateRepositoryInput,
    requestId?: string,
  ): Promise<RepositoryView> {
    const transport = this.checkedTransport(input.cloneUrl);
    const credentials = input.credentials ?? null;
    this.checkCredentialsFit(transport, credentials?.kind ?? null);
    const record = await withUniqueName('repository', input.name, () =>
      this.repositories.register({
        name: input.name,
        cloneUrl: input.cloneUrl,
        defaultBranch: input.defaultBranch ?? null,
        credentials: credentials && this.credentials.seal(credentials),
        exclusions: input.exclusions ?? [],
        refreshCron: input.refreshSchedule ?? null,
        historyWindowDays: input.historyWindowDays ?? null,
      }),
    );
    await this.schedules.apply(record.id, record.refreshCron);
    const after = toRepositoryDto(record);
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
    input: UpdateRepositoryInput,
    requestId?: string,
  ): Promise<RepositoryView> {
    const current = await this.require(id);
    // Judge the URL and the credentials that will be in force after the change, not each in isolation.
    const transport =
      input.cloneUrl !== undefined
        ? this.checkedTransport(input.cloneUrl)
        : this.storedTransport(current.cloneUrl);
    const credentialKind =
      input.credentials !== undefined ? (input.credentials?.kind ?? null) : current.credentialKind;
    this.checkCredentialsFit(transport, credentialKind, input.credentials === undefined);

    const changes: RepositoryRegistrationChanges = {
      name: input.name,
      cloneUrl: input.cloneUrl,
      defaultBranch: input.defaultBranch,
      credentials:
        input.credentials === undefined
          ? undefined
          : input.credentials && this.credentials.seal(input.credentials),
      exclusions: input.exclusions,
      refreshCron: input.refreshSchedule,
      historyWindowDays: input.historyWindowDays,
    };
    const updated = await withUniqueName('repository', input.name ?? current.name, () =>
      this.repositories.update(id, changes),
    );
    if (!updated) throw this.notFound(id);
    if (input.refreshSchedule !== undefined) await this.schedules.apply(id, updated.refreshCron);
    const after = toRepositoryDto(updated);
    await this.audit.record({
      principal,
      action: 'update',
      resourceType: RESOURCE,
      resourceId: id,
      before: toRepositoryDto(current),
      after,
      requestId,
    });
    return after;
  }

  async remove(principal: Principal, id: string, requestId?: string): Promise<void> {
    const current = await this.require(id);
    const users = await this.mappings.findUsingRepository(id);
    if (users.length) {
      throw new ConflictException(
        `repository "${current.name}" is used by project mapping(s) ${users.map((m) => `${m.projectKey} (${m.id})`).join(', ')}; ` +
          'remove it from their repositoryIds (PATCH /api/project-mappings/{id}) or delete those mappings first',
      );
    }
    try {
      if (!(await this.repositories.remove(id))) throw this.notFound(id);
    } catch (error) {
      // A mapping added between the check and the delete: the RESTRICT foreign key still holds.
      if (error instanceof ConstraintViolationError && error.kind === 'foreign-key') {
        throw new ConflictException(
          `repository "${current.name}" is used by a project mapping; remove it from the mapping first`,
        );
      }
      throw error;
    }
    await this.schedules.apply(id, null);
    await this.audit.record({
      principal,
      action: 'delete',
      resourceType: RESOURCE,
      resourceId: id,
      before: toRepositoryDto(current),
      requestId,
    });
  }

  private checkedTransport(cloneUrl: string): CloneTransport {
    const result = checkCloneUrl(cloneUrl, this.policy);
    if (!result.ok) throw invalidField('cloneUrl', result.problem);
    return result.transport;
  }

  /** A stored URL was valid when registered; only its transport matters when other fields change. */
  private storedTransport(cloneUrl: string): CloneTransport | null {
    const result = checkCloneUrl(cloneUrl, { allowLocal: true, allowPrivateHosts: true });
    return result.ok ? result.transport : null;
  }

  private checkCredentialsFit(
    transport: CloneTransport | null,
    kind: 'token' | 'ssh-key' | null,
    stored = false,
  ): void {
    if (!kind || !transport) return;
    const fix = stored
      ? 'send matching credentials or "credentials": null'
      : 'change the credentials or the clone URL';
    if (transport === 'local')
      throw invalidField('credentials', `a local repository takes no credentials; ${fix}`);
    if (kind === 'token' && transport === 'ssh') {
      throw invalidField('credentials', `token credentials work with https:// clone URLs, not ssh; ${fix}`);
    }
    if (kind === 'ssh-key' && transport !== 'ssh') {
      throw invalidField(
        'credentials',
        `an SSH key works with ssh:// or git@host:… clone URLs, not ${transport}; ${fix}`,
      );
    }
  }

  private async require(id: string): Promise<RepositoryRecord> {
    const record = await this.repositories.findById(id);
    if (!record) throw this.notFound(id);
    return record;
  }

  private notFound(id: string): NotFoundException {
    return new NotFoundException(`no repository with id ${id}`);
  }
}
