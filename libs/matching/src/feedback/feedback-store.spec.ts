import { InMemoryFeedbackStore, latestVerdicts } from './feedback-store';

describe('feedback store', () => {
  it('keeps the latest verdict per ticket, target and path', async () => {
    const store = new InMemoryFeedbackStore();
    await store.record({
      ticketKey: 'A-1',
      path: 'src/x',
      target: 'area',
      verdict: 'wrong',
      at: '2025-01-01T00:00:00Z',
    });
    await store.record({
      ticketKey: 'A-1',
      path: 'src/x',
      target: 'area',
      verdict: 'right',
      at: '2025-01-02T00:00:00Z',
    });
    await store.record({ ticketKey: 'A-1', path: 'src/x', target: 'file', verdict: 'wrong' });
    await store.record({ ticketKey: 'A-2', path: 'src/x', target: 'area', verdict: 'wrong' });
    const entries = await store.list();
    expect(entries.map((e) => [e.ticketKey, e.target, e.verdict])).toEqual([
      ['A-1', 'area', 'right'],
      ['A-1', 'file', 'wrong'],
      ['A-2', 'area', 'wrong'],
    ]);
  });

  it('ignores an older verdict that arrives late', () => {
    const latest = latestVerdicts([
      { ticketKey: 'A-1', path: 'p', target: 'file', verdict: 'right', at: '2025-02-01T00:00:00Z' },
      { ticketKey: 'A-1', path: 'p', target: 'file', verdict: 'wrong', at: '2025-01-01T00:00:00Z' },
    ]);
    expect(latest.map((e) => e.verdict)).toEqual(['right']);
  });

  it('hands out copies, so callers cannot change what was recorded', async () => {
    const store = new InMemoryFeedbackStore();
    await store.record({ ticketKey: 'A-1', path: 'p', target: 'file', verdict: 'right' });
    const [entry] = await store.list();
    entry.verdict = 'wrong';
    expect((await store.list())[0].verdict).toBe('right');
  });
});
