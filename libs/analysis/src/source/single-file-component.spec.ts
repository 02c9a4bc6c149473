import { analyseSource } from './analyse-source';

const figures = (path: string, content: string) => {
  const facts = analyseSource(path, content)!;
  return {
    language: facts.language,
    loc: facts.loc,
    functions: facts.functions.map((f) => [f.name, f.line, f.complexity]),
    imports: facts.imports.map((i) => i.specifier),
    symbols: facts.symbols,
    comments: facts.comments,
    parseError: facts.parseError,
  };
};

describe('single-file components', () => {
  it('analyses the script blocks of a Vue component at their own lines and counts every kind of line', () => {
    const vue = [
      '<template>', //                             1  code
      '  <!-- the cart -->', //                    2  comment
      '  <div v-if="items.length > 0 && open">', // 3  code (template expressions add no complexity)
      '    {{ total }}', //                         4  code
      '  </div>', //                               5  code
      '</template>', //                            6  code
      '', //                                       7  blank
      '<script setup lang="ts">', //               8  code
      "import { computed } from 'vue';", //        9  code
      "import Item from './Item.vue';", //         10 code
      '// Sums the visible items.', //             11 comment
      'function total(items: Item[]): number {', // 12 code
      '  return items.length > 0 ? items.length : 0;', // 13 code
      '}', //                                      14 code
      '</script>', //                              15 code
      '', //                                       16 blank
      '<style scoped>', //                         17 code
      '/* spacing */', //                          18 comment
      '.cart { margin: 0; }', //                   19 code
      '</style>', //                               20 code
    ].join('\n');
    expect(figures('src/components/Cart.vue', vue)).toEqual({
      language: 'typescript',
      loc: 15,
      functions: [['total', 12, 2]],
      imports: ['vue', './Item.vue'],
      symbols: ['total'],
      comments: 'Sums the visible items.',
      parseError: undefined,
    });
  });

  it('reads every script block of a Svelte component as JavaScript without lang="ts"', () => {
    const svelte = [
      '<script context="module">',
      '  export const prerender = true;',
      '</script>',
      '<script>',
      '  export let count = 0;',
      '  const double = () => (count > 1 ? count * 2 : count);',
      '</script>',
      '{#if count > 0}<p>{count}</p>{/if}',
    ].join('\n');
    const facts = figures('src/routes/Counter.svelte', svelte);
    expect(facts.language).toBe('javascript');
    expect(facts.loc).toBe(8);
    expect(facts.functions).toEqual([['double', 6, 2]]);
    expect(facts.symbols).toEqual(expect.arrayContaining(['prerender', 'double']));
    expect(facts.parseError).toBeUndefined();
  });

  it('gives a component without a script its markup lines and no functions', () => {
    expect(figures('Logo.vue', '<template>\n  <img src="logo.svg" />\n</template>\n')).toMatchObject({
      loc: 3,
      functions: [],
      imports: [],
    });
  });

  it('parses a lang="tsx" script with JSX', () => {
    const vue =
      '<script lang="tsx">\nexport const Badge = (p: { n: number }) => <b>{p.n > 9 ? "9+" : p.n}</b>;\n</script>\n';
    expect(figures('Badge.vue', vue)).toMatchObject({ language: 'typescript', functions: [['Badge', 2, 2]] });
    expect(analyseSource('Badge.vue', vue)?.parseError).toBeUndefined();
  });

  it('reads an opening tag whose quoted attribute holds a ">" (a generic script)', () => {
    const vue = [
      '<script lang="ts">',
      'export class Item<T> { value?: T }',
      '</script>',
      '<script setup lang="ts" generic="TItem extends Item<TValue>, TValue">',
      'const pick = (items: TItem[]) => (items.length > 0 ? items[0] : undefined);',
      '</script>',
    ].join('\n');
    expect(figures('Picker.vue', vue)).toMatchObject({
      language: 'typescript',
      functions: [['pick', 5, 2]],
      parseError: undefined,
    });
  });
});
