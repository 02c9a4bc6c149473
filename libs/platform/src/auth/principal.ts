import type { ApiKeyRole } from '@sightline/persistence';

/** Who is calling the admin API: an API key, or the one-time bootstrap key from the environment. */
export interface Principal {
  /** Audit actor: the key id, or `bootstrap`. */
  actor: string;
  role: ApiKeyRole;
}

declare module 'express' {
  interface Request {
    principal?: Principal;
  }
}
