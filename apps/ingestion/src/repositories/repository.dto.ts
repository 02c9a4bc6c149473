import { createZodDto } from 'nestjs-zod';
import { pageQueryShape } from '@sightline/platform';
import { z } from 'zod';
import type { RepositoryRecord } from '@sightline/persistence';
import {
  cronSchema,
  globSchema,
  nameSchema,
  pageSchema,
  requireSomeField,
  secretSchema,
} from './admin-resource';
import { checkBranchName } from './ref-name';
import { checkSshPrivateKey, normalizePrivateKey } from './ssh-private-key';

const branchSchema = z
  .string({ message: 'expected a branch name such as "main"' })
  .superRefine((value, context) => {
    const problem = checkBranchName(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

const tokenCredentialsSchema = z
  .object({
    kind: z.literal('token'),
    token: secretSchema('the access token'),
    username: z
      .string({ message: 'expected the user name that goes with the token' })
      .min(1, 'leave username out or give the user name the host expects, e.g. x-access-token or oauth2')
      .max(200, 'at most 200 characters')
      .regex(/^[A-Za-z0-9._~+-]+$/, 'use letters, digits and . _ ~ + - only')
      .optional()
      .describe(
        'user name sent with the token over https; hosts differ (GitHub: x-access-token, GitLab: oauth2)',
      ),
  })
  .strict();

const sshKeyCredentialsSchema = z
  .object({
    kind: z.literal('ssh-key'),
    privateKey: z
      .string({ message: 'expected the private key as a string' })
      .max(16384, 'the private key must be at most 16384 characters')
      .superRefine((value, context) => {
        const problem = checkSshPrivateKey(value);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      })
      .transform(normalizePrivateKey)
      .describe('unencrypted private key, OpenSSH or PEM format'),
  })
  .strict();

export const repositoryCredentialsSchema = z.discriminatedUnion(
  'kind',
  [tokenCredentialsSchema, sshKeyCredentialsSchema],
  {
    error: 'expected {"kind":"token","token":"…"} or {"kind":"ssh-key","privateKey":"…"}',
  },
);
export type RepositoryCredentials = z.output<typeof repositoryCredentialsSchema>;

const repositoryFields = {
  name: nameSchema('shop'),
  cloneUrl: z
    .string({ message: 'expected a clone URL such as https://github.com/acme/shop.git' })
    .describe(
      'https://…, ssh://… or git@host:org/repo.git; file:// and server paths only with ALLOW_LOCAL_REPOSITORIES',
    ),
  defaultBranch: branchSchema
    .nullable()
    .describe('branch to analyse; null follows the remote default branch'),
  credentials: repositoryCredentialsSchema
    .nullable()
    .describe(
      'token (https) or SSH key (ssh); stored encrypted, never returned. null means none (public repository)',
    ),
  exclusions: z
    .array(globSchema)
    .max(500, 'at most 500 exclusion globs')
    .describe('path globs left out of the analysis'),
  refreshSchedule: cronSchema
    .nullable()
    .describe('five-field cron expression for scheduled refreshes; null means none'),
  historyWindowDays: z
    .number({ message: 'expected a whole number of days' })
    .int('expected a whole number of days')
    .min(1, 'at least 1 day')
    .max(36500, 'at most 36500 days')
    .nullable()
    .describe('how many days of history to analyse; null means all of it'),
};

export const createRepositorySchema = z
  .object({
    name: repositoryFields.name,
    cloneUrl: repositoryFields.cloneUrl,
    defaultBranch: repositoryFields.defaultBranch.optional(),
    credentials: repositoryFields.credentials.optional(),
    exclusions: repositoryFields.exclusions.optional(),
    refreshSchedule: repositoryFields.refreshSchedule.optional(),
    historyWindowDays: repositoryFields.historyWindowDays.optional(),
  })
  .strict();
export class CreateRepositoryDto extends createZodDto(createRepositorySchema) {}
export type CreateRepositoryInput = z.output<typeof createRepositorySchema>;

export const updateRepositorySchema = requireSomeField(
  z
    .object({
      name: repositoryFields.name.optional(),
      cloneUrl: repositoryFields.cloneUrl.optional(),
      defaultBranch: repositoryFields.defaultBranch.optional(),
      credentials: repositoryFields.credentials.optional(),
      exclusions: repositoryFields.exclusions.optional(),
      refreshSchedule: repositoryFields.refreshSchedule.optional(),
      historyWindowDays: repositoryFields.historyWindowDays.optional(),
    })
    .strict(),
);
export class UpdateRepositoryDto extends createZodDto(updateRepositorySchema) {}
export type UpdateRepositoryInput = z.output<typeof updateRepositorySchema>;

export const listRepositoriesQuerySchema = z
  .object({
    name: z
      .string()
      .max(200, 'at most 200 characters')
      .optional()
      .describe('only repositories whose name contains this (case-insensitive)'),
    ...pageQueryShape,
  })
  .strict();
export class ListRepositoriesQueryDto extends createZodDto(listRepositoriesQuerySchema) {}

export const repositorySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  cloneUrl: z.string(),
  defaultBranch: z.string().nullable(),
  remoteDefaultBranch: z
    .string()
    .nullable()
    .describe(
      "the remote's default branch as the last analysis found it: what is analysed, and what push hooks that name no default branch refresh on, while defaultBranch is unset",
    ),
  credentials: z
    .object({ kind: z.enum(['token', 'ssh-key']), configured: z.literal(true) })
    .nullable()
    .describe('which kind of credentials is stored; the secret itself is never returned'),
  exclusions: z.array(z.string()),
  refreshSchedule: z.string().nullable(),
  historyWindowDays: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export class RepositoryDto extends createZodDto(repositorySchema) {}
export type RepositoryView = z.output<typeof repositorySchema>;

export class RepositoryPageDto extends createZodDto(pageSchema(repositorySchema)) {}

export function toRepositoryDto(record: RepositoryRecord): RepositoryView {
  return {
    id: record.id,
    name: record.name,
    cloneUrl: record.cloneUrl,
    defaultBranch: record.defaultBranch,
    remoteDefaultBranch: record.remoteDefaultBranch,
    credentials: record.credentialKind ? { kind: record.credentialKind, configured: true } : null,
    exclusions: record.exclusions,
    refreshSchedule: record.refreshCron,
    historyWindowDays: record.historyWindowDays,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}
