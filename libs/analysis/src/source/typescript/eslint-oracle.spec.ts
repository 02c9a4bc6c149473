import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import tseslint from 'typescript-eslint';
import { Linter } from 'eslint';
import { analyseSource } from '../analyse-source';

/*
 * ESLint 10's `complexity` rule (classic variant) is the definition of McCabe complexity for JS/TS
 * (docs/analysis-languages.md). With the threshold at 0 it reports every function, class field
 * initializer and static block; our figures must match it function for function.
 */
const FIXTURES = join(__dirname, 'fixtures');
const REPO_ROOT = join(__dirname, '..', '..', '..', '..', '..');
const linter = new Linter({ configType: 'flat' });

function eslintConfig(extension: string): Linter.Config[] {
  const typescript = extension === 'ts' || extension === 'tsx';
  return [
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mjs'],
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: extension === 'js' || extension === 'jsx' ? 'commonjs' : 'module',
        ...(typescript ? { parser: tseslint.parser as Linter.Parser } : {}),
        parserOptions: { ecmaFeatures: { jsx: extension !== 'ts' } },
      },
      // Inline directives in the sources name rules this lint run does not load.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
      rules: { complexity: ['error', 0] },
    },
  ];
}

/** `line:complexity` for every function ESLint reports, sorted. */
function eslintFigures(fileName: string, code: string): string[] {
  const extension = fileName.split('.').pop()!;
  const messages = linter.verify(code, eslintConfig(extension), { filename: fileName });
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages
    .filter((m) => m.ruleId === 'complexity')
    .map((m) => `${m.line}:${/complexity of (\d+)/.exec(m.message)![1]}`)
    .sort();
}

function ourFigures(fileName: string, code: string): string[] {
  const facts = analyseSource(fileName, code);
  expect(facts?.parseError).toBeUndefined();
  return facts!.functions.map((f) => `${f.line}:${f.complexity}`).sort();
}

function listTs(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (entry === 'node_modules' || entry === 'fixtures') continue;
    if (statSync(full).isDirectory()) listTs(full, out);
    else if (entry.endsWith('.ts')) out.push(full);
  }
  return out;
}

describe('McCabe complexity equals ESLint complexity (classic)', () => {
  const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.fixture'));

  it('covers a corpus of fixtures in every JS/TS flavour', () => {
    expect(fixtures.map((f) => f.split('.')[1]).sort()).toEqual([
      'js',
      'jsx',
      'mjs',
      'ts',
      'ts',
      'ts',
      'ts',
      'ts',
      'tsx',
    ]);
  });

  it.each(fixtures)('%s', (fixture) => {
    const fileName = fixture.replace(/\.fixture$/, '');
    const code = readFileSync(join(FIXTURES, fixture), 'utf8');
    const expected = eslintFigures(fileName, code);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(ourFigures(fileName, code)).toEqual(expected);
  });

  it('matches on real TypeScript: the source analysis and dependency resolution code itself', () => {
    const files = [
      join(REPO_ROOT, 'libs/analysis/src/source'),
      join(REPO_ROOT, 'libs/analysis/src/dependencies'),
    ].flatMap((dir) => listTs(dir));
    expect(files.length).toBeGreaterThan(20);
    const mismatches: string[] = [];
    let functions = 0;
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      const expected = eslintFigures(file, code);
      functions += expected.length;
      if (ourFigures(file, code).join() !== expected.join()) mismatches.push(relative(REPO_ROOT, file));
    }
    expect(mismatches).toEqual([]);
    expect(functions).toBeGreaterThan(100);
  });
});
