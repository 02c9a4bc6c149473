import { createHash, randomBytes } from 'node:crypto';
import { IsNull, type DataSource, type Repository } from 'typeorm';
import { ApiKeyEntity, type ApiKeyRole } from '../entities/api-key.entity';

export interface ApiKeyRecord {
  id: string;
  name: string;
  role: ApiKeyRole;
  prefix: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface IssuedApiKey {
  record: ApiKeyRecord;
  /** The only time the key exists in clear: show it once, never store it. */
  secret: string;
}

/** Keys carry 256 random bits, so a fast hash is enough: there is nothing to brute-force. */
export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function toRecord(entity: ApiKeyEntity): ApiKeyRecord {
  const { keyHash: _hash, ...record } = entity;
  return record;
}

export class ApiKeyRepository {
  private readonly keys: Repository<ApiKeyEntity>;

  constructor(dataSource: DataSource) {
    this.keys = dataSource.getRepository(ApiKeyEntity);
  }

  async issue(input: { name: string; role: ApiKeyRole; createdBy: string }): Promise<IssuedApiKey> {
    const secret = `sl_${randomBytes(32).toString('base64url')}`;
    const keyHash = hashApiKey(secret);
    await this.keys.insert({ ...input, prefix: secret.slice(0, 10), keyHash });
    return { record: toRecord(await this.keys.findOneByOrFail({ keyHash })), secret };
  }

  async findActiveBySecret(secret: string): Promise<ApiKeyRecord | null> {
    const entity = await this.keys.findOneBy({ keyHash: hashApiKey(secret), revokedAt: IsNull() });
    return entity && toRecord(entity);
  }

  async touchLastUsed(id: string, at: Date): Promise<void> {
    await this.keys.update({ id }, { lastUsedAt: at });
  }

  async list(): Promise<ApiKeyRecord[]> {
    const rows = await this.keys.find({ order: { createdAt: 'ASC' } });
    return rows.map(toRecord);
  }

  async revoke(id: string, at: Date): Promise<ApiKeyRecord | null> {
    const result = await this.keys.update({ id, revokedAt: IsNull() }, { revokedAt: at });
    if (!result.affected) return null;
    return toRecord(await this.keys.findOneByOrFail({ id }));
  }
}
