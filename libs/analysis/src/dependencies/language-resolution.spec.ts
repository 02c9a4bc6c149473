import { analyseSource } from '../source/analyse-source';
import { loadWasmGrammars } from '../source/tree-sitter/grammar-loader';
import type { DependencyGraph, DependencySource } from './dependency-types';
import { resolveDependencies } from './resolve-dependencies';

/** Resolves a small in-memory tree, analysing its sources exactly as the analysis does. */
function resolveTree(tree: Record<string, string>): DependencyGraph {
  const sources: DependencySource[] = [];
  for (const [path, content] of Object.entries(tree)) {
    const facts = analyseSource(path, content);
    if (facts) sources.push({ path, ...facts });
  }
  return resolveDependencies({ paths: Object.keys(tree), sources, readFile: (path) => tree[path] });
}

const edgesOf = (graph: DependencyGraph) => graph.edges.map((e) => `${e.from} -> ${e.to}`);
const externalOf = (graph: DependencyGraph) => graph.external.map((e) => `${e.from}: ${e.package}`);

describe('Python', () => {
  it('resolves absolute imports over source roots, relative imports from the package, and names that are submodules', () => {
    const graph = resolveTree({
      'pyproject.toml': '[project]\nname = "shop"\n',
      'src/shop/__init__.py': '',
      'src/shop/cart.py':
        'from . import pricing\nfrom .models import Item, helper\nfrom ..outside import x\nimport os\nimport numpy.linalg\n',
      'src/shop/pricing.py': 'from shop.models import Item\nfrom shop import cart\n',
      'src/shop/models/__init__.py': 'Item = 1\n',
      'src/shop/models/helper.py': '',
      'scripts/run.py': 'import util\nfrom shop.cart import total\n',
      'scripts/util.py': '',
    });
    expect(edgesOf(graph)).toEqual([
      'scripts/run.py -> scripts/util.py',
      'scripts/run.py -> src/shop/cart.py',
      'src/shop/cart.py -> src/shop/models/__init__.py',
      'src/shop/cart.py -> src/shop/models/helper.py',
      'src/shop/cart.py -> src/shop/pricing.py',
      'src/shop/pricing.py -> src/shop/cart.py',
      'src/shop/pricing.py -> src/shop/models/__init__.py',
    ]);
    expect(externalOf(graph)).toEqual(['src/shop/cart.py: numpy', 'src/shop/cart.py: os']);
  });

  it('resolves imports among type stubs, packages of stubs included', () => {
    const graph = resolveTree({
      'stdlib/asyncio/__init__.pyi': 'from .locks import Lock\n',
      'stdlib/asyncio/locks.pyi': 'from asyncio.events import AbstractEventLoop\n',
      'stdlib/asyncio/events.pyi': 'class AbstractEventLoop: ...\n',
      'stdlib/queue.pyi': 'import asyncio\n',
    });
    expect(edgesOf(graph)).toEqual([
      'stdlib/asyncio/__init__.pyi -> stdlib/asyncio/locks.pyi',
      'stdlib/asyncio/locks.pyi -> stdlib/asyncio/events.pyi',
      'stdlib/queue.pyi -> stdlib/asyncio/__init__.pyi',
    ]);
  });
});

describe('Go', () => {
  it('maps import paths inside the module to package directories, tests excluded', () => {
    const graph = resolveTree({
      'go.mod':
        'module github.com/acme/shop\n\ngo 1.22\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.9.0\n\tgolang.org/x/sync v0.6.0 // indirect\n)\n',
      'cmd/server/main.go':
        'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n\t"github.com/acme/shop/internal/cart"\n\t"github.com/gin-gonic/gin/binding"\n\t"golang.org/x/sync/errgroup"\n\t"example.com/some/other/pkg"\n)\n',
      'internal/cart/cart.go': 'package cart\n',
      'internal/cart/total.go': 'package cart\n\nimport "github.com/acme/shop/internal/money"\n',
      'internal/cart/cart_test.go': 'package cart\n',
      'internal/money/money.go': 'package money\n',
    });
    expect(edgesOf(graph)).toEqual([
      'cmd/server/main.go -> internal/cart/cart.go',
      'cmd/server/main.go -> internal/cart/total.go',
      'internal/cart/total.go -> internal/money/money.go',
    ]);
    expect(graph.external.map((e) => e.package)).toEqual([
      'example.com/some/other',
      'fmt',
      'github.com/gin-gonic/gin',
      'golang.org/x/sync',
      'net/http',
    ]);
  });
});

