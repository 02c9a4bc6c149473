import { isMatchablePath, isSourcePath, isTestPath } from './file-kinds';

describe('file kinds', () => {
  it.each([
    'src/test/java/org/x/FooTest.java',
    'tests/test_app.py',
    'pkg/context_test.go',
    'src/cart.spec.ts',
    'src/cart.test.tsx',
    // .NET test projects.
    'src/FluentValidation.Tests/ValidatorTesterTester.cs',
    'Src/Newtonsoft.Json.Tests/Linq/JTokenTests.cs',
    'src/Shop.UnitTests/CartFacts.cs',
    'src/Polly.Specs/Retry/RetryPolicySpecs.cs',
    'src/UnitTests/Mappers/ArrayMapperFacts.cs',
    'src/IntegrationTests/Checkout.cs',
    'src/Shop.Benchmarks/CartBenchmark.cs',
    // Type tests (tsd, Vitest's typecheck).
    'packages-private/dts-test/defineComponent.test-d.tsx',
    'src/cart.spec-d.ts',
    'src/__tests__/cart.ts',
    'app/FooTests.cs',
    'conftest.py',
    'src/addDays/test.ts',
    'src/it/java/BarIT.java',
    'okhttp/src/jvmTest/kotlin/okhttp3/CallTest.kt',
    'okhttp/src/commonTest/kotlin/okhttp3/Fixtures.kt',
    'app/src/androidTest/java/com/shop/CartFlow.kt',
    'app/src/testDebug/java/com/shop/Debug.kt',
    'service/src/integrationTest/java/com/shop/Checkout.java',
    'lib/src/testFixtures/java/com/shop/Carts.java',
    'zookeeper-it/unit-tests/src/ZkTest.c',
    'moshi-kotlin-tests/extra-moshi-test-module/src/main/kotlin/Abstract.kt',
    'integration_test/cases/repo.exs',
    'app/integration-test/checkout_flow.py',
    // Cucumber's step definitions and support code.
    'features/step_definitions.rb',
    'features/step_definitions/cart_steps.rb',
    'features/support/env.rb',
    // Perl's test folder, fixtures included.
    't/mojo/Mojo/LoaderException.pm',
    'cpan/t/basic.t',
    // A Rust module's unit tests (`#[cfg(test)] mod tests;`).
    'compiler-core/src/format/tests.rs',
    'src/parse/test.rs',
  ])('%s is a test', (path) => {
    expect(isTestPath(path)).toBe(true);
    expect(isMatchablePath(path)).toBe(false);
  });

  it.each([
    'src/main/java/org/x/Foo.java',
    'src/flask/app.py',
    'context.go',
    'src/cart.ts',
    'lib/latest.rb',
    'src/Contest.java',
    'kotlinx-coroutines-test/src/TestDispatcher.kt',
    'okhttp/src/commonJvmAndroid/kotlin/okhttp3/Call.kt',
    'buildSrc/src/main/kotlin/Publishing.kts',
    'site/src/latest/index.ts',
    'lib/Mojo/Transaction.pm',
    // A feature folder of an app is source.
    'src/features/cart/cartSlice.ts',
    'src/at/cart.ts',
    'src/contests/entries.ts',
    'src/attest.ts',
    'src/latest.py',
    'src/werkzeug/test.py',
    'src/jinja2/tests.py',
    'stdlib/asyncio/locks.pyi',
    // Shell scripts in each shell's dialect.
    'lib/git.zsh',
    'plugins/git/git.plugin.zsh',
    'completions/_docker.bash',
    'share/functions/fish_prompt.fish',
    'src/Polly.Testing/ResiliencePipelineExtensions.cs',
    'src/Shop.Contracts/Cart.cs',
  ])('%s is matchable source', (path) => {
    expect(isMatchablePath(path)).toBe(true);
  });

  it.each([
    'R/mutate.R',
    'src/Solver.jl',
    'tools/Build.ps1',
    'src/allocator.zig',
    'contracts/Token.sol',
    'src/kernels.f90',
    'include/cowboy.hrl',
  ])('%s is source in a language without a parser', (path) => {
    expect(isSourcePath(path)).toBe(true);
  });

  it.each([
    'README.md',
    'package.json',
    'node_modules/x/index.js',
    'vendor/a/b.go',
    'dist/app.js',
    'public/app.min.js',
    'Makefile',
    'mockito-core/build.gradle.kts',
    'settings.gradle.kts',
    'mix.exs',
    'installer/mix.exs',
    'Package.swift',
    'Package@swift-5.9.swift',
  ])('%s is not source', (path) => {
    expect(isSourcePath(path)).toBe(false);
  });
});
