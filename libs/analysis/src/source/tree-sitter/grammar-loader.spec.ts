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

describe('a WebAssembly grammar that cannot load', () => {
  it('leaves the analysis running and says why on each file of that language', async () => {
    let loader: typeof import('./grammar-loader') | undefined;
    let analyse: typeof import('../analyse-source').analyseSource | undefined;
    jest.isolateModules(() => {
      jest.doMock('web-tree-sitter', () => {
        throw new Error('wasm runtime missing');
      });
      loader = jest.requireActual<typeof import('./grammar-loader')>('./grammar-loader');
      analyse = jest.requireActual<typeof import('../analyse-source')>('../analyse-source').analyseSource;
    });
    await expect(loader!.loadWasmGrammars()).resolves.toBeUndefined();
    expect(() => loader!.parserFor('dart')).toThrow('the dart grammar did not load: wasm runtime missing');
    expect(analyse!('lib/cart.dart', 'int total() => 1;\n')).toMatchObject({
      language: 'dart',
      functions: [],
      parseError: 'parser failed: the dart grammar did not load: wasm runtime missing',
    });
  });
});
