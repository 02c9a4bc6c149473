import { timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectConfig, type Config } from '@sightline/config';
import { ApiKeyRepository, hashApiKey } from '@sightline/persistence';
import type { Principal } from './principal';

/** Resolves a bearer token to a principal; the bootstrap key (if configured) acts as an admin. */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly bootstrapHash: Buffer | undefined;

  constructor(
    @InjectConfig() config: Config,
    private readonly keys: ApiKeyRepository,
  ) {
    this.bootstrapHash = config.ADMIN_BOOTSTRAP_KEY
      ? Buffer.from(hashApiKey(config.ADMIN_BOOTSTRAP_KEY), 'hex')
      : undefined;
  }

  async authenticate(authorization: string | undefined): Promise<Principal | null> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) return null;
    const secret = match[1];
    if (this.bootstrapHash && timingSafeEqual(Buffer.from(hashApiKey(secret), 'hex'), this.bootstrapHash)) {
      return { actor: 'bootstrap', role: 'admin' };
    }
    const key = await this.keys.findActiveBySecret(secret);
    if (!key) return null;
    await this.keys.touchLastUsed(key.id, new Date());
    return { actor: key.id, role: key.role };
  }
}