describe('Java and Kotlin', () => {
  it('resolves classes by package and file name, nested and static members, wildcards and Kotlin top-level functions', () => {
    const graph = resolveTree({
      'core/src/main/java/com/acme/cart/Cart.java':
        'package com.acme.cart;\nimport com.acme.model.Item;\nimport com.acme.model.Item.Kind;\nimport static com.acme.util.Strings.pad;\nimport com.acme.util.*;\nimport java.util.List;\nimport org.slf4j.Logger;\nclass Cart {}\n',
      'core/src/main/java/com/acme/model/Item.java':
        'package com.acme.model;\npublic class Item { enum Kind { A } }\n',
      'core/src/main/java/com/acme/util/Strings.java': 'package com.acme.util;\npublic class Strings {}\n',
      'core/src/main/java/com/acme/util/Numbers.java': 'package com.acme.util;\npublic class Numbers {}\n',
      'app/src/main/kotlin/com/acme/app/App.kt':
        'package com.acme.app\n\nimport com.acme.cart.Cart\nimport com.acme.app.support.formatPrice\nimport kotlinx.coroutines.launch\n\nfun main() {}\n',
      'app/src/main/kotlin/com/acme/app/support/Formatting.kt':
        'package com.acme.app.support\n\nfun formatPrice(v: Int): String = ""\n',
    });
    expect(edgesOf(graph)).toEqual([
      'app/src/main/kotlin/com/acme/app/App.kt -> app/src/main/kotlin/com/acme/app/support/Formatting.kt',
      'app/src/main/kotlin/com/acme/app/App.kt -> core/src/main/java/com/acme/cart/Cart.java',
      'core/src/main/java/com/acme/cart/Cart.java -> core/src/main/java/com/acme/model/Item.java',
      'core/src/main/java/com/acme/cart/Cart.java -> core/src/main/java/com/acme/util/Numbers.java',
      'core/src/main/java/com/acme/cart/Cart.java -> core/src/main/java/com/acme/util/Strings.java',
    ]);
    expect(graph.external.map((e) => e.package)).toEqual(['kotlinx.coroutines', 'java.util', 'org.slf4j']);
  });
});

describe('Scala', () => {
  it('resolves classes, selector imports, wildcards and top-level definitions by package', () => {
    const graph = resolveTree({
      'core/src/main/scala/com/acme/cart/Cart.scala':
        'package com.acme.cart\n\nimport com.acme.model.{Item, Kind => K}\nimport com.acme.util._\nimport scala.concurrent.Future\n\nclass Cart\n',
      'core/src/main/scala/com/acme/model/Models.scala':
        'package com.acme.model\n\ncase class Item(id: Int)\nenum Kind { case A }\n',
      'core/src/main/scala/com/acme/util/Strings.scala': 'package com.acme\npackage util\n\nobject Strings\n',
    });
    expect(edgesOf(graph)).toEqual([
      'core/src/main/scala/com/acme/cart/Cart.scala -> core/src/main/scala/com/acme/model/Models.scala',
      'core/src/main/scala/com/acme/cart/Cart.scala -> core/src/main/scala/com/acme/util/Strings.scala',
    ]);
    expect(externalOf(graph)).toEqual(['core/src/main/scala/com/acme/cart/Cart.scala: scala.concurrent']);
  });
});

describe('Elixir', () => {
  it('resolves used modules to the files declaring them; others are external by first segment', () => {
    const graph = resolveTree({
      'lib/shop/cart.ex':
        'defmodule Shop.Cart do\n  alias Shop.{Item, Missing}\n  import Ecto.Query\n  use GenServer\nend\n',
      'lib/shop/models.ex': 'defmodule Shop.Item do\nend\n\ndefmodule Shop.Price do\nend\n',
      'test/cart_test.exs': 'defmodule Shop.CartTest do\n  alias Shop.Cart\n  use ExUnit.Case\nend\n',
    });
    expect(edgesOf(graph)).toEqual([
      'lib/shop/cart.ex -> lib/shop/models.ex',
      'test/cart_test.exs -> lib/shop/cart.ex',
    ]);
    expect(externalOf(graph)).toEqual([
      'lib/shop/cart.ex: Ecto',
      'lib/shop/cart.ex: GenServer',
      'lib/shop/cart.ex: Shop',
      'test/cart_test.exs: ExUnit',
    ]);
  });
});

