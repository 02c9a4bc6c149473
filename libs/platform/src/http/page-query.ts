import { z } from 'zod';

export const MAX_PAGE_SIZE = 200;

/** `limit` and `offset` of every list endpoint, with errors that say the allowed range. */
export const pageQueryShape = {
  limit: z.coerce
    .number({ message: `expected a whole number from 1 to ${MAX_PAGE_SIZE}` })
    .int(`expected a whole number from 1 to ${MAX_PAGE_SIZE}`)
    .min(1, `expected a whole number from 1 to ${MAX_PAGE_SIZE}`)
    .max(MAX_PAGE_SIZE, `at most ${MAX_PAGE_SIZE} items per page; page on with offset`)
    .default(50),
  offset: z.coerce
    .number({ message: 'expected a whole number, 0 or more' })
    .int('expected a whole number, 0 or more')
    .min(0, 'expected a whole number, 0 or more')
    .default(0),
};
