import { figures, fixture } from './fixtures/fixture-facts.fixture-spec';

describe('Java', () => {
  const facts = fixture('Cart.java');

  it('scores methods, constructors and lambdas; abstract methods are not functions', () => {
    expect(figures(facts)).toEqual([
      ['Cart.Cart', 'constructor', 11, 1, 0],
      // 1 + for + if + && + || + else-if + ternary + 2 cases + catch + while + do + for + if = 14
      // cognitive: for 1, if 2, &&/|| 2, else-if 1, else 1, ternary 1, switch 1, catch 1, while 1,
      // do 2, for 2, if 3, break outer 1 = 19
      ['Cart.total', 'method', 15, 14, 19],
      // the lambda's if, one level deep inside its method: 1 + 1
      ['<lambda>', 'lambda', 40, 2, 2],
      // 1 + two `case` labels (default excluded); the switch 1
      ['Cart.mode', 'method', 51, 3, 1],
    ]);
  });

  it('lists imports, the package and declared names', () => {
    expect(facts.imports.map((i) => i.specifier)).toEqual([
      'java.util.List',
      'java.util.Objects.requireNonNull',
      'com.shop.model.*',
    ]);
    expect(facts.packageName).toBe('com.shop.cart');
    expect(facts.loc).toBe(56);
    expect(facts.symbols).toEqual([
      'Cart',
      'total',
      'mode',
      'Base',
      'run',
      'Listener',
      'changed',
      'Kind',
      'Point',
    ]);
    expect(facts.comments).toBe('Cart operations.\nswitch expression');
  });
});

describe('Kotlin', () => {
  const facts = fixture('Cart.kt');

  it('scores functions, accessors, constructors and lambdas', () => {
    expect(figures(facts)).toEqual([
      // if … else: 1 + 1; cognitive if 1, else 1
      ['size.get', 'accessor', 10, 2, 2],
      ['Cart.constructor', 'constructor', 12, 1, 0],
      // 1 + default + for + if + && + || + else-if + ?. + ?: + 2 when entries (else excluded) + catch + while + do = 14
      // cognitive: for 1, if 2, &&/|| 2, else-if 1, else 1, ?: 1, when 1, catch 1, while 1, do 1 = 12
      ['Cart.total', 'method', 14, 14, 12],
      ['<lambda>', 'lambda', 36, 2, 2],
      ['Registry.find', 'method', 44, 1, 0],
    ]);
  });

  it('lists imports without aliases, the package and declared names', () => {
    expect(facts.imports.map((i) => i.specifier)).toEqual([
      'shop.model.Item',
      'shop.util.*',
      'kotlin.math.max',
    ]);
    expect(facts.packageName).toBe('shop.cart');
    expect(facts.loc).toBe(42);
    expect(facts.symbols).toEqual(['Cart', 'size', 'total', 'Registry', 'find', 'Pricer', 'price']);
    expect(facts.parseError).toBeUndefined();
  });
});

describe('Scala', () => {
  const facts = fixture('Cart.scala');

  it('scores methods, functions and lambdas; abstract methods are not functions', () => {
    expect(figures(facts)).toEqual([
      // an auxiliary constructor
      ['Cart.this', 'constructor', 9, 1, 0],
      // 1 + default + for + if + && + || + else-if + 3 match cases (`case _` excluded) + the case's
      // guard + 2 catch cases + while + do + for…yield + its guard = 16
      // cognitive: for 1, if 2, &&/|| 2, else-if 1, else 1, match 1, catch 1, while 1, do 1, for 1 = 12
      ['Cart.total', 'method', 11, 16, 12],
      ['<lambda>', 'lambda', 33, 2, 2],
      ['Registry.find', 'method', 42, 1, 0],
      ['helper', 'function', 53, 1, 0],
    ]);
  });

  it('lists imports in their Java form, the package and declared names', () => {
    expect(facts.imports.map((i) => i.specifier)).toEqual([
      'shop.model.Item',
      'shop.util.*',
      'scala.math.max',
      'scala.math.min',
    ]);
    expect(facts.packageName).toBe('shop.cart');
    expect(facts.loc).toBe(46);
    expect(facts.symbols).toEqual([
      'Cart',
      'total',
      'Registry',
      'find',
      'Pricer',
      'price',
      'Point',
      'Kind',
      'helper',
    ]);
    expect(facts.comments).toBe('A cart.');
    expect(facts.parseError).toBeUndefined();
  });
});

describe('C#', () => {
  const facts = fixture('Cart.cs');

  it('scores methods, accessors with bodies, constructors and lambdas', () => {
    expect(figures(facts)).toEqual([
      ['Count.get', 'accessor', 13, 2, 1],
      ['Label.get', 'accessor', 17, 2, 1],
      ['Label.set', 'accessor', 18, 2, 0],
      ['Cart.Cart', 'constructor', 23, 2, 0],
      // 1 + default + foreach + if + && + || + else-if + ?. + ternary + ??= + 3 cases + 2 switch arms
      // (discard excluded) + catch + for + while + do = 19
      // cognitive: foreach 1, if 2, &&/|| 2, else-if 1, else 1, ternary 1, switch 1, switch
      // expression 1, catch 1, for 1, while 2, do 1 = 15
      ['Cart.Total', 'method', 25, 19, 15],
      ['<lambda>', 'lambda', 52, 2, 2],
    ]);
  });

  it('lists using directives (aliases resolved to their target), the namespace and declared names', () => {
    expect(facts.imports.map((i) => i.specifier)).toEqual([
      'System',
      'System.Collections.Generic',
      'Shop.Models.Item',
    ]);
    expect(facts.packageName).toBe('Shop.Cart');
    expect(facts.loc).toBe(54);
    expect(facts.symbols).toEqual([
      'Cart',
      'Count',
      'Label',
      'Auto',
      'Total',
      'IPricer',
      'Price',
      'Kind',
      'Point',
    ]);
    expect(facts.comments).toBe('A cart.');
  });
});
