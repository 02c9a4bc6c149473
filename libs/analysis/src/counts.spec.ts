import { formatCount, plural } from './counts';

describe('counts', () => {
  it('prints counts with thousands separators and the right noun', () => {
    expect(formatCount(14872)).toBe('14,872');
    expect(plural(1, 'author')).toBe('1 author');
    expect(plural(1385, 'author')).toBe('1,385 authors');
    expect(plural(2, 'other area', 'other areas')).toBe('2 other areas');
  });
});
