import { createZodDto } from 'nestjs-zod';
import { pageQueryShape } from '@sightline/platform';
import { z } from 'zod';
import type { ProjectMappingRecord } from '@sightline/persistence';
import { cronSchema, globSchema, pageSchema, requireSomeField } from '../repositories/admin-resource';

export const WRITEBACK_MODES = ['comment', 'comment+label', 'dry-run'] as const;

/** What a mapping gets when it does not say: high ≥ 0.8, medium ≥ 0.5, no flag below 0.3 confidence. */
export const DEFAULT_RISK_THRESHOLDS = { high: 0.8, medium: 0.5, minConfidence: 0.3 } as const;
export const DEFAULT_WRITEBACK_MODE = 'comment+label';

const CONTROL = /[\p{Cc}\p{Cf}]/u;
/** Control characters other than tab and line breaks, which a multi-line JQL query may contain. */
const CONTROL_BUT_WHITESPACE = /(?![\t\n\r])[\p{Cc}\p{Cf}]/u;

const projectKeySchema = z
  .string({ message: 'expected a project or team key such as SHOP' })
  .regex(
    /^[A-Z][A-Z0-9_]{0,9}$/,
    'expected an upper-case Jira project key or Linear team key such as SHOP: a letter, then up to 9 letters, digits or _',
  );

const pathRuleSchema = z
  .object({
    match: z
      .string({ message: 'expected a component or label name' })
      .trim()
      .min(1, 'give the component or label name this rule applies to')
      .max(255, 'at most 255 characters')
      .refine((value) => !CONTROL.test(value), 'must not contain control characters'),
    glob: globSchema,
  })
  .strict()
  .describe('tickets with this component or label (case-insensitive) point at the files the glob covers');

const threshold = (what: string) =>
  z
    .number({ message: `expected ${what} as a number from 0 to 1` })
    .min(0, 'must be between 0 and 1')
    .max(1, 'must be between 0 and 1');

/** Every field optional: a create fills the defaults in, a PATCH keeps the stored values. */
const riskThresholdsInputSchema = z
  .object({
    high: threshold('the risk score from which a ticket is high risk').describe(
      `default ${DEFAULT_RISK_THRESHOLDS.high}`,
    ),
    medium: threshold('the risk score from which a ticket is medium risk').describe(
      `default ${DEFAULT_RISK_THRESHOLDS.medium}`,
    ),
    minConfidence: threshold('the match confidence below which no risk level is written').describe(
      `default ${DEFAULT_RISK_THRESHOLDS.minConfidence}`,
    ),
  })
  .partial()
  .strict();

const groomingFields = {
  enabled: z.boolean({ message: 'expected true or false' }),
  jql: z
    .string({ message: 'expected a JQL query' })
    .trim()
    .min(1, 'give a JQL query or leave jql out')
    .max(4000, 'at most 4000 characters')
    .refine((value) => !CONTROL_BUT_WHITESPACE.test(value), 'must not contain control characters')
    .nullable()
    .describe('Jira only: which backlog tickets the grooming sweep re-checks'),
  schedule: cronSchema.nullable().describe('five-field cron expression for the grooming sweep'),
};

const repositoryIdsSchema = z
  .array(z.uuid('expected a repository id (uuid); GET /api/repositories lists them'), {
    message: 'expected a list of repository ids',
  })
  .min(1, 'map at least one repository')
  .max(100, 'at most 100 repositories')
  .refine((ids) => new Set(ids).size === ids.length, 'lists a repository more than once');

const mappingFields = {
  connectionId: z.uuid('expected a tracker connection id (uuid); GET /api/tracker-connections lists them'),
  projectKey: projectKeySchema,
  repositoryIds: repositoryIdsSchema,
  pathRules: z
    .array(pathRuleSchema, { message: 'expected a list of {"match","glob"} rules' })
    .max(500, 'at most 500 rules'),
  riskThresholds: riskThresholdsInputSchema,
  writebackMode: z.enum(WRITEBACK_MODES, { message: 'expected comment, comment+label or dry-run' }),
};

