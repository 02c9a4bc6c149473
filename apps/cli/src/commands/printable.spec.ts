import { printable } from './printable';

describe('printable', () => {
  it('shows control characters escaped and keeps tabs, line breaks and any script', () => {
    expect(printable('src/\u001b[31mred.ts')).toBe('src/\\x1B[31mred.ts');
    expect(printable('a\rb\u0007c\u007fd\u009be')).toBe('a\\rb\\x07c\\x7Fd\\x9Be');
    expect(printable('col\tcol\nрусский 日本語 ß')).toBe('col\tcol\nрусский 日本語 ß');
  });
});
