import { isTreeSitterLanguage, parserFor, preloadParsers } from './grammar-loader';

describe('grammar loading', () => {
  it('loads every grammar, the ES-module packages (C#, Lua) included, and parses with each', () => {
    expect(() => preloadParsers()).not.toThrow();
    expect(parserFor('lua').parse('local x = 1').rootNode.hasError).toBe(false);
    expect(parserFor('csharp').parse('class A {}').rootNode.hasError).toBe(false);
    expect(isTreeSitterLanguage('typescript')).toBe(false);
  });
});
