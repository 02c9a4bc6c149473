import { isTestPath, TEST_PATH_PATTERNS } from '@sightline/analysis';
import { createDataSource } from '@sightline/persistence';
import { testConfig } from '@sightline/testing';

/**
 * `?tests=exclude` hands the analysis's test-path rules to PostgreSQL as regular expressions:
 * PostgreSQL must read every one of them as JavaScript does.
 */
describe('test-path rules in PostgreSQL', () => {
  let db: ReturnType<typeof createDataSource>;

  beforeAll(async () => {
    db = createDataSource(testConfig().DATABASE_URL, 'sightline-test-path-sql');
    await db.initialize();
  });

  afterAll(() => db.destroy());

  it.each([
    'src/test/java/org/x/FooTest.java',
    'src/FluentValidation.Tests/ValidatorTesterTester.cs',
    'src/UnitTests/Mappers/ArrayMapperFacts.cs',
    'packages-private/dts-test/defineComponent.test-d.tsx',
    'web/__TESTS__/cart.ts',
    'features/step_definitions/cart_steps.rb',
    'src/addDays/test.ts',
    'src/contests/entries.ts',
    'src/Polly.Testing/ResiliencePipelineExtensions.cs',
    'src/cart.ts',
  ])('%s', async (path) => {
    const sql = await Promise.all(
      TEST_PATH_PATTERNS.map(async (pattern) => {
        const operator = pattern.flags.includes('i') ? '~*' : '~';
        const [row] = (await db.query(`SELECT $1::text ${operator} $2::text AS hit`, [
          path,
          pattern.source,
        ])) as {
          hit: boolean;
        }[];
        return row.hit;
      }),
    );
    expect(sql.some(Boolean)).toBe(isTestPath(path));
  });
});
