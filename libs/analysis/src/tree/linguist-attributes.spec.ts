import { linguistAttributes, NO_ATTRIBUTES } from './linguist-attributes';

describe('linguistAttributes', () => {
  const attributes = linguistAttributes([
    {
      path: '.gitattributes',
      text: [
        '# GitHub statistics',
        '* text=auto eol=lf',
        'vendor/** linguist-vendored',
        'src/parser.[ch] linguist-generated=true',
        '*.pb.go linguist-generated',
        '/docs/api.md linguist-generated',
        'tools/gen/ linguist-generated',
        '[attr]binary -diff -merge -text',
      ].join('\r\n'),
    },
    { path: 'web/.gitattributes', text: 'schema.ts linguist-generated\nlegacy.pb.go -linguist-generated\n' },
    { path: 'api/.gitattributes', text: '*.pb.go !linguist-generated\n' },
  ]);

  it('reads linguist-generated and linguist-vendored as git matches patterns', () => {
    expect(attributes.vendored('vendor/lib/a.c')).toBe(true);
    expect(attributes.vendored('src/vendor/a.c')).toBe(false);
    expect(attributes.generated('src/parser.c')).toBe(true);
    expect(attributes.generated('src/parser.h')).toBe(true);
    expect(attributes.generated('src/parser.y')).toBeUndefined();
    // No slash: any depth. A leading slash: anchored at the file's directory.
    expect(attributes.generated('prompb/types.pb.go')).toBe(true);
    expect(attributes.generated('docs/api.md')).toBe(true);
    expect(attributes.generated('site/docs/api.md')).toBeUndefined();
  });

  it('lets a deeper file override a shallower one, including "not generated" and "unspecified"', () => {
    expect(attributes.generated('web/schema.ts')).toBe(true);
    expect(attributes.generated('schema.ts')).toBeUndefined();
    expect(attributes.generated('web/legacy.pb.go')).toBe(false);
    expect(attributes.generated('api/v1/user.pb.go')).toBeUndefined();
  });

  it('ignores directory patterns (attributes never match a directory) and other attributes', () => {
    expect(attributes.generated('tools/gen/main.go')).toBeUndefined();
    expect(attributes.generated('README.md')).toBeUndefined();
    expect(attributes.vendored('README.md')).toBe(false);
  });

  it('records the marked globs relative to the root', () => {
    expect(attributes.globs).toEqual([
      'vendor/**',
      'src/parser.[ch]',
      '**/*.pb.go',
      'docs/api.md',
      'web/**/schema.ts',
    ]);
  });

  it('says nothing when no file speaks of linguist attributes', () => {
    expect(linguistAttributes([{ path: '.gitattributes', text: '*.png binary\n' }])).toBe(NO_ATTRIBUTES);
  });
});
