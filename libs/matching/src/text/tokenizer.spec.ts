import { splitIdentifier, tokenize, tokenizeWithSurface } from './tokenizer';

describe('tokenize', () => {
  it('splits camelCase, PascalCase, snake_case and kebab-case alike and keeps the whole identifier', () => {
    const expected = ['save', 'upload', 'file', 'saveuploadedfil'];
    expect(tokenize('SaveUploadedFile')).toEqual(expected);
    expect(tokenize('saveUploadedFile')).toEqual(expected);
    expect(tokenize('save_uploaded_file')).toEqual(expected);
    expect(tokenize('save-uploaded-file')).toEqual(expected);
  });

  it('splits acronyms and digits', () => {
    expect(tokenize('getHTTPResponse2Code')).toEqual(['http', 'respons', 'code', 'gethttpresponse2code']);
    expect(tokenize('utf8 base64')).toEqual(['utf', 'utf8', 'base', 'base64']);
  });

  it('keeps a plural acronym one word: "URLs" is urls, not "UR" and "Ls"', () => {
    expect(tokenize('Unable to build URLs')).toEqual(['unabl', 'build', 'url']);
    expect(tokenize('fetchIDsForAPIs')).toEqual(['fetch', 'id', 'api', 'fetchidsforapi']);
    expect(tokenize('URLSearchParams')).toEqual(['url', 'search', 'urlsearchparam']);
    expect(tokenize('HTTPSession')).toEqual(['http', 'session', 'httpsession']);
  });

  it('drops stop words, single letters, bare numbers and hashes', () => {
    expect(tokenize('Fix the bug in a 404 handler for deadbeef0123 x')).toEqual(['handler']);
  });

  it('keeps a single-part identifier once', () => {
    expect(tokenize('Context')).toEqual(['context']);
    expect(tokenize('get_context')).toEqual(['context', 'getcontext']);
  });

  it('stems words so inflections meet', () => {
    expect(tokenize('parsing parsed parses')).toEqual(['pars', 'pars', 'pars']);
  });

  it('is safe for any script: unspaced scripts become bigrams, others stay words', () => {
    expect(tokenize('日本語 한국어 Привет naïve')).toEqual([
      '日本',
      '本語',
      '한국',
      '국어',
      'привет',
      'naïve',
    ]);
    expect(tokenize('ＦＵＬＬ width')).toEqual(['full', 'width']);
    expect(tokenize('emoji 🎉 and \u0000 control')).toEqual(['emoji', 'control']);
  });

  it('ignores tokens longer than 64 characters and empty input', () => {
    expect(tokenize('a'.repeat(65))).toEqual([]);
    expect(tokenize('')).toEqual([]);
  });

  it('reports how each term was written', () => {
    expect(tokenizeWithSurface('Parsing SaveFile')).toEqual([
      { term: 'pars', surface: 'parsing' },
      { term: 'save', surface: 'save' },
      { term: 'file', surface: 'file' },
      { term: 'savefil', surface: 'SaveFile' },
    ]);
  });
});

describe('splitIdentifier', () => {
  it('returns lowercase parts without stemming or stop-word removal', () => {
    expect(splitIdentifier('getXMLHttpRequest')).toEqual(['get', 'xml', 'http', 'request']);
    expect(splitIdentifier('StringUtils.join')).toEqual(['string', 'utils', 'join']);
  });
});