describe('Lua', () => {
  it('resolves require over the root, lua/, src/ and lib/, init.lua included; others are rocks', () => {
    const graph = resolveTree({
      'lua/telescope/init.lua':
        'local pickers = require("telescope.pickers")\nlocal util = require "plenary.util"\n',
      'lua/telescope/pickers.lua': 'local t = require("telescope")\n',
    });
    expect(edgesOf(graph)).toEqual([
      'lua/telescope/init.lua -> lua/telescope/pickers.lua',
      'lua/telescope/pickers.lua -> lua/telescope/init.lua',
    ]);
    expect(externalOf(graph)).toEqual(['lua/telescope/init.lua: plenary']);
  });
});

describe('Dart', () => {
  beforeAll(() => loadWasmGrammars());

  it('resolves package: URIs to lib/ of the monorepo package that names them, and relative URIs from the file', () => {
    const graph = resolveTree({
      'packages/bloc/pubspec.yaml': 'name: bloc\nversion: 9.0.0\n',
      'packages/bloc/lib/bloc.dart': "export 'src/bloc.dart';\n",
      'packages/bloc/lib/src/bloc.dart':
        "import 'dart:async';\nimport 'package:meta/meta.dart';\npart 'cubit.dart';\n",
      'packages/bloc/lib/src/cubit.dart': "part of 'bloc.dart';\n",
      'packages/flutter_bloc/pubspec.yaml': 'name: flutter_bloc\n',
      'packages/flutter_bloc/lib/src/provider.dart':
        "import 'package:bloc/bloc.dart';\nimport 'package:flutter/widgets.dart';\n",
    });
    expect(edgesOf(graph)).toEqual([
      'packages/bloc/lib/bloc.dart -> packages/bloc/lib/src/bloc.dart',
      'packages/bloc/lib/src/bloc.dart -> packages/bloc/lib/src/cubit.dart',
      'packages/flutter_bloc/lib/src/provider.dart -> packages/bloc/lib/bloc.dart',
    ]);
    expect(externalOf(graph)).toEqual([
      'packages/bloc/lib/src/bloc.dart: dart:async',
      'packages/bloc/lib/src/bloc.dart: meta',
      'packages/flutter_bloc/lib/src/provider.dart: flutter',
    ]);
  });
});

describe('Swift', () => {
  it('depends on every file of an imported SwiftPM target; other modules are external', () => {
    const graph = resolveTree({
      'Package.swift': 'import PackageDescription\n',
      'Sources/Shop/Cart.swift': 'import Foundation\n\nstruct Cart {}\n',
      'Sources/Shop/Item.swift': 'struct Item {}\n',
      'Sources/App/main.swift': 'import Shop\nimport struct Shop.Item\n\nlet cart = Cart()\n',
      'Tests/ShopTests/CartTests.swift': '@testable import Shop\nimport XCTest\n',
    });
    expect(edgesOf(graph)).toEqual([
      'Sources/App/main.swift -> Sources/Shop/Cart.swift',
      'Sources/App/main.swift -> Sources/Shop/Item.swift',
      'Tests/ShopTests/CartTests.swift -> Sources/Shop/Cart.swift',
      'Tests/ShopTests/CartTests.swift -> Sources/Shop/Item.swift',
    ]);
    // Package.swift is the build manifest, not code: its `import PackageDescription` is no dependency.
    expect(externalOf(graph)).toEqual([
      'Sources/Shop/Cart.swift: Foundation',
      'Tests/ShopTests/CartTests.swift: XCTest',
    ]);
  });
});

describe('C#', () => {
  it('depends on the files of a used namespace; static usings find the type file', () => {
    const graph = resolveTree({
      'src/Shop/Cart.cs':
        'using System.Linq;\nusing Shop.Models;\nusing static Shop.Util.Strings;\nnamespace Shop.Cart { class Cart {} }\n',
      'src/Shop/Models/Item.cs': 'namespace Shop.Models { class Item {} }\n',
      'src/Shop/Models/Price.cs': 'namespace Shop.Models;\nclass Price {}\n',
      'src/Shop/Util/Strings.cs': 'namespace Shop.Util { static class Strings {} }\n',
      'src/Shop/Util/Numbers.cs': 'namespace Shop.Util { static class Numbers {} }\n',
    });
    expect(edgesOf(graph)).toEqual([
      'src/Shop/Cart.cs -> src/Shop/Models/Item.cs',
      'src/Shop/Cart.cs -> src/Shop/Models/Price.cs',
      'src/Shop/Cart.cs -> src/Shop/Util/Strings.cs',
    ]);
    expect(externalOf(graph)).toEqual(['src/Shop/Cart.cs: System.Linq']);
  });
});

