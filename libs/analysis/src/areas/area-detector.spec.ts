import type { AreaRule } from '../analysis-options';
import { detectAreas, packageName } from './area-detector';

const options = { areaRules: [] as AreaRule[], maxAreaLoc: 100, maxAreaFiles: 10, minAreaLoc: 20 };

function layout(
  files: [string, number][],
  manifests: [string, string | undefined][] = [],
  rules = options.areaRules,
) {
  const result = detectAreas(
    files.map(([path, loc]) => ({ path, loc })),
    new Map(manifests),
    { ...options, areaRules: rules },
  );
  return {
    areas: result.areas.map((a) => `${a.kind}:${a.path}:${a.name}`),
    byFile: Object.fromEntries(files.map(([path], i) => [path, result.areas[result.fileArea[i]].path])),
  };
}

describe('detectAreas', () => {
  it('gives a repository with no files no areas', () => {
    expect(layout([])).toEqual({ areas: [], byFile: {} });
  });

  it('keeps a repository with less code than minAreaLoc in one area', () => {
    expect(
      layout([
        ['a.ts', 10],
        ['src/b.ts', 9],
        ['docs/guide.md', 30],
      ]).areas,
    ).toEqual(['directory:.:.']);
  });

  it('splits a small repository whose code sits in one area into the folders holding a tenth of it', () => {
    const { areas, byFile } = layout(
      [
        ['composer.json', 1],
        ['README.md', 4],
        ['docs/guide.rst', 10],
        ['src/Client.php', 20],
        ['src/Handler/CurlHandler.php', 15],
        ['src/Cookie/CookieJar.php', 8],
        ['src/Exception/TransferException.php', 2],
        ['tests/ClientTest.php', 20],
      ],
      [['composer.json', '{"name": "acme/http"}']],
    );
    // Within the limits, so one area first; its code then all sits in src, which is split in turn.
    expect(areas).toEqual([
      'package:.:acme/http',
      'directory:docs:docs',
      'directory:src:src',
      'directory:src/Cookie:src/Cookie',
      'directory:src/Handler:src/Handler',
      'directory:tests:tests',
    ]);
    expect(byFile['src/Exception/TransferException.php']).toBe('src');
    expect(byFile['README.md']).toBe('.');
  });

  it('leaves areas alone once the code sits in two of them, and never splits a rule area', () => {
    const twoPackages = layout(
      [
        ['a/package.json', 1],
        ['a/src/x/one.ts', 15],
        ['a/src/y/two.ts', 15],
        ['b/package.json', 1],
        ['b/index.ts', 20],
      ],
      [
        ['a/package.json', '{"name": "a"}'],
        ['b/package.json', '{"name": "b"}'],
      ],
    );
    expect(twoPackages.areas).toEqual(['package:a:a', 'package:b:b']);
    const ruled = layout(
      [
        ['src/x/one.ts', 15],
        ['src/y/two.ts', 15],
      ],
      [],
      [{ name: 'core', glob: 'src/**' }],
    );
    expect(ruled.areas).toEqual(['rule:core:core']);
  });

  it('splits large directories, folding small sub-directories into their parent', () => {
    const { areas, byFile } = layout([
      ['README.md', 5],
      ['src/core/a.ts', 60],
      ['src/core/b.ts', 60],
      ['src/ui/c.ts', 30],
      ['src/tiny/d.ts', 5],
      ['src/main.ts', 10],
    ]);
    expect(areas).toEqual([
      'directory:.:.',
      'directory:src:src',
      'directory:src/core:src/core',
      'directory:src/ui:src/ui',
    ]);
    expect(byFile['src/tiny/d.ts']).toBe('src');
    expect(byFile['README.md']).toBe('.');
  });

  it('names an area by the folder that holds its code, not by folders that only hold that one', () => {
    const { areas } = layout(
      [
        ['pyproject.toml', 5],
        ['src/flask/app.py', 60],
        ['src/flask/json/provider.py', 15],
        ['tests/test_app.py', 60],
        ['packages/ui/src/button.ts', 30],
      ],
      [
        ['pyproject.toml', '[project]\nname = "Flask"\n'],
        ['packages/ui/package.json', '{"name": "ui"}'],
      ],
    );
    expect(areas).toEqual([
      'package:.:Flask',
      'package:packages/ui:ui',
      'directory:src/flask:src/flask',
      'directory:tests:tests',
    ]);
  });

  it('makes every package its own area, named from its manifest, nested packages included', () => {
    const { areas, byFile } = layout(
      [
        ['package.json', 1],
        ['packages/api/package.json', 1],
        ['packages/api/src/x.ts', 10],
        ['services/go/go.mod', 1],
        ['services/go/main.go', 10],
        ['tools/x.py', 10],
      ],
      [
        ['package.json', '{"name":"root"}'],
        ['packages/api/package.json', '{"name":"@acme/api"}'],
        ['services/go/go.mod', 'module example.com/svc\n\ngo 1.22\n'],
      ],
    );
    expect(areas).toEqual([
      'package:.:root',
      'package:packages/api:@acme/api',
      'package:services/go:example.com/svc',
    ]);
    expect(byFile['tools/x.py']).toBe('.');
  });

  it('makes no area of a manifest with no code beside it: its files join the package around it', () => {
    const { areas, byFile } = layout(
      [
        ['composer.json', 1],
        ['src/Client.php', 40],
        ['vendor-bin/phpstan/composer.json', 0],
        ['vendor-bin/psalm/composer.json', 0],
        ['packages/api/package.json', 0],
        ['packages/api/README.md', 30],
        ['packages/api/v2/package.json', 0],
        ['packages/api/v2/index.ts', 25],
      ],
      [
        ['composer.json', '{"name":"guzzlehttp/guzzle"}'],
        ['vendor-bin/phpstan/composer.json', '{"require":{"phpstan/phpstan":"^1"}}'],
        ['vendor-bin/psalm/composer.json', '{"require":{"vimeo/psalm":"^5"}}'],
        ['packages/api/package.json', '{"name":"@acme/api"}'],
        ['packages/api/v2/package.json', '{"name":"@acme/api-v2"}'],
      ],
    );
    expect(areas).toEqual(['package:.:guzzlehttp/guzzle', 'package:packages/api/v2:@acme/api-v2']);
    expect(byFile['vendor-bin/psalm/composer.json']).toBe('.');
    // Documentation is not code: a package of a README and a nested package is no area either.
    expect(byFile['packages/api/README.md']).toBe('.');
  });

  it('keeps the sample projects inside test folders in their test area, not one area each', () => {
    const fixtures = Array.from({ length: 30 }, (_, i) => `its/src/test/resources/mng-${i}/pom.xml`);
    const { areas, byFile } = layout(
      [
        ['pom.xml', 1],
        ['its/pom.xml', 1],
        ['its/src/test/java/ItTest.java', 10],
        ...fixtures.map((path): [string, number] => [path, 1]),
        ['web/tests/fixtures/app/package.json', 1],
        ['packages/testing/package.json', 1],
        ['packages/testing/src/index.ts', 10],
      ],
      [
        ['pom.xml', '<project><artifactId>maven</artifactId></project>'],
        ['its/pom.xml', '<project><artifactId>its</artifactId></project>'],
        ...fixtures.map((path): [string, string] => [
          path,
          '<project><artifactId>fixture</artifactId></project>',
        ]),
        ['web/tests/fixtures/app/package.json', '{"name":"fixture-app"}'],
        ['packages/testing/package.json', '{"name":"@acme/testing"}'],
      ],
    );
    // A package named "testing" is a package; projects under src/test/ or tests/ are test data.
    expect(areas.filter((area) => area.startsWith('package:'))).toEqual([
      'package:.:maven',
      'package:its:its',
      'package:packages/testing:@acme/testing',
    ]);
    // The thirty fixtures are split by size like any directory of the its package: one area.
    expect(byFile['its/src/test/resources/mng-7/pom.xml']).toBe('its/src/test/resources');
    expect(areas.filter((area) => area.includes('mng-'))).toEqual([]);
    expect(byFile['web/tests/fixtures/app/package.json']).toBe('.');
  });

  it('lets path rules win over packages and directories', () => {
    const { areas, byFile } = layout(
      [
        ['packages/api/package.json', 1],
        ['packages/api/billing/x.ts', 10],
        ['packages/api/other.ts', 10],
      ],
      [['packages/api/package.json', '{"name":"api"}']],
      [{ name: 'Billing', glob: '**/billing/**' }],
    );
    expect(areas).toEqual(['rule:Billing:Billing', 'package:packages/api:api']);
    expect(byFile['packages/api/billing/x.ts']).toBe('Billing');
  });

  it('reads package names from the common manifests', () => {
    expect(packageName('Cargo.toml', '[package]\nname = "crate-x"\nversion = "1"\n')).toBe('crate-x');
    expect(packageName('pyproject.toml', '[project]\nname = "pkg-y"\n')).toBe('pkg-y');
    expect(
      packageName(
        'pom.xml',
        '<project><parent><artifactId>p</artifactId></parent><artifactId>svc</artifactId></project>',
      ),
    ).toBe('svc');
    expect(packageName('app/App.csproj', undefined)).toBe('App');
    expect(packageName('package.json', '{ not json')).toBeUndefined();
  });

  it('reads PHP, Ruby, Elixir and Swift packages: Composer, gems, Mix projects, SwiftPM', () => {
    expect(packageName('src/Illuminate/Mail/composer.json', '{"name":"illuminate/mail"}')).toBe(
      'illuminate/mail',
    );
    expect(packageName('activerecord/activerecord.gemspec', undefined)).toBe('activerecord');
    expect(
      packageName(
        'apps/web/mix.exs',
        'defmodule Web.MixProject do\n  def project do\n    [app: :web, version: "0.1.0"]',
      ),
    ).toBe('web');
    expect(packageName('Package.swift', 'let package = Package(\n    name: "Alamofire",\n')).toBe(
      'Alamofire',
    );
    expect(packageName('mix.exs', 'defmodule X do end')).toBeUndefined();

    const { areas, byFile } = layout(
      [
        ['composer.json', 1],
        ['src/Illuminate/Mail/composer.json', 1],
        ['src/Illuminate/Mail/Mailer.php', 10],
        ['activerecord/activerecord.gemspec', 1],
        ['activerecord/lib/active_record/base.rb', 10],
        ['apps/web/mix.exs', 1],
        ['apps/web/lib/web.ex', 10],
        ['Gemfile', 1],
      ],
      [
        ['composer.json', '{"name":"laravel/framework"}'],
        ['src/Illuminate/Mail/composer.json', '{"name":"illuminate/mail"}'],
        ['activerecord/activerecord.gemspec', undefined],
        ['apps/web/mix.exs', '[app: :web]'],
        ['Gemfile', 'source "https://rubygems.org"'],
      ],
    );
    expect(areas).toEqual([
      'package:.:laravel/framework',
      'package:activerecord:activerecord',
      'package:apps/web:web',
      'package:src/Illuminate/Mail:illuminate/mail',
    ]);
    expect(byFile['activerecord/lib/active_record/base.rb']).toBe('activerecord');
  });
});
