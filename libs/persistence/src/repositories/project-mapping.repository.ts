import {
  In,
  type DataSource,
  type EntityManager,
  type QueryDeepPartialEntity,
  type Repository,
} from 'typeorm';
import {
  ProjectMappingEntity,
  ProjectMappingRepositoryEntity,
  type WritebackMode,
} from '../entities/project-mapping.entity';
import { translateConstraintViolations, type ListPage } from './constraint-violation';
import { RecentRows } from './recent-rows';

export interface PathRule {
  match: string;
  glob: string;
}

/** A tracker project (Jira) or team (Linear) and the repositories its tickets are about. */
export interface ProjectMappingRecord {
  id: string;
  connectionId: string;
  projectKey: string;
  /** Sorted, so the same mapping always reads back the same. */
  repositoryIds: string[];
  pathRules: PathRule[];
  riskThresholds: Record<string, number>;
  writebackMode: WritebackMode;
  grooming: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewProjectMapping {
  connectionId: string;
  projectKey: string;
  repositoryIds: string[];
  pathRules: PathRule[];
  riskThresholds: Record<string, number>;
  writebackMode: WritebackMode;
  grooming: Record<string, unknown>;
}

export type ProjectMappingChanges = Partial<NewProjectMapping>;

/** Just enough to name a mapping in a message ("used by SHOP"). */
export interface ProjectMappingReference {
  id: string;
  connectionId: string;
  projectKey: string;
}

/** jsonb columns typed as open records do not fit TypeORM's deep-partial type; the values are plain JSON. */
function toColumns(
  changes: Omit<ProjectMappingChanges, 'repositoryIds'>,
): QueryDeepPartialEntity<ProjectMappingEntity> {
  const { grooming, ...columns } = changes;
  return grooming === undefined
    ? columns
    : { ...columns, grooming: grooming as QueryDeepPartialEntity<Record<string, unknown>> };
}

/** One mapping and its repository ids in one statement (read for every ticket). */
const RECORD_SELECT = `SELECT m.id, m.connection_id AS "connectionId", m.project_key AS "projectKey",
  ARRAY(SELECT l.repository_id::text FROM project_mapping_repositories l WHERE l.mapping_id = m.id) AS "repositoryIds",
  m.path_rules AS "pathRules", m.risk_thresholds AS "riskThresholds", m.writeback_mode AS "writebackMode",
  m.grooming, m.created_at AS "createdAt", m.updated_at AS "updatedAt"
  FROM project_mappings m`;

function sortedRepositories(row: ProjectMappingRecord | undefined): ProjectMappingRecord | null {
  if (!row) return null;
  row.repositoryIds.sort();
  return row;
}

const recentMappings = new RecentRows<ProjectMappingRecord | null>();

/** Project mappings (tables `project_mappings` and `project_mapping_repositories`). */
export class ProjectMappingRepository {
  private readonly mappings: Repository<ProjectMappingEntity>;
  private readonly links: Repository<ProjectMappingRepositoryEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.mappings = dataSource.getRepository(ProjectMappingEntity);
    this.links = dataSource.getRepository(ProjectMappingRepositoryEntity);
  }

  /**
   * The mapping and its repositories in one transaction. Throws ConstraintViolationError: 'unique'
   * when the connection already maps this project key, 'foreign-key' when the connection or a
   * repository does not exist.
   */
  async create(input: NewProjectMapping): Promise<ProjectMappingRecord> {
    const { repositoryIds, ...columns } = input;
    const id = await translateConstraintViolations(() =>
      this.dataSource.transaction(async (manager) => {
        const result = await manager.insert(ProjectMappingEntity, toColumns(columns));
        const mappingId = result.identifiers[0].id as string;
        await this.replaceRepositories(manager, mappingId, repositoryIds);
        return mappingId;
      }),
    );
    recentMappings.clear();
    return (await this.findById(id)) as ProjectMappingRecord;
  }

  async findById(id: string): Promise<ProjectMappingRecord | null> {
    const [row] = await this.dataSource.query(`${RECORD_SELECT} WHERE m.id = $1`, [id]);
    return sortedRepositories(row);
  }

  /** The mapping the enrichment service applies to a ticket of this project or team. */
  async findForProject(connectionId: string, projectKey: string): Promise<ProjectMappingRecord | null> {
    const [row] = await this.dataSource.query(
      `${RECORD_SELECT} WHERE m.connection_id = $1 AND m.project_key = $2`,
      [connectionId, projectKey],
    );
    return sortedRepositories(row);
  }

  /**
   * For the per-ticket jobs: as read at most RECENT_ROW_TTL_MS ago (writes through this
   * repository in this process are seen at once).
   */
  findByIdRecent(id: string): Promise<ProjectMappingRecord | null> {
    return recentMappings.get(`id:${id}`, () => this.findById(id));
  }

