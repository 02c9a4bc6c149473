import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  ConstraintViolationError,
  ProjectMappingRepository,
  SecretCipher,
  TrackerConnectionRepository,
  type TrackerConnectionChanges,
  type TrackerConnectionRecord,
} from '@sightline/persistence';
import { AuditService, type Principal } from '@sightline/platform';
import { invalidField, toPage, withUniqueName, type Page } from '../repositories/admin-resource';
import {
  JIRA_AUTH_KINDS,
  LINEAR_AUTH_KINDS,
  toTrackerConnectionDto,
  type CreateTrackerConnectionInput,
  type TrackerAuth,
  type TrackerConnectionView,
  type UpdateTrackerConnectionInput,
} from './tracker-connection.dto';

const RESOURCE = 'tracker-connection';

/** Jira sites and Linear workspaces: sealed credentials, kind-specific fields, and no orphaned mappings. */
@Injectable()
export class TrackerConnectionsService {
  constructor(
    private readonly connections: TrackerConnectionRepository,
    private readonly mappings: ProjectMappingRepository,
    private readonly cipher: SecretCipher,
    private readonly audit: AuditService,
  ) {}

  async list(query: {
    name?: string;
    kind?: 'jira' | 'linear';
    limit: number;
    offset: number;
  }): Promise<Page<TrackerConnectionView>> {
    const page = await this.connections.list({
      nameContains: query.name,
      kind: query.kind,
      limit: query.limit,
      offset: query.offset,
    });
    return toPage(page, query, toTrackerConnectionDto);
  }

  async get(id: string): Promise<TrackerConnectionView> {
    return toTrackerConnectionDto(await this.require(id));
  }

  async create(
    principal: Principal,
    input: CreateTrackerConnectionInput,
    requestId?: string,
  ): Promise<TrackerConnectionView> {
    const record = await withUniqueName('tracker connection', input.name, () =>
      this.connections.create({
        name: input.name,
        kind: input.kind,
        baseUrl: input.kind === 'jira' ? input.siteUrl : (input.apiUrl ?? null),
        authKind: input.auth.kind,
        credentialEnvelope: this.sealAuth(input.auth),
        webhookSecretEnvelope:
          input.webhookSecret === undefined ? null : this.cipher.seal(input.webhookSecret),
      }),
    );
    const after = toTrackerConnectionDto(record);
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
    input: UpdateTrackerConnectionInput,
    requestId?: string,
  ): Promise<TrackerConnectionView> {
    const current = await this.require(id);
    this.checkFitsKind(current.kind, input);
    const changes: TrackerConnectionChanges = {
      name: input.name,
      baseUrl: current.kind === 'jira' ? input.siteUrl : input.apiUrl,
      authKind: input.auth?.kind,
      credentialEnvelope: input.auth && this.sealAuth(input.auth),
      webhookSecretEnvelope:
        input.webhookSecret === undefined
          ? undefined
          : input.webhookSecret && this.cipher.seal(input.webhookSecret),
    };
    if (changes.baseUrl !== undefined || input.auth) {
      // A different site or account: whatever the last connection test found no longer holds.
      Object.assign(changes, { health: 'unknown', healthReason: null, botAccountId: null });
    }
    const updated = await withUniqueName('tracker connection', input.name ?? current.name, () =>
      this.connections.update(id, changes),
    );
    if (!updated) throw this.notFound(id);
    const after = toTrackerConnectionDto(updated);
    await this.audit.record({
      principal,
      action: 'update',
      resourceType: RESOURCE,
      resourceId: id,
      before: toTrackerConnectionDto(current),
      after,
      requestId,
    });
    return after;
  }

  async remove(principal: Principal, id: string, requestId?: string): Promise<void> {
    const current = await this.require(id);
    const users = await this.mappings.findUsingConnection(id);
    if (users.length) {
      throw new ConflictException(
        `tracker connection "${current.name}" is used by project mapping(s) ${users.map((m) => `${m.projectKey} (${m.id})`).join(', ')}; ` +
          'delete those mappings first (DELETE /api/project-mappings/{id})',
      );
    }
    try {
      if (!(await this.connections.remove(id))) throw this.notFound(id);
    } catch (error) {
      if (error instanceof ConstraintViolationError && error.kind === 'foreign-key') {
        throw new ConflictException(
          `tracker connection "${current.name}" is used by a project mapping; delete the mapping first`,
        );
      }
      throw error;
    }
    await this.audit.record({
      principal,
      action: 'delete',
      resourceType: RESOURCE,
      resourceId: id,
      before: toTrackerConnectionDto(current),
      requestId,
    });
  }

  /** The credential JSON is the auth object as given; the tracker adapters open it with SecretCipher. */
  private sealAuth(auth: TrackerAuth): string {
    return this.cipher.seal(JSON.stringify(auth));
  }

  private checkFitsKind(kind: 'jira' | 'linear', input: UpdateTrackerConnectionInput): void {
    if (kind === 'linear' && input.siteUrl !== undefined) {
      throw invalidField('siteUrl', 'only Jira connections have a siteUrl; a Linear connection takes apiUrl');
    }
    if (kind === 'jira' && input.apiUrl !== undefined) {
      throw invalidField('apiUrl', 'only Linear connections have an apiUrl; a Jira connection takes siteUrl');
    }
    const allowed: readonly string[] = kind === 'jira' ? JIRA_AUTH_KINDS : LINEAR_AUTH_KINDS;
    if (input.auth && !allowed.includes(input.auth.kind)) {
      throw invalidField(
        'auth.kind',
        `a ${kind} connection takes auth of kind ${allowed.join(' or ')}, not ${input.auth.kind}`,
      );
    }
  }

  private async require(id: string): Promise<TrackerConnectionRecord> {
    const record = await this.connections.findById(id);
    if (!record) throw this.notFound(id);
    return record;
  }

  private notFound(id: string): NotFoundException {
    return new NotFoundException(`no tracker connection with id ${id}`);
  }
}
