import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AREA_SORTS, FILE_SORTS } from '@sightline/persistence';

const page = {
  limit: z.coerce.number().int().min(1, 'limit is 1–200').max(200, 'limit is 1–200').default(50),
  offset: z.coerce.number().int().min(0).default(0),
};
/** `exclude` leaves test files (and test folders, and pairs with a test on either side) out. */
const tests = z.enum(['include', 'exclude'], { message: 'tests is include or exclude' }).default('include');
const sortOf = <T extends Record<string, string>>(sorts: T, fallback: keyof T & string) =>
  z
    .enum(Object.keys(sorts) as [keyof T & string, ...(keyof T & string)[]], {
      message: `expected one of: ${Object.keys(sorts).join(', ')}`,
    })
    .default(fallback as never);

export class HotspotsQueryDto extends createZodDto(
  z.object({ ...page, sort: sortOf(FILE_SORTS, 'hotspot'), area: z.string().min(1).optional(), tests }),
) {}
export class AreasQueryDto extends createZodDto(
  z.object({ ...page, sort: sortOf(AREA_SORTS, 'hotspot'), tests }),
) {}
export class AreaQueryDto extends createZodDto(z.object({ limit: page.limit.default(20) })) {}
export class CouplingQueryDto extends createZodDto(
  z.object({
    ...page,
    kind: z.enum(['file', 'ticket', 'area']).default('file'),
    path: z.string().min(1).optional(),
    tests,
  }),
) {}
export class DependenciesQueryDto extends createZodDto(
  z.object({
    ...page,
    area: z.string().min(1).optional(),
    direction: z.enum(['in', 'out', 'both']).default('both'),
  }),
) {}

export class FigurePageDto extends createZodDto(
  z.object({
    snapshot: z.object({ id: z.uuid(), head: z.string(), analyzedAt: z.iso.datetime() }),
    items: z.array(z.record(z.string(), z.unknown())),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  }),
) {}
