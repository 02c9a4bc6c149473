import { analyseSource } from '../analyse-source';
import { figures, fixture } from './fixtures/fixture-facts.fixture-spec';

describe('Python', () => {
  const facts = fixture('cart.py');

  it('scores functions, methods and lambdas', () => {
    expect(figures(facts)).toEqual([
      // 1 + 2 defaults + for + if + and + elif + or + ternary + except + comprehension for/if + while = 13
      // cognitive: for 1, if 2 (nested), and 1, elif 1, or 1, else 1, ternary 1, except 1, while 1 = 10
      ['Shop.total', 'method', 14, 13, 10],
      // 1 + three cases + the guard's if − the `case _` default = 4; match 1
      ['Shop.kind', 'method', 32, 4, 1],
      ['outer', 'function', 42, 1, 0],
      // 1 + default + or = 3; or 1
      ['inner', 'function', 43, 3, 1],
      ['<lambda>', 'lambda', 48, 2, 1],
    ]);
  });

  it('lists imports with relative dots and imported names', () => {
    expect(facts.imports).toEqual([
      { specifier: 'os', typeOnly: false },
      { specifier: 'a.b', typeOnly: false },
      { specifier: '.', typeOnly: false, names: ['sibling'] },
      { specifier: '..pkg.mod', typeOnly: false, names: ['y', 'w'] },
      { specifier: 'm', typeOnly: false },
    ]);
  });

  it('counts docstrings as comments, like cloc', () => {
    expect(facts.loc).toBe(35);
    expect(facts.symbols).toEqual(['Shop', 'total', 'kind', 'outer', 'inner']);
    expect(facts.comments).toBe(
      'Shopping cart.\nPrices are in cents.\nA comment on its own line.\nClass docstring.\ntrailing comment',
    );
    expect(facts.parseError).toBeUndefined();
  });

  it('reads a type stub as Python: its declarations are the names a ticket can mention', () => {
    const stub = analyseSource(
      'stdlib/asyncio/locks.pyi',
      'from typing import Any\n\nclass Lock:\n    def acquire(self, blocking: bool = ...) -> bool: ...\n    def locked(self) -> bool: ...\n',
    );
    expect(stub?.symbols).toEqual(['Lock', 'acquire', 'locked']);
    expect(stub?.imports).toEqual([{ specifier: 'typing', typeOnly: false, names: ['Any'] }]);
    expect(stub?.parseError).toBeUndefined();
  });
});

describe('Ruby', () => {
  const facts = fixture('cart.rb');

  it('scores methods and blocks', () => {
    expect(figures(facts)).toEqual([
      ['Cart.initialize', 'method', 8, 2, 0],
      // 1 + keyword default + if + && + || + elsif + &. + unless + 2 whens + ||= + rescue + while + ternary = 14
      // cognitive: if 1, &&/|| 2, elsif 1, else 1, unless 1, case 1, rescue 1, while 1, ternary 1 = 10
      ['Cart.total', 'method', 12, 14, 10],
      // the block's `next if`: 1 + 1; nested one level in its method: 2
      ['<block>', 'lambda', 14, 2, 2],
      ['Cart.build', 'method', 43, 1, 0],
    ]);
  });

  it('lists require and require_relative', () => {
    expect(facts.imports).toEqual([
      { specifier: 'json', typeOnly: false, kind: 'require' },
      { specifier: 'models/item', typeOnly: false, kind: 'require-relative' },
    ]);
    expect(facts.loc).toBe(42);
    expect(facts.symbols).toEqual(['Shop', 'Cart', 'initialize', 'total', 'build']);
    expect(facts.comments).toBe('frozen_string_literal: true\nA cart.\nBlock comment.');
  });

  it('parses a forwarded block (`&`) that ends a multi-line argument list', () => {
    const source = [
      'class Api',
      '  def route(path, &)',
      '    add(',
      '      path,',
      '      anchor: true,',
      '      &',
      '    )',
      '    path if path',
      '  end',
      'end',
    ].join('\n');
    const facts = analyseSource('lib/api.rb', source);
    expect(facts?.parseError).toBeUndefined();
    // 1 + modifier if = 2, on the line the method starts: lines are unchanged
    expect(figures(facts!)).toEqual([['Api.route', 'method', 2, 2, 1]]);
    expect(facts?.loc).toBe(10);
  });

  it('leaves a binary `&` at a line end alone', () => {
    const facts = analyseSource('lib/mask.rb', 'def mask(a, b)\n  (a &\n    b)\nend\n');
    expect(facts?.parseError).toBeUndefined();
    expect(figures(facts!)).toEqual([['mask', 'function', 1, 1, 0]]);
  });
});