  /** findForProject, as read at most RECENT_ROW_TTL_MS ago. */
  findForProjectRecent(connectionId: string, projectKey: string): Promise<ProjectMappingRecord | null> {
    return recentMappings.get(`project:${connectionId}:${projectKey}`, () =>
      this.findForProject(connectionId, projectKey),
    );
  }

  /** Ordered by project key. */
  async list(filter: {
    connectionId?: string;
    repositoryId?: string;
    projectKey?: string;
    limit: number;
    offset: number;
  }): Promise<ListPage<ProjectMappingRecord>> {
    const query = this.mappings.createQueryBuilder('mapping');
    if (filter.connectionId)
      query.andWhere('mapping.connection_id = :connectionId', { connectionId: filter.connectionId });
    if (filter.projectKey)
      query.andWhere('mapping.project_key = :projectKey', { projectKey: filter.projectKey });
    if (filter.repositoryId) {
      query.andWhere(
        'mapping.id IN (SELECT link.mapping_id FROM project_mapping_repositories link WHERE link.repository_id = :repositoryId)',
        { repositoryId: filter.repositoryId },
      );
    }
    const [rows, total] = await query
      .orderBy('mapping.projectKey', 'ASC')
      .addOrderBy('mapping.id', 'ASC')
      .offset(filter.offset)
      .limit(filter.limit)
      .getManyAndCount();
    return { items: await this.withRepositories(rows), total };
  }

  /** Changes only the given fields; `repositoryIds` replaces the whole set. Null when there is no such mapping. */
  async update(id: string, changes: ProjectMappingChanges): Promise<ProjectMappingRecord | null> {
    const { repositoryIds, ...columns } = changes;
    const found = await translateConstraintViolations(() =>
      this.dataSource.transaction(async (manager) => {
        const result = await manager.update(
          ProjectMappingEntity,
          { id },
          { ...toColumns(columns), updatedAt: new Date() },
        );
        if (!result.affected) return false;
        if (repositoryIds) await this.replaceRepositories(manager, id, repositoryIds);
        return true;
      }),
    );
    recentMappings.clear();
    return found ? this.findById(id) : null;
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.mappings.delete({ id });
    recentMappings.clear();
    return Boolean(result.affected);
  }

  /** Mappings that would lose a repository if it were deleted. */
  async findUsingRepository(repositoryId: string): Promise<ProjectMappingReference[]> {
    const rows = await this.mappings
      .createQueryBuilder('mapping')
      .select(['mapping.id', 'mapping.connectionId', 'mapping.projectKey'])
      .where(
        'mapping.id IN (SELECT link.mapping_id FROM project_mapping_repositories link WHERE link.repository_id = :repositoryId)',
        { repositoryId },
      )
      .orderBy('mapping.projectKey', 'ASC')
      .getMany();
    return rows.map(({ id, connectionId, projectKey }) => ({ id, connectionId, projectKey }));
  }

  /** Mappings that belong to a tracker connection. */
  async findUsingConnection(connectionId: string): Promise<ProjectMappingReference[]> {
    const rows = await this.mappings.find({
      where: { connectionId },
      select: { id: true, connectionId: true, projectKey: true },
      order: { projectKey: 'ASC' },
    });
    return rows.map(({ id, projectKey }) => ({ id, connectionId, projectKey }));
  }

  private async replaceRepositories(
    manager: EntityManager,
    mappingId: string,
    repositoryIds: string[],
  ): Promise<void> {
    await manager.delete(ProjectMappingRepositoryEntity, { mappingId });
    const unique = [...new Set(repositoryIds)];
    if (unique.length)
      await manager.insert(
        ProjectMappingRepositoryEntity,
        unique.map((repositoryId) => ({ mappingId, repositoryId })),
      );
  }

  private async withRepositories(entities: ProjectMappingEntity[]): Promise<ProjectMappingRecord[]> {
    const ids = entities.map((entity) => entity.id);
    const links = ids.length ? await this.links.find({ where: { mappingId: In(ids) } }) : [];
    const byMapping = new Map<string, string[]>(ids.map((id) => [id, []]));
    for (const link of links) byMapping.get(link.mappingId)?.push(link.repositoryId);
    return entities.map((entity) => ({
      id: entity.id,
      connectionId: entity.connectionId,
      projectKey: entity.projectKey,
      repositoryIds: (byMapping.get(entity.id) ?? []).sort(),
      pathRules: entity.pathRules,
      riskThresholds: entity.riskThresholds,
      writebackMode: entity.writebackMode,
      grooming: entity.grooming,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
    }));
  }
}
