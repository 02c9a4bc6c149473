import { analyseSource } from '../analyse-source';
import { figures, fixture } from './fixtures/fixture-facts.fixture-spec';

describe('Go', () => {
  const facts = fixture('cart.go');

  it('scores functions, methods (named after the receiver) and function literals', () => {
    expect(figures(facts)).toEqual([
      // 1 + for + if + && + || + else-if + 2 expression cases + 1 select case = 9
      // cognitive: for 1, if 2, &&/|| 2, else-if 1, else 1, switch 1, select 1 = 9
      ['Cart.Total', 'method', 19, 9, 9],
      ['<func>', 'lambda', 41, 2, 2],
      // 1 + 2 type cases + for + if = 5; type switch 1, for 1, if 2, break loop 1, goto 1 = 6
      ['Helper', 'function', 51, 5, 6],
    ]);
  });

  it('lists import paths and the package', () => {
    expect(facts.imports.map((i) => i.specifier)).toEqual(['fmt', 'strings']);
    expect(facts.packageName).toBe('cart');
    expect(facts.loc).toBe(57);
    expect(facts.symbols).toEqual(['Cart', 'Pricer', 'Price', 'Total', 'Helper']);
    expect(facts.comments).toBe('Package cart holds the cart.\nCart is a cart.\nTotal sums the items.');
  });
});

describe('Rust', () => {
  const facts = fixture('cart.rs');

  it('scores functions, methods in impl blocks and closures', () => {
    expect(figures(facts)).toEqual([
      // 1 + for + if + && + || + else-if + ? + 3 match arms (`_` excluded) + while + loop + if = 13
      // cognitive: for 1, if 2, &&/|| 2, else-if 1, else 1, match 1, while 1, loop 2, if 3, break 'outer 1 = 15
      ['Cart.total', 'method', 17, 13, 15],
      // if … else inside a closure one level deep: if 2, else 1
      ['<closure>', 'lambda', 35, 2, 3],
    ]);
  });

  it('expands use trees and lists mod declarations', () => {
    expect(facts.imports).toEqual([
      { specifier: 'std::collections::HashMap', typeOnly: false },
      { specifier: 'crate::model::Item', typeOnly: false },
      { specifier: 'crate::model::Price', typeOnly: false },
      { specifier: 'super::util::*', typeOnly: false },
      { specifier: 'pricing', typeOnly: false, kind: 'mod' },
    ]);
    expect(facts.loc).toBe(41);
    expect(facts.symbols).toEqual(['pricing', 'Cart', 'Pricer', 'price', 'total']);
    expect(facts.comments).toBe('Cart crate.\nA cart.\nblock\ncomment');
  });

  it('parses invocations of macros named like primitive types (snapbox `str![…]`)', () => {
    const source = [
      'fn usage() -> usize {',
      '    let expected = str![[r#"',
      'Usage: prog [OPTIONS]',
      '"#]];',
      '    let width = u8!(3);',
      '    if str::from_utf8(b"x").is_ok() && expected.len() != 0 { 1 } else { 0 }',
      '}',
    ].join('\n');
    const facts = analyseSource('tests/help.rs', source);
    expect(facts?.parseError).toBeUndefined();
    // cyclomatic 1 + if + && = 3; cognitive if 1, && 1, else 1 = 3
    expect(figures(facts!)).toEqual([['usage', 'function', 1, 3, 3]]);
  });
});

describe('C', () => {
  const facts = fixture('cart.c');

  it('scores functions', () => {
    expect(figures(facts)).toEqual([
      // 1 + for + if + && + || + else-if + 2 cases + ternary + while + do + if = 12
      // cognitive: for 1, if 2, &&/|| 2, else-if 1, else 1, switch 1, ternary 1, while 1, do 2, if 1, goto 1 = 14
      ['total', 'function', 8, 12, 14],
      ['find', 'function', 39, 2, 1],
    ]);
  });

  it('lists quoted and system includes; skips the licence header in comments', () => {
    expect(facts.imports).toEqual([
      { specifier: 'stdio.h', typeOnly: false, kind: 'include-system' },
      { specifier: 'cart.h', typeOnly: false, kind: 'include' },
    ]);
    expect(facts.loc).toBe(34);
    expect(facts.symbols).toEqual(['cart', 'cart_t', 'total', 'find']);
    expect(facts.comments).toBe('trailing\nFinds a cart.');
  });
});

