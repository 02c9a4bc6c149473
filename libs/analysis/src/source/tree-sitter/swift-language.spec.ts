import { analyseSource } from '../analyse-source';
import { figures, fixture } from './fixtures/fixture-facts.fixture-spec';

describe('Swift', () => {
  const facts = fixture('Cart.swift');

  it('scores functions, initializers, accessors and closures', () => {
    expect(figures(facts)).toEqual([
      // ternary: 1 + 1; cognitive 1
      ['size.get', 'accessor', 9, 2, 1],
      ['size.set', 'accessor', 10, 1, 0],
      ['Cart.init', 'constructor', 13, 1, 0],
      // 1 + default + for + if + && + || + else-if + guard + ?. + ?? + 2 cases (default excluded)
      // + 2 catches + while + repeat = 16
      // cognitive: for 1, if 2, &&/|| 2, else-if 1, else 1, continue outer 1, guard 1, switch 1,
      // 2 catches 2, while 1, repeat 1 = 14
      ['Cart.total', 'method', 17, 16, 14],
      // the closure's if, one level deep inside its method: 1 + 1
      ['<closure>', 'lambda', 45, 2, 2],
      // a method declared in an extension belongs to the extended type
      ['Cart.price', 'method', 56, 1, 0],
      ['helper', 'function', 58, 1, 0],
    ]);
  });

  it('lists imported modules and declared names', () => {
    expect(facts.imports.map((i) => i.specifier)).toEqual(['Foundation', 'Shop.Item']);
    expect(facts.packageName).toBeUndefined();
    expect(facts.loc).toBe(52);
    expect(facts.symbols).toEqual(['Cart', 'size', 'total', 'Point', 'Kind', 'Pricer', 'price', 'helper']);
    expect(facts.comments).toBe('A cart.');
    expect(facts.parseError).toBeUndefined();
  });

  it('counts a read-only computed property as a getter and an unlabelled break as no jump', () => {
    const source = [
      'struct Box {',
      '    var empty: Bool { items.count == 0 || items.first == nil }',
      '    func run() { while true { if done { break } } }',
      '}',
    ].join('\n');
    expect(figures(analyseSource('Box.swift', source)!)).toEqual([
      ['empty.get', 'accessor', 2, 2, 1],
      ['Box.run', 'method', 3, 3, 3],
    ]);
  });

  it('qualifies the methods of an extension by the extended type without declaring that type', () => {
    const facts = analyseSource(
      'Cart+Discounts.swift',
      'extension Cart {\n    func discount() -> Int { 0 }\n}\n',
    )!;
    expect(figures(facts)).toEqual([['Cart.discount', 'method', 2, 1, 0]]);
    expect(facts.symbols).toEqual(['discount']);
  });

  it('parses members under #if / #elseif as the first configuration, lines as written', () => {
    const source = [
      'final class Sink: Disposable {',
      '    #if DEBUG',
      '    private let tracker = Tracker()',
      '    #elseif os(macOS)',
      '    private let tracker = MacTracker()',
      '    #else',
      '    func untracked() {}',
      '    #endif',
      '',
      '    func dispose() {',
      '        if tracker.active { tracker.stop() }',
      '    }',
      '}',
    ].join('\n');
    const facts = analyseSource('Sink.swift', source)!;
    expect(facts.parseError).toBeUndefined();
    // the #else branch's method is not this configuration's; dispose keeps its line
    expect(figures(facts)).toEqual([['Sink.dispose', 'method', 10, 2, 1]]);
    expect(facts.loc).toBe(12);
  });

  it('parses the empty tuple passed or returned as Void, and leaves Void types alone', () => {
    const source = [
      'typealias Callback = () -> Void',
      'func notify(_ observer: Observer, state _: (), done: @escaping (()) -> Void) {',
      '    observer.on(.next(()))',
      '    let tick = { _ in () }',
      '    let events: Result<Int, ()> = .success(1)',
      '    observer.map { _ in',
      '        ()',
      '    }',
      '    return ()',
      '}',
    ].join('\n');
    const facts = analyseSource('Notify.swift', source)!;
    expect(facts.parseError).toBeUndefined();
    expect(figures(facts)[0]).toEqual(['notify', 'function', 2, 1, 0]);
  });
});
