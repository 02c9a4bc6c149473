import { buildMatchIndex } from '../index/match-index';
import { prepareTicket } from '../ticket/prepare-ticket';
import { nameSignals } from './name-signal';

describe('nameSignals', () => {
  const index = buildMatchIndex({
    files: [
      {
        path: 'gin/response_writer.go',
        symbols: ['responseWriter', 'WriteHeader'],
        comments: 'writes the response',
      },
      { path: 'gin/context.go', symbols: ['Context', 'SaveUploadedFile'], comments: 'the request context' },
      {
        path: 'gin/render/render.go',
        symbols: ['Render'],
        comments: 'context aware rendering of the context',
      },
      {
        path: 'gin/utils.go',
        symbols: ['filterFlags', 'flags'],
        comments: 'context helpers for the context',
      },
    ],
  });
  const signal = (title: string) => {
    const s = nameSignals(index, prepareTicket({ title }));
    return [...s].map(([doc, v]) => [
      index.paths[doc],
      Number(v.value.toFixed(3)),
      v.hits.map((h) => `${h.target}:${h.text}`),
    ]);
  };

  it('joins words into file names', () => {
    const [[path, value, hits]] = signal('the response writer flushes twice');
    expect([path, hits]).toEqual(['gin/response_writer.go', ['file:response writer']]);
    expect(value).toBeGreaterThan(0.7);
  });

  it('joins words into symbol names, at half the strength of a file name', () => {
    const [[path, value, hits]] = signal('save uploaded file keeps permissions');
    expect([path, hits]).toEqual(['gin/context.go', ['symbol:save uploaded file']]);
    expect(value).toBeGreaterThan(0.3);
    expect(value).toBeLessThanOrEqual(0.5);
  });

  it('weakens names that the repository says everywhere', () => {
    const [[path, value]] = signal('context leaks');
    expect(path).toBe('gin/context.go');
    expect(value).toBeLessThan(0.5);
  });

  it('never matches a lone lowercase word to a symbol', () => {
    expect(signal('flags').map(([path]) => path)).toEqual([]);
    expect(signal('filter flags').map(([path, , hits]) => [path, hits])).toEqual([
      ['gin/utils.go', ['symbol:filter flags']],
    ]);
    expect(signal('render').map(([path, , hits]) => [path, hits])).toEqual([
      ['gin/render/render.go', ['file:render']],
    ]);
  });

  it('reads a file name without the words its family shares, at half strength', () => {
    const modules = buildMatchIndex({
      files: ['compile', 'clean', 'shell', 'escriptize', 'upgrade'].map((name) => ({
        path: `src/rebar_prv_${name}.erl`,
      })),
    });
    const hits = [...nameSignals(modules, prepareTicket({ title: 'escriptize drops ebin subdirs' }))];
    expect(hits.map(([doc, v]) => [modules.paths[doc], v.hits.map((h) => h.text)])).toEqual([
      ['src/rebar_prv_escriptize.erl', ['escriptize']],
    ]);
    expect(hits[0][1].value).toBeLessThanOrEqual(0.5);
  });

  describe('entry-point files', () => {
    const modules = buildMatchIndex({
      files: [
        { path: 'src/milliseconds/index.ts', loc: 40, symbols: ['milliseconds'] },
        { path: 'src/addMilliseconds/index.ts', loc: 30, symbols: ['addMilliseconds'] },
        { path: 'src/shop/__init__.py', loc: 5 },
        { path: 'src/shop/cart.py', loc: 200, symbols: ['Cart'] },
        { path: 'src/index.ts', loc: 10 },
      ],
    });
    const files = (title: string) =>
      [...nameSignals(modules, prepareTicket({ title }))].map(([doc]) => modules.paths[doc]);

    it('are named by their folder when they hold its code', () => {
      expect(files('milliseconds returns a wrong value')).toEqual(['src/milliseconds/index.ts']);
    });

    it('are not named by a folder whose code is in other files, nor by a layout folder', () => {
      expect(files('shop breaks')).toEqual([]);
      expect(files('src is broken')).toEqual([]);
    });
  });
});
