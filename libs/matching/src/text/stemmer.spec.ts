import { stem } from './stemmer';

describe('stem', () => {
  // Pairs from Porter's published vocabulary / output lists.
  it.each([
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['cats', 'cat'],
    ['feed', 'feed'],
    ['agreed', 'agre'],
    ['plastered', 'plaster'],
    ['motoring', 'motor'],
    ['sing', 'sing'],
    ['conflated', 'conflat'],
    ['hopping', 'hop'],
    ['falling', 'fall'],
    ['filing', 'file'],
    ['happy', 'happi'],
    ['sky', 'sky'],
    ['relational', 'relat'],
    ['conditional', 'condit'],
    ['digitizer', 'digit'],
    ['operator', 'oper'],
    ['hopefulness', 'hope'],
    ['formalize', 'formal'],
    ['electrical', 'electr'],
    ['goodness', 'good'],
    ['allowance', 'allow'],
    ['adjustment', 'adjust'],
    ['adoption', 'adopt'],
    ['effective', 'effect'],
    ['controll', 'control'],
    ['generalizations', 'gener'],
    ['oscillators', 'oscil'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('brings inflections of one word together', () => {
    expect(new Set(['parse', 'parsed', 'parses', 'parsing'].map(stem))).toEqual(new Set(['pars']));
  });

  it('leaves short words, digits and non-ASCII words alone', () => {
    expect(stem('is')).toBe('is');
    expect(stem('utf8')).toBe('utf8');
    expect(stem('größe')).toBe('größe');
    expect(stem('привет')).toBe('привет');
  });
});
