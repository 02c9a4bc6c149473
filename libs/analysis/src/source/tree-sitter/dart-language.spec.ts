import { analyseSource } from '../analyse-source';
import { loadWasmGrammars } from './grammar-loader';
import { figures, fixture } from './fixtures/fixture-facts.fixture-spec';

describe('Dart', () => {
  beforeAll(() => loadWasmGrammars());

  it('scores methods, constructors with bodies, accessors, operators and closures', () => {
    expect(figures(fixture('cart.dart'))).toEqual([
      // `Cart(this.items);` and `Cart.empty() : …;` have no body; a factory does.
      ['Cart.of', 'constructor', 10, 1, 0],
      // ternary: 1 + 1; cognitive 1
      ['Cart.size', 'accessor', 14, 2, 1],
      // 1 + for + if + && + || + else-if + ?. + ?? + 2 handlers (`on`, `catch`) + 2 cases (default
      // excluded) + 2 switch-expression arms (`_ =>` excluded) + the `when` guard = 15
      // cognitive: for 1, if 2, &&/|| 2, else-if 1, else 1, 2 handlers 2, switch 1, switch expression 1 = 11
      ['Cart.total', 'method', 17, 15, 11],
      // the closure's if, one level deep inside its method: 1 + 1
      ['<closure>', 'lambda', 43, 2, 2],
      ['Cart.operator==', 'method', 49, 2, 1],
      ['Loud.shout', 'method', 54, 1, 0],
      // an unnamed extension's members belong to the extended type
      ['String.blank', 'accessor', 58, 1, 0],
      ['helper', 'function', 63, 2, 1],
    ]);
  });

  it('lists imports, exports and parts, declared names and doc comments', () => {
    const facts = fixture('cart.dart');
    expect(facts.imports.map((i) => i.specifier)).toEqual([
      'dart:async',
      'package:shop/pricing.dart',
      'src/item.dart',
      'cart.g.dart',
    ]);
    expect(facts.loc).toBe(57);
    expect(facts.symbols).toEqual([
      'Cart',
      'size',
      'total',
      'operator==',
      'Loud',
      'shout',
      'blank',
      'Pick',
      'helper',
    ]);
    expect(facts.comments).toBe('A shopping cart.\nSums the items, skipping the bad ones.');
    expect(facts.parseError).toBeUndefined();
  });

  it('names constructors as Dart does: the unnamed one `new`, a named one by its name', () => {
    const source = [
      'class Box {',
      '  Box() { init(); }',
      '  Box.sized(int n) { if (n > 0) grow(n); }',
      '  void run(List<int> xs) {',
      '    for (final x in xs) { if (x > 0) { continue; } }',
      '  }',
      '}',
    ].join('\n');
    expect(figures(analyseSource('box.dart', source)!)).toEqual([
      ['Box.new', 'constructor', 2, 1, 0],
      ['Box.sized', 'constructor', 3, 2, 1],
      ['Box.run', 'method', 4, 3, 3],
    ]);
  });

  it('puts a function on its signature’s line when the parameters span several lines', () => {
    const source = [
      'class Box {',
      '  @override',
      '  int total(',
      '    int limit, {',
      '    bool strict = false,',
      '  }) {',
      '    return strict ? limit : 0;',
      '  }',
      '}',
      'void main(',
      '  List<String> args,',
      ') {}',
    ].join('\n');
    expect(figures(analyseSource('box.dart', source)!)).toEqual([
      ['Box.total', 'method', 3, 2, 1],
      ['main', 'function', 10, 1, 0],
    ]);
  });
});
