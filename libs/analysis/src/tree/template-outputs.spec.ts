import { templateOutputsOf } from './template-outputs';

describe('templateOutputsOf', () => {
  const isOutput = templateOutputsOf([
    'src/FluentDate/In.Months.tt',
    'src/FluentDate/In.Months.cs',
    'src/FluentDate/In.cs',
    'src/Model.t4',
    'src/Model.json',
    'other/In.Months.cs',
  ]);

  it.each([
    ['src/FluentDate/In.Months.cs', true],
    ['src/Model.json', true],
    // Not beside a template of the same name, or the template itself.
    ['src/FluentDate/In.cs', false],
    ['other/In.Months.cs', false],
    ['src/FluentDate/In.Months.tt', false],
  ])('%s → %s', (path, expected) => {
    expect(isOutput(path)).toBe(expected);
  });

  it('finds nothing in a tree without templates', () => {
    expect(templateOutputsOf(['src/a.cs', 'src/a.tt.md'])('src/a.cs')).toBe(false);
  });
});
