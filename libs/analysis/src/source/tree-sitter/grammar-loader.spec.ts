import { isTreeSitterLanguage, parserFor, preloadParsers } from './grammar-loader';

describe('grammar loading', () => {
  it('loads every grammar, the ES-module (C#, Lua) and WebAssembly (Dart) ones included, and parses with each', async () => {
    await expect(preloadParsers()).resolves.toBeUndefined();
    expect(parserFor('dart').parse('void main() {}').rootNode.hasError).toBe(false);
    expect(parserFor('lua').parse('local x = 1').rootNode.hasError).toBe(false);
    expect(parserFor('csharp').parse('class A {}').rootNode.hasError).toBe(false);
    expect(isTreeSitterLanguage('typescript')).toBe(false);
  });
});
