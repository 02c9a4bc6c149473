import { createExclusionFilter } from './path-filter';

describe('createExclusionFilter', () => {
  const excluded = createExclusionFilter({ defaultExcludes: true, exclude: ['docs/**'] });

  it('leaves out vendored code, build output and lock files by default, at any depth', () => {
    for (const path of [
      'node_modules/a/index.js',
      'web/dist/app.js',
      'packages/socket.io/client-dist/socket.io.js',
      'packages/ui/lib_dist/index.js',
      'assets/app.min.js',
      'priv/static/assets/app.js',
      'installer/priv/static/phoenix.js',
      'mix.lock',
      'Package.resolved',
      'services/api/go.sum',
      'packages/shop/pubspec.lock',
      'lib/models/cart.g.dart',
      'lib/models/cart.freezed.dart',
      'bricks/cubit/__brick__/{{name}}_cubit.dart',
      'deps/jemalloc/src/arena.c',
      'src/third-party/zlib/inflate.c',
      'libs/3rdparty/catch.hpp',
      'Pods/Alamofire/Source/Session.swift',
      'Carthage/Checkouts/Nimble/Sources/Nimble.swift',
      'src/pip/_vendor/packaging/version.py',
      '.yarn/releases/yarn-4.4.1.cjs',
      '.pnp.cjs',
      'uv.lock',
      'services/api/pdm.lock',
      'flake.lock',
      'deno.lock',
      'bun.lock',
      'infra/.terraform.lock.hcl',
      'Gopkg.lock',
      'ShareX/Forms/MainForm.Designer.cs',
      'App/Settings.designer.vb',
      'lua/lazy/community/_generated.lua',
      'src/api/schema.generated.ts',
      'pkg/apis/v1/zz_generated.deepcopy.go',
      'Sources/ComposableArchitecture/Documentation.docc/Tutorials/Basics/Counter-01-code-0001.swift',
      'Rx.playground/Pages/Combining_Operators.xcplaygroundpage/Contents.swift',
      'docs/js/typeahead.jquery.js',
      'docs/js/lunr.min.js',
      'docs/_static/underscore-1.13.1.js',
      'docs/docsets/Alamofire.docset/Contents/Resources/Documents/js/jquery.min.js',
      '.venv/lib/python3.12/site-packages/flask/app.py',
      'env/lib/python2.7/site-packages/six.py',
    ])
      expect([path, excluded(path)]).toEqual([path, true]);
  });

  it('keeps source files, and applies the configured globs after the defaults', () => {
    expect(excluded('lib/shop/cart.ex')).toBe(false);
    expect(excluded('priv/repo/migrations/1_init.exs')).toBe(false);
    expect(excluded('Sources/Shop/Cart.swift')).toBe(false);
    expect(excluded('lib/models/cart.dart')).toBe(false);
    expect(excluded('src/deps/resolver.ts')).toBe(false);
    expect(excluded('src/distance/haversine.ts')).toBe(false);
    expect(excluded('tools/dist-utils/pack.js')).toBe(false);
    // CPython's own venv module is source, not a virtual environment.
    expect(excluded('Lib/venv/__init__.py')).toBe(false);
    expect(excluded('ShareX/Forms/MainForm.cs')).toBe(false);
    // A hand-written helper about generated code is not generated.
    expect(excluded('internal/codegen/is_generated.go')).toBe(false);
    expect(excluded('src/generated.rs')).toBe(false);
    // A library's own sources, and a documentation site's own scripts.
    expect(excluded('src/jquery.js')).toBe(false);
    expect(excluded('site/js/search.js')).toBe(false);
    expect(excluded('docs/index.md')).toBe(true);
    expect(createExclusionFilter({ defaultExcludes: false, exclude: [] })('mix.lock')).toBe(false);
  });
});
