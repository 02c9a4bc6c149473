import { ILike, In, type DataSource, type Repository } from 'typeorm';
import { RepositoryEntity } from '../entities/repository.entity';
import { containsPattern, translateConstraintViolations, type ListPage } from './constraint-violation';

export type RepositoryCredentialKind = 'token' | 'ssh-key';

/** A registered git repository, without its sealed credentials. */
export interface RepositoryRecord {
  id: string;
  name: string;
  cloneUrl: string;
  defaultBranch: string | null;
  /** The remote's default branch as the last analysis found it; what is analysed while `defaultBranch` is unset. */
  remoteDefaultBranch: string | null;
  credentialKind: RepositoryCredentialKind | null;
  exclusions: string[];
  refreshCron: string | null;
  historyWindowDays: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Credentials as stored: the kind in clear (to show "configured"), the rest in a SecretCipher envelope. */
export interface SealedRepositoryCredentials {
  kind: RepositoryCredentialKind;
  envelope: string;
}

export interface RepositoryRegistration {
  name: string;
  cloneUrl: string;
  defaultBranch: string | null;
  credentials: SealedRepositoryCredentials | null;
  exclusions: string[];
  refreshCron: string | null;
  historyWindowDays: number | null;
}

export type RepositoryRegistrationChanges = Partial<RepositoryRegistration>;

function toRecord(entity: RepositoryEntity): RepositoryRecord {
  return {
    id: entity.id,
    name: entity.name,
    cloneUrl: entity.cloneUrl,
    defaultBranch: entity.defaultBranch,
    remoteDefaultBranch: entity.remoteDefaultBranch,
    credentialKind: entity.credentialKind,
    exclusions: entity.exclusions,
    refreshCron: entity.refreshCron,
    historyWindowDays: entity.historyWindowDays,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

function toColumns(input: RepositoryRegistrationChanges): Partial<RepositoryEntity> {
  const { credentials, ...plain } = input;
  const columns: Partial<RepositoryEntity> = { ...plain };
  if (credentials !== undefined) {
    columns.credentialKind = credentials?.kind ?? null;
    columns.credentialCiphertext = credentials?.envelope ?? null;
  }
  return columns;
}

/** The repositories admins registered for analysis (table `repositories`). */
export class RepositoryRegistryRepository {
  private readonly repositories: Repository<RepositoryEntity>;

  constructor(dataSource: DataSource) {
    this.repositories = dataSource.getRepository(RepositoryEntity);
  }

  /** Throws ConstraintViolationError('unique') when the name is taken. */
  async register(input: RepositoryRegistration): Promise<RepositoryRecord> {
    const result = await translateConstraintViolations(() => this.repositories.insert(toColumns(input)));
    return toRecord(await this.repositories.findOneByOrFail({ id: result.identifiers[0].id as string }));
  }

  async findById(id: string): Promise<RepositoryRecord | null> {
    const entity = await this.repositories.findOneBy({ id });
    return entity && toRecord(entity);
  }

  /** Ordered by name; `nameContains` matches case-insensitively. */
  async list(filter: {
    nameContains?: string;
    limit: number;
    offset: number;
  }): Promise<ListPage<RepositoryRecord>> {
    const [rows, total] = await this.repositories.findAndCount({
      where: filter.nameContains ? { name: ILike(containsPattern(filter.nameContains)) } : {},
      order: { name: 'ASC', id: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
    return { items: rows.map(toRecord), total };
  }

  /**
   * Changes only the given fields; `credentials: null` removes them. Null when there is no such
   * repository. Another clone URL may be another remote: its default branch is found again.
   */
  async update(id: string, changes: RepositoryRegistrationChanges): Promise<RepositoryRecord | null> {
    const columns: Partial<RepositoryEntity> = { ...toColumns(changes), updatedAt: new Date() };
    if (changes.cloneUrl !== undefined) columns.remoteDefaultBranch = null;
    const result = await translateConstraintViolations(() => this.repositories.update({ id }, columns));
    return result.affected ? this.findById(id) : null;
  }

  /** What an analysis found the remote's default branch to be; not a change an admin made. */
  async recordRemoteDefaultBranch(id: string, branch: string): Promise<void> {
    await this.repositories.query(
      `UPDATE repositories SET remote_default_branch = $2
       WHERE id = $1 AND remote_default_branch IS DISTINCT FROM $2`,
      [id, branch],
    );
  }

  /** False when there was no such repository; ConstraintViolationError('foreign-key') while something uses it. */
  async remove(id: string): Promise<boolean> {
    const result = await translateConstraintViolations(() => this.repositories.delete({ id }));
    return Boolean(result.affected);
  }

  /** For the code that clones: open the envelope with SecretCipher, never log it. */
  async findSealedCredentials(id: string): Promise<SealedRepositoryCredentials | null> {
    const entity = await this.repositories.findOne({
      where: { id },
      select: { credentialKind: true, credentialCiphertext: true },
    });
    if (!entity?.credentialKind || !entity.credentialCiphertext) return null;
    return { kind: entity.credentialKind, envelope: entity.credentialCiphertext };
  }

  /** Which of these ids exist. */
  async findExistingIds(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.repositories.find({ where: { id: In([...ids]) }, select: { id: true } });
    return rows.map((row) => row.id);
  }
}
