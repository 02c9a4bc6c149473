import { Injectable } from '@nestjs/common';
import {
  RepositoryRegistryRepository,
  SecretCipher,
  type SealedRepositoryCredentials,
} from '@sightline/persistence';
import { repositoryCredentialsSchema, type RepositoryCredentials } from './repository.dto';

/**
 * The one place repository credentials are sealed and opened. It has no routes, so a worker-only
 * process can provide it without serving the admin API.
 */
@Injectable()
export class RepositoryCredentialsService {
  constructor(
    private readonly repositories: RepositoryRegistryRepository,
    private readonly cipher: SecretCipher,
  ) {}

  seal(credentials: RepositoryCredentials): SealedRepositoryCredentials {
    return { kind: credentials.kind, envelope: this.cipher.seal(JSON.stringify(credentials)) };
  }

  /** The decrypted credentials for a clone or fetch; null when the repository has none. Never log the result. */
  async open(repositoryId: string): Promise<RepositoryCredentials | null> {
    const sealed = await this.repositories.findSealedCredentials(repositoryId);
    return sealed && repositoryCredentialsSchema.parse(JSON.parse(this.cipher.open(sealed.envelope)));
  }
}
