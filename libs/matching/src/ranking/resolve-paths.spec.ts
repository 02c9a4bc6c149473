import { buildMatchIndex } from '../index/match-index';
import { ownFrameWords } from './resolve-paths';

describe('ownFrameWords', () => {
  const index = buildMatchIndex({
    asOf: Date.UTC(2025, 0, 1),
    files: [{ path: 'binding/json.go', symbols: ['decodeJSON'], loc: 40, revisions: 3 }],
    pastTickets: [],
  });

  it("gives the function and file names of the repository's own frames, without the extension", () => {
    const words = ownFrameWords(index, [
      { file: 'go/pkg/mod/github.com/gin-gonic/gin@v1.9.1/binding/json.go', line: 56, symbol: 'decodeJSON' },
      { file: 'usr/local/go/src/runtime/panic.go', line: 12, symbol: 'gopanic' },
    ]);
    expect(words).toBe('decodeJSON json');
  });
});