describe('C++', () => {
  const facts = fixture('cart.cpp');

  it('scores member functions, out-of-class definitions and lambdas', () => {
    expect(figures(facts)).toEqual([
      ['Cart.Cart', 'method', 7, 2, 0],
      // 1 + range for + if + && + 2 catches = 6; for 1, if 2, && 1, catch 1, catch 1 = 6
      ['Cart::total', 'function', 13, 6, 6],
      ['<lambda>', 'lambda', 25, 2, 2],
    ]);
    expect(facts.loc).toBe(26);
    expect(facts.imports.map((i) => i.kind)).toEqual(['include-system', 'include']);
  });

  it('parses C++ headers with a .h extension as C++', () => {
    const header = analyseSource(
      'include/shop/cart.h',
      'namespace shop {\nclass Cart {\n public:\n  int size() const { return n ? n : 0; }\n  int n;\n};\n}\n',
    );
    expect(header?.language).toBe('cpp');
    expect(header?.parseError).toBeUndefined();
    expect(header?.functions.map((f) => [f.name, f.complexity])).toEqual([['Cart.size', 2]]);
  });
});

describe('Objective-C', () => {
  const facts = fixture('Cart.m');

  it('scores methods by selector, blocks and C functions', () => {
    expect(facts.language).toBe('objc');
    expect(figures(facts)).toEqual([
      ['Cart.initWithItems:', 'method', 13, 2, 1],
      // 1 + for + if + && + || + else-if + 3 case labels (default excluded) + @catch + while + do
      // + ternary = 13; cognitive: for 1, if 2, &&/|| 2, else-if 1, else 1, switch 1, catch 1,
      // while 1, do 1, ternary 1 = 12
      ['Cart.totalForMember:coupon:', 'method', 20, 13, 12],
      ['<block>', 'lambda', 41, 2, 2],
      ['Cart.emptyCart', 'method', 49, 1, 0],
      ['helper', 'function', 53, 2, 1],
    ]);
  });

  it('lists #import, #include and @import, and declared names', () => {
    expect(facts.imports.map((i) => [i.specifier, i.kind])).toEqual([
      ['Foundation/Foundation.h', 'include-system'],
      ['Item.h', 'include'],
      ['UIKit', 'include-system'],
    ]);
    expect(facts.loc).toBe(45);
    expect(facts.symbols).toEqual([
      'Cart',
      'totalForMember:coupon:',
      'initWithItems:',
      'emptyCart',
      'helper',
    ]);
    expect(facts.comments).toBe('A cart.');
    expect(facts.parseError).toBeUndefined();
  });

  it('reads a .h header as Objective-C when it declares an @interface, else as C', () => {
    expect(
      analyseSource('Cart.h', '#import <Foundation/Foundation.h>\n@interface Cart : NSObject\n@end\n')
        ?.language,
    ).toBe('objc');
    expect(analyseSource('cart.h', 'int total(int x);\n')?.language).toBe('c');
  });
});

describe('a file its grammar cannot read in reasonable time', () => {
  // Not Objective-C at all: a routine in another language that also uses `.m`. Line by line such
  // text sends the Objective-C grammar into backtracking that went on for minutes.
  const routine = [
    'CART ;SHOP - TOTALS;',
    ' S:$P(CART,U)]"" T=$P(^CART(1,$P(X,U),0),U,2) ;---> TOTAL',
    'a,b]""(^,,c,2);-->',
  ].join('\n');

  it('is given up on after a bounded number of parse steps: line count and the reason, no figures', () => {
    const facts = analyseSource('routines/CART.m', routine);
    expect(facts).toMatchObject({ language: 'objc', loc: 3, functions: [], symbols: [] });
    expect(facts?.parseError).toMatch(/^parser failed: the objc grammar gave up after 1,0\d\d parse steps$/);
  });

  it('leaves the parser ready for the next file', () => {
    analyseSource('routines/CART.m', routine);
    const next = analyseSource('Sources/Cart.m', '@implementation Cart\n- (int)total { return 1; }\n@end\n');
    expect(next?.parseError).toBeUndefined();
    expect(next?.symbols).toContain('Cart');
  });
});
