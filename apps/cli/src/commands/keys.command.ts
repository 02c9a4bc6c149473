import type { Command } from 'commander';
import {
  API_KEY_ROLES,
  ApiKeyRepository,
  AuditLogRepository,
  type ApiKeyRecord,
  type ApiKeyRole,
} from '@sightline/persistence';
import { CliError } from '../cli-error';
import { withDatabase } from '../database';

type Repositories = { keys: ApiKeyRepository; audit: AuditLogRepository };

function withRepositories<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
  return withDatabase((dataSource) =>
    work({ keys: new ApiKeyRepository(dataSource), audit: new AuditLogRepository(dataSource) }),
  );
}

function describe(key: ApiKeyRecord): string {
  const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
  return `${key.id}  ${key.role.padEnd(6)}  ${key.prefix}…  ${key.name}  (${state})`;
}

export function registerKeysCommand(program: Command): void {
  const keys = program.command('keys').description('manage admin API keys (needs DATABASE_URL)');

  keys
    .command('create')
    .description('issue a new API key; it is printed once and stored only as a hash')
    .requiredOption('--role <role>', `one of: ${API_KEY_ROLES.join(', ')}`)
    .option('--name <name>', 'what the key is for', 'created on the command line')
    .action(async (options: { role: string; name: string }) => {
      if (!(API_KEY_ROLES as readonly string[]).includes(options.role)) {
        throw new CliError(`--role must be one of: ${API_KEY_ROLES.join(', ')}`);
      }
      const issued = await withRepositories(async ({ keys: repository, audit }) => {
        const result = await repository.issue({
          name: options.name,
          role: options.role as ApiKeyRole,
          createdBy: 'cli',
        });
        const { id, name, role, prefix } = result.record;
        await audit.append({
          actor: 'cli',
          action: 'create',
          resourceType: 'api-key',
          resourceId: id,
          before: null,
          after: { id, name, role, prefix },
          requestId: null,
        });
        return result;
      });
      process.stdout.write(`${issued.secret}\n`);
      process.stderr.write(
        `created ${issued.record.role} key ${issued.record.id}; store it now, it is not shown again\n`,
      );
    });

  keys
    .command('list')
    .description('list API keys (never their secrets)')
    .action(async () => {
      const all = await withRepositories(({ keys: repository }) => repository.list());
      process.stdout.write(all.length ? `${all.map(describe).join('\n')}\n` : 'no API keys yet\n');
    });

  keys
    .command('revoke <id>')
    .description('revoke an API key at once')
    .action(async (id: string) => {
      if (!/^[0-9a-f-]{36}$/i.test(id))
        throw new CliError('<id> must be a key id as printed by `sightline keys list`');
      const revoked = await withRepositories(async ({ keys: repository, audit }) => {
        const record = await repository.revoke(id, new Date());
        if (record) {
          await audit.append({
            actor: 'cli',
            action: 'revoke',
            resourceType: 'api-key',
            resourceId: id,
            before: null,
            after: { revokedAt: record.revokedAt },
            requestId: null,
          });
        }
        return record;
      });
      if (!revoked) throw new CliError(`no active API key with id ${id}`);
      process.stdout.write(`${describe(revoked)}\n`);
    });
}
