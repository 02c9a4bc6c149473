import { strongestByFamily } from './coupling-families';

const pair = (a: string, b: string) => ({ a, b });
// Four extractors that always change together: six pairs.
const extractors = ['Boolean', 'Byte', 'Char', 'Int'].map((t) => `valueextraction/${t}Extractor.java`);
const family = extractors.flatMap((a, i) => extractors.slice(i + 1).map((b) => pair(a, b)));

describe('strongestByFamily', () => {
  it('lists two pairs of a family of files that change together while other families have pairs', () => {
    const zip = pair('zip/ZipLong.java', 'zip/ZipShort.java');
    const render = pair('render/html.go', 'render/xml.go');
    const { couplings, repeated } = strongestByFamily([...family, zip, render], 4);
    expect(couplings).toEqual([family[0], family[1], zip, render]);
    expect(repeated).toBe(4);
  });

  it('counts a family joined later by a pair of two listed files as one', () => {
    const { couplings, repeated } = strongestByFamily(
      [pair('a', 'b'), pair('c', 'd'), pair('b', 'c'), pair('a', 'e'), pair('x', 'y')],
      3,
    );
    // b–c joins {a, b} and {c, d} (one row each) into a family with two rows: a–e is one too many.
    expect(couplings).toEqual([pair('a', 'b'), pair('c', 'd'), pair('x', 'y')]);
    expect(repeated).toBe(2);
  });

  it('fills rows no other family needs with the pairs held back, strongest first', () => {
    // A small repository whose files form one family still fills its table.
    expect(strongestByFamily(family, 10)).toEqual({ couplings: family, repeated: 0 });
    const { couplings, repeated } = strongestByFamily([...family, pair('x', 'y')], 4);
    expect(couplings).toEqual([family[0], family[1], family[2], pair('x', 'y')]);
    expect(repeated).toBe(3);
  });

  it('stops at the number asked for', () => {
    const pairs = Array.from({ length: 20 }, (_, i) => pair(`a${i}`, `b${i}`));
    expect(strongestByFamily(pairs, 5)).toEqual({ couplings: pairs.slice(0, 5), repeated: 0 });
  });
});
