import { ApiKeyRepository, AuditLogRepository, createDataSource } from '@sightline/persistence';
import { testConfig } from '@sightline/testing';
import { sightline } from './run-cli.fixture-spec';

describe('sightline keys (medium)', () => {
  const { DATABASE_URL } = testConfig();
  const dataSource = createDataSource(DATABASE_URL);

  beforeAll(() => dataSource.initialize());
  afterAll(() => dataSource.destroy());

  it('creates a key that authenticates, prints it once, lists and revokes it, with an audit trail', async () => {
    const created = await sightline(['keys', 'create', '--role', 'admin', '--name', 'first operator'], {
      DATABASE_URL,
    });
    expect(created.code).toBe(0);
    const secret = created.stdout.trim();
    expect(secret).toMatch(/^sl_[A-Za-z0-9_-]{43}$/);

    const keys = new ApiKeyRepository(dataSource);
    const record = await keys.findActiveBySecret(secret);
    expect(record).toEqual(
      expect.objectContaining({ role: 'admin', name: 'first operator', createdBy: 'cli' }),
    );

    const listed = await sightline(['keys', 'list'], { DATABASE_URL });
    expect(listed.stdout).toContain(record?.id);
    expect(listed.stdout).not.toContain(secret);

    const revoked = await sightline(['keys', 'revoke', record?.id ?? ''], { DATABASE_URL });
    expect(revoked.code).toBe(0);
    await expect(keys.findActiveBySecret(secret)).resolves.toBeNull();

    const audit = await new AuditLogRepository(dataSource).list({
      resourceId: record?.id,
      limit: 10,
      offset: 0,
    });
    expect(audit.map((entry) => [entry.actor, entry.action])).toEqual([
      ['cli', 'revoke'],
      ['cli', 'create'],
    ]);
  });

  it('explains a missing DATABASE_URL and a bad role with exit code 2', async () => {
    const noDatabase = await sightline(['keys', 'list'], {});
    expect(noDatabase.code).toBe(2);
    expect(noDatabase.stderr).toContain('DATABASE_URL: is required');
    const badRole = await sightline(['keys', 'create', '--role', 'owner'], { DATABASE_URL });
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--role must be one of: admin, viewer');
  });

  it('exits 1 when the database cannot be reached', async () => {
    const unreachable = await sightline(['keys', 'list'], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
    });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('cannot reach the database');
  });
});
