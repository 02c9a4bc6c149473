import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { API_KEY_ROLES, type ApiKeyRecord } from '@sightline/persistence';

export const createApiKeySchema = z
  .object({
    name: z.string().trim().min(1, 'give the key a name, e.g. "ci-pipeline"').max(100),
    role: z.enum(API_KEY_ROLES, { message: 'expected admin or viewer' }),
  })
  .strict();
export class CreateApiKeyDto extends createZodDto(createApiKeySchema) {}

export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.enum(API_KEY_ROLES),
  prefix: z.string().describe('first characters of the key, to tell keys apart'),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export class ApiKeyDto extends createZodDto(apiKeySchema) {}

export const issuedApiKeySchema = apiKeySchema.extend({
  key: z.string().describe('the API key; shown only in this response'),
});
export class IssuedApiKeyDto extends createZodDto(issuedApiKeySchema) {}

export function toApiKeyDto(record: ApiKeyRecord): z.output<typeof apiKeySchema> {
  return {
    id: record.id,
    name: record.name,
    role: record.role,
    prefix: record.prefix,
    createdBy: record.createdBy,
    createdAt: record.createdAt.toISOString(),
    lastUsedAt: record.lastUsedAt?.toISOString() ?? null,
    revokedAt: record.revokedAt?.toISOString() ?? null,
  };
}