export const createProjectMappingSchema = z
  .object({
    ...mappingFields,
    pathRules: mappingFields.pathRules.optional(),
    riskThresholds: mappingFields.riskThresholds.optional(),
    writebackMode: mappingFields.writebackMode.optional(),
    grooming: z
      .object({
        enabled: groomingFields.enabled,
        jql: groomingFields.jql.optional(),
        schedule: groomingFields.schedule.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export class CreateProjectMappingDto extends createZodDto(createProjectMappingSchema) {}
export type CreateProjectMappingInput = z.output<typeof createProjectMappingSchema>;

export const updateProjectMappingSchema = requireSomeField(
  z
    .object({
      connectionId: mappingFields.connectionId.optional(),
      projectKey: mappingFields.projectKey.optional(),
      repositoryIds: mappingFields.repositoryIds.optional(),
      pathRules: mappingFields.pathRules.optional(),
      riskThresholds: mappingFields.riskThresholds.optional(),
      writebackMode: mappingFields.writebackMode.optional(),
      grooming: z
        .object({
          enabled: groomingFields.enabled.optional(),
          jql: groomingFields.jql.optional(),
          schedule: groomingFields.schedule.optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
);
export class UpdateProjectMappingDto extends createZodDto(updateProjectMappingSchema) {}
export type UpdateProjectMappingInput = z.output<typeof updateProjectMappingSchema>;

export const listProjectMappingsQuerySchema = z
  .object({
    connectionId: z.uuid('expected a tracker connection id (uuid)').optional(),
    repositoryId: z
      .uuid('expected a repository id (uuid)')
      .optional()
      .describe('only mappings that include this repository'),
    projectKey: z.string().max(20, 'at most 20 characters').optional(),
    ...pageQueryShape,
  })
  .strict();
export class ListProjectMappingsQueryDto extends createZodDto(listProjectMappingsQuerySchema) {}

export const riskThresholdsSchema = z.object({
  high: z.number(),
  medium: z.number(),
  minConfidence: z.number(),
});
export type RiskThresholds = z.output<typeof riskThresholdsSchema>;
export const groomingSchema = z.object({
  enabled: z.boolean(),
  jql: z.string().nullable(),
  schedule: z.string().nullable(),
});
export type Grooming = z.output<typeof groomingSchema>;

export const projectMappingSchema = z.object({
  id: z.uuid(),
  connectionId: z.uuid(),
  projectKey: z.string(),
  repositoryIds: z.array(z.uuid()).describe('sorted'),
  pathRules: z.array(z.object({ match: z.string(), glob: z.string() })),
  riskThresholds: riskThresholdsSchema,
  writebackMode: z.enum(WRITEBACK_MODES),
  grooming: groomingSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export class ProjectMappingDto extends createZodDto(projectMappingSchema) {}
export type ProjectMappingView = z.output<typeof projectMappingSchema>;

export class ProjectMappingPageDto extends createZodDto(pageSchema(projectMappingSchema)) {}

/** Stored JSON is read leniently: rows written before a field existed get its default. */
export function storedRiskThresholds(stored: Record<string, unknown>): RiskThresholds {
  const number = (key: keyof RiskThresholds) =>
    typeof stored[key] === 'number' ? (stored[key] as number) : DEFAULT_RISK_THRESHOLDS[key];
  return { high: number('high'), medium: number('medium'), minConfidence: number('minConfidence') };
}

export function storedGrooming(stored: Record<string, unknown>): Grooming {
  return {
    enabled: stored.enabled === true,
    jql: typeof stored.jql === 'string' ? stored.jql : null,
    schedule: typeof stored.schedule === 'string' ? stored.schedule : null,
  };
}

export function toProjectMappingDto(record: ProjectMappingRecord): ProjectMappingView {
  return {
    id: record.id,
    connectionId: record.connectionId,
    projectKey: record.projectKey,
    repositoryIds: record.repositoryIds,
    // jsonb keeps keys in its own order; answer in the documented one.
    pathRules: record.pathRules.map(({ match, glob }) => ({ match, glob })),
    riskThresholds: storedRiskThresholds(record.riskThresholds),
    writebackMode: record.writebackMode,
    grooming: storedGrooming(record.grooming),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}
