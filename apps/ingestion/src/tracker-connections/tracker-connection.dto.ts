import { createZodDto } from 'nestjs-zod';
import { pageQueryShape } from '@sightline/platform';
import { z } from 'zod';
import type { TrackerConnectionRecord } from '@sightline/persistence';
import { nameSchema, pageSchema, requireSomeField, secretSchema } from '../repositories/admin-resource';
import { checkTrackerUrl } from './tracker-url';

export const TRACKER_KINDS = ['jira', 'linear'] as const;
export const JIRA_AUTH_KINDS = ['basic', 'bearer'] as const;
export const LINEAR_AUTH_KINDS = ['apiKey', 'bearer'] as const;

function trackerUrlSchema(example: string) {
  return z.string({ message: `expected a URL such as ${example}` }).transform((value, context) => {
    const result = checkTrackerUrl(value, example);
    if (result.ok) return result.url;
    context.addIssue({ code: 'custom', message: result.problem });
    return z.NEVER;
  });
}

const siteUrlSchema = trackerUrlSchema('https://acme.atlassian.net').describe(
  'the Jira site; https (http only for localhost)',
);
const apiUrlSchema = trackerUrlSchema('https://api.linear.app/graphql').describe(
  "Linear's GraphQL endpoint when not the default https://api.linear.app/graphql",
);

const basicAuthSchema = z
  .object({
    kind: z.literal('basic'),
    email: z.email('expected the email address of the Atlassian account that owns the API token'),
    apiToken: secretSchema('the API token'),
  })
  .strict()
  .describe('Jira Cloud: account email + API token');
const bearerAuthSchema = z
  .object({ kind: z.literal('bearer'), token: secretSchema('the OAuth access token') })
  .strict()
  .describe('OAuth 2.0 access token (Jira or Linear)');
const apiKeyAuthSchema = z
  .object({ kind: z.literal('apiKey'), apiKey: secretSchema('the API key') })
  .strict()
  .describe('Linear personal or workspace API key');

const jiraAuthSchema = z.discriminatedUnion('kind', [basicAuthSchema, bearerAuthSchema], {
  error: 'expected {"kind":"basic","email","apiToken"} or {"kind":"bearer","token"}',
});
const linearAuthSchema = z.discriminatedUnion('kind', [apiKeyAuthSchema, bearerAuthSchema], {
  error: 'expected {"kind":"apiKey","apiKey"} or {"kind":"bearer","token"}',
});
/** PATCH cannot know the tracker before loading the connection; the service checks the kind fits. */
const anyAuthSchema = z.discriminatedUnion('kind', [basicAuthSchema, bearerAuthSchema, apiKeyAuthSchema], {
  error: 'expected {"kind":"basic"|"bearer"|"apiKey", …}',
});
export type TrackerAuth = z.output<typeof anyAuthSchema>;

const webhookSecretSchema = secretSchema('the webhook secret', 16).describe(
  'shared secret that signs webhook deliveries; stored encrypted, never returned',
);

const trackerName = nameSchema('acme-jira');

export const createTrackerConnectionSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('jira'),
        name: trackerName,
        siteUrl: siteUrlSchema,
        auth: jiraAuthSchema,
        webhookSecret: webhookSecretSchema.optional(),
      })
      .strict(),
    z
      .object({
        kind: z.literal('linear'),
        name: trackerName,
        apiUrl: apiUrlSchema.optional(),
        auth: linearAuthSchema,
        webhookSecret: webhookSecretSchema.optional(),
      })
      .strict(),
  ],
  { error: 'expected "kind": "jira" or "linear"' },
);
export type CreateTrackerConnectionInput = z.output<typeof createTrackerConnectionSchema>;
/**
 * A class type cannot be a union, so this DTO's instance type is erased; the validation pipe
 * still parses with the schema, and the handler reads the body as CreateTrackerConnectionInput.
 */
export class CreateTrackerConnectionDto extends (createZodDto(
  createTrackerConnectionSchema,
) as unknown as new () => object) {}

export const updateTrackerConnectionSchema = requireSomeField(
  z
    .object({
      name: trackerName.optional(),
      siteUrl: siteUrlSchema.optional(),
      apiUrl: apiUrlSchema.nullable().optional(),
      auth: anyAuthSchema.optional(),
      webhookSecret: webhookSecretSchema.nullable().optional(),
    })
    .strict(),
);
export class UpdateTrackerConnectionDto extends createZodDto(updateTrackerConnectionSchema) {}
export type UpdateTrackerConnectionInput = z.output<typeof updateTrackerConnectionSchema>;

export const listTrackerConnectionsQuerySchema = z
  .object({
    name: z
      .string()
      .max(200, 'at most 200 characters')
      .optional()
      .describe('only connections whose name contains this'),
    kind: z.enum(TRACKER_KINDS, { message: 'expected jira or linear' }).optional(),
    ...pageQueryShape,
  })
  .strict();
export class ListTrackerConnectionsQueryDto extends createZodDto(listTrackerConnectionsQuerySchema) {}

export const trackerConnectionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(TRACKER_KINDS),
  siteUrl: z.string().nullable().describe('Jira only'),
  apiUrl: z.string().nullable().describe('Linear only; null means the default endpoint'),
  auth: z
    .object({ kind: z.enum(['basic', 'bearer', 'apiKey']), configured: z.literal(true) })
    .describe('which kind of credentials is stored; the secrets are never returned'),
  webhookSecretConfigured: z.boolean(),
  botAccountId: z
    .string()
    .nullable()
    .describe('the tracker account Sightline acts as, once a connection test succeeded'),
  health: z.enum(['unknown', 'healthy', 'unhealthy']),
  healthReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export class TrackerConnectionDto extends createZodDto(trackerConnectionSchema) {}
export type TrackerConnectionView = z.output<typeof trackerConnectionSchema>;

export class TrackerConnectionPageDto extends createZodDto(pageSchema(trackerConnectionSchema)) {}

export function toTrackerConnectionDto(record: TrackerConnectionRecord): TrackerConnectionView {
  return {
    id: record.id,
    name: record.name,
    kind: record.kind,
    siteUrl: record.kind === 'jira' ? record.baseUrl : null,
    apiUrl: record.kind === 'linear' ? record.baseUrl : null,
    auth: { kind: record.authKind as TrackerAuth['kind'], configured: true },
    webhookSecretConfigured: record.webhookSecretConfigured,
    botAccountId: record.botAccountId,
    health: record.health,
    healthReason: record.healthReason,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}