describe('PHP', () => {
  const facts = fixture('cart.php');

  it('scores methods, functions and arrow functions', () => {
    expect(figures(facts)).toEqual([
      ['Cart.__construct', 'method', 15, 2, 0],
      // 1 + default + foreach + if + && + || + elseif + ?-> + ?? + ternary + 2 cases + match arm + catch + while + ??= = 16
      // cognitive: foreach 1, if 2, &&/|| 2, elseif 1, else 1, ?? 1, ternary 1, switch 1, match 1, catch 1, while 1 = 13
      ['Cart.total', 'method', 17, 16, 13],
      ['<arrow>', 'lambda', 48, 2, 2],
      ['helper', 'function', 55, 2, 0],
    ]);
  });

  it('lists use declarations (group uses expanded) and requires', () => {
    expect(facts.imports).toEqual([
      { specifier: 'Shop\\Models\\Item', typeOnly: false },
      { specifier: 'Shop\\Util\\Money', typeOnly: false },
      { specifier: 'Shop\\Util\\Tax', typeOnly: false },
      { specifier: '__DIR__/helpers.php', typeOnly: false, kind: 'require' },
    ]);
    expect(facts.packageName).toBe('Shop\\Cart');
    expect(facts.loc).toBe(48);
    expect(facts.symbols).toEqual(['Cart', '__construct', 'total', 'helper', 'Pricer', 'price']);
    expect(facts.comments).toBe('A cart.\nhash comment');
  });
});

describe('Elixir', () => {
  const facts = fixture('cart.ex');

  it('scores def, defp and fn; a protocol function head is no function', () => {
    expect(figures(facts)).toEqual([
      // 1 + default argument
      ['Shop.Cart.total', 'function', 11, 2, 0],
      // 1 + if + and + or; cognitive: if 2 (inside a function), and/or 2, else 1
      ['<fn>', 'lambda', 12, 4, 5],
      // 1 + guard + and
      ['Shop.Cart.kind', 'function', 21, 3, 1],
      // 1 + 3 case clauses (`_ ->` excluded) + 2 cond clauses (`true ->` excluded) + with-else's
      // `_ ->` (excluded) + rescue + catch + unless + && + || = 9
      // cognitive: case 1, cond 1, with 1, its else 1, rescue 1, catch 1, unless 1, &&/|| 2 = 9
      ['Shop.Cart.mode', 'function', 23, 9, 9],
    ]);
  });

  it('lists used modules (alias groups expanded), declared names and docs as comments', () => {
    expect(facts.imports.map((i) => i.specifier)).toEqual([
      'Shop.Item',
      'Shop.Price',
      'Shop.Util',
      'Logger',
      'GenServer',
    ]);
    // @moduledoc and @doc lines are comments, as docstrings are in Python
    expect(facts.loc).toBe(44);
    expect(facts.symbols).toEqual(['Shop.Cart', 'total', 'kind', 'mode', 'Shop.Pricer', 'price']);
    expect(facts.comments).toBe('A cart.\nTotals the cart.');
    expect(facts.parseError).toBeUndefined();
  });
});

describe('Lua', () => {
  const facts = fixture('cart.lua');

  it('scores named functions (methods as Table.name) and anonymous ones', () => {
    expect(figures(facts)).toEqual([
      // 1 + or
      ['Cart.new', 'function', 8, 2, 1],
      // 1 + for + if + and + or + elseif + while + repeat + numeric for + `ok and sum or 0` = 11
      // cognitive: for 1, if 2, and/or 2, elseif 1, else 1, goto 1, while 1, repeat 1, for 1,
      // and/or 2 = 13
      ['Cart.total', 'function', 13, 11, 13],
      ['<function>', 'lambda', 28, 2, 2],
      ['helper', 'function', 32, 3, 2],
      ['<function>', 'lambda', 36, 1, 0],
    ]);
  });

  it('lists required modules, declared names and comments without their markers', () => {
    expect(facts.imports.map((i) => i.specifier)).toEqual(['shop.item', 'shop.util']);
    expect(facts.loc).toBe(30);
    expect(facts.symbols).toEqual(['Cart.new', 'Cart.total', 'helper']);
    expect(facts.comments).toBe('A cart.\nTotals the cart.');
    expect(facts.parseError).toBeUndefined();
  });
});
