import { InitialSchema1764400000000 } from './1764400000000-initial-schema';

/** Every migration, oldest first. A new migration is appended here. */
export const migrations = [InitialSchema1764400000000];
