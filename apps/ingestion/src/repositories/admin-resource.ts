import { ConflictException } from '@nestjs/common';
import { ConstraintViolationError } from '@sightline/persistence';
import { ZodValidationException } from 'nestjs-zod';
import picomatch from 'picomatch';
import { z } from 'zod';
import { checkCronExpression } from './cron-expression';

/**
 * Pieces every admin resource (repositories, tracker connections, project mappings) shares:
 * list paging, field errors raised by services, and the field schemas more than one DTO uses.
 */

/** `{ items, total, limit, offset }`: `total` counts every item that matches the filters. */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    total: z.number().int().describe('items matching the filters, across all pages'),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

export interface Page<Item> {
  items: Item[];
  total: number;
  limit: number;
  offset: number;
}

/** A persistence page as the API answers it: items mapped to DTOs, with the paging asked for. */
export function toPage<Record, Item>(
  page: { items: Record[]; total: number },
  query: { limit: number; offset: number },
  toDto: (record: Record) => Item,
): Page<Item> {
  return { items: page.items.map(toDto), total: page.total, limit: query.limit, offset: query.offset };
}

/**
 * A 400 `validation_failed` naming the field, for rules a service checks (they need config or
 * the database): the same body the DTO validation produces, so clients handle one shape.
 */
export function invalidField(field: string, message: string): ZodValidationException {
  return new ZodValidationException(
    new z.ZodError([{ code: 'custom', path: field.split('.'), message, input: undefined }]),
  );
}

/**
 * Runs a write that stores a resource's name and turns the database's unique-name violation into
 * a 409 that names the clash: two concurrent creates cannot both pass a check made beforehand.
 */
export async function withUniqueName<T>(what: string, name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ConstraintViolationError && error.kind === 'unique') {
      throw new ConflictException(`a ${what} named "${name}" already exists; choose another name`);
    }
    throw error;
  }
}

/** PATCH bodies must change something; an empty one is almost always a client bug. */
export function requireSomeField<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  return schema.refine((value) => Object.values(value).some((field) => field !== undefined), {
    message: `give at least one field to change: ${Object.keys(schema.shape).join(', ')}`,
  });
}

const CONTROL = /[\p{Cc}\p{Cf}]/u;

/** A display name: trimmed, 1–200 characters, no control characters. */
export function nameSchema(example: string) {
  return z
    .string({ message: `expected a name such as "${example}"` })
    .trim()
    .min(1, `give a name such as "${example}"`)
    .max(200, 'at most 200 characters')
    .refine((value) => !CONTROL.test(value), 'must not contain control characters');
}

/**
 * A secret value (token, API key). Messages never echo the value: validation errors are
 * returned to the caller and may be logged by clients.
 */
export function secretSchema(what: string, minLength = 1) {
  return z
    .string({ message: `expected ${what} as a string` })
    .min(minLength, minLength > 1 ? `${what} must be at least ${minLength} characters` : `give ${what}`)
    .max(8192, `${what} must be at most 8192 characters`)
    .refine(
      (value) => /^[\x21-\x7e]+$/.test(value),
      `${what} must not contain spaces, line breaks or non-ASCII characters`,
    );
}

/** A five-field cron expression, stored with single spaces. */
export const cronSchema = z
  .string({ message: 'expected a cron expression such as "0 3 * * *"' })
  .superRefine((value, context) => {
    const problem = checkCronExpression(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  })
  .transform((value) => value.trim().split(/\s+/).join(' '));

/** A path glob relative to the repository root, in picomatch syntax (as the analysis reads it). */
export const globSchema = z
  .string({ message: 'expected a glob such as "vendor/**"' })
  .min(1, 'give a glob such as "vendor/**"')
  .max(500, 'at most 500 characters')
  .refine((value) => !CONTROL.test(value), 'must not contain control characters')
  .refine(
    (value) => !value.startsWith('/'),
    'globs are relative to the repository root; drop the leading "/"',
  )
  // picomatch compiles a malformed glob ("{a,b", "!(x") into a pattern that matches nothing.
  .refine(
    (value) => picomatch.makeRe(value).source !== '$^',
    'is not a valid glob; check that { } and ( ) are balanced',
  );
