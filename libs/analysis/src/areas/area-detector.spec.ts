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
  it('keeps a small repository in one area', () => {
    expect(
      layout([
        ['a.ts', 10],
        ['src/b.ts', 10],
      ]).areas,
    ).toEqual(['directory:.:.']);
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
});
