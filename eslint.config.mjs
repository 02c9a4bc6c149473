// Lint rules, including the import boundaries of architecture.md: imports only go downward.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const pureLibs = ['libs/analysis/**', 'libs/matching/**', 'libs/risk/**'];
/** Libs that know about services (framework, database, queues, trackers). */
const serviceLibs = [
  '@sightline/config',
  '@sightline/persistence',
  '@sightline/queues',
  '@sightline/platform',
  '@sightline/trackers',
];
const testFiles = ['**/*.spec.ts', '**/*-spec.ts', 'test/**', 'libs/testing/**'];

/** Patterns every non-test file must not import. */
const everywhere = [
  { group: ['**/apps/**', '../../apps/*'], message: 'libs never import apps' },
  { group: ['@sightline/testing'], message: '@sightline/testing is for tests only' },
  {
    group: ['@sightline/*/src/*', '@sightline/*/*'],
    message: "import a lib through its index ('@sightline/<lib>')",
  },
];

const restrict = (extra = [], paths = []) => ['error', { patterns: [...everywhere, ...extra], paths }];
const typeormOnlyInPersistence = [{ name: 'typeorm', message: 'only libs/persistence imports typeorm' }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.bench/**', '**/*.js', '**/*.mjs'] },
  // Nest resolves constructor parameters from emitted type metadata: a type-only import there
  // would silently break injection, so imports stay as written.
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'only libs/config reads the environment' },
      ],
      'no-restricted-imports': restrict([], typeormOnlyInPersistence),
    },
  },
  {
    files: ['libs/persistence/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: serviceLibs.filter((lib) => lib !== '@sightline/config'),
          message: 'persistence depends on config only',
        },
      ]),
    },
  },
  {
    files: ['libs/queues/**/*.ts', 'libs/config/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [
          {
            group: serviceLibs.filter((lib) => lib !== '@sightline/config'),
            message: 'config and queues depend on config only',
          },
        ],
        typeormOnlyInPersistence,
      ),
    },
  },
  {
    files: pureLibs,
    rules: {
      'no-restricted-imports': restrict(
        [
          {
            group: ['@nestjs/*', 'bullmq', 'ioredis', 'pg', 'typeorm'],
            message: 'pure libs need no framework, queue or database',
          },
          { group: serviceLibs, message: 'pure libs import only other pure libs' },
        ],
        typeormOnlyInPersistence,
      ),
    },
  },
  { files: ['libs/config/**/*.ts', ...testFiles], rules: { 'no-restricted-properties': 'off' } },
  {
    files: testFiles,
    ignores: ['libs/persistence/**'],
    rules: { 'no-restricted-imports': ['error', { paths: typeormOnlyInPersistence }] },
  },
  {
    files: ['libs/persistence/**/*-spec.ts', 'libs/persistence/**/*.spec.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
