import { ILike, type DataSource, type FindOptionsWhere, type Repository } from 'typeorm';
import { TrackerConnectionEntity, type TrackerKind } from '../entities/tracker-connection.entity';
import { containsPattern, translateConstraintViolations, type ListPage } from './constraint-violation';
import { RecentRows } from './recent-rows';

export type TrackerHealth = 'unknown' | 'healthy' | 'unhealthy';

/** A Jira site or Linear workspace connection, without its sealed secrets. */
export interface TrackerConnectionRecord {
  id: string;
  name: string;
  kind: TrackerKind;
  /** Jira site URL; Linear API URL, null for the default. */
  baseUrl: string | null;
  authKind: string;
  webhookSecretConfigured: boolean;
  botAccountId: string | null;
  health: TrackerHealth;
  healthReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewTrackerConnection {
  name: string;
  kind: TrackerKind;
  baseUrl: string | null;
  authKind: string;
  /** SecretCipher envelope of the credential JSON. */
  credentialEnvelope: string;
  webhookSecretEnvelope: string | null;
}

export interface TrackerConnectionChanges {
  name?: string;
  baseUrl?: string | null;
  authKind?: string;
  credentialEnvelope?: string;
  webhookSecretEnvelope?: string | null;
  botAccountId?: string | null;
  health?: TrackerHealth;
  healthReason?: string | null;
}

export interface SealedTrackerSecrets {
  authKind: string;
  credentialEnvelope: string;
  webhookSecretEnvelope: string | null;
}

function toRecord(entity: TrackerConnectionEntity): TrackerConnectionRecord {
  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    baseUrl: entity.baseUrl,
    authKind: entity.authKind,
    webhookSecretConfigured: entity.webhookSecretCiphertext !== null,
    botAccountId: entity.botAccountId,
    health: entity.health,
    healthReason: entity.healthReason,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

function toColumns(input: TrackerConnectionChanges): Partial<TrackerConnectionEntity> {
  const { credentialEnvelope, webhookSecretEnvelope, ...plain } = input;
  return {
    ...plain,
    ...(credentialEnvelope !== undefined ? { credentialCiphertext: credentialEnvelope } : {}),
    ...(webhookSecretEnvelope !== undefined ? { webhookSecretCiphertext: webhookSecretEnvelope } : {}),
  };
}

/** The record's columns, without the sealed secrets (they are read only to build a client). */
const RECORD_COLUMNS = `id, name, kind, base_url AS "baseUrl", auth_kind AS "authKind",
  webhook_secret_ciphertext IS NOT NULL AS "webhookSecretConfigured", bot_account_id AS "botAccountId",
  health, health_reason AS "healthReason", created_at AS "createdAt", updated_at AS "updatedAt"`;

const recentConnections = new RecentRows<TrackerConnectionRecord | null>();

/** Tracker connections (table `tracker_connections`). */
export class TrackerConnectionRepository {
  private readonly connections: Repository<TrackerConnectionEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.connections = dataSource.getRepository(TrackerConnectionEntity);
  }

  /** Throws ConstraintViolationError('unique') when the name is taken. */
  async create(input: NewTrackerConnection): Promise<TrackerConnectionRecord> {
    const { kind, ...rest } = input;
    const result = await translateConstraintViolations(() =>
      this.connections.insert({ kind, ...toColumns(rest) }),
    );
    recentConnections.clear();
    return toRecord(await this.connections.findOneByOrFail({ id: result.identifiers[0].id as string }));
  }

  async findById(id: string): Promise<TrackerConnectionRecord | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${RECORD_COLUMNS} FROM tracker_connections WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /**
   * For the per-ticket jobs: the connection as read at most RECENT_ROW_TTL_MS ago (writes through
   * this repository in this process are seen at once). Not for anything an admin just changed.
   */
  findByIdRecent(id: string): Promise<TrackerConnectionRecord | null> {
    return recentConnections.get(id, () => this.findById(id));
  }

  /** Ordered by name; `nameContains` matches case-insensitively. */
  async list(filter: {
    nameContains?: string;
    kind?: TrackerKind;
    limit: number;
    offset: number;
  }): Promise<ListPage<TrackerConnectionRecord>> {
    const where: FindOptionsWhere<TrackerConnectionEntity> = {
      ...(filter.nameContains ? { name: ILike(containsPattern(filter.nameContains)) } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
    };
    const [rows, total] = await this.connections.findAndCount({
      where,
      order: { name: 'ASC', id: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
    return { items: rows.map(toRecord), total };
  }

  /** Changes only the given fields. Null when there is no such connection. */
  async update(id: string, changes: TrackerConnectionChanges): Promise<TrackerConnectionRecord | null> {
    const result = await translateConstraintViolations(() =>
      this.connections.update({ id }, { ...toColumns(changes), updatedAt: new Date() }),
    );
    recentConnections.clear();
    return result.affected ? this.findById(id) : null;
  }

  /** False when there was no such connection; ConstraintViolationError('foreign-key') while mappings use it. */
  async remove(id: string): Promise<boolean> {
    const result = await translateConstraintViolations(() => this.connections.delete({ id }));
    recentConnections.clear();
    return Boolean(result.affected);
  }

  /**
   * The sealed report-link key; with `candidate`, that envelope is stored first when the
   * connection has none yet (two processes racing here both get the first one stored). Null when
   * there is no such connection, or no key and no candidate.
   */
  async reportLinkKeyEnvelope(id: string, candidate?: () => string): Promise<string | null> {
    const read = async (): Promise<{ envelope: string | null } | undefined> =>
      (
        await this.dataSource.query(
          `SELECT report_link_key_ciphertext AS envelope FROM tracker_connections WHERE id = $1`,
          [id],
        )
      )[0];
    const found = await read();
    if (!found || found.envelope || !candidate) return found?.envelope ?? null;
    await this.dataSource.query(
      `UPDATE tracker_connections SET report_link_key_ciphertext = $2
        WHERE id = $1 AND report_link_key_ciphertext IS NULL`,
      [id, candidate()],
    );
    return (await read())?.envelope ?? null;
  }

  /**
   * Replaces the connection's report-link key (a sealed envelope): every link signed with the old
   * key stops opening at once. False when there is no such connection.
   */
  async replaceReportLinkKey(id: string, envelope: string): Promise<boolean> {
    // For UPDATE, TypeORM answers [rows, affected count].
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE tracker_connections SET report_link_key_ciphertext = $2 WHERE id = $1`,
      [id, envelope],
    );
    return affected === 1;
  }

  /** For the tracker adapters: open the envelopes with SecretCipher, never log them. */
  async findSealedSecrets(id: string): Promise<SealedTrackerSecrets | null> {
    const entity = await this.connections.findOne({
      where: { id },
      select: { authKind: true, credentialCiphertext: true, webhookSecretCiphertext: true },
    });
    return (
      entity && {
        authKind: entity.authKind,
        credentialEnvelope: entity.credentialCiphertext,
        webhookSecretEnvelope: entity.webhookSecretCiphertext,
      }
    );
  }
}
