import { QueryFailedError } from 'typeorm';

/**
 * A write refused by a database constraint, translated so that callers can answer 409/422
 * without knowing PostgreSQL error codes or TypeORM's error classes.
 */
export class ConstraintViolationError extends Error {
  constructor(
    readonly kind: 'unique' | 'foreign-key',
    /** The constraint's name as PostgreSQL reports it, e.g. `repositories_name_key`. */
    readonly constraint: string | null,
  ) {
    super(`${kind} constraint ${constraint ?? '(unnamed)'} violated`);
    this.name = 'ConstraintViolationError';
  }
}

const KINDS: Record<string, ConstraintViolationError['kind']> = { '23505': 'unique', '23503': 'foreign-key' };

/** Runs a write and rethrows unique / foreign-key violations as ConstraintViolationError. */
export async function translateConstraintViolations<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof QueryFailedError) {
      const driverError = error.driverError as { code?: string; constraint?: string };
      const kind = driverError.code ? KINDS[driverError.code] : undefined;
      if (kind) throw new ConstraintViolationError(kind, driverError.constraint ?? null);
    }
    throw error;
  }
}

/** `text` as a LIKE/ILIKE pattern that matches it literally anywhere in a value. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** One page of a filtered list, with the size of the whole filtered list. */
export interface ListPage<T> {
  items: T[];
  total: number;
}