describe('Ruby', () => {
  it('resolves require_relative from the file and require over lib directories', () => {
    const graph = resolveTree({
      'lib/shop/cart.rb':
        "require_relative 'item'\nrequire_relative '../shop/missing'\nrequire 'shop/pricing'\nrequire 'json'\nrequire 'active_support/core_ext'\n",
      'lib/shop/item.rb': '',
      'lib/shop/pricing.rb': '',
    });
    expect(edgesOf(graph)).toEqual([
      'lib/shop/cart.rb -> lib/shop/item.rb',
      'lib/shop/cart.rb -> lib/shop/pricing.rb',
    ]);
    expect(graph.external.map((e) => e.package)).toEqual(['active_support', 'json']);
  });
});

describe('PHP', () => {
  it('resolves use statements through composer PSR-4 prefixes and requires from __DIR__', () => {
    const graph = resolveTree({
      'composer.json': JSON.stringify({
        autoload: { 'psr-4': { 'App\\': 'src/' } },
        'autoload-dev': { 'psr-4': { 'Tests\\': ['tests/'] } },
      }),
      'src/Http/Controller.php':
        "<?php\nnamespace App\\Http;\nuse App\\Models\\User;\nuse Tests\\Fixtures\\Users;\nuse Symfony\\Component\\HttpFoundation\\Request;\nrequire_once __DIR__ . '/helpers.php';\n",
      'src/Http/helpers.php': '<?php\n',
      'src/Models/User.php': '<?php\nnamespace App\\Models;\nclass User {}\n',
      'tests/Fixtures/Users.php': '<?php\n',
    });
    expect(edgesOf(graph)).toEqual([
      'src/Http/Controller.php -> src/Http/helpers.php',
      'src/Http/Controller.php -> src/Models/User.php',
      'src/Http/Controller.php -> tests/Fixtures/Users.php',
    ]);
    expect(graph.external.map((e) => e.package)).toEqual(['Symfony\\Component']);
  });
});

describe('Rust', () => {
  it('resolves mod declarations and crate/self/super/workspace-crate paths to module files', () => {
    const graph = resolveTree({
      'Cargo.toml': '[workspace]\nmembers = ["shop", "money"]\n',
      'shop/Cargo.toml': '[package]\nname = "shop"\n',
      'shop/src/lib.rs': 'mod cart;\nmod models;\nuse serde::Serialize;\n',
      'shop/src/cart.rs':
        'mod totals;\nuse crate::models::item::Item;\nuse money::Cents;\nuse std::collections::HashMap;\n',
      'shop/src/cart/totals.rs': 'use super::super::models::{item, price::Price};\nuse self::inner::x;\n',
      'shop/src/models/mod.rs': 'pub mod item;\npub mod price;\n',
      'shop/src/models/item.rs': '',
      'shop/src/models/price.rs': '',
      'money/Cargo.toml': '[package]\nname = "money"\n',
      'money/src/lib.rs': 'pub struct Cents;\n',
    });
    expect(edgesOf(graph)).toEqual([
      'shop/src/cart.rs -> money/src/lib.rs',
      'shop/src/cart.rs -> shop/src/cart/totals.rs',
      'shop/src/cart.rs -> shop/src/models/item.rs',
      'shop/src/cart/totals.rs -> shop/src/models/item.rs',
      'shop/src/cart/totals.rs -> shop/src/models/price.rs',
      'shop/src/lib.rs -> shop/src/cart.rs',
      'shop/src/lib.rs -> shop/src/models/mod.rs',
      'shop/src/models/mod.rs -> shop/src/models/item.rs',
      'shop/src/models/mod.rs -> shop/src/models/price.rs',
    ]);
    expect(externalOf(graph)).toEqual(['shop/src/cart.rs: std', 'shop/src/lib.rs: serde']);
  });
});

describe('C and C++', () => {
  it('resolves quoted includes from the file, its ancestors and include dirs; unknown headers are external', () => {
    const graph = resolveTree({
      'cache.h': '',
      'builtin/add.c': '#include "cache.h"\n#include "add.h"\n#include <stdio.h>\n#include <zlib.h>\n',
      'builtin/add.h': '',
      'lib/include/shop/cart.hpp': '',
      'lib/src/cart.cpp': '#include <shop/cart.hpp>\n#include "detail/util.hpp"\n#include <boost/asio.hpp>\n',
      'lib/src/internal/detail/util.hpp': '',
    });
    expect(edgesOf(graph)).toEqual([
      'builtin/add.c -> builtin/add.h',
      'builtin/add.c -> cache.h',
      'lib/src/cart.cpp -> lib/include/shop/cart.hpp',
      'lib/src/cart.cpp -> lib/src/internal/detail/util.hpp',
    ]);
    expect(graph.external.map((e) => e.package)).toEqual(['stdio.h', 'zlib.h', 'boost']);
  });
});
