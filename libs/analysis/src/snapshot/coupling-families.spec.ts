import { strongestByFamily } from './coupling-families';

const pair = (a: string, b: string) => ({ a, b });

describe('strongestByFamily', () => {
  it('lists at most two pairs of a family of files that change together', () => {
    // Four extractors that always change together (six pairs), then two unrelated pairs.
    const extractors = ['Boolean', 'Byte', 'Char', 'Int'].map((t) => `valueextraction/${t}Extractor.java`);
    const family = extractors.flatMap((a, i) => extractors.slice(i + 1).map((b) => pair(a, b)));
    const { couplings, repeated } = strongestByFamily(
      [...family, pair('zip/ZipLong.java', 'zip/ZipShort.java'), pair('render/html.go', 'render/xml.go')],
      10,
    );
    expect(couplings).toEqual([
      family[0],
      family[1],
      pair('zip/ZipLong.java', 'zip/ZipShort.java'),
      pair('render/html.go', 'render/xml.go'),
    ]);
    expect(repeated).toBe(4);
  });

  it('counts a family joined later by a pair of two listed files as one', () => {
    const { couplings, repeated } = strongestByFamily(
      [pair('a', 'b'), pair('c', 'd'), pair('b', 'c'), pair('a', 'e'), pair('x', 'y')],
      10,
    );
    // b–c joins {a, b} and {c, d} (one row each) into a family with two rows: a–e is one too many.
    expect(couplings).toEqual([pair('a', 'b'), pair('c', 'd'), pair('x', 'y')]);
    expect(repeated).toBe(2);
  });

  it('stops at the number asked for', () => {
    const pairs = Array.from({ length: 20 }, (_, i) => pair(`a${i}`, `b${i}`));
    expect(strongestByFamily(pairs, 5)).toEqual({ couplings: pairs.slice(0, 5), repeated: 0 });
  });
});
